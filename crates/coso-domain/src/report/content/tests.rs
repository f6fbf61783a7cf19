use proptest::prelude::*;

use super::*;

/// A complete report on the default template, scoring `points` on every criterion but the
/// last, which gets the rest up to `total`.
fn input(total: f64) -> ReportInput {
    let t = Template::default_grassroots();
    let mut i = ReportInput::default();
    for ind in &t.indicators {
        i.indicators.insert(ind.code.clone(), "3".into());
    }
    i.narrative.insert("results".into(), "Đã tổ chức 3 cuộc đối thoại.".into());
    i.narrative.insert("shortcomings".into(), "Một số thôn họp chậm.".into());
    let mut left = total;
    for (n, c) in t.criteria.iter().enumerate() {
        let p = if n + 1 == t.criteria.len() { left } else { c.max_points.min(left) };
        left -= p;
        i.assessment.insert(c.code.clone(), ScoreInput { points: format!("{p}"), evidence: "Biên bản họp".into() });
    }
    i
}

fn errors(i: &ReportInput) -> Vec<PathError> {
    validate(&Template::default_grassroots(), i).err().unwrap_or_default()
}

#[test]
fn a_complete_report_gets_its_score_and_rank() {
    let v = validate(&Template::default_grassroots(), &input(100.0)).expect("valid");
    assert_eq!(v.score, Some(100.0));
    assert_eq!(v.rank.as_deref(), Some("Tốt"));
    assert_eq!(v.content.indicators.get("dialogues"), Some(&3.0));
    assert_eq!(v.content.assessment.len(), 6);
    assert!(!v.content.narrative.contains_key("proposals"));
}

#[test]
fn the_rank_changes_at_exactly_90_points() {
    let mut i = input(90.0);
    i.assessment.insert("reporting".into(), ScoreInput { points: "4,99".into(), evidence: String::new() });
    let v = validate(&Template::default_grassroots(), &i).expect("valid");
    assert_eq!(v.score, Some(89.99));
    assert_eq!(v.rank.as_deref(), Some("Khá"));
    i.assessment.insert("reporting".into(), ScoreInput { points: "5".into(), evidence: String::new() });
    let v = validate(&Template::default_grassroots(), &i).expect("valid");
    assert_eq!((v.score, v.rank.as_deref()), (Some(90.0), Some("Tốt")));
}

#[test]
fn a_negative_count_is_refused_by_name() {
    let mut i = input(80.0);
    i.indicators.insert("dialogues".into(), "-2".into());
    let e = errors(&i);
    assert_eq!(e, [PathError::new("indicators.dialogues", "«Số cuộc đối thoại» không được âm.")]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut i = input(80.0);
    i.indicators.remove("disclosures");
    i.indicators.insert("petitions_received".into(), "2,5".into());
    i.indicators.insert("bogus".into(), "1".into());
    i.narrative.insert("results".into(), "   ".into());
    i.assessment.insert("publicity".into(), ScoreInput { points: "25".into(), evidence: String::new() });
    let e = errors(&i);
    let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "indicators.bogus",
            "indicators.disclosures",
            "indicators.petitions_received",
            "narrative.results",
            "assessment.publicity",
        ]
    );
    assert_eq!(e[1].message, "«Số lần công khai thông tin» không được để trống.");
    assert!(e[2].message.contains("phải là số nguyên"), "{}", e[2].message);
    assert_eq!(e[3].message, "«Kết quả thực hiện» không được để trống.");
    assert_eq!(e[4].message, "«Công khai thông tin để Nhân dân biết»: điểm tự chấm không được vượt quá 20 điểm.");
}

#[test]
fn unknown_sections_and_criteria_are_refused() {
    let mut i = input(80.0);
    i.narrative.insert("extra".into(), "x".into());
    i.assessment.insert("extra".into(), ScoreInput::default());
    let fields: Vec<String> = errors(&i).into_iter().map(|e| e.field).collect();
    assert_eq!(fields, ["narrative.extra", "assessment.extra"]);
}

#[test]
fn an_unscored_criterion_is_refused() {
    let mut i = input(80.0);
    i.assessment.remove("leadership");
    let e = errors(&i);
    assert_eq!(
        e,
        [PathError::new("assessment.leadership", "«Lãnh đạo, chỉ đạo và ban hành kế hoạch» không được để trống.")]
    );
}

#[test]
fn optional_indicators_may_be_left_empty() {
    let mut t = Template::default_grassroots();
    t.indicators[0].required = false;
    let mut i = input(80.0);
    i.indicators.insert(t.indicators[0].code.clone(), " ".into());
    let v = validate(&t, &i).expect("valid");
    assert!(!v.content.indicators.contains_key(&t.indicators[0].code));
}

#[test]
fn narrative_is_nfc_and_keeps_its_paragraphs() {
    let mut i = input(80.0);
    // "Kết quả" typed in decomposed form, with stray spaces and blank lines.
    i.narrative.insert("results".into(), "  Ke\u{302}\u{301}t qua\u{309}  tốt.\r\n\r\n\r\nDòng   hai\n".into());
    let v = validate(&Template::default_grassroots(), &i).expect("valid");
    assert_eq!(v.content.narrative.get("results").map(String::as_str), Some("Kết quả tốt.\n\nDòng hai"));
}

#[test]
fn content_round_trips_through_json() {
    let v = validate(&Template::default_grassroots(), &input(75.5)).expect("valid");
    let json = serde_json::to_string(&v.content).expect("serialises");
    assert_eq!(serde_json::from_str::<ReportContent>(&json).expect("reads"), v.content);
    assert_eq!(v.rank.as_deref(), Some("Khá"));
}

proptest! {
    #[test]
    fn validate_never_panics(
        values in proptest::collection::btree_map("\\PC{0,12}", "\\PC{0,12}", 0..6),
        points in proptest::collection::vec("\\PC{0,8}", 6),
        known in proptest::collection::vec("[-−0-9.,  ]{0,8}", 17),
    ) {
        let t = Template::default_grassroots();
        let mut i = ReportInput { indicators: values.clone(), narrative: values, ..Default::default() };
        for (ind, v) in t.indicators.iter().zip(known) {
            i.indicators.insert(ind.code.clone(), v);
        }
        for (c, p) in t.criteria.iter().zip(points) {
            i.assessment.insert(c.code.clone(), ScoreInput { points: p.clone(), evidence: p });
        }
        let _ = validate(&t, &i);
    }
}
