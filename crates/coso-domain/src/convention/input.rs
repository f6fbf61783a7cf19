//! What officials type at each step of a convention, checked into values with Vietnamese
//! errors that name the field.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ConventionKind, codes_parse};
use crate::field::{self, Errors, FieldError};

/// The longest text of a convention, in characters.
pub const TEXT_MAX_CHARS: usize = 100_000;

/// A proposal: what the community will call it, its title and its basic contents (HU-3).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProposalInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposalData {
    pub kind: ConventionKind,
    pub title: String,
    pub text: String,
}

impl ProposalData {
    pub fn parse(input: &ProposalInput) -> Result<ProposalData, Vec<FieldError>> {
        let mut e = Errors::default();
        let kind = e.take(codes_parse("kind", "Tên gọi", &input.kind));
        let title = e.take(field::required_text("title", "Tiêu đề", &input.title, 300));
        let text = e.take(text("text", &input.text));
        match (kind, title, text) {
            (Some(kind), Some(title), Some(text)) if e.is_empty() => Ok(ProposalData { kind, title, text }),
            _ => Err(e.0),
        }
    }
}

/// A new version of the text, with what changed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct VersionInput {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionData {
    pub text: String,
    pub note: Option<String>,
}

impl VersionData {
    pub fn parse(input: &VersionInput) -> Result<VersionData, Vec<FieldError>> {
        let mut e = Errors::default();
        let text = e.take(text("text", &input.text));
        let note = e.take(field::optional_text("note", "Nội dung sửa đổi", &input.note, 500));
        match (text, note) {
            (Some(text), Some(note)) if e.is_empty() => Ok(VersionData { text, note }),
            _ => Err(e.0),
        }
    }
}

/// The text of a convention: each line in NFC with single spaces, runs of blank lines kept as
/// one, required and at most [`TEXT_MAX_CHARS`].
pub fn text(field: &'static str, raw: &str) -> Result<String, FieldError> {
    let mut lines: Vec<String> = Vec::new();
    for line in raw.replace("\r\n", "\n").replace('\r', "\n").lines() {
        let clean = coso_text::clean(line);
        if !(clean.is_empty() && lines.last().is_none_or(String::is_empty)) {
            lines.push(clean);
        }
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    let out = lines.join("\n");
    if out.is_empty() {
        return Err(FieldError::new(field, "Nhập nội dung hương ước, quy ước."));
    }
    if out.chars().count() > TEXT_MAX_CHARS {
        return Err(FieldError::new(field, format!("Nội dung dài quá {TEXT_MAX_CHARS} ký tự.")));
    }
    Ok(out)
}

/// A date and an optional short text: the posting (where), the dossier, a review (its
/// conclusions).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DatedInput {
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatedData {
    pub date: NaiveDate,
    pub note: Option<String>,
}

impl DatedData {
    /// `date_label` and `note_label` name the fields as the step's form shows them; a note is
    /// required when `note_required` (the reason of a return).
    pub fn parse(
        input: &DatedInput,
        date_label: &str,
        note_label: &str,
        note_required: bool,
    ) -> Result<DatedData, Vec<FieldError>> {
        let mut e = Errors::default();
        let date = e.take(field::date("date", date_label, &input.date));
        let note = if note_required {
            e.take(field::required_text("note", note_label, &input.note, 2_000)).map(Some)
        } else {
            e.take(field::optional_text("note", note_label, &input.note, 2_000))
        };
        match (date, note) {
            (Some(date), Some(note)) if e.is_empty() => Ok(DatedData { date, note }),
            _ => Err(e.0),
        }
    }
}

/// The commune's recognition: the date and number of its decision.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RecognitionInput {
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub decision_number: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecognitionData {
    pub date: NaiveDate,
    pub decision_number: String,
}

impl RecognitionData {
    pub fn parse(input: &RecognitionInput) -> Result<RecognitionData, Vec<FieldError>> {
        let mut e = Errors::default();
        let date = e.take(field::date("date", "Ngày quyết định công nhận", &input.date));
        let number = e.take(field::required_text("decision_number", "Số quyết định", &input.decision_number, 60));
        match (date, number) {
            (Some(date), Some(decision_number)) if e.is_empty() => Ok(RecognitionData { date, decision_number }),
            _ => Err(e.0),
        }
    }
}

/// Opinions collected while the draft is posted (HU-4): how many, how, and what they said.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct OpinionInput {
    #[serde(default)]
    pub received_on: String,
    #[serde(default)]
    pub count: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpinionData {
    pub received_on: NaiveDate,
    pub count: u32,
    pub source: String,
    pub summary: String,
}

impl OpinionData {
    pub fn parse(input: &OpinionInput) -> Result<OpinionData, Vec<FieldError>> {
        let mut e = Errors::default();
        let received_on = e.take(field::date("received_on", "Ngày nhận ý kiến", &input.received_on));
        let count = e.take(super::adoption::count("count", "Số ý kiến", &input.count));
        if count == Some(0) {
            e.push(FieldError::new("count", "Số ý kiến phải lớn hơn 0."));
        }
        let source = e.take(field::required_text("source", "Hình thức góp ý", &input.source, 200));
        let summary = e.take(field::required_text("summary", "Tóm tắt ý kiến", &input.summary, 2_000));
        match (received_on, count, source, summary) {
            (Some(received_on), Some(count), Some(source), Some(summary)) if e.is_empty() => {
                Ok(OpinionData { received_on, count, source, summary })
            }
            _ => Err(e.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_is_stored_in_nfc_with_its_lines() {
        let t = text("text", "  Đie\u{0302}\u{0300}u 1.  Phạm vi \r\n\r\n\r\nÁp dụng\n\n").expect("text");
        assert_eq!(t, "Điều 1. Phạm vi\n\nÁp dụng");
        assert_eq!(text("text", " \n ").expect_err("empty").message, "Nhập nội dung hương ước, quy ước.");
    }

    #[test]
    fn a_proposal_names_its_bad_fields() {
        let errs = ProposalData::parse(&ProposalInput { kind: "luat".into(), title: "".into(), text: "".into() })
            .expect_err("bad");
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["kind", "title", "text"]);
        let ok = ProposalData::parse(&ProposalInput {
            kind: "quy_uoc".into(),
            title: "Quy ước  thôn Đông".into(),
            text: "Điều 1".into(),
        })
        .expect("valid");
        assert_eq!(ok.title, "Quy ước thôn Đông");
    }

    #[test]
    fn a_return_needs_its_reason_and_opinions_a_count() {
        let errs =
            DatedData::parse(&DatedInput { date: "31/02/2026".into(), note: "".into() }, "Ngày trả", "Lý do", true)
                .expect_err("bad");
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["date", "note"]);
        let errs = OpinionData::parse(&OpinionInput {
            received_on: "01/03/2026".into(),
            count: "0".into(),
            source: "Hòm thư góp ý".into(),
            summary: "Đề nghị bổ sung điều về cưới".into(),
        })
        .expect_err("no opinion");
        assert_eq!(errs[0].field, "count");
    }
}
