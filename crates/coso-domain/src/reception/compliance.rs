//! How often the chairman must receive citizens, as one pure rule with its articles:
//!
//! - TCD-1 (Law on Citizen Reception, Art. 15(2)(d)): a commune-level chairman receives at
//!   least 1 day in every ISO week;
//! - TCD-2 (Art. 12(5)): a provincial chairman at least 1 day in every calendar month; the
//!   district level (2 days a month) ceased on 2025-07-01 and is not assessed;
//! - TCD-6 (amending law of 10/12/2025, in force 2026-07-01): the head may no longer delegate
//!   reception to a deputy, so a vice-chairman's session never counts from that day. Before it,
//!   whether it counts is a setting ([`Rules::deputy_counts_before_tcd6`], default: it counts);
//!   the old law's wording on delegation is unverified here.
//!
//! A week (or month) with public holidays in it is still required: the law names no
//! exception, so such an interval is flagged «nghỉ lễ» for the reader and still assessed.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

use super::Receiver;
use crate::unit::UnitKind;

/// The day TCD-6 (no delegation to deputies) takes effect.
pub const TCD6_START: NaiveDate = match NaiveDate::from_ymd_opt(2026, 7, 1) {
    Some(d) => d,
    None => panic!("valid constant date"),
};

/// How often a unit's chairman must receive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// At least one day in every ISO week (TCD-1).
    Weekly,
    /// At least one day in every calendar month (TCD-2).
    Monthly,
}

impl Cadence {
    pub fn as_str(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::Monthly => "monthly",
        }
    }

    /// The rule in words, with its article.
    pub fn rule(self) -> &'static str {
        match self {
            Cadence::Weekly => {
                "Chủ tịch UBND cấp xã tiếp công dân ít nhất 01 ngày trong mỗi tuần (Điều 15 khoản 2 điểm d Luật Tiếp công dân)."
            }
            Cadence::Monthly => {
                "Chủ tịch UBND cấp tỉnh tiếp công dân ít nhất 01 ngày trong mỗi tháng (Điều 12 khoản 5 Luật Tiếp công dân)."
            }
        }
    }

    /// «tuần», «tháng».
    pub fn interval_word(self) -> &'static str {
        match self {
            Cadence::Weekly => "tuần",
            Cadence::Monthly => "tháng",
        }
    }
}

/// The cadence a unit of `kind` is held to, or why it is not assessed.
pub fn cadence_of(kind: UnitKind) -> Result<Cadence, &'static str> {
    match kind {
        UnitKind::Commune | UnitKind::Ward | UnitKind::SpecialZone => Ok(Cadence::Weekly),
        UnitKind::Province => Ok(Cadence::Monthly),
        UnitKind::District => Err("Cấp huyện không còn từ ngày 01/7/2025 nên không đánh giá."),
        _ => Err("Đơn vị này không thuộc diện đánh giá lịch tiếp công dân của Chủ tịch UBND."),
    }
}

/// The settings of the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Whether a vice-chairman's session counts before 2026-07-01 (never after, TCD-6).
    /// Default `true`; configurable because the old law's position is unverified.
    pub deputy_counts_before_tcd6: bool,
}

impl Default for Rules {
    fn default() -> Self {
        Rules { deputy_counts_before_tcd6: true }
    }
}

/// A session held: its day and who received.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    pub date: NaiveDate,
    pub receiver: Receiver,
}

/// Why an interval fails the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Miss {
    /// No session at all.
    NoSession,
    /// Only a vice-chairman received, on or after 2026-07-01.
    DeputyOnlyAfterTcd6,
    /// Only a vice-chairman received, before 2026-07-01, and the setting does not count it.
    DeputyOnlyNotCounted,
    /// Only the reception staff received.
    StaffOnly,
}

impl Miss {
    pub fn as_str(self) -> &'static str {
        match self {
            Miss::NoSession => "no_session",
            Miss::DeputyOnlyAfterTcd6 => "deputy_only_after_tcd6",
            Miss::DeputyOnlyNotCounted => "deputy_only_not_counted",
            Miss::StaffOnly => "staff_only",
        }
    }

    /// The reason in words, with the article.
    pub fn reason(self) -> &'static str {
        match self {
            Miss::NoSession => "Không có buổi tiếp công dân nào của Chủ tịch.",
            Miss::DeputyOnlyAfterTcd6 => {
                "Chỉ Phó Chủ tịch tiếp; từ 01/7/2026 người đứng đầu không được ủy quyền cho cấp phó (Luật sửa đổi năm 2025)."
            }
            Miss::DeputyOnlyNotCounted => {
                "Chỉ Phó Chủ tịch tiếp; theo cấu hình, buổi tiếp của cấp phó không được tính."
            }
            Miss::StaffOnly => "Chỉ công chức tiếp công dân thường xuyên tiếp; Chủ tịch không tiếp.",
        }
    }
}

/// Where an interval stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", content = "reason", rename_all = "snake_case")]
pub enum IntervalStatus {
    Met,
    Missed(Miss),
    /// Not over yet and no valid session so far.
    NotYetDue,
}

/// One week or month of the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interval {
    /// «Tuần 10 (04/03–10/03/2024)», «Tháng 3/2024».
    pub label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub status: IntervalStatus,
    /// Days with a session that counts.
    pub valid_days: usize,
    /// The names of the weekday holidays in it («nghỉ lễ»): still required.
    pub holidays: Vec<String>,
}

/// The result for one unit and period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Compliance {
    pub cadence: Cadence,
    pub intervals: Vec<Interval>,
}

impl Compliance {
    pub fn met(&self) -> usize {
        self.intervals.iter().filter(|i| i.status == IntervalStatus::Met).count()
    }

    pub fn missed(&self) -> usize {
        self.intervals.iter().filter(|i| matches!(i.status, IntervalStatus::Missed(_))).count()
    }

    /// Intervals already over, or met early.
    pub fn due(&self) -> usize {
        self.met() + self.missed()
    }
}

/// Whether a session on `date` by `receiver` counts for the rule.
pub fn counts(receiver: Receiver, date: NaiveDate, rules: Rules) -> bool {
    match receiver {
        Receiver::Chairman => true,
        Receiver::ViceChairman => date < TCD6_START && rules.deputy_counts_before_tcd6,
        Receiver::Staff => false,
    }
}

/// Assesses the sessions `held` against `cadence` over `[from, to]`, as of `today`.
/// `day_off` names a weekday off (holiday, Tết), for the «nghỉ lễ» flag.
pub fn assess(
    cadence: Cadence,
    (from, to): (NaiveDate, NaiveDate),
    today: NaiveDate,
    held: &[Held],
    day_off: &dyn Fn(NaiveDate) -> Option<String>,
    rules: Rules,
) -> Compliance {
    let intervals = match cadence {
        Cadence::Weekly => weeks(from, to),
        Cadence::Monthly => months(from, to),
    }
    .into_iter()
    .map(|(label, start, end)| {
        let inside: Vec<&Held> = held.iter().filter(|h| h.date >= start && h.date <= end).collect();
        let valid: BTreeSet<NaiveDate> =
            inside.iter().filter(|h| counts(h.receiver, h.date, rules)).map(|h| h.date).collect();
        let status = if !valid.is_empty() {
            IntervalStatus::Met
        } else if end >= today {
            IntervalStatus::NotYetDue
        } else {
            IntervalStatus::Missed(miss_of(&inside))
        };
        Interval {
            label,
            from: start,
            to: end,
            status,
            valid_days: valid.len(),
            holidays: holidays(start, end, day_off),
        }
    })
    .collect();
    Compliance { cadence, intervals }
}

fn miss_of(inside: &[&Held]) -> Miss {
    let deputy: Vec<NaiveDate> =
        inside.iter().filter(|h| h.receiver == Receiver::ViceChairman).map(|h| h.date).collect();
    if deputy.iter().any(|d| *d >= TCD6_START) {
        Miss::DeputyOnlyAfterTcd6
    } else if !deputy.is_empty() {
        Miss::DeputyOnlyNotCounted
    } else if !inside.is_empty() {
        Miss::StaffOnly
    } else {
        Miss::NoSession
    }
}

fn holidays(start: NaiveDate, end: NaiveDate, day_off: &dyn Fn(NaiveDate) -> Option<String>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for day in start.iter_days().take_while(|d| *d <= end) {
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            continue;
        }
        if let Some(name) = day_off(day)
            && !names.contains(&name)
        {
            names.push(name);
        }
    }
    names
}

fn dm(d: NaiveDate) -> String {
    d.format("%d/%m").to_string()
}

/// The ISO weeks whose Thursday falls in `[from, to]`: a week that spans two months or two
/// periods is assessed once, in the period of its Thursday, and every one of its days counts.
fn weeks(from: NaiveDate, to: NaiveDate) -> Vec<(String, NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let mut monday = from.week(Weekday::Mon).first_day();
    loop {
        let thursday = monday + Days::new(3);
        if thursday > to {
            break;
        }
        let sunday = monday + Days::new(6);
        if thursday >= from {
            let label =
                format!("Tuần {} ({}–{}/{})", thursday.iso_week().week(), dm(monday), dm(sunday), sunday.year());
            out.push((label, monday, sunday));
        }
        monday = monday + Days::new(7);
    }
    out
}

fn months(from: NaiveDate, to: NaiveDate) -> Vec<(String, NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let mut first = from.with_day(1).unwrap_or(from);
    while first <= to {
        let next = first.checked_add_months(chrono::Months::new(1)).unwrap_or(NaiveDate::MAX);
        let last = next.pred_opt().unwrap_or(first);
        out.push((format!("Tháng {}/{}", first.month(), first.year()), first, last));
        first = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn no_holidays(_: NaiveDate) -> Option<String> {
        None
    }

    fn one_week(monday: NaiveDate, held: &[Held], rules: Rules) -> Interval {
        let c = assess(Cadence::Weekly, (monday, monday + Days::new(6)), d(2030, 1, 1), held, &no_holidays, rules);
        assert_eq!(c.intervals.len(), 1, "{c:?}");
        c.intervals.into_iter().next().expect("one week")
    }

    fn vice(date: NaiveDate) -> Held {
        Held { date, receiver: Receiver::ViceChairman }
    }

    #[test]
    fn tcd1_worked_case_a_week_without_a_chairman_session_is_a_violation() {
        // legal-rules.md: ISO week 2024-03-04 … 2024-03-10 with zero chairman sessions.
        let w = one_week(d(2024, 3, 4), &[], Rules::default());
        assert_eq!(w.status, IntervalStatus::Missed(Miss::NoSession));
        assert_eq!(w.label, "Tuần 10 (04/03–10/03/2024)");
        let chairman = [Held { date: d(2024, 3, 7), receiver: Receiver::Chairman }];
        assert_eq!(one_week(d(2024, 3, 4), &chairman, Rules::default()).status, IntervalStatus::Met);
    }

    #[test]
    fn tcd6_worked_case_a_vice_chairman_only_is_a_violation_after_2026_07_01_and_configurable_before() {
        let after = one_week(d(2026, 7, 6), &[vice(d(2026, 7, 9))], Rules::default());
        assert_eq!(after.status, IntervalStatus::Missed(Miss::DeputyOnlyAfterTcd6));
        let counted = Rules { deputy_counts_before_tcd6: true };
        let not_counted = Rules { deputy_counts_before_tcd6: false };
        let before = [vice(d(2024, 3, 7))];
        assert_eq!(one_week(d(2024, 3, 4), &before, counted).status, IntervalStatus::Met);
        assert_eq!(
            one_week(d(2024, 3, 4), &before, not_counted).status,
            IntervalStatus::Missed(Miss::DeputyOnlyNotCounted)
        );
        // Even with the setting on, TCD-6 wins after the day.
        assert_eq!(
            one_week(d(2026, 7, 6), &[vice(d(2026, 7, 9))], counted).status,
            IntervalStatus::Missed(Miss::DeputyOnlyAfterTcd6)
        );
    }

    #[test]
    fn in_the_week_tcd6_starts_a_deputy_counts_on_the_days_before_only() {
        // Monday 2026-06-29 … Sunday 2026-07-05.
        assert_eq!(one_week(d(2026, 6, 29), &[vice(d(2026, 6, 30))], Rules::default()).status, IntervalStatus::Met);
        assert_eq!(
            one_week(d(2026, 6, 29), &[vice(d(2026, 7, 2))], Rules::default()).status,
            IntervalStatus::Missed(Miss::DeputyOnlyAfterTcd6)
        );
    }

    #[test]
    fn staff_sessions_never_count() {
        let staff = [Held { date: d(2024, 3, 5), receiver: Receiver::Staff }];
        assert_eq!(one_week(d(2024, 3, 4), &staff, Rules::default()).status, IntervalStatus::Missed(Miss::StaffOnly));
    }

    #[test]
    fn a_week_split_across_months_is_assessed_once_in_the_month_of_its_thursday() {
        // Mon 2024-04-29 … Sun 2024-05-05: its Thursday is 2 May, so it belongs to Q2 only
        // (and to no earlier period), and a session on Tuesday 30 April meets it.
        let session = [Held { date: d(2024, 4, 30), receiver: Receiver::Chairman }];
        let q1 = assess(
            Cadence::Weekly,
            (d(2024, 1, 1), d(2024, 3, 31)),
            d(2030, 1, 1),
            &session,
            &no_holidays,
            Rules::default(),
        );
        let april = assess(
            Cadence::Weekly,
            (d(2024, 4, 1), d(2024, 4, 30)),
            d(2030, 1, 1),
            &session,
            &no_holidays,
            Rules::default(),
        );
        let may = assess(
            Cadence::Weekly,
            (d(2024, 5, 1), d(2024, 5, 31)),
            d(2030, 1, 1),
            &session,
            &no_holidays,
            Rules::default(),
        );
        assert!(april.intervals.iter().all(|w| w.from != d(2024, 4, 29)));
        let split = may.intervals.first().expect("first week of May");
        assert_eq!((split.from, split.to, split.status), (d(2024, 4, 29), d(2024, 5, 5), IntervalStatus::Met));
        // A year has its 52 or 53 ISO weeks, a quarter 13.
        assert_eq!(q1.intervals.len(), 13);
        let y2026 = assess(
            Cadence::Weekly,
            (d(2026, 1, 1), d(2026, 12, 31)),
            d(2030, 1, 1),
            &[],
            &no_holidays,
            Rules::default(),
        );
        assert_eq!(y2026.intervals.len(), 53);
        assert_eq!(y2026.missed(), 53);
    }

    #[test]
    fn a_tet_week_is_flagged_but_still_required() {
        // Tết Giáp Thìn: 8 … 14 February 2024 off; the week of 12 February has three of them.
        let tet =
            |day: NaiveDate| (d(2024, 2, 8)..=d(2024, 2, 14)).contains(&day).then(|| "Tết Nguyên đán".to_string());
        let c = assess(Cadence::Weekly, (d(2024, 2, 12), d(2024, 2, 18)), d(2030, 1, 1), &[], &tet, Rules::default());
        let w = &c.intervals[0];
        assert_eq!(w.holidays, ["Tết Nguyên đán"]);
        assert_eq!(w.status, IntervalStatus::Missed(Miss::NoSession));
    }

    #[test]
    fn a_province_needs_one_day_a_month_and_the_current_month_is_not_yet_due() {
        let held = [
            Held { date: d(2026, 1, 15), receiver: Receiver::Chairman },
            Held { date: d(2026, 3, 2), receiver: Receiver::Chairman },
        ];
        let c = assess(
            Cadence::Monthly,
            (d(2026, 1, 1), d(2026, 12, 31)),
            d(2026, 4, 10),
            &held,
            &no_holidays,
            Rules::default(),
        );
        assert_eq!(c.intervals.len(), 12);
        assert_eq!(c.intervals[0].label, "Tháng 1/2026");
        let statuses: Vec<_> = c.intervals.iter().take(5).map(|i| i.status).collect();
        assert_eq!(
            statuses,
            [
                IntervalStatus::Met,
                IntervalStatus::Missed(Miss::NoSession),
                IntervalStatus::Met,
                IntervalStatus::NotYetDue,
                IntervalStatus::NotYetDue
            ]
        );
        assert_eq!((c.met(), c.missed(), c.due()), (2, 1, 3));
    }

    #[test]
    fn two_sessions_on_one_day_are_one_day() {
        let held = [
            Held { date: d(2024, 3, 5), receiver: Receiver::Chairman },
            Held { date: d(2024, 3, 5), receiver: Receiver::Chairman },
            Held { date: d(2024, 3, 6), receiver: Receiver::Chairman },
        ];
        assert_eq!(one_week(d(2024, 3, 4), &held, Rules::default()).valid_days, 2);
    }

    #[test]
    fn communes_are_weekly_provinces_monthly_and_districts_not_assessed() {
        assert_eq!(cadence_of(UnitKind::Ward), Ok(Cadence::Weekly));
        assert_eq!(cadence_of(UnitKind::SpecialZone), Ok(Cadence::Weekly));
        assert_eq!(cadence_of(UnitKind::Province), Ok(Cadence::Monthly));
        assert!(cadence_of(UnitKind::District).expect_err("district").contains("01/7/2025"));
        assert!(cadence_of(UnitKind::Village).is_err());
    }
}
