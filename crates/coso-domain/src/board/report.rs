//! The board's reports to the commune Front: each quarter or each six months, with the count of
//! its findings. The periods are the plans' period keys (`2026-Q1`, `2026-H1`, `2026`), so a
//! report reads like any other.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{FindingState, FindingStatus, ReportCadence};
use crate::plan::PeriodKey;

/// The first and last day of a quarter, or of a half year: `2026-H1` the first, `2026` the
/// second (the report that closes the year); `None` for the other keys.
pub fn period_bounds(key: PeriodKey) -> Option<(NaiveDate, NaiveDate)> {
    let (year, first, last) = match key {
        PeriodKey::Quarter(y, q) => (y, u32::from(q) * 3 - 2, u32::from(q) * 3),
        PeriodKey::FirstHalf(y) => (y, 1, 6),
        PeriodKey::Year(y) => (y, 7, 12),
        _ => return None,
    };
    let start = NaiveDate::from_ymd_opt(year, first, 1)?;
    let next =
        if last == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, last + 1, 1) };
    Some((start, next?.pred_opt()?))
}

/// The last day of a report's period.
pub fn period_end(key: PeriodKey) -> Option<NaiveDate> {
    period_bounds(key).map(|(_, end)| end)
}

/// Whether a board reporting at `cadence` reports for `key`.
pub fn fits(cadence: ReportCadence, key: PeriodKey) -> bool {
    match cadence {
        ReportCadence::Quarterly => matches!(key, PeriodKey::Quarter(..)),
        ReportCadence::HalfYearly => matches!(key, PeriodKey::FirstHalf(_) | PeriodKey::Year(_)),
    }
}

/// The periods a board formed on `since` reports for up to `today`: every period that ended on
/// or after `since`, and the one running today.
pub fn report_periods(cadence: ReportCadence, since: NaiveDate, today: NaiveDate) -> Vec<PeriodKey> {
    let mut out = Vec::new();
    for year in since.year()..=today.year() {
        let keys: Vec<PeriodKey> = match cadence {
            ReportCadence::Quarterly => (1..=4).map(|q| PeriodKey::Quarter(year, q)).collect(),
            ReportCadence::HalfYearly => vec![PeriodKey::FirstHalf(year), PeriodKey::Year(year)],
        };
        for key in keys {
            if let Some((start, end)) = period_bounds(key)
                && end >= since
                && start <= today
            {
                out.push(key);
            }
        }
    }
    out
}

/// What a report counts of the findings sent in its period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ReportCounts {
    pub sent: usize,
    pub answered: usize,
    pub answered_late: usize,
    pub closed: usize,
    /// Still waiting for an answer after their deadline, on `as_of`.
    pub overdue: usize,
}

impl ReportCounts {
    /// Counts `findings` as they stand on `as_of`.
    pub fn of(findings: &[FindingState], as_of: NaiveDate) -> ReportCounts {
        let mut c = ReportCounts { sent: findings.len(), ..Default::default() };
        for f in findings {
            if f.status != FindingStatus::Sent {
                c.answered += 1;
            }
            if f.answered_late() {
                c.answered_late += 1;
            }
            if f.status == FindingStatus::Closed {
                c.closed += 1;
            }
            if f.overdue(as_of) {
                c.overdue += 1;
            }
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn periods_end_on_their_last_day() {
        assert_eq!(period_end(PeriodKey::Quarter(2026, 1)), Some(d("2026-03-31")));
        assert_eq!(period_end(PeriodKey::FirstHalf(2026)), Some(d("2026-06-30")));
        assert_eq!(period_end(PeriodKey::Year(2026)), Some(d("2026-12-31")));
        assert_eq!(period_end(PeriodKey::Month(2026, 1)), None);
        assert_eq!(period_bounds(PeriodKey::Year(2026)).map(|(start, _)| start), Some(d("2026-07-01")));
    }

    #[test]
    fn a_board_reports_from_the_period_it_was_formed_in() {
        let q = report_periods(ReportCadence::Quarterly, d("2026-02-10"), d("2026-08-01"));
        assert_eq!(q, vec![PeriodKey::Quarter(2026, 1), PeriodKey::Quarter(2026, 2), PeriodKey::Quarter(2026, 3)]);
        let h = report_periods(ReportCadence::HalfYearly, d("2025-11-10"), d("2026-02-01"));
        assert_eq!(h, vec![PeriodKey::Year(2025), PeriodKey::FirstHalf(2026)]);
        assert!(fits(ReportCadence::HalfYearly, PeriodKey::FirstHalf(2026)));
        assert!(!fits(ReportCadence::Quarterly, PeriodKey::FirstHalf(2026)));
    }

    #[test]
    fn counts_say_what_was_answered_late_and_what_is_overdue() {
        let due = d("2026-03-10");
        let findings = [
            FindingState { status: FindingStatus::Closed, due_on: due, answered_on: Some(d("2026-03-12")) },
            FindingState { status: FindingStatus::Answered, due_on: due, answered_on: Some(d("2026-03-09")) },
            FindingState { status: FindingStatus::Sent, due_on: due, answered_on: None },
        ];
        let c = ReportCounts::of(&findings, d("2026-03-31"));
        assert_eq!(c, ReportCounts { sent: 3, answered: 2, answered_late: 1, closed: 1, overdue: 1 });
    }
}
