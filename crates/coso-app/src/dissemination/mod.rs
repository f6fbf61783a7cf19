//! Dissemination (*phổ biến, tuyên truyền*): a unit's news posts (public once published, with
//! an Atom feed), its legal library (public, with the documents of the units above it), and
//! the log of its trainings and dissemination events, which fills the report's `trainings`
//! indicator. The unit's officials write all three; every change is audited.

pub mod library;
pub mod news;
pub mod trainings;

/// The search words as stored: folded (no diacritics, `đ → d`) and trimmed; `None` if empty.
pub(crate) fn search_words(q: &str) -> Option<String> {
    let folded = coso_text::fold(&coso_text::clean(q));
    let folded = folded.trim();
    (!folded.is_empty()).then(|| folded.to_string())
}

/// The 1-based page asked for, bounded so that an offset cannot overflow.
pub(crate) fn page_number(raw: &str) -> i64 {
    raw.trim().parse::<i64>().ok().filter(|p| (1..=100_000).contains(p)).unwrap_or(1)
}
