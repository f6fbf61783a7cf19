//! Worksheet names that Excel accepts, whatever the tables asked for.
//!
//! Excel refuses a workbook, or repairs it with a warning, when a sheet name is blank, longer
//! than 31 characters, holds one of `[ ] : * ? / \`, starts or ends with an apostrophe, is
//! "History" or repeats another sheet's name in any case. A title such as "Quý 1/2026" breaks
//! two of these rules, so names are made safe here rather than trusted.

/// The name of a sheet whose table asks for none, or for one with nothing usable in it.
pub(super) const DEFAULT: &str = "Số liệu";

/// Excel's limit, counted in UTF-16 code units as Excel stores the name.
const MAX_LEN: usize = 31;

const FORBIDDEN: &[char] = &['[', ']', ':', '*', '?', '/', '\\'];

/// Excel keeps this name for the change history of a shared workbook.
const RESERVED: &str = "history";

/// One name per table, in order: each made acceptable, then unique as Excel compares names
/// (ignoring case), a repeated name getting " (2)", " (3)"… within the length limit.
pub(super) fn unique<'a>(wanted: impl IntoIterator<Item = Option<&'a str>>) -> Vec<String> {
    let mut taken = vec![RESERVED.to_owned()];
    let mut out = Vec::new();
    for name in wanted {
        let base = acceptable(name.unwrap_or(DEFAULT));
        let mut candidate = base.clone();
        let mut n = 1;
        while taken.contains(&candidate.to_lowercase()) {
            n += 1;
            candidate = numbered(&base, n);
        }
        taken.push(candidate.to_lowercase());
        out.push(candidate);
    }
    out
}

/// The name with forbidden characters replaced (`/` → `-` keeps "1/2026" readable), control
/// characters turned into spaces, no apostrophe or space at either end, and cut to the limit.
fn acceptable(name: &str) -> String {
    let replaced: String = name
        .chars()
        .map(|c| match c {
            c if FORBIDDEN.contains(&c) => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let name = trim(truncate(trim(&replaced), MAX_LEN));
    if name.is_empty() { DEFAULT.to_owned() } else { name.to_owned() }
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c == '\'' || c.is_whitespace())
}

/// The longest prefix of `s` that fits in `max` UTF-16 code units.
fn truncate(s: &str, max: usize) -> &str {
    let mut used = 0;
    for (at, c) in s.char_indices() {
        used += c.len_utf16();
        if used > max {
            return &s[..at];
        }
    }
    s
}

/// `base (n)`, the base shortened so that the whole still fits.
fn numbered(base: &str, n: usize) -> String {
    let suffix = format!(" ({n})");
    format!("{}{suffix}", trim(truncate(base, MAX_LEN - suffix.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(wanted: &[Option<&str>]) -> Vec<String> {
        unique(wanted.iter().copied())
    }

    #[test]
    fn forbidden_characters_and_apostrophes_are_removed() {
        assert_eq!(names(&[Some("Quý 1/2026: [tỉnh]*?\\")]), ["Quý 1-2026- -tỉnh----"]);
        assert_eq!(names(&[Some("'Đơn vị'")]), ["Đơn vị"]);
        assert_eq!(names(&[Some("a\tb")]), ["a b"]);
    }

    #[test]
    fn long_names_are_cut_to_31_characters() {
        let long = "Tổng hợp báo cáo năm 2026 của các xã, phường";
        let got = names(&[Some(long)]);
        assert_eq!(got[0].chars().count(), 31);
        assert!(long.starts_with(&got[0]));
        // A cut that ends on a space does not leave it at the end.
        assert_eq!(names(&[Some("123456789 123456789 123456789 1 x")]), ["123456789 123456789 123456789 1"]);
        assert_eq!(names(&[Some("123456789 123456789 123456789  x")]), ["123456789 123456789 123456789"]);
    }

    #[test]
    fn blank_names_get_the_default() {
        assert_eq!(names(&[None, Some("  "), Some("'")]), ["Số liệu", "Số liệu (2)", "Số liệu (3)"]);
    }

    #[test]
    fn repeated_names_are_numbered_ignoring_case() {
        assert_eq!(
            names(&[Some("Cơ quan"), Some("CƠ QUAN"), Some("cơ quan")]),
            ["Cơ quan", "CƠ QUAN (2)", "cơ quan (3)"]
        );
        assert_eq!(names(&[Some("History")]), ["History (2)"]);
        let long = "x".repeat(40);
        let got = names(&[Some(&long), Some(&long)]);
        assert_eq!(got[1], format!("{} (2)", "x".repeat(27)));
    }
}
