//! A finding and recommendation (*kiến nghị*) a board sends to a unit: it requires an answer by
//! a deadline; the unit answers; the board closes it once the answer settles it. A finding not
//! answered by its deadline is overdue and goes to the commune chairman.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::FindingStatus;
use crate::field::{self, Errors, FieldError};

/// The calendar rule id of a finding's answer deadline, as `deadlines` show it.
pub const ANSWER_RULE: &str = "board.finding_answer";

/// A finding as typed: `to_unit` is the code of the unit asked to answer; `due_on` the day the
/// answer is due.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct FindingInput {
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub to_unit: String,
    #[serde(default)]
    pub due_on: String,
    /// The activity it came from, if any.
    #[serde(default)]
    pub activity_id: Option<i64>,
}

/// A checked finding; the unit is resolved by the use case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingData {
    pub subject: String,
    pub body: String,
    pub to_unit: String,
    pub due_on: NaiveDate,
}

impl FindingData {
    /// Reads the finding sent on `today`: its answer cannot be due before the next day.
    pub fn parse(input: &FindingInput, today: NaiveDate) -> Result<FindingData, Vec<FieldError>> {
        let mut e = Errors::default();
        let subject = e.take(field::required_text("subject", "Nội dung kiến nghị", &input.subject, 300));
        let body = e.take(field::required_text("body", "Phát hiện và kiến nghị", &input.body, 5000));
        let to_unit = input.to_unit.trim().to_string();
        if to_unit.is_empty() {
            e.push(FieldError::new("to_unit", "Chưa chọn đơn vị nhận kiến nghị."));
        }
        let due_on = e.take(field::date("due_on", "Hạn trả lời", &input.due_on));
        if let Some(due) = due_on
            && due <= today
        {
            e.push(FieldError::new("due_on", "Hạn trả lời phải sau ngày gửi kiến nghị."));
        }
        match (subject, body, due_on) {
            (Some(subject), Some(body), Some(due_on)) if e.is_empty() => {
                Ok(FindingData { subject, body, to_unit, due_on })
            }
            _ => Err(e.0),
        }
    }
}

/// The answer of the unit as typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct AnswerInput {
    #[serde(default)]
    pub answer: String,
}

/// A checked answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerData {
    pub answer: String,
}

impl AnswerData {
    pub fn parse(input: &AnswerInput) -> Result<AnswerData, FieldError> {
        field::required_text("answer", "Nội dung trả lời", &input.answer, 5000).map(|answer| AnswerData { answer })
    }
}

/// Where a finding stands, as the pages and the report read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindingState {
    pub status: FindingStatus,
    pub due_on: NaiveDate,
    pub answered_on: Option<NaiveDate>,
}

impl FindingState {
    /// Waiting for an answer after its deadline.
    pub fn overdue(self, today: NaiveDate) -> bool {
        self.status == FindingStatus::Sent && today > self.due_on
    }

    /// Answered, but after its deadline.
    pub fn answered_late(self) -> bool {
        self.answered_on.is_some_and(|on| on > self.due_on)
    }

    /// The move to answered: only a finding waiting for its answer.
    pub fn answer(self) -> Result<FindingStatus, FieldError> {
        match self.status {
            FindingStatus::Sent => Ok(FindingStatus::Answered),
            other => Err(FieldError::new("answer", format!("Kiến nghị đã ở trạng thái «{}».", other.label()))),
        }
    }

    /// The move to closed: only an answered finding.
    pub fn close(self) -> Result<FindingStatus, FieldError> {
        match self.status {
            FindingStatus::Answered => Ok(FindingStatus::Closed),
            FindingStatus::Sent => Err(FieldError::new("status", "Kiến nghị chưa được trả lời, chưa thể kết thúc.")),
            FindingStatus::Closed => Err(FieldError::new("status", "Kiến nghị đã kết thúc.")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn a_finding_needs_a_unit_and_a_deadline_after_today() {
        let input = FindingInput {
            subject: "Công khai quỹ".into(),
            body: "Chưa niêm yết".into(),
            to_unit: "".into(),
            due_on: "2026-03-01".into(),
            activity_id: None,
        };
        let errors = FindingData::parse(&input, d("2026-03-01")).expect_err("bad");
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["to_unit", "due_on"]);
    }

    #[test]
    fn overdue_then_answered_late_then_closed() {
        let sent = FindingState { status: FindingStatus::Sent, due_on: d("2026-03-10"), answered_on: None };
        assert!(!sent.overdue(d("2026-03-10")));
        assert!(sent.overdue(d("2026-03-11")));
        assert!(sent.close().is_err());
        assert_eq!(sent.answer(), Ok(FindingStatus::Answered));
        let answered = FindingState { status: FindingStatus::Answered, answered_on: Some(d("2026-03-12")), ..sent };
        assert!(answered.answered_late());
        assert!(!answered.overdue(d("2026-03-20")));
        assert!(answered.answer().is_err());
        assert_eq!(answered.close(), Ok(FindingStatus::Closed));
    }
}
