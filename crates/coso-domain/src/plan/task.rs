//! The progress of a plan's tasks (nhiệm vụ).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::field::FieldError;

/// The status officials set on a task (`plan_task.status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 3] = [TaskStatus::NotStarted, TaskStatus::InProgress, TaskStatus::Done];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "not_started",
            TaskStatus::InProgress => "in_progress",
            TaskStatus::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<TaskStatus> {
        TaskStatus::ALL.into_iter().find(|t| t.as_str() == s.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "Chưa thực hiện",
            TaskStatus::InProgress => "Đang thực hiện",
            TaskStatus::Done => "Hoàn thành",
        }
    }

    /// The status a progress suggests: 0 % not started, 100 % done, anything between in
    /// progress. The form proposes it; officials may keep another.
    pub fn suggested_by(progress: u8) -> TaskStatus {
        match progress {
            0 => TaskStatus::NotStarted,
            100.. => TaskStatus::Done,
            _ => TaskStatus::InProgress,
        }
    }
}

/// The status shown in lists: the stored one, or overdue when not done past its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisplayStatus {
    NotStarted,
    InProgress,
    Done,
    Overdue,
}

impl DisplayStatus {
    /// Overdue when not done and `today` is after `due` (the due day itself is not overdue).
    pub fn of(status: TaskStatus, due: Option<NaiveDate>, today: NaiveDate) -> DisplayStatus {
        match status {
            TaskStatus::Done => DisplayStatus::Done,
            _ if due.is_some_and(|d| today > d) => DisplayStatus::Overdue,
            TaskStatus::NotStarted => DisplayStatus::NotStarted,
            TaskStatus::InProgress => DisplayStatus::InProgress,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DisplayStatus::NotStarted => "not_started",
            DisplayStatus::InProgress => "in_progress",
            DisplayStatus::Done => "done",
            DisplayStatus::Overdue => "overdue",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DisplayStatus::NotStarted => TaskStatus::NotStarted.label(),
            DisplayStatus::InProgress => TaskStatus::InProgress.label(),
            DisplayStatus::Done => TaskStatus::Done.label(),
            DisplayStatus::Overdue => "Quá hạn",
        }
    }
}

/// Task progress in percent: a whole number from 0 to 100, a trailing `%` allowed.
pub fn parse_progress(raw: &str) -> Result<u8, FieldError> {
    let v = raw.trim();
    let digits = v.strip_suffix('%').map(str::trim_end).unwrap_or(v);
    if digits.is_empty() {
        return Err(FieldError::new("progress", "Tiến độ không được để trống."));
    }
    match digits.parse::<u8>() {
        Ok(n) if n <= 100 && digits.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
        _ => Err(FieldError::new("progress", format!("Tiến độ phải là số nguyên từ 0 đến 100 (đang là «{v}»)."))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("date")
    }

    #[test]
    fn statuses_have_stable_names_and_vietnamese_labels() {
        for s in TaskStatus::ALL {
            assert_eq!(TaskStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(TaskStatus::Done.label(), "Hoàn thành");
        assert_eq!(DisplayStatus::Overdue.label(), "Quá hạn");
    }

    #[test]
    fn a_task_not_done_after_its_due_date_is_overdue() {
        let due = Some(d(6, 30));
        assert_eq!(DisplayStatus::of(TaskStatus::InProgress, due, d(6, 30)), DisplayStatus::InProgress);
        assert_eq!(DisplayStatus::of(TaskStatus::InProgress, due, d(7, 1)), DisplayStatus::Overdue);
        assert_eq!(DisplayStatus::of(TaskStatus::NotStarted, due, d(7, 1)), DisplayStatus::Overdue);
        assert_eq!(DisplayStatus::of(TaskStatus::Done, due, d(12, 1)), DisplayStatus::Done);
        assert_eq!(DisplayStatus::of(TaskStatus::NotStarted, None, d(12, 1)), DisplayStatus::NotStarted);
    }

    #[test]
    fn progress_is_a_percentage() {
        assert_eq!(parse_progress(" 45 "), Ok(45));
        assert_eq!(parse_progress("100%"), Ok(100));
        assert_eq!(parse_progress("0"), Ok(0));
        for bad in ["101", "-5", "4.5", "+5", "năm mươi", "", "99999999999"] {
            let e = parse_progress(bad).expect_err(bad);
            assert_eq!(e.field, "progress");
            assert!(e.message.starts_with("Tiến độ"), "{}", e.message);
        }
    }

    #[test]
    fn full_progress_suggests_done() {
        assert_eq!(TaskStatus::suggested_by(100), TaskStatus::Done);
        assert_eq!(TaskStatus::suggested_by(0), TaskStatus::NotStarted);
        assert_eq!(TaskStatus::suggested_by(60), TaskStatus::InProgress);
    }
}
