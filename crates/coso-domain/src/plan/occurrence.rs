//! The concrete occurrences of an obligation in a year: the 6-month report of 2026 due
//! 2026-06-14, the twelve monthly reports, the one implementing plan.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::due::{Due, clamped};
use super::period::{ObligationKind, ReportPeriod};
use super::period_key::PeriodKey;

/// One occurrence: its period key (`obligation_occurrence.period_key`) and due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// `2026`, `2026-H1`, `2026-9M`, `2026-Q3`, `2026-05`, or `""` for a one-off.
    pub period_key: PeriodKey,
    pub due: Option<NaiveDate>,
}

/// The occurrences of an obligation in `year`.
///
/// - An implementing plan, an ad hoc report, or a report with no period is one one-off
///   occurrence (key `""`), due on the date, or on the yearly day in `year`.
/// - Annual (`2026`), six-month (`2026-H1`) and nine-month (`2026-9M`) reports are one
///   occurrence, due on the date or on the yearly day in `year`: plans write the closing day
///   of the period itself (`trước ngày 14/6 hằng năm` for the 6-month report).
/// - Quarterly and monthly reports give 4 or 12 occurrences. A yearly or absolute due only
///   says the day of the month: each occurrence is due on that day of the month after its
///   period ends (Q1 → April, December → January of the next year), lowered to the month's
///   last day when shorter. With no due, occurrences have no due date.
pub fn occurrences(kind: ObligationKind, period: Option<ReportPeriod>, due: &Due, year: i32) -> Vec<Occurrence> {
    let once = |key: PeriodKey| vec![Occurrence { period_key: key, due: due.in_year(year) }];
    let period = match (kind, period) {
        (ObligationKind::ImplementingPlan, _) | (ObligationKind::Report, None | Some(ReportPeriod::AdHoc)) => {
            return once(PeriodKey::Once);
        }
        (ObligationKind::Report, Some(p)) => p,
    };
    let day = match *due {
        Due::Unset => None,
        Due::On(d) => Some(d.day()),
        Due::Yearly { day, .. } => Some(day),
    };
    // Due on `day` of the month after the one ending the period.
    let after = |last_month: u32| {
        let (y, m) = if last_month == 12 { (year + 1, 1) } else { (year, last_month + 1) };
        day.and_then(|d| clamped(y, m, d))
    };
    match period {
        ReportPeriod::Annual => once(PeriodKey::Year(year)),
        ReportPeriod::SixMonth => once(PeriodKey::FirstHalf(year)),
        ReportPeriod::NineMonth => once(PeriodKey::NineMonths(year)),
        ReportPeriod::Quarterly => (1..=4u8)
            .map(|q| Occurrence { period_key: PeriodKey::Quarter(year, q), due: after(u32::from(q) * 3) })
            .collect(),
        ReportPeriod::Monthly => {
            (1..=12u8).map(|m| Occurrence { period_key: PeriodKey::Month(year, m), due: after(u32::from(m)) }).collect()
        }
        ReportPeriod::AdHoc => once(PeriodKey::Once),
    }
}

/// The Vietnamese name of a period key (a [`PeriodKey`] or its text): `6 tháng đầu năm 2026`,
/// `Năm 2026`, `Quý III/2026`, `Tháng 5/2026`; `Một lần` for a one-off. A text that is not a
/// period key is shown as it is.
pub fn period_label<K: std::fmt::Display + ?Sized>(key: &K) -> String {
    let text = key.to_string();
    PeriodKey::parse(&text).map_or(text, PeriodKey::label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ObligationKind::*;
    use ReportPeriod::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn keys(o: &[Occurrence]) -> Vec<String> {
        o.iter().map(|o| o.period_key.to_string()).collect()
    }

    #[test]
    fn yearly_reports_fall_in_the_year() {
        let jun14 = Due::Yearly { month: 6, day: 14 };
        let o = occurrences(Report, Some(SixMonth), &jun14, 2026);
        assert_eq!(o, [Occurrence { period_key: PeriodKey::FirstHalf(2026), due: ymd(2026, 6, 14) }]);
        let o = occurrences(Report, Some(Annual), &Due::Yearly { month: 12, day: 14 }, 2026);
        assert_eq!(o, [Occurrence { period_key: PeriodKey::Year(2026), due: ymd(2026, 12, 14) }]);
        assert_eq!(keys(&occurrences(Report, Some(NineMonth), &Due::Unset, 2026)), ["2026-9M"]);
        assert_eq!(occurrences(Report, Some(NineMonth), &Due::Unset, 2026)[0].due, None);
    }

    #[test]
    fn one_offs_have_an_empty_key() {
        let on = Due::On(NaiveDate::from_ymd_opt(2026, 3, 31).expect("date"));
        let o = occurrences(ImplementingPlan, None, &on, 2026);
        assert_eq!(o, [Occurrence { period_key: PeriodKey::Once, due: ymd(2026, 3, 31) }]);
        assert_eq!(keys(&occurrences(Report, Some(AdHoc), &Due::Unset, 2026)), [""]);
        assert_eq!(keys(&occurrences(Report, None, &Due::Unset, 2026)), [""]);
    }

    #[test]
    fn quarterly_reports_are_due_the_month_after_each_quarter() {
        let o = occurrences(Report, Some(Quarterly), &Due::Yearly { month: 1, day: 15 }, 2026);
        assert_eq!(keys(&o), ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
        let dues: Vec<_> = o.iter().map(|o| o.due).collect();
        assert_eq!(dues, [ymd(2026, 4, 15), ymd(2026, 7, 15), ymd(2026, 10, 15), ymd(2027, 1, 15)]);
    }

    #[test]
    fn monthly_due_days_are_clamped_to_short_months() {
        let o = occurrences(Report, Some(Monthly), &Due::Yearly { month: 1, day: 31 }, 2026);
        assert_eq!(o.len(), 12);
        assert_eq!(o[0], Occurrence { period_key: PeriodKey::Month(2026, 1), due: ymd(2026, 2, 28) });
        assert_eq!(o[2].due, ymd(2026, 4, 30));
        assert_eq!(o[11], Occurrence { period_key: PeriodKey::Month(2026, 12), due: ymd(2027, 1, 31) });
        let leap = occurrences(Report, Some(Monthly), &Due::Yearly { month: 1, day: 30 }, 2028);
        assert_eq!(leap[0].due, ymd(2028, 2, 29));
        assert!(occurrences(Report, Some(Monthly), &Due::Unset, 2026).iter().all(|o| o.due.is_none()));
    }

    #[test]
    fn labels_period_keys_in_vietnamese() {
        assert_eq!(period_label("2026-H1"), "6 tháng đầu năm 2026");
        assert_eq!(period_label("2026"), "Năm 2026");
        assert_eq!(period_label("2026-Q3"), "Quý III/2026");
        assert_eq!(period_label("2026-05"), "Tháng 5/2026");
        assert_eq!(period_label("2026-9M"), "9 tháng năm 2026");
        assert_eq!(period_label(""), "Một lần");
        assert_eq!(period_label("2026-13"), "2026-13");
        assert_eq!(period_label("abc"), "abc");
    }
}
