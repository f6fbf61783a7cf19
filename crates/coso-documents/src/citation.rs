//! Citations of other documents: `Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ`.
//!
//! A citation is a kind (`Nghị định`, `Kết luận`, …), a number and symbol, an optional date
//! and an optional issuer (`của …`, or `giữa A và B` for joint documents). Laws and the
//! constitution are often cited by name with only a date or year (`Hiến pháp năm 2013`).
//! Symbols are normalised: spaces removed (`55 -CV/BCS` → `55-CV/BCS`) and a party-style
//! symbol typed with dashes only gets its slash back (`21-KL-TW` → `21-KL/TW`).

use std::sync::LazyLock;

use regex::Regex;

use crate::dates;
use crate::model::CitedDocument;
use crate::text;

/// Kinds of cited documents, longest first so that `Kế hoạch phối hợp` wins over `Kế hoạch`.
const KINDS: &str = "Nghị quyết liên tịch|Thông tư liên tịch|Thông báo kết luận|Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Quy định|Chỉ thị|Thông tư|Thông tri|Thông báo|Kết luận|Kế hoạch|Chương trình|Công văn|Văn bản|Hướng dẫn|Công điện|Đề án|Tờ trình|Báo cáo|Quy chế|Điều lệ|Thông cáo|Sắc lệnh|Lệnh";

/// A number and symbol: digits, an optional year, then code parts separated by `/` or `-`,
/// allowing one stray space around each separator.
const NUMBER: &str = r"\d{1,5}(?:\s?[/\-]\s?\d{4})?(?:\s?[/\-]\s?[\p{Lu}][\p{L}\d]*)+";

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<kind>{KINDS})(?P<mod>\s+(?:phối hợp|liên tịch|liên ngành))?\s+(?P<so>số\s*:?\s*)?(?P<num>{NUMBER})"
    ))
    .expect("static regex")
});

/// Laws and the constitution cited by name: capitalised kind (so that `pháp luật` is not a
/// law), a short name without punctuation, then a law number, a date or a year.
static NAMED_LAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<kind>Hiến pháp|Bộ luật|Luật)(?P<name>(?:\s+[^\s;.,()“”]+){0,14}?)(?:\s+số\s+(?P<num>\d{1,3}/\d{4}/[\p{Lu}][\p{L}\d]*))?(?:\s*,?\s+(?P<date>ngày\s+(?:\d{1,2}\s?/\s?\d{1,2}\s?/\s?\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))|\s+năm\s+(?P<year>\d{4}))",
    )
    .expect("static regex")
});

/// What follows a number: `, ngày 14/8/2023` (possibly truncated: `ngày 26 / 4 /`).
static DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*,?\s*(?:ban hành\s+)?ngày\s+\d{1,2}\s?(?:[/.\-]|tháng)\s?\d{1,2}(?:\s?(?:[/.\-]|năm)\s?\d{4}|\s?/)?",
    )
    .expect("static regex")
});
static ISSUER_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*,?\s*(?P<w>của|giữa)\s+").expect("static regex"));
/// Where an issuer's name ends: punctuation, or a lower-case word that starts the subject
/// (`về`, `quy định`, `ban hành`…). Proper names are capitalised, so they never match.
static ISSUER_STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"[;,.:“”\x22(]|\snăm\s+\d|\s(?:về|quy định|ban hành|triển khai|hướng dẫn|thực hiện|đến|tại|đối với|theo|nhằm|để|trong|phê duyệt|sửa đổi|tiếp tục|ngày|số|giao|yêu cầu|đã|được|cho|với|là|gồm|và\s+(?:{KINDS}))"
    ))
    .expect("static regex")
});
/// The steering committee's name includes its subject (`Ban Chỉ đạo tỉnh về thực hiện Quy chế
/// dân chủ ở cơ sở`), so only a year or punctuation ends it.
static STEERING_STOP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[;,.:“”\x22(]|\snăm\s+\d|\s(?:về việc|ngày|số)").expect("static regex"));
static KHOA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\((?i:khóa|khoá)\s+[^()]{1,20}\)").expect("static regex"));
static LEADING_KIND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?P<kind>{KINDS})(?P<mod>\s+(?:phối hợp|liên tịch|liên ngành))?\b")).expect("static regex")
});

/// Normalises a number and symbol as written.
pub(crate) fn normalize_number(raw: &str) -> String {
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.contains('/') {
        return compact;
    }
    // Party symbols are `N-KL/TW`; with dashes only, the second separator is the slash.
    match compact.match_indices('-').nth(1) {
        Some((i, _)) => format!("{}/{}", &compact[..i], &compact[i + 1..]),
        None => compact,
    }
}

/// A symbol needs a type code and an issuer code, or a year and a code (`10/2022/QH15`), or
/// one code after an explicit `số` (`Công văn số 45/PNV`): `Nghị quyết 02/TU` (a sloppy
/// back-reference) and `Đề án 202` are not citations.
fn is_full_symbol(num: &str, explicit: bool) -> bool {
    let parts: Vec<&str> = num.split(['/', '-']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let has_year = parts.get(1).is_some_and(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_digit()));
    let codes = parts.iter().skip(1).filter(|p| p.chars().next().is_some_and(char::is_alphabetic)).count();
    codes >= 2 || ((has_year || explicit) && codes >= 1)
}

/// The kind with its modifier (`Kế hoạch` + `phối hợp`). Kinds are matched capitalised only:
/// in running text `kế hoạch`, `quyết định` are ordinary words.
fn kind_name(matched: &str, modifier: Option<&str>) -> String {
    let mut k = matched.to_string();
    if let Some(m) = modifier {
        k.push(' ');
        k.push_str(m.trim());
    }
    k
}

/// The issuer after `của`/`giữa`, and the byte length consumed from `rest`.
fn take_issuer(rest: &str) -> Option<(String, usize)> {
    let start = ISSUER_START.captures(rest)?;
    let whole = start.get(0)?;
    let joint = start.name("w").is_some_and(|w| w.as_str() == "giữa");
    let body = &rest[whole.end()..];
    let stop_re: &Regex = if body.starts_with("Ban Chỉ đạo") { &STEERING_STOP } else { &ISSUER_STOP };
    let mut end = crate::reports::first_stop(stop_re, body);
    // Keep a term in parentheses: `Ban Chấp hành Trung ương Đảng (khóa XI)`.
    let tail = &body[end..];
    if let Some(k) = KHOA.find(tail.trim_start_matches(' ')) {
        end += (tail.len() - tail.trim_start_matches(' ').len()) + k.end();
    }
    let name = body[..end].trim().trim_end_matches(" và").trim();
    if name.is_empty() || !name.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let name = if joint { name.split(" và ").map(str::trim).collect::<Vec<_>>().join("; ") } else { name.to_string() };
    let consumed = whole.end() + body[..end].trim_end().len();
    Some((name, consumed))
}

/// A citation found in running text, with its byte span.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    cite: CitedDocument,
    /// Only a kind and number: it may share date and issuer with the next citation.
    bare: bool,
}

/// Every citation in `s`, in order of appearance.
pub(crate) fn find_all(s: &str) -> Vec<CitedDocument> {
    let mut found: Vec<Found> = Vec::new();
    // Every citation has a digit (number, date or year): most sentences have none.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    // A number and symbol has a slash or a dash.
    let may_have_number = s.bytes().any(|b| b == b'/' || b == b'-');
    for c in NUMBERED.captures_iter(s).take_while(|_| may_have_number) {
        let (Some(whole), Some(kind), Some(num)) = (c.get(0), c.name("kind"), c.name("num")) else {
            continue;
        };
        if !is_full_symbol(num.as_str(), c.name("so").is_some()) {
            continue;
        }
        let mut end = whole.end();
        let mut date = None;
        if let Some(d) = DATE_AFTER.find(&s[end..]) {
            date = dates::leading(d.as_str(), d.len()).and_then(|f| f.iso());
            end += d.end();
        }
        let mut issuer = None;
        if let Some((name, used)) = take_issuer(&s[end..]) {
            issuer = Some(name);
            end += used;
        }
        let bare = date.is_none() && issuer.is_none();
        found.push(Found {
            start: whole.start(),
            end,
            cite: CitedDocument {
                kind: Some(kind_name(kind.as_str(), c.name("mod").map(|m| m.as_str()))),
                number: Some(normalize_number(num.as_str())),
                date,
                issuer,
                raw: s[whole.start()..end].trim().to_string(),
            },
            bare,
        });
    }
    let has_law = s.contains("Luật") || s.contains("Hiến pháp");
    for c in NAMED_LAW.captures_iter(s).take_while(|_| has_law) {
        let (Some(whole), Some(kind)) = (c.get(0), c.name("kind")) else {
            continue;
        };
        if found.iter().any(|f| f.start < whole.end() && whole.start() < f.end) {
            continue;
        }
        let date = c.name("date").and_then(|d| dates::leading(d.as_str(), d.len())).and_then(|f| f.iso());
        found.push(Found {
            start: whole.start(),
            end: whole.end(),
            cite: CitedDocument {
                kind: Some(kind.as_str().to_string()),
                number: c.name("num").map(|n| normalize_number(n.as_str())),
                date,
                issuer: None,
                raw: whole.as_str().trim().to_string(),
            },
            bare: false,
        });
    }
    found.sort_by_key(|f| f.start);
    // `Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị`:
    // the first shares the date and issuer of the second, and both keep the whole group as raw.
    for i in (0..found.len().saturating_sub(1)).rev() {
        let (a, b) = (&found[i], &found[i + 1]);
        // Overlapping spans (an issuer running into the next citation) are never a group.
        let Some(between) = s.get(a.end..b.start) else {
            continue;
        };
        if a.bare && !b.bare && between.trim() == "và" && a.cite.kind == b.cite.kind {
            let raw = s[a.start..b.end].trim().to_string();
            let (date, issuer) = (b.cite.date.clone(), b.cite.issuer.clone());
            let next_end = b.end;
            found[i + 1].cite.raw = raw.clone();
            let a = &mut found[i];
            a.cite.date = date;
            a.cite.issuer = issuer;
            a.cite.raw = raw;
            a.end = next_end;
            a.bare = false;
        }
    }
    found.into_iter().map(|f| f.cite).collect()
}

/// One legal basis from a segment of the opening paragraph (`Căn cứ …; Thực hiện …;`).
/// The raw text is the whole segment; `None` when the segment does not name a document.
pub(crate) fn basis_from_segment(segment: &str) -> Vec<CitedDocument> {
    let segment = text::trim_end_punct(segment.trim()).trim();
    let Some(lead) = LEADING_KIND.captures(segment) else {
        return Vec::new();
    };
    let mut cites = find_all(segment);
    if cites.len() >= 2 {
        return cites;
    }
    let mut cite = cites.pop().unwrap_or_default();
    if cite.kind.is_none() {
        cite.kind = lead.name("kind").map(|k| kind_name(k.as_str(), lead.name("mod").map(|m| m.as_str())));
    }
    cite.raw = segment.to_string();
    vec![cite]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_normalised() {
        assert_eq!(normalize_number("21-KL-TW"), "21-KL/TW");
        assert_eq!(normalize_number("55 -CV/BCS"), "55-CV/BCS");
        assert_eq!(normalize_number("04/2015/NĐ-CP"), "04/2015/NĐ-CP");
        assert!(!is_full_symbol("02/TU", false));
        assert!(is_full_symbol("45/PNV", true));
        assert!(is_full_symbol("10/2022/QH15", false));
    }

    #[test]
    fn citation_with_issuer_and_date() {
        let c = find_all("theo Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định thi hành");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].number.as_deref(), Some("59/2023/NĐ-CP"));
        assert_eq!(c[0].date.as_deref(), Some("2023-08-14"));
        assert_eq!(c[0].issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(c[0].raw, "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ");
    }

    #[test]
    fn joint_and_grouped_citations() {
        let c =
            find_all("Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị quy định");
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].date.as_deref(), Some("2013-12-12"));
        assert_eq!(c[0].raw, c[1].raw);
        let j = find_all(
            "Kế hoạch phối hợp số 05-KH/BDVTU-BCSD ngày 14/01/2022 giữa Ban Dân vận Tỉnh ủy và Ban Cán sự đảng UBND tỉnh về thực hiện",
        );
        assert_eq!(j[0].kind.as_deref(), Some("Kế hoạch phối hợp"));
        assert_eq!(j[0].issuer.as_deref(), Some("Ban Dân vận Tỉnh ủy; Ban Cán sự đảng UBND tỉnh"));
    }

    #[test]
    fn named_laws_need_a_date_or_year() {
        let c = find_all(
            "theo Hiến pháp năm 2013, Luật Khiếu nại; Luật Thực hiện dân chủ cơ sở ngày 10/11/2022 (có hiệu lực)",
        );
        let raws: Vec<&str> = c.iter().map(|c| c.raw.as_str()).collect();
        assert_eq!(raws, vec!["Hiến pháp năm 2013", "Luật Thực hiện dân chủ cơ sở ngày 10/11/2022"]);
        assert!(find_all("chính sách, pháp luật của Nhà nước năm 2022").is_empty());
    }
}
