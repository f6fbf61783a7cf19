//! A consultation as the official sets it up: title, what the draft is, who is asked and
//! when; and the sections of the draft, split by the documents reader and corrected in review.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::codes::parse_code;
use super::{Audience, DraftKind};
use crate::document::{Document, Section};
use crate::field::{self, Errors, FieldError};

/// The shortest period a draft village convention is consulted on, counting both ends (HU-4,
/// PUB-7: posted at least 30 days).
pub const CONVENTION_MIN_DAYS: i64 = 30;

/// A consultation as typed. `villages` are unit codes, for the `villages` audience.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ConsultationInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub villages: Vec<String>,
    #[serde(default)]
    pub opens_on: String,
    #[serde(default)]
    pub closes_on: String,
}

/// A checked consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsultationData {
    pub title: String,
    pub kind: DraftKind,
    pub audience: Audience,
    /// Village codes, non-empty exactly when the audience is `villages`.
    pub villages: Vec<String>,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
}

impl ConsultationData {
    pub fn parse(input: &ConsultationInput) -> Result<ConsultationData, Vec<FieldError>> {
        let mut e = Errors::default();
        let title = e.take(field::required_text("title", "Tên dự thảo", &input.title, 300));
        let kind: Option<DraftKind> = e.take(parse_code("kind", "Loại dự thảo", &input.kind));
        let audience: Option<Audience> = e.take(parse_code("audience", "Đối tượng lấy ý kiến", &input.audience));
        let opens_on = e.take(field::date("opens_on", "Ngày bắt đầu", &input.opens_on));
        let closes_on = e.take(field::date("closes_on", "Ngày kết thúc", &input.closes_on));
        let mut villages: Vec<String> =
            input.villages.iter().map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect();
        villages.sort();
        villages.dedup();
        match audience {
            Some(Audience::Villages) if villages.is_empty() => {
                e.push(FieldError::new("villages", "Chọn ít nhất một thôn, tổ dân phố được lấy ý kiến."));
            }
            Some(Audience::Unit | Audience::Staff) => villages.clear(),
            _ => {}
        }
        if let (Some(from), Some(to)) = (opens_on, closes_on) {
            if to < from {
                e.push(FieldError::new("closes_on", "Ngày kết thúc không được trước ngày bắt đầu."));
            } else if kind == Some(DraftKind::Convention) && days_inclusive(from, to) < CONVENTION_MIN_DAYS {
                let earliest = from + chrono::Days::new((CONVENTION_MIN_DAYS - 1) as u64);
                e.push(FieldError::new(
                    "closes_on",
                    format!(
                        "Dự thảo hương ước, quy ước phải được lấy ý kiến ít nhất {CONVENTION_MIN_DAYS} ngày \
                         (Nghị định 61/2023/NĐ-CP, Điều 9): ngày kết thúc sớm nhất là {}.",
                        earliest.format("%d/%m/%Y")
                    ),
                ));
            }
        }
        match (title, kind, audience, opens_on, closes_on) {
            (Some(title), Some(kind), Some(audience), Some(opens_on), Some(closes_on)) if e.is_empty() => {
                Ok(ConsultationData { title, kind, audience, villages, opens_on, closes_on })
            }
            _ => Err(e.0),
        }
    }
}

/// The days from `from` to `to`, both counted.
pub fn days_inclusive(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days() + 1
}

/// A section of the draft: its heading as written and its text, paragraphs separated by
/// blank lines.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSection {
    pub heading: String,
    pub body: String,
}

/// The longest a section's text may be, in characters.
pub const SECTION_MAX_CHARS: usize = 60_000;
/// The most sections a draft may have.
pub const SECTIONS_MAX: usize = 200;

/// The top-level sections of a read document, each with its paragraphs and its sub-sections'
/// text; a document without sections is one section holding its whole text.
pub fn sections_of(doc: &Document) -> Vec<DraftSection> {
    let mut out: Vec<DraftSection> = doc
        .body
        .iter()
        .map(|s| {
            let mut lines = Vec::new();
            flatten(s, &mut lines, false);
            DraftSection { heading: coso_text::clean(&s.heading), body: lines.join("\n\n") }
        })
        .collect();
    if out.is_empty() {
        let text: Vec<String> = doc.preamble.iter().chain(&doc.closing).cloned().collect();
        out.push(DraftSection { heading: "Toàn văn dự thảo".into(), body: text.join("\n\n") });
    } else if !doc.preamble.is_empty()
        && let Some(first) = out.first_mut()
    {
        first.body = format!("{}\n\n{}", doc.preamble.join("\n\n"), first.body).trim().to_string();
    }
    out
}

fn flatten(s: &Section, lines: &mut Vec<String>, with_heading: bool) {
    if with_heading && !s.heading.trim().is_empty() {
        lines.push(s.heading.trim().to_string());
    }
    lines.extend(s.paragraphs.iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()));
    for c in &s.children {
        flatten(c, lines, true);
    }
}

/// The sections as corrected in the review form: each heading required; a section whose
/// heading and text are both empty is dropped (the way to remove one).
pub fn parse_sections(sections: &[DraftSection]) -> Result<Vec<DraftSection>, Vec<FieldError>> {
    let mut e = Errors::default();
    let mut out = Vec::new();
    for (i, s) in sections.iter().enumerate() {
        let heading = coso_text::clean(&s.heading);
        let body = clean_body(&s.body);
        if heading.is_empty() && body.is_empty() {
            continue;
        }
        if heading.is_empty() {
            e.push(FieldError::new("sections", format!("Mục thứ {} chưa có tiêu đề.", i + 1)));
        } else if heading.chars().count() > 300 {
            e.push(FieldError::new("sections", format!("Tiêu đề mục thứ {} dài quá 300 ký tự.", i + 1)));
        }
        if body.chars().count() > SECTION_MAX_CHARS {
            e.push(FieldError::new(
                "sections",
                format!("Nội dung mục thứ {} dài quá {SECTION_MAX_CHARS} ký tự.", i + 1),
            ));
        }
        out.push(DraftSection { heading, body });
    }
    if out.is_empty() {
        e.push(FieldError::new("sections", "Dự thảo phải có ít nhất một mục."));
    }
    if out.len() > SECTIONS_MAX {
        e.push(FieldError::new("sections", format!("Dự thảo có quá {SECTIONS_MAX} mục.")));
    }
    if e.is_empty() { Ok(out) } else { Err(e.0) }
}

/// A multi-line text cleaned line by line (NFC, single spaces), paragraphs kept apart by one
/// blank line.
pub fn clean_body(raw: &str) -> String {
    let paragraphs: Vec<String> = raw
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.lines().map(coso_text::clean).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n"))
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: &str, opens: &str, closes: &str) -> ConsultationInput {
        ConsultationInput {
            title: "Dự thảo  quy ước thôn Đông".into(),
            kind: kind.into(),
            audience: "unit".into(),
            villages: vec!["X".into()],
            opens_on: opens.into(),
            closes_on: closes.into(),
        }
    }

    #[test]
    fn a_convention_is_consulted_at_least_thirty_days_counting_both_ends() {
        let ok = ConsultationData::parse(&input("convention", "01/03/2026", "30/03/2026")).expect("30 days");
        assert_eq!(ok.title, "Dự thảo quy ước thôn Đông");
        assert!(ok.villages.is_empty(), "the whole unit names no village");
        let short = ConsultationData::parse(&input("convention", "01/03/2026", "29/03/2026")).expect_err("29 days");
        assert_eq!(short[0].field, "closes_on");
        assert!(short[0].message.contains("ngày kết thúc sớm nhất là 30/03/2026"), "{}", short[0].message);
        assert!(ConsultationData::parse(&input("plan", "01/03/2026", "10/03/2026")).is_ok());
    }

    #[test]
    fn every_bad_field_is_named_in_vietnamese() {
        let bad = ConsultationInput {
            title: " ".into(),
            kind: "law".into(),
            audience: "villages".into(),
            villages: vec![" ".into()],
            opens_on: "10/03/2026".into(),
            closes_on: "01/03/2026".into(),
        };
        let errs = ConsultationData::parse(&bad).expect_err("invalid");
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["title", "kind", "villages", "closes_on"]);
        assert_eq!(errs[1].message, "Loại dự thảo «law» không có trong danh sách.");
        assert_eq!(errs[3].message, "Ngày kết thúc không được trước ngày bắt đầu.");
    }

    #[test]
    fn sections_come_from_the_top_level_headings_with_their_sub_sections_text() {
        let doc = Document {
            preamble: vec!["Căn cứ Luật Thực hiện dân chủ ở cơ sở;".into()],
            body: vec![
                Section {
                    heading: "Điều 1. Phạm vi".into(),
                    paragraphs: vec!["Quy ước này áp dụng trong thôn.".into()],
                    children: vec![Section {
                        heading: "1. Đối tượng".into(),
                        paragraphs: vec!["Mọi hộ gia đình.".into()],
                        children: vec![],
                    }],
                },
                Section {
                    heading: "Điều 2. Vệ sinh".into(),
                    paragraphs: vec!["Giữ sạch đường làng.".into()],
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        let s = sections_of(&doc);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].heading, "Điều 1. Phạm vi");
        assert_eq!(
            s[0].body,
            "Căn cứ Luật Thực hiện dân chủ ở cơ sở;\n\nQuy ước này áp dụng trong thôn.\n\n1. Đối tượng\n\nMọi hộ gia đình."
        );
        let whole = sections_of(&Document { preamble: vec!["Một đoạn.".into()], ..Default::default() });
        assert_eq!(whole, vec![DraftSection { heading: "Toàn văn dự thảo".into(), body: "Một đoạn.".into() }]);
    }

    #[test]
    fn review_drops_empty_sections_and_refuses_a_missing_heading() {
        let kept = parse_sections(&[
            DraftSection { heading: " Điều 1 ".into(), body: "a\r\n\r\n\r\nb".into() },
            DraftSection::default(),
        ])
        .expect("valid");
        assert_eq!(kept, vec![DraftSection { heading: "Điều 1".into(), body: "a\n\nb".into() }]);
        let errs = parse_sections(&[DraftSection { heading: "".into(), body: "x".into() }]).expect_err("no heading");
        assert_eq!(errs[0].message, "Mục thứ 1 chưa có tiêu đề.");
        assert_eq!(parse_sections(&[]).expect_err("none")[0].message, "Dự thảo phải có ít nhất một mục.");
    }
}
