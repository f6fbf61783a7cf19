//! Remediation tasks (*nhiệm vụ khắc phục*) ordered by a conclusion: each led by a unit, due on
//! a day, followed until done; one still open after its deadline is overdue.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::RemediationStatus;
use crate::field::{self, Errors, FieldError};

/// The rule id of a remediation task's deadline, as `deadlines` show it.
pub const REMEDIATION_RULE: &str = "inspection.remediation";

/// A remediation task as typed: `lead_unit` the code of the unit that leads it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct RemediationInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub lead_unit: String,
    #[serde(default)]
    pub due_on: String,
}

/// A checked remediation task; the lead unit is resolved by the use case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemediationData {
    pub title: String,
    pub lead_unit: String,
    pub due_on: NaiveDate,
}

impl RemediationData {
    /// Reads a task set on `today`: it cannot be due before today.
    pub fn parse(input: &RemediationInput, today: NaiveDate) -> Result<RemediationData, Vec<FieldError>> {
        let mut e = Errors::default();
        let title = e.take(field::required_text("title", "Nội dung khắc phục", &input.title, 1000));
        let lead_unit = input.lead_unit.trim().to_string();
        if lead_unit.is_empty() {
            e.push(FieldError::new("lead_unit", "Chưa chọn đơn vị chủ trì khắc phục."));
        }
        let due_on = if input.due_on.trim().is_empty() {
            e.push(FieldError::new("due_on", "Chưa có hạn hoàn thành khắc phục."));
            None
        } else {
            e.take(field::date("due_on", "Hạn hoàn thành", &input.due_on))
        };
        if let Some(due) = due_on
            && due < today
        {
            e.push(FieldError::new("due_on", "Hạn hoàn thành không được trước ngày giao nhiệm vụ."));
        }
        match (title, due_on) {
            (Some(title), Some(due_on)) if e.is_empty() => Ok(RemediationData { title, lead_unit, due_on }),
            _ => Err(e.0),
        }
    }
}

/// What the lead unit reports when a task is done.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct DoneInput {
    #[serde(default)]
    pub note: String,
}

/// A checked report of a task done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DoneData {
    pub note: String,
}

impl DoneData {
    pub fn parse(input: &DoneInput) -> Result<DoneData, FieldError> {
        field::required_text("note", "Kết quả khắc phục", &input.note, 5000).map(|note| DoneData { note })
    }
}

/// Where a task stands, as the pages read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RemediationState {
    pub status: RemediationStatus,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
}

impl RemediationState {
    /// Still open after its deadline.
    pub fn overdue(self, today: NaiveDate) -> bool {
        self.status == RemediationStatus::Open && today > self.due_on
    }

    /// Done, but after its deadline.
    pub fn done_late(self) -> bool {
        self.done_on.is_some_and(|on| on > self.due_on)
    }

    /// The move to done: only an open task.
    pub fn finish(self) -> Result<RemediationStatus, FieldError> {
        match self.status {
            RemediationStatus::Open => Ok(RemediationStatus::Done),
            RemediationStatus::Done => Err(FieldError::new("status", "Nhiệm vụ khắc phục đã hoàn thành.")),
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
    fn a_task_needs_a_lead_unit_and_a_deadline() {
        let input =
            RemediationInput { title: "Niêm yết dự toán".into(), lead_unit: " ".into(), due_on: "".into() };
        let errors = RemediationData::parse(&input, d("2026-05-01")).expect_err("bad");
        assert_eq!(errors.iter().map(|e| e.field).collect::<Vec<_>>(), ["lead_unit", "due_on"]);
    }

    #[test]
    fn open_past_its_deadline_is_overdue_until_done() {
        let open = RemediationState { status: RemediationStatus::Open, due_on: d("2026-06-30"), done_on: None };
        assert!(!open.overdue(d("2026-06-30")));
        assert!(open.overdue(d("2026-07-01")));
        assert_eq!(open.finish(), Ok(RemediationStatus::Done));
        let done = RemediationState { status: RemediationStatus::Done, done_on: Some(d("2026-07-03")), ..open };
        assert!(!done.overdue(d("2026-08-01")));
        assert!(done.done_late());
        assert!(done.finish().is_err());
    }
}
