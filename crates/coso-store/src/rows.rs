use serde::Serialize;

/// One page of a list and the number of all matches.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
}

/// The bounds of every list: at most this many items per page.
pub const MAX_LIMIT: i64 = 200;

pub(crate) fn clamp_limit(limit: Option<i64>, default: i64) -> i64 {
    limit.unwrap_or(default).clamp(1, MAX_LIMIT)
}

/// The indexed search form of a text: folded, with a leading space so that every word,
/// the first included, starts after a space.
pub(crate) fn search_text(parts: &[&str]) -> String {
    let mut out = String::new();
    for p in parts {
        out.push(' ');
        out.push_str(&coso_text::fold(p));
    }
    out
}

/// A LIKE pattern matching the start of any word of a [`search_text`] ("ha" finds "Hà Tĩnh",
/// not "Đồng Tháp"), with LIKE's own wildcards escaped (`ESCAPE '\'`).
pub(crate) fn word_prefix_pattern(needle: &str) -> String {
    let mut p = String::with_capacity(needle.len() + 3);
    p.push_str("% ");
    for c in needle.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}
