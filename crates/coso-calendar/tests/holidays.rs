//! Holidays, compensatory and swapped days, announcements and working-day arithmetic
//! (legal-rules §6).

use chrono::{Datelike, NaiveDate, Weekday};
use coso_calendar::{Announcement, CalendarError, DayStatus, HolidayCalendar, HolidayKind, HolidayYear};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn cal() -> &'static HolidayCalendar {
    HolidayCalendar::builtin()
}

fn off(year: i32) -> Vec<NaiveDate> {
    cal().year(year).expect("year").days_off.iter().map(|x| x.date).collect()
}

fn kind_on(date: NaiveDate) -> Option<HolidayKind> {
    match cal().day_status(date).expect("in range") {
        DayStatus::DayOff(x) => Some(x.kind),
        DayStatus::Weekend { holiday } => holiday.map(|h| h.kind),
        _ => None,
    }
}

#[test]
fn new_year_on_a_weekend_gives_a_compensatory_monday() {
    // HOL-4: 2022-01-01 (Sat) → Mon 2022-01-03; 2023-01-01 (Sun) → Mon 2023-01-02.
    assert_eq!(kind_on(d(2022, 1, 3)), Some(HolidayKind::Compensatory));
    assert_eq!(kind_on(d(2023, 1, 2)), Some(HolidayKind::Compensatory));
    assert_eq!(cal().is_working_day(d(2022, 1, 4)), Ok(true));
}

#[test]
fn chained_holidays_2023_get_distinct_compensatory_days() {
    // Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon → off 2/5 and 3/5.
    assert_eq!(kind_on(d(2023, 4, 29)), Some(HolidayKind::HungKings));
    assert_eq!(kind_on(d(2023, 4, 30)), Some(HolidayKind::VictoryDay));
    assert_eq!(kind_on(d(2023, 5, 1)), Some(HolidayKind::LabourDay));
    assert_eq!(kind_on(d(2023, 5, 2)), Some(HolidayKind::Compensatory));
    assert_eq!(kind_on(d(2023, 5, 3)), Some(HolidayKind::Compensatory));
    assert_eq!(cal().is_working_day(d(2023, 5, 4)), Ok(true));
}

#[test]
fn announced_tet_breaks_2022_to_2026() {
    let weekdays = |from: NaiveDate, to: NaiveDate| -> Vec<NaiveDate> {
        from.iter_days()
            .take_while(|x| *x <= to)
            .filter(|x| !matches!(x.weekday(), Weekday::Sat | Weekday::Sun))
            .collect()
    };
    for (from, to) in [
        (d(2022, 1, 29), d(2022, 2, 6)),
        (d(2023, 1, 20), d(2023, 1, 26)),
        (d(2024, 2, 8), d(2024, 2, 14)),
        (d(2025, 1, 25), d(2025, 2, 2)),
        (d(2026, 2, 14), d(2026, 2, 22)),
    ] {
        let days = off(from.year());
        for x in weekdays(from, to) {
            assert!(days.contains(&x), "{x} should be off");
        }
        assert_eq!(cal().is_working_day(from.pred_opt().expect("day")), Ok(true), "day before {from}");
        assert!(cal().year(from.year()).expect("year").announced);
    }
    // 2024: five Tết days then two compensatory days for Sat 10 and Sun 11 Feb.
    assert_eq!(kind_on(d(2024, 2, 12)), Some(HolidayKind::Tet));
    assert_eq!(kind_on(d(2024, 2, 13)), Some(HolidayKind::Compensatory));
}

#[test]
fn other_verified_days_2022_to_2026() {
    // 2022: Giỗ Tổ Sun 10/4 → Mon 11/4; 1/5 Sun → Mon 2/5.
    assert_eq!(kind_on(d(2022, 4, 11)), Some(HolidayKind::Compensatory));
    assert!(off(2022).contains(&d(2022, 5, 2)));
    // 2025: Giỗ Tổ Mon 7/4; 30/4–1/5; swap: work Sat 26/4 for Fri 2/5.
    assert_eq!(kind_on(d(2025, 4, 7)), Some(HolidayKind::HungKings));
    assert_eq!(kind_on(d(2025, 5, 2)), Some(HolidayKind::SwappedDayOff));
    assert_eq!(cal().day_status(d(2025, 4, 26)), Ok(DayStatus::WorkingSaturday));
    // 2026: Giỗ Tổ Sun 26/4 → Mon 27/4; make-up Sat 22/8 for Mon 31/8; 1–2/9.
    assert_eq!(kind_on(d(2026, 4, 26)), Some(HolidayKind::HungKings));
    assert_eq!(kind_on(d(2026, 4, 27)), Some(HolidayKind::Compensatory));
    assert_eq!(cal().is_working_day(d(2026, 8, 22)), Ok(true));
    assert_eq!(kind_on(d(2026, 8, 31)), Some(HolidayKind::SwappedDayOff));
    assert_eq!(kind_on(d(2026, 9, 1)), Some(HolidayKind::NationalDay));
    assert_eq!(kind_on(d(2026, 9, 2)), Some(HolidayKind::NationalDay));
    assert_eq!(cal().is_working_day(d(2026, 9, 3)), Ok(true));
    let y2026 = cal().year(2026).expect("2026");
    assert_eq!(y2026.working_saturdays, vec![d(2026, 8, 22)]);
}

#[test]
fn year_without_announcement_uses_the_documented_default_rule() {
    let y = cal().year(2027).expect("2027");
    assert!(!y.announced);
    assert!(y.default_rule.is_some());
    // Tết 2027 is Sat 6/2: default days 5/2 (last day of the year) to 9/2 (mùng 4); Sat 6 and
    // Sun 7 give compensatory Wed 10 and Thu 11.
    let days: Vec<NaiveDate> = y.days_off.iter().map(|x| x.date).collect();
    for x in [d(2027, 2, 5), d(2027, 2, 8), d(2027, 2, 9), d(2027, 2, 10), d(2027, 2, 11)] {
        assert!(days.contains(&x), "{x}");
    }
    assert!(y.days_off.iter().all(|x| !x.announced));
    // 2/9/2027 is a Thursday: adjacent day 1/9.
    assert!(days.contains(&d(2027, 9, 1)) && days.contains(&d(2027, 9, 2)));
    // 2/9/2024 was a Monday: by the default rule the adjacent day is 3/9 (as announced).
    let default_2024 = HolidayYear::build(2024, None).expect("2024");
    assert!(default_2024.days_off.iter().any(|x| x.date == d(2024, 9, 3)));
}

#[test]
fn weekends_are_not_listed_and_every_year_has_at_least_eleven_holidays() {
    for year in 1900..=2199 {
        let y = cal().year(year).expect("year");
        assert!(y.days_off.iter().all(|x| !matches!(x.date.weekday(), Weekday::Sat | Weekday::Sun)));
        let statutory = y.days_off.iter().chain(&y.weekend_holidays).filter(|x| x.kind.is_statutory()).count();
        if year == 1947 {
            // Giỗ Tổ fell on 30/4: one day carries both holidays.
            assert_eq!(statutory, 10);
            assert!(
                y.days_off.iter().chain(&y.weekend_holidays).any(|x| x.name == "Giỗ Tổ Hùng Vương và Ngày Chiến thắng")
            );
        } else {
            assert!(statutory >= 11, "{year}: {statutory}");
            // Weekday holidays plus compensatory days give at least 11 weekdays off.
            assert!(y.days_off.len() >= 11, "{year}: {}", y.days_off.len());
        }
    }
}

#[test]
fn working_days_across_the_2026_tet_block_and_the_swapped_saturday() {
    // legal-rules §6 test cases.
    assert_eq!(cal().add_working_days(d(2026, 2, 13), 5), Ok(d(2026, 2, 27)));
    assert_eq!(cal().add_working_days(d(2026, 8, 21), 5), Ok(d(2026, 8, 27)));
    assert_eq!(cal().next_working_day(d(2026, 8, 30)), Ok(d(2026, 9, 3)));
    assert_eq!(cal().working_days_between(d(2026, 2, 13), d(2026, 2, 27)), Ok(5));
    assert_eq!(cal().working_days_between(d(2026, 2, 27), d(2026, 2, 13)), Ok(-5));
    assert_eq!(cal().sub_working_days(d(2026, 2, 27), 5), Ok(d(2026, 2, 13)));
    assert_eq!(cal().previous_working_day(d(2026, 2, 23)), Ok(d(2026, 2, 13)));
    assert_eq!(cal().add_working_days(d(2026, 2, 14), 0), Ok(d(2026, 2, 14)));
}

#[test]
fn announcements_can_be_added_at_run_time() {
    let json = r#"{
        "year": 2027,
        "source": "Thông báo thử nghiệm",
        "status": "S",
        "days_off": [
            {"from": "2027-02-04", "to": "2027-02-12", "kind": "tet"},
            {"from": "2027-08-30", "to": "2027-08-30", "kind": "swapped_day_off", "name": "Nghỉ hoán đổi"}
        ],
        "working_saturdays": ["2027-08-21"]
    }"#;
    let a = Announcement::from_json(json).expect("valid announcement");
    let c = HolidayCalendar::new([a.clone()]).expect("calendar");
    let y = c.year(2027).expect("2027");
    assert!(y.announced);
    assert_eq!(y.source.as_deref(), Some("Thông báo thử nghiệm"));
    assert_eq!(c.is_working_day(d(2027, 2, 4)), Ok(false));
    assert_eq!(c.is_working_day(d(2027, 8, 21)), Ok(true));
    assert_eq!(c.is_working_day(d(2027, 8, 30)), Ok(false));
    // Kinds the announcement does not list keep the default rule: 1/1/2027 (Fri) is off.
    assert_eq!(c.is_working_day(d(2027, 1, 1)), Ok(false));
    // The built-in calendar is unaffected; with_announcement gives the same result.
    assert_eq!(cal().is_working_day(d(2027, 2, 4)), Ok(true));
    let c2 = HolidayCalendar::builtin().clone().with_announcement(a).expect("calendar");
    assert_eq!(c2.is_working_day(d(2027, 8, 21)), Ok(true));
    // Without built-in announcements, 2026 falls back to the default rule.
    let bare = HolidayCalendar::without_builtin([]).expect("calendar");
    assert!(!bare.year(2026).expect("2026").announced);
    assert_eq!(bare.is_working_day(d(2026, 8, 22)), Ok(false));
}

#[test]
fn inconsistent_announcements_are_rejected() {
    let base = |body: &str| format!(r#"{{"year": 2027, "source": "x", "status": "S", {body}}}"#);
    let cases = [
        base(r#""days_off": [], "working_saturdays": ["2027-08-23"]"#), // a Monday
        base(r#""days_off": [{"from": "2028-01-01", "to": "2028-01-02", "kind": "tet"}]"#),
        base(r#""days_off": [{"from": "2027-02-10", "to": "2027-02-01", "kind": "tet"}]"#),
        base(r#""days_off": [{"from": "2027-01-01", "to": "2027-12-31", "kind": "other"}]"#),
        base(
            r#""days_off": [{"from": "2027-02-06", "to": "2027-02-07", "kind": "tet"}], "working_saturdays": ["2027-02-06"]"#,
        ),
        base(r#""days_off": [{"from": "2027-02-06", "to": "2027-02-07", "kind": "holiday"}]"#),
        base(r#""days_off": [], "extra": 1"#),
        r#"{"year": 2300, "source": "x", "status": "S", "days_off": []}"#.to_owned(),
        r#"{"year": 2027, "source": " ", "status": "S", "days_off": []}"#.to_owned(),
        "[]".to_owned(),
        "".to_owned(),
    ];
    for json in cases {
        assert!(matches!(Announcement::from_json(&json), Err(CalendarError::InvalidAnnouncement(_))), "{json}");
    }
}

#[test]
fn out_of_range_years_are_errors() {
    assert_eq!(cal().year(1899).err(), Some(CalendarError::YearOutOfRange(1899)));
    assert_eq!(cal().year(2200).err(), Some(CalendarError::YearOutOfRange(2200)));
    assert!(cal().is_working_day(d(2200, 1, 1)).is_err());
    assert!(cal().add_working_days(d(2199, 12, 30), 10).is_err());
    assert!(cal().add_working_days(d(2024, 1, 1), u32::MAX).is_err());
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..109_000).prop_map(|offset| d(1900, 1, 1) + chrono::TimeDelta::try_days(offset).unwrap_or_default())
}

proptest! {
    #[test]
    fn adding_working_days_never_lands_on_a_day_off(start in any_date(), n in 1u32..60) {
        let end = cal().add_working_days(start, n).expect("in range");
        prop_assert!(end > start);
        prop_assert_eq!(cal().is_working_day(end), Ok(true));
    }

    #[test]
    fn working_days_between_is_consistent_with_adding(start in any_date(), n in 0u32..60) {
        let end = cal().add_working_days(start, n).expect("in range");
        prop_assert_eq!(cal().working_days_between(start, end), Ok(i64::from(n)));
        prop_assert_eq!(cal().working_days_between(end, start), Ok(-i64::from(n)));
        match cal().sub_working_days(end, n) {
            Ok(s) => prop_assert!(s <= start),
            // Walking back over a day off can leave the calendar's range, only from its first weeks
            // (01/01/1900 is itself a day off).
            Err(_) => prop_assert!(start < d(1900, 3, 1), "{start} {n}"),
        }
    }

    #[test]
    fn next_working_day_skips_only_days_off(start in any_date()) {
        let next = cal().next_working_day(start).expect("in range");
        prop_assert_eq!(cal().is_working_day(next), Ok(true));
        for x in start.iter_days().skip(1).take_while(|x| *x < next) {
            prop_assert_eq!(cal().is_working_day(x), Ok(false));
        }
        prop_assert_eq!(cal().working_days_between(start, next), Ok(1));
    }

    #[test]
    fn announcement_parser_never_panics(s in ".*") {
        let _ = Announcement::from_json(&s);
        let _ = Announcement::list_from_json(&s);
    }

    #[test]
    fn announcement_parser_never_panics_on_near_valid_json(
        year in any::<i32>(), from in "[0-9-]{0,12}", to in "[0-9-]{0,12}", kind in "[a-z_]{0,14}", sat in "[0-9-]{0,12}"
    ) {
        let json = format!(
            r#"{{"year": {year}, "source": "x", "status": "S", "days_off": [{{"from": "{from}", "to": "{to}", "kind": "{kind}"}}], "working_saturdays": ["{sat}"]}}"#
        );
        if let Ok(a) = Announcement::from_json(&json) {
            let c = HolidayCalendar::new([a]).expect("validated");
            prop_assert!(c.year(year).is_ok());
        }
    }
}

/// 01/01/1900 is the first day the tables cover and a day off: counting back one working day
/// from the next working day leaves the range, and says so instead of guessing.
#[test]
fn counting_back_before_the_first_covered_day_is_an_error() {
    let end = cal().add_working_days(d(1900, 1, 1), 1).expect("in range");
    assert_eq!(cal().working_days_between(d(1900, 1, 1), end), Ok(1));
    assert!(cal().sub_working_days(end, 1).is_err());
}
