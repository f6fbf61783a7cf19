//! Reporting obligations (báo cáo): period, due date and receiver.
//!
//! A report sentence either lists a schedule (`báo cáo 06 tháng (trước ngày 14/6 hằng năm),
//! 01 năm (trước ngày 30/11 hằng năm) hoặc đột xuất (khi có yêu cầu) … về UBND thị xã`),
//! which gives one obligation and one deadline per item, or states a single duty
//! (`tổng hợp báo cáo kết quả thực hiện về UBND tỉnh theo quy định`). A report of a review
//! (`Báo cáo sơ kết, tổng kết…`) takes its periods from where the review itself is planned.

use std::sync::LazyLock;

use regex::Regex;

use crate::deadlines::{self, Hit};
use crate::model::{Deadline, ReportObligation};
use crate::text;
use crate::units;

static REPORT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)báo cáo").expect("static regex"));
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:0?6 tháng|sáu tháng|0?9 tháng|chín tháng|hằng quý|hàng quý|quý|hằng tháng|hàng tháng|01 năm|1 năm|một năm|hằng năm|hàng năm|cả năm|năm|đột xuất|khi có yêu cầu|kịp thời|định kỳ)")
        .expect("static regex")
});
static RECEIVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:gửi về|gửi lên|gửi|nộp về|nộp|về|lên|báo cáo)\s+(?:cho\s+)?").expect("static regex")
});
static RECEIVER_STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[;,.(]|\s(?:theo|để|trước|chậm nhất|kết quả|định kỳ|tình hình|các vấn đề|trong|về|hằng|hàng|khi|tổng hợp|biết|xem xét|đúng)")
        .expect("static regex")
});
static VIA: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*\((?P<v>qua [^()]{1,120})\)").expect("static regex"));
static OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)báo cáo\s+(?P<o>(?:kết quả|tình hình)[^,;()]{0,80}?)\s+(?:về|gửi|lên)\s").expect("static regex")
});
static REVIEW: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)sơ kết|tổng kết").expect("static regex"));

/// What the report scan produced for the whole document.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub obligations: Vec<ReportObligation>,
    /// Deadlines of report schedules, with the index of their sentence (for reading order).
    pub deadlines: Vec<(usize, Deadline)>,
    /// Dates whose year was implied: (as written, year used).
    pub implied: Vec<(String, i32)>,
}

/// Start of the first stop word or punctuation in `s` (its length when none): a stop that
/// ends in a letter must end a word (`về` but not `vền`).
pub(crate) fn first_stop(re: &Regex, s: &str) -> usize {
    re.find_iter(s)
        .find(|m| !m.as_str().ends_with(char::is_alphabetic) || text::ends_word(s, m.end()))
        .map_or(s.len(), |m| m.start())
}

/// Normalised period of a period phrase as written.
fn period_name(written: &str) -> &'static str {
    let w = written.to_lowercase();
    if w.contains('6') || w.contains("sáu") {
        "6 tháng"
    } else if w.contains('9') || w.contains("chín") {
        "9 tháng"
    } else if w.contains("quý") {
        "quý"
    } else if w.contains("tháng") {
        "tháng"
    } else if w.contains("năm") {
        "năm"
    } else if w.contains("định kỳ") {
        "định kỳ"
    } else {
        "đột xuất"
    }
}

fn rank(period: &str) -> u8 {
    match period {
        "định kỳ" => 2,
        "đột xuất" => 1,
        _ => 0,
    }
}

/// Periods in `s`: (as written, normalised), most specific first. `năm 2024` is a year, not
/// the annual period.
fn periods(s: &str) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for m in text::find_words(&PERIOD, s) {
        if m.as_str().eq_ignore_ascii_case("năm") {
            let after = s[m.end()..].trim_start();
            let before = s[..m.start()].trim_end().to_lowercase();
            if after.starts_with(|c: char| c.is_ascii_digit())
                || !(before.ends_with("kết") || before.ends_with("báo cáo"))
            {
                continue;
            }
        }
        let name = period_name(m.as_str());
        if !out.iter().any(|(_, n)| *n == name) {
            out.push((m.as_str().to_string(), name));
        }
    }
    out.sort_by_key(|(_, n)| rank(n));
    out
}

/// The receiver after the report verb: `về UBND thị xã (qua Phòng Nội vụ để theo dõi)` →
/// `UBND thị xã (qua Phòng Nội vụ)`; several receivers are joined with `; `. Also returns
/// the byte offset where the receiver's unit name ends.
fn receiver(s: &str) -> Option<(String, usize)> {
    for m in RECEIVER.find_iter(s) {
        if !text::starts_word(s, m.start()) {
            continue;
        }
        let rest = &s[m.end()..];
        if !rest.chars().next().is_some_and(char::is_uppercase) || !units::starts_like_unit(rest) {
            continue;
        }
        let end = first_stop(&RECEIVER_STOP, rest);
        let unit = rest[..end].trim();
        if unit.is_empty() {
            continue;
        }
        let mut name = units::split_units(unit).join("; ");
        if let Some(v) = VIA.captures(&rest[end..]).and_then(|c| c.name("v")) {
            let via = v.as_str().split(" để ").next().unwrap_or_default().trim();
            name = format!("{name} ({via})");
        }
        return Some((name, m.end() + rest[..end].trim_end().len()));
    }
    None
}

/// Where the raw text of a single obligation starts: the clause, or the report verb with
/// its adverbs when the clause opens with the unit that reports (`2. Các sở … báo cáo…`).
fn raw_start(sentence: &str, at: usize) -> usize {
    let clause_start = sentence[..at].rfind(';').map_or(0, |i| i + 1);
    let clause = sentence[clause_start..at].trim_start();
    let opens_with_unit = crate::sections::style_of(clause).is_some()
        || units::starts_like_unit(units::strip_request(clause))
        || clause.starts_with("Giao")
        || clause.to_lowercase().starts_with("trên cơ sở");
    if !opens_with_unit {
        return clause_start + (sentence[clause_start..].len() - sentence[clause_start..].trim_start().len());
    }
    // Walk back over adverbs that belong to the verb: `định kỳ tổng hợp báo cáo`.
    const ADVERBS: &[&str] = &["định kỳ", "tổng hợp", "kịp thời", "thường xuyên", "và"];
    let mut start = at;
    loop {
        let before = sentence[..start].trim_end();
        let Some(adv) = ADVERBS.iter().find(|a| before.ends_with(*a)) else {
            break;
        };
        start = before.len() - adv.len();
    }
    let s = &sentence[start..];
    if s.starts_with("và ") { start + "và ".len() } else { start }
}

/// Cuts the raw text at a purpose clause (`để theo dõi…`) after the receiver and drops a
/// parenthesis left open by the cut.
fn cut_purpose(raw: &str, receiver_end: Option<usize>) -> &str {
    let mut out = raw;
    if let Some(from) = receiver_end
        && from <= raw.len()
        && let Some(i) = raw[from..].find(" để ")
    {
        out = &raw[..from + i];
    }
    let opens = out.matches('(').count();
    let closes = out.matches(')').count();
    if opens > closes
        && let Some(i) = out.rfind('(')
    {
        out = &out[..i];
    }
    text::trim_end_punct(out.trim())
}

/// Is this occurrence of `báo cáo` a duty rather than a noun (`Trên cơ sở báo cáo…`,
/// `Báo cáo số 12/BC-UBND`)?
fn is_duty(sentence: &str, at: usize, end: usize) -> bool {
    let before = sentence[..at].trim_end().to_lowercase();
    let after = sentence[end..].trim_start();
    let noun = ["trên cơ sở", "căn cứ", "các", "những", "trên đây là", "theo", "chế độ", "nội dung", "mẫu", "dự thảo"]
        .iter()
        .any(|w| before.ends_with(w));
    !noun && !after.starts_with("số")
}

/// Scans the sentences of the body (in reading order, each with its top-level section index).
pub(crate) fn scan(sentences: &[(usize, String)], year: Option<i32>) -> (Found, Vec<bool>) {
    let mut found = Found::default();
    let mut used = vec![false; sentences.len()];
    for (idx, (section, sentence)) in sentences.iter().enumerate() {
        let Some(at) = REPORT.find_iter(sentence).find(|m| is_duty(sentence, m.start(), m.end())) else {
            continue;
        };
        let hits = deadlines::find(sentence, year);
        let recv = receiver(&sentence[at.start()..]).map(|(n, e)| (n, e + at.start()));
        let span_periods = periods(&sentence[at.start()..]);
        let lower = sentence.to_lowercase();
        let qualifies = recv.is_some()
            || !hits.is_empty()
            || !span_periods.is_empty()
            || lower.contains("kịp thời")
            || REVIEW.is_match(&sentence[at.start()..]);
        if !qualifies {
            continue;
        }
        used[idx] = true;
        let submit_to = recv.as_ref().map(|(n, _)| n.clone());
        if !hits.is_empty() {
            schedule(&mut found, idx, sentence, &hits, submit_to.as_deref(), recv.as_ref().map(|(_, e)| *e));
            continue;
        }
        let start = raw_start(sentence, at.start());
        let mut end = sentence.len();
        if let Some(semi) = sentence[at.end()..].find(';').map(|i| i + at.end())
            && recv.as_ref().is_none_or(|(_, e)| *e <= semi)
        {
            end = semi;
        }
        let mut raw =
            cut_purpose(&sentence[start..end], recv.as_ref().and_then(|(_, e)| e.checked_sub(start))).to_string();
        let mut period = periods(&raw).first().map(|(_, n)| n.to_string());
        if period.is_none()
            && REVIEW.is_match(&raw)
            && let Some((earlier, p)) = review_periods(&sentences[..idx], *section)
        {
            raw = format!("{earlier} ... {raw}");
            period = Some(p);
        }
        found.obligations.push(ReportObligation { period, due: None, raw, submit_to });
    }
    (found, used)
}

/// One obligation and one deadline per scheduled item, plus an ad hoc obligation for a
/// trailing `hoặc đột xuất`.
fn schedule(
    found: &mut Found,
    idx: usize,
    sentence: &str,
    hits: &[Hit],
    submit_to: Option<&str>,
    recv_end: Option<usize>,
) {
    let object = OBJECT.captures(sentence).and_then(|c| c.name("o")).map(|o| o.as_str().trim().to_string());
    let sentence_periods = periods(sentence);
    let mut prev = 0;
    for hit in hits {
        // The item starts after the previous one, or at the clause that holds it.
        let from = sentence[prev..hit.start].rfind(';').map_or(prev, |i| prev + i + 1);
        let seg = sentence[from..hit.end].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';'));
        let seg = crate::tasks::strip_numbering(seg);
        let seg = seg.strip_prefix("và ").or_else(|| seg.strip_prefix("hoặc ")).unwrap_or(seg);
        let own = periods(seg);
        if own.is_empty() && text::find_words(&REPORT, seg).next().is_none() {
            // A deadline for something else in the same sentence (`tổ chức hội nghị trước ngày…`).
            if let Some(i) = &hit.implied {
                found.implied.push(i.clone());
            }
            let local = Hit { start: hit.start - from, end: hit.end - from, ..hit.clone() };
            let part = &sentence[from..hit.end];
            found.deadlines.extend(deadlines::generic(part, &[local]).into_iter().map(|d| (idx, d)));
            prev = hit.end;
            continue;
        }
        let (written, name) = own
            .first()
            .cloned()
            .or_else(|| if hits.len() == 1 { sentence_periods.first().cloned() } else { None })
            .map_or((None, None), |(w, n)| (Some(w), Some(n.to_string())));
        let due = deadlines::due(hit);
        if let Some(i) = &hit.implied {
            found.implied.push(i.clone());
        }
        let raw = text::trim_end_punct(seg).to_string();
        // What is reported, without the period already named: `kết quả 6 tháng` → `kết quả`.
        let object = OBJECT
            .captures(seg)
            .and_then(|c| c.name("o"))
            .map(|o| o.as_str().trim().to_string())
            .or_else(|| object.clone())
            .map(|o| text::collapse_ws(&PERIOD.replace_all(&o, "")))
            .filter(|o| !o.is_empty());
        let mut what = String::from("Báo cáo");
        for part in [written.as_deref(), object.as_deref()].into_iter().flatten() {
            what.push(' ');
            what.push_str(part);
        }
        if let Some(to) = submit_to {
            what.push_str(" về ");
            what.push_str(to);
        }
        found.deadlines.push((
            idx,
            Deadline { date: hit.date.clone(), recurring: hit.recurring.clone(), what: Some(what), raw: raw.clone() },
        ));
        found.obligations.push(ReportObligation { period: name, due, raw, submit_to: submit_to.map(str::to_string) });
        prev = hit.end;
    }
    let tail = &sentence[prev..];
    let tail_lower = tail.to_lowercase();
    if tail_lower.contains("đột xuất") || tail_lower.contains("khi có yêu cầu") {
        let t = tail.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';'));
        let offset = sentence.len() - t.len();
        let raw = cut_purpose(t, recv_end.and_then(|e| e.checked_sub(offset))).to_string();
        found.obligations.push(ReportObligation {
            period: Some("đột xuất".to_string()),
            due: None,
            raw,
            submit_to: submit_to.map(str::to_string),
        });
    }
}

/// The nearest earlier sentence of the same section that plans a review with periods:
/// (sentence, `6 tháng / năm (sơ kết, tổng kết)`).
fn review_periods(before: &[(usize, String)], section: usize) -> Option<(String, String)> {
    before.iter().rev().take(8).filter(|(s, _)| *s == section).find_map(|(_, sentence)| {
        if !REVIEW.is_match(sentence) {
            return None;
        }
        let mut names: Vec<&str> = Vec::new();
        for m in text::find_words(&PERIOD, sentence) {
            let name = period_name(m.as_str());
            let keep = match name {
                "năm" => {
                    let after = sentence[m.end()..].trim_start();
                    !after.starts_with(|c: char| c.is_ascii_digit())
                }
                "định kỳ" | "đột xuất" => false,
                _ => true,
            };
            if keep && !names.contains(&name) {
                names.push(name);
            }
        }
        if names.is_empty() {
            return None;
        }
        let lower = sentence.to_lowercase();
        let kinds: Vec<&str> = ["sơ kết", "tổng kết"].into_iter().filter(|k| lower.contains(k)).collect();
        let cleaned = text::trim_end_punct(text::trim_bullet(sentence)).to_string();
        Some((cleaned, format!("{} ({})", names.join(" / "), kinds.join(", "))))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Found {
        scan(&[(0, s.to_string())], Some(2024)).0
    }

    #[test]
    fn single_duties() {
        let f = one(
            "3. Giao Sở Nội vụ theo dõi, đôn đốc; tổng hợp báo cáo kết quả thực hiện về UBND tỉnh theo quy định./.",
        );
        assert_eq!(f.obligations.len(), 1);
        assert_eq!(f.obligations[0].raw, "tổng hợp báo cáo kết quả thực hiện về UBND tỉnh theo quy định");
        assert_eq!(f.obligations[0].submit_to.as_deref(), Some("UBND tỉnh"));
        assert_eq!(f.obligations[0].period, None);
        let f = one(
            "Trên cơ sở báo cáo của các đơn vị, tham mưu UBND thị xã báo cáo Ban Chỉ đạo thị xã và Sở Nội vụ kết quả thực hiện.",
        );
        assert_eq!(f.obligations[0].submit_to.as_deref(), Some("Ban Chỉ đạo thị xã; Sở Nội vụ"));
    }

    #[test]
    fn schedules() {
        let f = one(
            "Định kỳ thông tin, báo cáo 06 tháng (trước ngày 14/6 hằng năm), 01 năm (trước ngày 30/11 hằng năm) hoặc đột xuất (khi có yêu cầu) báo cáo kết quả thực hiện về UBND thị xã (qua Phòng Nội vụ để theo dõi, tổng hợp).",
        );
        let got: Vec<(Option<&str>, Option<&str>)> =
            f.obligations.iter().map(|o| (o.period.as_deref(), o.due.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                (Some("6 tháng"), Some("06-14 yearly")),
                (Some("năm"), Some("11-30 yearly")),
                (Some("đột xuất"), None)
            ]
        );
        assert_eq!(f.obligations[2].raw, "hoặc đột xuất (khi có yêu cầu) báo cáo kết quả thực hiện về UBND thị xã");
        assert_eq!(f.obligations[0].submit_to.as_deref(), Some("UBND thị xã (qua Phòng Nội vụ)"));
        assert_eq!(
            f.deadlines[0].1.what.as_deref(),
            Some("Báo cáo 06 tháng kết quả thực hiện về UBND thị xã (qua Phòng Nội vụ)")
        );
    }
}
