//! Deadlines: `chậm nhất ngày 31/3/2024`, `trước ngày 20/5/2024`, `trước ngày 14/6 hằng năm`.
//!
//! Only dates introduced by a deadline word count: a citation's date or an effective date
//! (`có hiệu lực thi hành từ ngày 01/7/2023`) is not something due. A date without a year
//! is either yearly (`hằng năm`) or takes the year of the document, with a warning.

use std::sync::LazyLock;

use regex::Regex;

use crate::dates;
use crate::model::Deadline;
use crate::text;

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?:hoàn thành|hoàn tất|xong)\s+)?(?:chậm nhất|trước|hạn chót|hạn cuối|không quá|không muộn hơn|hoàn thành trong|thời hạn)\s*(?:là\s+|vào\s+|:\s*)?")
        .expect("static regex")
});
static YEARLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*,?\s*(?:của\s+)?(?i:hằng năm|hàng năm|mỗi năm|các năm)").expect("static regex"));

/// A deadline found in a sentence, with byte offsets into it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    /// Start of the deadline words (`trước ngày…`).
    pub start: usize,
    /// End of the deadline, past a closing parenthesis when the deadline is in brackets.
    pub end: usize,
    pub date: Option<String>,
    pub recurring: Option<String>,
    /// Set when the year was taken from the document: (as written, year used).
    pub implied: Option<(String, i32)>,
}

/// Deadlines in `sentence`; `year` is the document's own year for dates written without one.
pub(crate) fn find(sentence: &str, year: Option<i32>) -> Vec<Hit> {
    let mut hits = Vec::new();
    if !sentence.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    for m in MARKER.find_iter(sentence).filter(|m| text::starts_word(sentence, m.start())) {
        // A marker inside the previous deadline (`trước ngày 20/5 (chậm nhất ngày …)`) is part of it.
        if hits.last().is_some_and(|h: &Hit| m.start() < h.end) {
            continue;
        }
        let rest = &sentence[m.end()..];
        let Some(found) = dates::leading(rest, "ngày ".len()) else {
            continue;
        };
        let mut end = m.end() + found.end;
        let written = rest[found.start..found.end].trim_start_matches("ngày ").trim().to_string();
        let mut hit = Hit { start: m.start(), end, date: None, recurring: None, implied: None };
        if found.year.is_some() {
            hit.date = found.iso();
        } else if let Some(y) = YEARLY.find(&sentence[end..]) {
            hit.recurring = Some(format!("{:02}-{:02} yearly", found.month, found.day));
            end += y.end();
        } else if let Some(y) = year {
            hit.date = dates::iso(y, found.month, found.day);
            hit.implied = Some((written, y));
        }
        if hit.date.is_none() && hit.recurring.is_none() {
            continue;
        }
        let before = sentence[..m.start()].trim_end();
        let after = &sentence[end..];
        if before.ends_with('(')
            && let Some(close) = after.find(')')
            && !after[..close].contains('(')
        {
            end += close + 1;
        }
        hit.end = end;
        hits.push(hit);
    }
    hits
}

/// The due value of a hit for a report obligation: an ISO date or `MM-DD yearly`.
pub(crate) fn due(hit: &Hit) -> Option<String> {
    hit.date.clone().or_else(|| hit.recurring.clone())
}

/// Deadlines of a sentence that is not a report schedule: what is due is the clause before
/// the deadline words (`gửi kế hoạch về Phòng Nội vụ`).
pub(crate) fn generic(sentence: &str, hits: &[Hit]) -> Vec<Deadline> {
    let mut out = Vec::new();
    let mut prev = 0;
    for hit in hits {
        let clause_start = sentence[prev..hit.start].rfind(';').map_or(prev, |i| prev + i + 1);
        let what = crate::tasks::strip_numbering(sentence[clause_start..hit.start].trim());
        let what = text::trim_end_punct(what.trim_end_matches(['(', ' '])).trim();
        // "Thời gian: tổ chức xong trước ngày…": the label says nothing about what is due.
        let what = ["Thời gian:", "Thời hạn:", "Thời gian thực hiện:"]
            .iter()
            .find_map(|l| what.strip_prefix(l))
            .map_or(what, str::trim);
        let raw = crate::tasks::strip_numbering(sentence[clause_start..hit.end].trim());
        let what = if what.is_empty() {
            text::trim_end_punct(sentence[hit.end..].trim().trim_start_matches([',', ' '])).to_string()
        } else {
            what.to_string()
        };
        out.push(Deadline {
            date: hit.date.clone(),
            recurring: hit.recurring.clone(),
            what: Some(text::capitalize_first(&what)).filter(|w| !w.is_empty()),
            raw: text::trim_end_punct(raw).to_string(),
        });
        prev = hit.end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_recurring_implied() {
        let s = "Các xã gửi kế hoạch về Phòng Nội vụ chậm nhất ngày 31/3/2024; báo cáo 06 tháng (trước ngày 14/6 hằng năm), nộp trước ngày 20/5.";
        let h = find(s, Some(2024));
        assert_eq!(h.len(), 3);
        assert_eq!(h[0].date.as_deref(), Some("2024-03-31"));
        assert_eq!(h[1].recurring.as_deref(), Some("06-14 yearly"));
        assert!(s[..h[1].end].ends_with("hằng năm)"));
        assert_eq!(h[2].date.as_deref(), Some("2024-05-20"));
        assert_eq!(h[2].implied, Some(("20/5".to_string(), 2024)));
        let d = generic(s, &h[..1]);
        assert_eq!(d[0].what.as_deref(), Some("Các xã gửi kế hoạch về Phòng Nội vụ"));
    }

    #[test]
    fn effective_dates_are_not_deadlines() {
        assert!(find("Luật có hiệu lực thi hành từ ngày 01/7/2023", Some(2024)).is_empty());
    }
}
