//! Residents' questions before the dialogue and the answers given on the day.

use serde::{Deserialize, Serialize};

use super::DialogueStatus;
use crate::field::{self, FieldError};

/// The longest question or answer, in characters.
pub const TEXT_MAX_CHARS: usize = 5_000;

/// A question as typed on the public page; `name` is how the sender wants to be shown.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct QuestionInput {
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub name: String,
}

/// A checked question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionData {
    pub body: String,
    pub name: Option<String>,
}

impl QuestionData {
    pub fn parse(input: &QuestionInput) -> Result<QuestionData, Vec<FieldError>> {
        let mut errors = Vec::new();
        let body = long_text("body", "Nội dung câu hỏi", &input.body).map_err(|e| errors.push(e)).ok();
        let name = field::optional_text("name", "Tên người hỏi", &input.name, 120).map_err(|e| errors.push(e)).ok();
        match (body, name) {
            (Some(body), Some(name)) if errors.is_empty() => Ok(QuestionData { body, name }),
            _ => Err(errors),
        }
    }
}

/// Whether residents may still send questions: only once the dialogue is announced and until
/// the day before it is held.
pub fn may_ask(status: DialogueStatus, held_on: chrono::NaiveDate, today: chrono::NaiveDate) -> Result<(), FieldError> {
    match status {
        DialogueStatus::Planned => Err(FieldError::new("body", "Hội nghị đối thoại chưa được thông báo.")),
        DialogueStatus::Announced if today < held_on => Ok(()),
        _ => Err(FieldError::new(
            "body",
            format!("Đã hết thời gian gửi câu hỏi: hội nghị đối thoại diễn ra ngày {}.", held_on.format("%d/%m/%Y")),
        )),
    }
}

/// An answer given on the day, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AnswerInput {
    #[serde(default)]
    pub answer: String,
}

pub fn answer_text(input: &AnswerInput) -> Result<String, FieldError> {
    long_text("answer", "Nội dung trả lời", &input.answer)
}

/// The reason a question is hidden, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct HideInput {
    #[serde(default)]
    pub reason: String,
}

pub fn hide_reason(input: &HideInput) -> Result<String, FieldError> {
    field::required_text("reason", "Lý do ẩn câu hỏi", &input.reason, 500)
}

/// The results of a dialogue as typed, for their announcement (DLG-4).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ResultsInput {
    #[serde(default)]
    pub results: String,
}

pub fn results_text(input: &ResultsInput) -> Result<String, FieldError> {
    long_text("results", "Nội dung kết quả đối thoại", &input.results)
}

/// A multi-line text: each line cleaned (NFC, single spaces), required, at most
/// [`TEXT_MAX_CHARS`].
pub(crate) fn long_text(field: &'static str, label: &str, raw: &str) -> Result<String, FieldError> {
    let text = crate::consultation::draft::clean_body(raw);
    if text.is_empty() {
        return Err(FieldError::new(field, format!("{label} không được để trống.")));
    }
    if text.chars().count() > TEXT_MAX_CHARS {
        return Err(FieldError::new(field, format!("{label} dài quá {TEXT_MAX_CHARS} ký tự.")));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn questions_are_taken_between_the_notice_and_the_day() {
        let held = d("2025-10-15");
        assert!(may_ask(DialogueStatus::Planned, held, d("2025-10-01")).is_err());
        assert!(may_ask(DialogueStatus::Announced, held, d("2025-10-14")).is_ok());
        assert!(may_ask(DialogueStatus::Announced, held, d("2025-10-15")).is_err());
        assert!(may_ask(DialogueStatus::Published, held, d("2025-10-01")).is_err());
    }

    #[test]
    fn a_question_is_cleaned_and_required() {
        let q = QuestionData::parse(&QuestionInput { body: "Khi nào  làm đường?\r\n".into(), name: "".into() })
            .expect("question");
        assert_eq!((q.body.as_str(), q.name), ("Khi nào làm đường?", None));
        let e = QuestionData::parse(&QuestionInput { body: " ".into(), name: "".into() }).expect_err("empty");
        assert_eq!(e[0].message, "Nội dung câu hỏi không được để trống.");
    }
}
