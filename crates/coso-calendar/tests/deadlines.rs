//! Legal deadlines: every worked case of legal-rules §1–§7, roll-forward, versions,
//! the district-level cut-off and the explanations.

use chrono::NaiveDate;
use coso_calendar::{
    Bound, CalendarError, Circumstances, Complexity, Deadline, Direction, HolidayCalendar, LegalRule, RuleBook, Status,
    Unit, compute_deadline, parse_iso_date,
};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn normal() -> Circumstances {
    Circumstances::default()
}

fn complex() -> Circumstances {
    Circumstances { complexity: Complexity::Complex, remote: false }
}

fn especially() -> Circumstances {
    Circumstances { complexity: Complexity::EspeciallyComplex, remote: false }
}

fn remote() -> Circumstances {
    Circumstances { complexity: Complexity::Normal, remote: true }
}

fn remote_complex() -> Circumstances {
    Circumstances { complexity: Complexity::Complex, remote: true }
}

fn deadline(rule: &str, from: NaiveDate, c: Circumstances) -> Deadline {
    compute_deadline(RuleBook::builtin(), HolidayCalendar::builtin(), rule, from, c)
        .unwrap_or_else(|e| panic!("{rule} from {from}: {e}"))
}

fn due(rule: &str, from: NaiveDate, c: Circumstances) -> NaiveDate {
    deadline(rule, from, c).due
}

#[test]
fn every_required_rule_exists_with_a_citation() {
    let required = [
        "complaint.limitation",
        "complaint.accept",
        "complaint.first",
        "complaint.second_window",
        "complaint.second_accept",
        "complaint.second",
        "denunciation.initial",
        "denunciation.forward",
        "denunciation.notify",
        "denunciation.resolve",
        "petition.reply",
        "ballot.result_to_commune",
        "convention.posting",
        "convention.dossier",
        "convention.recognition",
        "village_head.plan",
        "village_head.team",
        "village_head.notice",
        "village_head.candidates",
        "village_head.recognition",
        "dialogue.notice",
        "dialogue.results",
        "community_conference.notice",
        "staff_conference.deadline",
    ];
    let ids = RuleBook::builtin().ids();
    for id in required {
        assert!(ids.contains(&id), "missing rule {id}");
    }
    for r in RuleBook::builtin().rules() {
        assert!(r.citation.article.contains("Điều") || r.citation.article.contains("Quyết định"), "{}", r.id);
        assert!(!r.citation.law.is_empty());
    }
}

#[test]
fn complaints_kn_cases() {
    assert_eq!(due("complaint.limitation", d(2024, 1, 10), normal()), d(2024, 4, 9));
    assert_eq!(due("complaint.accept", d(2024, 3, 4), normal()), d(2024, 3, 14));
    let accepted = d(2024, 3, 4);
    assert_eq!(due("complaint.first", accepted, normal()), d(2024, 4, 3));
    // KN-3b/c: the 45th day is 18/04/2024, which is Giỗ Tổ Hùng Vương (a public holiday), so
    // with Civil Code Art. 148 the period ends on Fri 19/04/2024; the raw date is 18/04.
    for c in [complex(), remote()] {
        let x = deadline("complaint.first", accepted, c);
        assert_eq!((x.raw_due, x.due), (d(2024, 4, 18), d(2024, 4, 19)));
        assert_eq!(x.explanation.rolled_over[0].reason, "Giỗ Tổ Hùng Vương");
    }
    assert_eq!(due("complaint.first", accepted, remote_complex()), d(2024, 5, 3));
    let second = d(2024, 6, 3);
    assert_eq!(due("complaint.second", second, normal()), d(2024, 7, 18));
    assert_eq!(due("complaint.second", second, complex()), d(2024, 8, 2));
    assert_eq!(due("complaint.second", second, remote()), d(2024, 8, 2));
    assert_eq!(due("complaint.second", second, remote_complex()), d(2024, 8, 12));
    assert_eq!(due("complaint.second_window", d(2024, 5, 3), remote()), d(2024, 6, 17));
}

#[test]
fn complaint_deadline_on_a_sunday_rolls_to_monday() {
    // KN-4: raw 2024-06-02 (Sunday) → 2024-06-03 (Civil Code Art. 148).
    let x = deadline("complaint.second_window", d(2024, 5, 3), normal());
    assert_eq!(x.raw_due, d(2024, 6, 2));
    assert_eq!(x.due, d(2024, 6, 3));
    assert!(x.rolled_forward);
    let text = x.explanation.to_vietnamese_text();
    assert!(text.contains("02/06/2024 là ngày nghỉ (Chủ nhật)"), "{text}");
    assert!(text.contains("Điều 148 Bộ luật Dân sự 2015"), "{text}");
    assert!(text.contains("Hạn cuối: 03/06/2024 (thứ Hai)."), "{text}");
}

#[test]
fn complaint_deadline_on_victory_day_rolls_past_the_holidays() {
    // Received Sat 20/4/2024 + 10 days = Tue 30/4 (holiday), Wed 1/5 (holiday) → Thu 2/5.
    let x = deadline("complaint.accept", d(2024, 4, 20), normal());
    assert_eq!(x.raw_due, d(2024, 4, 30));
    assert_eq!(x.due, d(2024, 5, 2));
    let reasons: Vec<&str> = x.explanation.rolled_over.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(reasons, ["Ngày Chiến thắng", "Ngày Quốc tế Lao động"]);
    let text = x.explanation.to_vietnamese_text();
    assert!(text.contains("30/04/2024 – Ngày Chiến thắng"), "{text}");
}

#[test]
fn denunciations_tc_cases() {
    let received = d(2024, 3, 4);
    assert_eq!(due("denunciation.initial", received, normal()), d(2024, 3, 13));
    assert_eq!(due("denunciation.initial", received, complex()), d(2024, 3, 18));
    assert_eq!(due("denunciation.forward", received, normal()), d(2024, 3, 11));
    assert_eq!(due("denunciation.notify", d(2024, 3, 13), normal()), d(2024, 3, 20));
    let accepted = d(2024, 3, 13);
    assert_eq!(due("denunciation.resolve", accepted, normal()), d(2024, 4, 12));
    let c = deadline("denunciation.resolve", accepted, complex());
    assert_eq!((c.raw_due, c.due, c.count), (d(2024, 5, 12), d(2024, 5, 13), 60));
    assert!(c.explanation.variant.as_deref().is_some_and(|v| v.contains("gia hạn 1 lần")));
    assert_eq!(due("denunciation.resolve", accepted, especially()), d(2024, 6, 11));
    // No remote variant: the general count applies, with a note.
    let r = deadline("denunciation.resolve", accepted, remote());
    assert_eq!(r.due, d(2024, 4, 12));
    assert!(r.explanation.notes.iter().any(|n| n.contains("không quy định")));
}

#[test]
fn working_day_explanation_lists_skipped_weekends() {
    let x = deadline("denunciation.initial", d(2024, 3, 4), normal());
    let skipped: Vec<NaiveDate> = x.explanation.skipped.iter().map(|s| s.date).collect();
    assert_eq!(skipped, [d(2024, 3, 9), d(2024, 3, 10)]);
    let text = x.explanation.to_vietnamese_text();
    assert!(text.contains("09/03/2024 – Thứ Bảy; 10/03/2024 – Chủ nhật"), "{text}");
}

#[test]
fn citizen_reception_reply_tcd3() {
    assert_eq!(due("petition.reply", d(2024, 3, 4), normal()), d(2024, 3, 18));
}

#[test]
fn petition_reply_across_the_2026_tet_block() {
    // 11, 12, 13 Feb; 14–22 Feb off; 23–27 Feb; 2, 3 Mar → 10 working days.
    let x = deadline("petition.reply", d(2026, 2, 10), normal());
    assert_eq!(x.due, d(2026, 3, 3));
    assert!(x.explanation.skipped.iter().any(|s| s.date == d(2026, 2, 16) && s.reason == "Tết Nguyên đán"));
    assert!(x.explanation.skipped.iter().any(|s| s.date == d(2026, 2, 14) && s.reason == "Thứ Bảy, Tết Nguyên đán"));
}

#[test]
fn swapped_saturday_2026_counts_and_swapped_monday_rolls() {
    // 5 working days from Fri 21/8/2026: Sat 22/8 is a make-up working day → Thu 27/8.
    assert_eq!(due("ballot.result_to_commune", d(2026, 8, 21), normal()), d(2026, 8, 27));
    // A 10-day deadline reaching Mon 31/8/2026 (swapped off) rolls over 1–2/9 to Thu 3/9.
    let x = deadline("complaint.accept", d(2026, 8, 21), normal());
    assert_eq!((x.raw_due, x.due), (d(2026, 8, 31), d(2026, 9, 3)));
    let reasons: Vec<&str> = x.explanation.rolled_over.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(reasons, ["Nghỉ hoán đổi, làm bù thứ Bảy 22/08/2026", "Quốc khánh", "Quốc khánh"]);
}

#[test]
fn community_decisions_dec10_and_conventions_hu6_pub7() {
    assert_eq!(due("ballot.result_to_commune", d(2024, 3, 8), normal()), d(2024, 3, 15));
    let posting = deadline("convention.posting", d(2024, 3, 4), normal());
    assert_eq!(posting.due, d(2024, 4, 3));
    assert_eq!(posting.bound, Bound::Earliest);
    assert!(d(2024, 4, 1) < posting.due, "a vote on 01/04/2024 must be blocked");
    assert!(posting.explanation.to_vietnamese_text().contains("Ngày sớm nhất được thực hiện: 03/04/2024"));
    assert_eq!(due("convention.dossier", d(2024, 3, 4), normal()), d(2024, 3, 11));
    assert_eq!(due("convention.recognition", d(2024, 3, 11), normal()), d(2024, 3, 18));
}

#[test]
fn village_head_election_vh_cases() {
    let meeting = d(2025, 11, 30);
    assert_eq!(due("village_head.plan", meeting, normal()), d(2025, 11, 10));
    assert_eq!(due("village_head.team", meeting, normal()), d(2025, 11, 20));
    assert_eq!(due("village_head.notice", meeting, normal()), d(2025, 11, 23));
    assert_eq!(due("village_head.candidates", meeting, normal()), d(2025, 11, 15));
    assert_eq!(due("village_head.recognition", d(2025, 12, 1), normal()), d(2025, 12, 8));
    let plan = deadline("village_head.plan", meeting, normal());
    assert_eq!(plan.direction, Direction::Before);
    assert!(!plan.rolled_forward);
    assert!(plan.explanation.to_vietnamese_text().contains("Hạn chót (ngày muộn nhất được thực hiện): 10/11/2025"));
}

#[test]
fn before_rules_do_not_roll_even_onto_a_sunday() {
    // 2025-11-30 − 7 days = Sun 23/11/2025: notices may be posted on a Sunday.
    let x = deadline("village_head.notice", d(2025, 11, 30), normal());
    assert_eq!((x.raw_due, x.due), (d(2025, 11, 23), d(2025, 11, 23)));
}

#[test]
fn community_conference_dialogue_and_staff_conference() {
    assert_eq!(due("community_conference.notice", d(2024, 12, 20), normal()), d(2024, 12, 15));
    assert_eq!(due("dialogue.notice", d(2025, 10, 15), normal()), d(2025, 10, 8));
    // DLG-4: 15/10/2025 + 10 = Sat 25/10/2025; with Art. 148 roll-forward, Mon 27/10/2025.
    let results = deadline("dialogue.results", d(2025, 10, 15), normal());
    assert_eq!((results.raw_due, results.due), (d(2025, 10, 25), d(2025, 10, 27)));
    let staff = deadline("staff_conference.deadline", d(2024, 12, 31), normal());
    assert_eq!((staff.due, staff.unit, staff.count), (d(2025, 3, 31), Unit::Months, 3));
}

#[test]
fn rule_versions_follow_the_event_date() {
    // Hương ước recognition: district level under QĐ 22/2018 before 16/08/2023, commune after.
    let old = deadline("convention.recognition", d(2023, 1, 10), normal());
    assert_eq!(old.status, Status::U);
    assert!(old.citation.contains("22/2018/QĐ-TTg"));
    let new = deadline("convention.recognition", d(2023, 8, 16), normal());
    assert!(new.citation.contains("61/2023/NĐ-CP"));
    // Complaint law amended from 01/07/2026: the new numbers are unverified.
    assert_eq!(deadline("complaint.first", d(2026, 6, 30), normal()).status, Status::S);
    let amended = deadline("complaint.first", d(2026, 7, 1), normal());
    assert_eq!(amended.status, Status::U);
    assert!(amended.explanation.to_vietnamese_text().contains("chưa được xác minh"));
    // The dialogue rule of the 2025 Local Government Law did not exist before 01/07/2025.
    assert!(matches!(
        compute_deadline(RuleBook::builtin(), HolidayCalendar::builtin(), "dialogue.notice", d(2025, 6, 1), normal()),
        Err(CalendarError::RuleNotInForce { .. })
    ));
}

#[test]
fn district_level_rules_never_apply_from_july_2025() {
    let district = LegalRule {
        id: "test.district".to_owned(),
        reference: None,
        title: "Chủ tịch UBND cấp huyện giải quyết".to_owned(),
        event: "Ngày thụ lý".to_owned(),
        count: 10,
        unit: Unit::CalendarDays,
        direction: Direction::After,
        bound: Bound::Latest,
        variants: vec![],
        extension: None,
        citation: coso_calendar::Citation { article: "Điều 1".to_owned(), law: "Luật thử".to_owned() },
        status: Status::S,
        valid_from: d(2020, 1, 1),
        valid_to: None,
        roll_forward: None,
        district_level: true,
        note: None,
    };
    let book = RuleBook::builtin().with_rules([district]).expect("valid rules");
    let cal = HolidayCalendar::builtin();
    assert!(compute_deadline(&book, cal, "test.district", d(2025, 6, 30), normal()).is_ok());
    let err = compute_deadline(&book, cal, "test.district", d(2025, 7, 1), normal());
    assert!(matches!(err, Err(CalendarError::DistrictLevelAbolished { .. })));
    // The built-in district-level version ends before 2025 anyway.
    for r in RuleBook::builtin().rules().iter().filter(|r| r.district_level) {
        assert!(r.valid_to.is_some_and(|to| to < d(2025, 7, 1)), "{}", r.id);
    }
}

#[test]
fn unverified_rules_say_so() {
    let x = deadline("complaint.second_accept", d(2024, 3, 4), normal());
    assert_eq!(x.status, Status::U);
    assert!(x.explanation.notes.iter().any(|n| n.contains("chưa được xác minh")));
}

#[test]
fn errors_are_typed_and_in_vietnamese() {
    let book = RuleBook::builtin();
    let cal = HolidayCalendar::builtin();
    let unknown = compute_deadline(book, cal, "no.such.rule", d(2024, 1, 1), normal());
    assert_eq!(unknown.as_ref().err(), Some(&CalendarError::UnknownRule("no.such.rule".to_owned())));
    assert!(unknown.err().is_some_and(|e| e.to_string().contains("không có quy tắc thời hạn «no.such.rule»")));
    assert!(matches!(
        compute_deadline(book, cal, "complaint.first", d(2199, 12, 20), normal()),
        Err(CalendarError::ArithmeticOutOfRange)
    ));
    assert!(matches!(
        compute_deadline(book, cal, "complaint.first", d(1800, 1, 1), normal()),
        Err(CalendarError::DateOutOfRange(_))
    ));
}

#[test]
fn rule_data_is_validated() {
    assert!(RuleBook::from_json("[]").is_ok());
    assert!(RuleBook::from_json("{").is_err());
    let mut overlapping: Vec<LegalRule> = RuleBook::builtin().versions("complaint.first").cloned().collect();
    if let Some(first) = overlapping.first_mut() {
        first.valid_to = None;
    }
    assert!(matches!(RuleBook::from_rules(overlapping), Err(CalendarError::InvalidRuleData(_))));
    let mut bad = RuleBook::builtin().versions("village_head.plan").cloned().collect::<Vec<_>>();
    if let Some(r) = bad.first_mut() {
        r.roll_forward = Some(true);
    }
    assert!(RuleBook::from_rules(bad).is_err());
}

#[test]
fn explanation_text_has_everything() {
    let x = deadline("complaint.first", d(2024, 3, 4), remote_complex());
    let text = x.explanation.to_vietnamese_text();
    for needle in [
        "Thời hạn giải quyết khiếu nại lần đầu [complaint.first]",
        "Căn cứ: Điều 28 Luật Khiếu nại số 02/2011/QH13",
        "Mốc tính: Ngày thụ lý khiếu nại lần đầu: 04/03/2024 (thứ Hai).",
        "60 ngày (vụ việc phức tạp ở vùng sâu, vùng xa đi lại khó khăn) sau mốc",
        "Ngày cuối theo cách đếm: 03/05/2024 (thứ Sáu).",
        "Hạn cuối: 03/05/2024 (thứ Sáu).",
    ] {
        assert!(text.contains(needle), "missing «{needle}» in:\n{text}");
    }
    let for_people = x.explanation.to_vietnamese_text_for_people();
    assert!(for_people.starts_with("Thời hạn giải quyết khiếu nại lần đầu\n"), "{for_people}");
    assert!(!for_people.contains("complaint.first"), "no rule id for residents: {for_people}");
    let json = serde_json::to_value(&x).expect("serializable");
    assert_eq!(json["due"], "2024-05-03");
    assert_eq!(json["unit"], "calendar_days");
    assert_eq!(json["explanation"]["raw_due"], "2024-05-03");
}

proptest! {
    #[test]
    fn date_parser_never_panics(s in ".*") {
        let _ = parse_iso_date(&s);
    }

    #[test]
    fn date_parser_round_trips(offset in 0i64..200_000) {
        let date = d(1800, 1, 1) + chrono::TimeDelta::try_days(offset).unwrap_or_default();
        prop_assert_eq!(parse_iso_date(&date.to_string()), Ok(date));
    }

    #[test]
    fn rule_parser_never_panics(s in ".*") {
        let _ = RuleBook::from_json(&s);
    }

    #[test]
    fn every_rule_computes_for_every_in_force_date(offset in 0i64..60_000, idx in 0usize..64, c in 0u8..6) {
        let book = RuleBook::builtin();
        let ids = book.ids();
        let id = ids[idx % ids.len()];
        let from = d(2012, 7, 1) + chrono::TimeDelta::try_days(offset % 36_000).unwrap_or_default();
        let circumstances = Circumstances {
            complexity: [Complexity::Normal, Complexity::Complex, Complexity::EspeciallyComplex][usize::from(c % 3)],
            remote: c >= 3,
        };
        match compute_deadline(book, HolidayCalendar::builtin(), id, from, circumstances) {
            Ok(x) => {
                prop_assert!(!x.explanation.to_vietnamese_text().is_empty());
                if x.rolled_forward || x.unit == Unit::WorkingDays && x.direction == Direction::After {
                    prop_assert_eq!(HolidayCalendar::builtin().is_working_day(x.due), Ok(true));
                }
                match x.direction {
                    Direction::After => prop_assert!(x.due > from),
                    Direction::Before => prop_assert!(x.due < from),
                }
            }
            Err(e) => prop_assert!(matches!(
                e,
                CalendarError::RuleNotInForce { .. } | CalendarError::DistrictLevelAbolished { .. }
            ), "{}", e),
        }
    }
}

#[test]
fn user_facing_text_is_nfc() {
    use unicode_normalization::is_nfc;
    for r in RuleBook::builtin().rules() {
        for text in [&r.title, &r.event, &r.citation.article, &r.citation.law] {
            assert!(is_nfc(text), "{}: {text}", r.id);
        }
        let from = r.valid_to.unwrap_or(r.valid_from);
        if let Ok(x) = compute_deadline(RuleBook::builtin(), HolidayCalendar::builtin(), &r.id, from, especially()) {
            assert!(is_nfc(&x.explanation.to_vietnamese_text()), "{}", r.id);
        }
    }
    for year in 2022..=2030 {
        let y = HolidayCalendar::builtin().year(year).expect("year");
        assert!(y.days_off.iter().all(|d| is_nfc(&d.name)));
        assert!(y.default_rule.as_deref().is_none_or(is_nfc));
    }
    let e = compute_deadline(RuleBook::builtin(), HolidayCalendar::builtin(), "x", d(2024, 1, 1), normal());
    assert!(e.err().is_some_and(|e| is_nfc(&e.to_string())));
}
