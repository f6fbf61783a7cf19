//! Commitments (*cam kết*) made at a dialogue: what will be done, by which unit and by when,
//! followed publicly until done with their progress.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::CommitmentStatus;
use super::question::long_text;
use crate::field::{self, Errors, FieldError};

/// A commitment as typed: `owner` is the code of the unit in charge.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CommitmentInput {
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due_on: String,
    /// The question it answers, by id, when there is one.
    #[serde(default)]
    pub question: String,
}

/// A checked commitment; the owner is still a code the use case looks up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommitmentData {
    pub body: String,
    pub owner: String,
    pub due_on: NaiveDate,
    pub question_id: Option<i64>,
}

impl CommitmentData {
    pub fn parse(input: &CommitmentInput) -> Result<CommitmentData, Vec<FieldError>> {
        let mut e = Errors::default();
        let body = e.take(long_text("body", "Nội dung cam kết", &input.body));
        let owner = input.owner.trim().to_string();
        if owner.is_empty() {
            e.push(FieldError::new("owner", "Chưa chọn đơn vị chủ trì thực hiện cam kết."));
        }
        let due_on = e.take(field::date("due_on", "Hạn hoàn thành", &input.due_on));
        let question_id = match input.question.trim() {
            "" => None,
            q => e.take(q.parse::<i64>().map_err(|_| FieldError::new("question", "Câu hỏi không hợp lệ."))),
        };
        match (body, due_on) {
            (Some(body), Some(due_on)) if e.is_empty() => Ok(CommitmentData { body, owner, due_on, question_id }),
            _ => Err(e.0),
        }
    }
}

/// A progress update as typed: the new status, the percentage done and what was done.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProgressInput {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub percent: String,
    #[serde(default)]
    pub note: String,
}

/// A checked progress update: `Done` is always 100 %, and 100 % is always done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgressData {
    pub status: CommitmentStatus,
    pub percent: u8,
    pub note: String,
}

impl ProgressData {
    pub fn parse(input: &ProgressInput) -> Result<ProgressData, Vec<FieldError>> {
        let mut e = Errors::default();
        let status = match input.status.trim().parse::<CommitmentStatus>() {
            Ok(CommitmentStatus::Late) | Err(_) => {
                e.push(FieldError::new(
                    "status",
                    "Chọn tình trạng: chưa thực hiện, đang thực hiện hoặc đã hoàn thành.",
                ));
                None
            }
            Ok(s) => Some(s),
        };
        let percent = match input.percent.trim().trim_end_matches('%').trim().parse::<u8>() {
            Ok(p) if p <= 100 => Some(p),
            _ => {
                e.push(FieldError::new("percent", "Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100."));
                None
            }
        };
        let note = e.take(long_text("note", "Nội dung cập nhật", &input.note));
        if let (Some(s), Some(p)) = (status, percent)
            && (s == CommitmentStatus::Done) != (p == 100)
        {
            e.push(FieldError::new("percent", "Cam kết đã hoàn thành khi và chỉ khi tỷ lệ hoàn thành là 100%."));
        }
        match (status, percent, note) {
            (Some(status), Some(percent), Some(note)) if e.is_empty() => Ok(ProgressData { status, percent, note }),
            _ => Err(e.0),
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
    fn a_commitment_without_an_owner_is_a_field_error() {
        let input = CommitmentInput {
            body: "Sửa  đường liên thôn".into(),
            owner: " ".into(),
            due_on: "31/12/2025".into(),
            question: "".into(),
        };
        let e = CommitmentData::parse(&input).expect_err("no owner");
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].field, e[0].message.as_str()), ("owner", "Chưa chọn đơn vị chủ trì thực hiện cam kết."));
        let ok = CommitmentData::parse(&CommitmentInput { owner: "00001".into(), question: "7".into(), ..input })
            .expect("owner");
        assert_eq!((ok.body.as_str(), ok.due_on, ok.question_id), ("Sửa đường liên thôn", d("2025-12-31"), Some(7)));
    }

    #[test]
    fn a_commitment_also_needs_its_due_date() {
        let e = CommitmentData::parse(&CommitmentInput { body: "x".into(), owner: "1".into(), ..Default::default() })
            .expect_err("no date");
        assert_eq!(e[0].field, "due_on");
    }

    #[test]
    fn progress_is_done_exactly_at_a_hundred_percent() {
        let p = |s: &str, pc: &str| {
            ProgressData::parse(&ProgressInput {
                status: s.into(), percent: pc.into(), note: "Đã khởi công".into()
            })
        };
        assert_eq!(p("in_progress", "40%").expect("ok").percent, 40);
        assert_eq!(p("done", "100").expect("ok").status, CommitmentStatus::Done);
        assert_eq!(p("done", "90").expect_err("not 100")[0].field, "percent");
        assert_eq!(p("in_progress", "100").expect_err("done?")[0].field, "percent");
        assert_eq!(p("late", "10").expect_err("late is not chosen")[0].field, "status");
        assert_eq!(p("planned", "101").expect_err("over")[0].field, "percent");
    }

    #[test]
    fn a_commitment_not_done_by_its_due_date_is_shown_late() {
        let due = d("2025-12-31");
        assert_eq!(CommitmentStatus::InProgress.shown(due, d("2025-12-31")), CommitmentStatus::InProgress);
        assert_eq!(CommitmentStatus::InProgress.shown(due, d("2026-01-01")), CommitmentStatus::Late);
        assert_eq!(CommitmentStatus::Planned.shown(due, d("2026-01-01")), CommitmentStatus::Late);
        assert_eq!(CommitmentStatus::Done.shown(due, d("2026-01-01")), CommitmentStatus::Done);
    }
}
