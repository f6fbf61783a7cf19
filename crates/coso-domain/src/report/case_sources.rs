//! Which counts of citizen cases fill which indicators of a report: an indicator's `source`
//! names the kinds of case and the figure, and a report's period key gives the days of receipt.
//!
//! The first default template (`qcdc-mac-dinh`) counted complaints and denunciations together
//! under `complaints_*`; its successor (`qcdc-mac-dinh-2`) counts them apart
//! (`complaint_cases_*`, `denunciations_*`). Both keep working: a stored template's sources
//! are read as they were written.

use chrono::NaiveDate;

use crate::case::CaseKind;
use crate::plan::PeriodKey;

/// A figure of the cases received in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseFigure {
    Received,
    /// Answered or decided by their legal due date.
    ResolvedOnTime,
    /// Still open past the due date of their next step.
    Overdue,
}

/// The kinds and the figure an indicator's `source` stands for; `None` for sources that are
/// not counts of cases (disclosures, meetings…).
pub fn case_source(source: &str) -> Option<(&'static [CaseKind], CaseFigure)> {
    const PETITIONS: &[CaseKind] = &[CaseKind::Petition];
    const COMPLAINTS: &[CaseKind] = &[CaseKind::Complaint];
    const DENUNCIATIONS: &[CaseKind] = &[CaseKind::Denunciation];
    const BOTH: &[CaseKind] = &[CaseKind::Complaint, CaseKind::Denunciation];
    let (kinds, rest) = [
        ("petitions_", PETITIONS),
        ("complaint_cases_", COMPLAINTS),
        ("denunciations_", DENUNCIATIONS),
        ("complaints_", BOTH),
    ]
    .into_iter()
    .find_map(|(prefix, kinds)| source.strip_prefix(prefix).map(|rest| (kinds, rest)))?;
    let figure = match rest {
        "received" => CaseFigure::Received,
        "resolved_on_time" => CaseFigure::ResolvedOnTime,
        "overdue" => CaseFigure::Overdue,
        _ => return None,
    };
    Some((kinds, figure))
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// The first and last days a report of `key` covers (calendar months); `None` for a one-off.
pub fn period_dates(key: PeriodKey) -> Option<(NaiveDate, NaiveDate)> {
    let span = |year: i32, first: u32, last: u32| {
        Some((NaiveDate::from_ymd_opt(year, first, 1)?, last_day_of_month(year, last)?))
    };
    match key {
        PeriodKey::Once => None,
        PeriodKey::Year(y) => span(y, 1, 12),
        PeriodKey::FirstHalf(y) => span(y, 1, 6),
        PeriodKey::NineMonths(y) => span(y, 1, 9),
        PeriodKey::Quarter(y, q) => span(y, u32::from(q) * 3 - 2, u32::from(q) * 3),
        PeriodKey::Month(y, m) => span(y, u32::from(m), u32::from(m)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn the_first_template_counts_complaints_and_denunciations_together_the_second_apart() {
        use CaseFigure::*;
        use CaseKind::*;
        assert_eq!(case_source("complaints_received"), Some((&[Complaint, Denunciation][..], Received)));
        assert_eq!(case_source("complaint_cases_overdue"), Some((&[Complaint][..], Overdue)));
        assert_eq!(case_source("denunciations_resolved_on_time"), Some((&[Denunciation][..], ResolvedOnTime)));
        assert_eq!(case_source("petitions_received"), Some((&[Petition][..], Received)));
        assert_eq!(case_source("disclosures"), None);
        assert_eq!(case_source("petitions_answered"), None);
    }

    #[test]
    fn periods_cover_their_calendar_months() {
        assert_eq!(period_dates(PeriodKey::Year(2026)), Some((d("2026-01-01"), d("2026-12-31"))));
        assert_eq!(period_dates(PeriodKey::FirstHalf(2026)), Some((d("2026-01-01"), d("2026-06-30"))));
        assert_eq!(period_dates(PeriodKey::NineMonths(2026)), Some((d("2026-01-01"), d("2026-09-30"))));
        assert_eq!(period_dates(PeriodKey::Quarter(2024, 1)), Some((d("2024-01-01"), d("2024-03-31"))));
        assert_eq!(period_dates(PeriodKey::Month(2024, 2)), Some((d("2024-02-01"), d("2024-02-29"))));
        assert_eq!(period_dates(PeriodKey::Month(2026, 12)), Some((d("2026-12-01"), d("2026-12-31"))));
        assert_eq!(period_dates(PeriodKey::Once), None);
    }
}
