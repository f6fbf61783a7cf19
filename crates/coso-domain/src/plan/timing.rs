//! Whether a target unit sent what it owed on time, late, or not at all.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The timeliness of one submission (or its absence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Timing {
    OnTime,
    /// Sent `days` calendar days after the due date.
    Late {
        days: i64,
    },
    /// Not sent and the due date has passed by `overdue_days`; `None` when the period is over
    /// but no due date was ever set.
    Missing {
        overdue_days: Option<i64>,
    },
    /// Not sent, and not yet due (or no due date).
    Pending,
}

/// How late something due on `due` is on `on`: the calendar days after the due date, `None`
/// on or before it. The one count of lateness, for the inbox, the report form, the aggregate
/// and its exports: report deadlines are dates, and a law's "ngày" is a calendar day unless it
/// says "ngày làm việc" (legal-rules C1).
pub fn days_late(due: NaiveDate, on: NaiveDate) -> Option<i64> {
    (on > due).then(|| (on - due).num_days())
}

/// "Quá hạn 3 ngày": an open item past its due date, counted by [`days_late`].
pub fn overdue_label(days: i64) -> String {
    format!("Quá hạn {days} ngày")
}

/// Classifies a submission by the local date of its first submission.
///
/// Sending on the due date is on time; lateness counts calendar days after it ([`days_late`]).
/// With no due date, anything sent is on time and nothing sent is pending.
pub fn classify(due: Option<NaiveDate>, first_submitted_on: Option<NaiveDate>, today: NaiveDate) -> Timing {
    match (due, first_submitted_on) {
        (None, Some(_)) => Timing::OnTime,
        (None, None) => Timing::Pending,
        (Some(due), Some(sent)) => days_late(due, sent).map_or(Timing::OnTime, |days| Timing::Late { days }),
        (Some(due), None) => {
            days_late(due, today).map_or(Timing::Pending, |d| Timing::Missing { overdue_days: Some(d) })
        }
    }
}

impl Timing {
    /// A stable name for filters and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Timing::OnTime => "on_time",
            Timing::Late { .. } => "late",
            Timing::Missing { .. } => "missing",
            Timing::Pending => "pending",
        }
    }

    /// Whether something was sent.
    pub fn is_submitted(self) -> bool {
        matches!(self, Timing::OnTime | Timing::Late { .. })
    }

    pub fn label(self) -> String {
        match self {
            Timing::OnTime => "Đúng hạn".to_string(),
            Timing::Late { days } => format!("Trễ {days} ngày"),
            Timing::Missing { overdue_days: Some(d) } => format!("Chưa nộp (quá hạn {d} ngày)"),
            Timing::Missing { overdue_days: None } => "Chưa nộp".to_string(),
            Timing::Pending => "Chưa đến hạn".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("date")
    }

    #[test]
    fn sent_on_the_due_date_is_on_time_and_the_next_day_is_late() {
        assert_eq!(classify(Some(d(6, 14)), Some(d(6, 14)), d(7, 1)), Timing::OnTime);
        assert_eq!(classify(Some(d(6, 14)), Some(d(6, 1)), d(7, 1)), Timing::OnTime);
        assert_eq!(classify(Some(d(6, 14)), Some(d(6, 15)), d(7, 1)), Timing::Late { days: 1 });
        assert_eq!(classify(Some(d(6, 14)), Some(d(6, 17)), d(7, 1)).label(), "Trễ 3 ngày");
    }

    #[test]
    fn nothing_sent_is_pending_until_the_due_date_passes() {
        assert_eq!(classify(Some(d(6, 14)), None, d(6, 14)), Timing::Pending);
        assert_eq!(classify(Some(d(6, 14)), None, d(6, 15)), Timing::Missing { overdue_days: Some(1) });
        let t = classify(Some(d(6, 14)), None, d(6, 19));
        assert_eq!(t.label(), "Chưa nộp (quá hạn 5 ngày)");
        assert_eq!(Timing::Pending.label(), "Chưa đến hạn");
    }

    #[test]
    fn without_a_due_date_sent_is_on_time_and_unsent_is_pending() {
        assert_eq!(classify(None, Some(d(1, 1)), d(12, 31)), Timing::OnTime);
        assert_eq!(classify(None, None, d(12, 31)), Timing::Pending);
        assert_eq!(Timing::OnTime.label(), "Đúng hạn");
    }

    #[test]
    fn lateness_is_counted_in_calendar_days_weekends_included() {
        // Due Friday 12 June 2026; the next Monday is three days late.
        assert_eq!(days_late(d(6, 12), d(6, 12)), None);
        assert_eq!(days_late(d(6, 12), d(6, 15)), Some(3));
        assert_eq!(overdue_label(3), "Quá hạn 3 ngày");
    }

    #[test]
    fn lateness_counts_across_year_ends() {
        let due = NaiveDate::from_ymd_opt(2026, 12, 14);
        let sent = NaiveDate::from_ymd_opt(2027, 1, 2);
        assert_eq!(classify(due, sent, d(1, 1)), Timing::Late { days: 19 });
    }
}
