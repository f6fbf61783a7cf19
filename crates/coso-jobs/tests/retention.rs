//! The retention of personal data in finished cases, run by the daily job on real databases:
//! past the configured time a finished case loses its sender's identity, the sender's own
//! files, the receipt mail and the account link, audited; open cases, recent ones and cases
//! with an open follow-up keep everything. Citizen reception visits held before the period lose
//! their visitors' names and address, audited; a visit that led to a case follows the case.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use coso_app::cases::{
    self, CaseCommand, IntakeLimits, NewCase, PhotoUpload, PublicPetition, Retention, SenderInput, Submitter,
};
use coso_app::{Actor, App, AppSettings};
use coso_calendar::HolidayCalendar;
use coso_domain::CaseId;
use coso_jobs::{Jobs, JobsConfig};
use coso_store::{NewCaseFile, Store};
use coso_test_support::{TestDb, on_both};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// 07:30 in Vietnam on `day`, when the daily job runs.
fn morning(day: &str) -> DateTime<Utc> {
    (date(day).and_hms_opt(7, 30, 0).expect("time") - TimeDelta::hours(7)).and_utc()
}

const NAME: &str = "Phạm Thị Lưu Trữ";

/// A JPEG of a few bytes with an EXIF block, as a phone sends it.
fn photo() -> Vec<u8> {
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10];
    jpeg.extend_from_slice(b"Exif\0\0GPS-test");
    jpeg.extend_from_slice(&[0xFF, 0xDB, 0x00, 0x43, 0x00]);
    jpeg.extend(0u8..64);
    jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0x34, 0x56, 0xFF, 0xD9]);
    jpeg
}

fn complaint(unit: &str) -> NewCase {
    NewCase {
        unit: unit.into(),
        kind: "complaint".into(),
        received_on: "2026-06-01".into(),
        content: "Khiếu nại quyết định thu hồi đất.".into(),
        decision_received_on: Some("2026-05-20".into()),
        sender: SenderInput {
            name: Some(NAME.into()),
            address: Some("Thôn Hai".into()),
            phone: Some("0912345678".into()),
            ..Default::default()
        },
        ..NewCase::default()
    }
}

async fn sender_name(store: &Store, id: i64) -> Option<String> {
    store.case_sender(CaseId(id)).await.expect("sender").and_then(|s| s.name)
}

async fn finished_cases_lose_their_senders_personal_data_after_the_period(db: &TestDb) {
    let store = &db.store;
    store.load_official_units(&coso_store::Actor::system("test")).await.expect("units");
    let province = store.unit_by_code("42").await.expect("query").expect("Hà Tĩnh");
    let communes = store.children(province.unit_id(), date("2026-06-01")).await.expect("communes");
    let (a, b) = (&communes[0], &communes[1]);
    let settings = AppSettings { retention: Retention { closed_case_days: 30 }, ..AppSettings::default() };
    let app = App::with_settings(store.clone(), settings);
    app.clock().set_today(date("2026-06-01"));
    let calendar = HolidayCalendar::builtin();
    let system = Actor::system("test");
    let on = |d: &str| d.to_string();

    // A petition from the public form with a photo and an e-mail: answered on 5 June.
    let petition = PublicPetition {
        unit: a.code.clone(),
        category: "moi_truong".into(),
        content: "Rác thải đổ trộm ven sông.".into(),
        name: NAME.into(),
        email: "luu.tru@example.vn".into(),
        photos: vec![PhotoUpload { file_name: "bo-song.jpg".into(), bytes: photo(), too_large: false }],
        ..Default::default()
    };
    let public = Submitter::Public { via: "form", request_id: None };
    let limits = IntakeLimits { max_photo_bytes: 1 << 20 };
    let code = cases::submit_petition(&app, public, calendar, petition, limits).await.expect("petition").code;
    let old = store.case_by_code(&code).await.expect("case").expect("stored");
    assert_eq!(store.case_files(old.case_id()).await.expect("files").len(), 1, "the photo is kept with the case");
    // A file an official adds later is the unit's record, not the sender's.
    let official_file = NewCaseFile {
        case_id: old.case_id(),
        unit_id: a.unit_id(),
        file_name: "bien-ban-kiem-tra.pdf",
        content_type: "application/pdf",
        data: b"%PDF-1.4 bien ban",
        identity: false,
        public: false,
    };
    store.add_case_file(&official_file, &coso_store::Actor::system("test")).await.expect("official file");
    let jobs = Jobs::new(app.clone(), JobsConfig::default()).expect("jobs");
    jobs.run_once(morning("2026-06-01")).await.expect("first run");

    app.clock().set_today(date("2026-06-05"));
    let answer = CaseCommand::Answer { on: on("2026-06-05"), public_answer: Some("Đã thu gom.".into()), note: None };
    cases::act(&app, &system, calendar, old.id, answer).await.expect("answer");

    // A complaint decided on 5 June whose sender complains again: the follow-up stays open.
    let decided = cases::register(&app, &system, calendar, &complaint(&a.code)).await.expect("complaint").case;
    cases::act(&app, &system, calendar, decided.id, CaseCommand::Accept { on: on("2026-06-05") })
        .await
        .expect("accept");
    let decision =
        CaseCommand::Answer { on: on("2026-06-05"), public_answer: None, note: Some("Quyết định số 12".into()) };
    cases::act(&app, &system, calendar, decided.id, decision).await.expect("decide");
    let reopen = CaseCommand::Reopen { on: on("2026-06-05"), to_unit: None };
    cases::act(&app, &system, calendar, decided.id, reopen).await.expect("second complaint");
    // An open complaint, and a denunciation with its author's handwriting, concluded on 25 June.
    let open = cases::register(&app, &system, calendar, &complaint(&b.code)).await.expect("open").case;
    let denunciation = NewCase { kind: "denunciation".into(), decision_received_on: None, ..complaint(&a.code) };
    let recent = cases::register(&app, &system, calendar, &denunciation).await.expect("denunciation").case;
    let handwriting = NewCaseFile {
        identity: true,
        file_name: "thu-viet-tay.jpg",
        content_type: "image/jpeg",
        data: &photo(),
        ..official_file
    };
    store
        .add_case_file(&NewCaseFile { case_id: recent.case_id(), ..handwriting }, &coso_store::Actor::system("test"))
        .await
        .expect("handwriting");
    app.clock().set_today(date("2026-06-25"));
    cases::act(&app, &system, calendar, recent.id, CaseCommand::Accept { on: on("2026-06-25") }).await.expect("accept");
    let conclusion = CaseCommand::Answer {
        on: on("2026-06-25"),
        public_answer: None,
        note: Some("Kết luận nội dung tố cáo".into()),
    };
    cases::act(&app, &system, calendar, recent.id, conclusion).await.expect("conclude");

    // 20 July, 30-day period: only the petition answered on 5 June is past it.
    app.clock().set_today(date("2026-07-20"));
    let report = jobs.run_once(morning("2026-07-20")).await.expect("retention run");
    assert_eq!(report.personal_data_removed, 1, "{report:?}");
    let after = store.case_by_id(old.case_id()).await.expect("case").expect("still there");
    assert_eq!(after.personal_data_removed_on, Some(date("2026-07-20")));
    assert_eq!(after.content, old.content, "the case itself stays");
    assert_eq!(sender_name(store, old.id).await, None);
    let files: Vec<String> =
        store.case_files(old.case_id()).await.expect("files").into_iter().map(|f| f.file_name).collect();
    assert_eq!(files, vec!["bien-ban-kiem-tra.pdf".to_string()], "the sender's photo goes, the unit's record stays");
    let outbox = store.outbox_stats().await.expect("outbox");
    assert_eq!(outbox.sent + outbox.pending + outbox.failed, 0, "the receipt mail to the sender is gone: {outbox:?}");
    let audit = store.audit_entries(Some("citizen_case"), Some(500)).await.expect("audit").items;
    let removal: Vec<_> = audit.iter().filter(|a| a.action == "case.personal_data_removed").collect();
    assert_eq!(removal.len(), 1);
    assert_eq!(
        (removal[0].entity_id.as_str(), removal[0].actor.as_str()),
        (old.id.to_string().as_str(), "system:retention")
    );
    assert!(!removal[0].after_json.as_deref().unwrap_or("").contains(NAME));

    for kept in [decided.id, open.id, recent.id] {
        assert_eq!(sender_name(store, kept).await.as_deref(), Some(NAME), "case {kept} keeps its sender");
        let row = store.case_by_id(CaseId(kept)).await.expect("case").expect("there");
        assert_eq!(row.personal_data_removed_on, None);
    }
    assert_eq!(store.case_files(recent.case_id()).await.expect("files").len(), 1, "handwriting kept while recent");

    // Twenty more days: the denunciation concluded on 25 June goes with its handwriting; the
    // decided complaint keeps its sender while the second complaint is open; a second run
    // the same day changes nothing.
    app.clock().set_today(date("2026-08-10"));
    let later = jobs.run_once(morning("2026-08-10")).await.expect("later run");
    assert_eq!(later.personal_data_removed, 1, "{later:?}");
    assert_eq!(sender_name(store, recent.id).await, None);
    assert!(store.case_files(recent.case_id()).await.expect("files").is_empty(), "the handwriting is gone");
    assert_eq!(sender_name(store, decided.id).await.as_deref(), Some(NAME), "its follow-up is still open");
    assert_eq!(cases::remove_expired_personal_data(&app).await.expect("again"), 0);

    // Zero keeps everything for ever.
    let keep = App::with_settings(
        store.clone(),
        AppSettings { retention: Retention { closed_case_days: 0 }, ..AppSettings::default() },
    );
    keep.clock().set_today(date("2030-01-01"));
    assert_eq!(cases::remove_expired_personal_data(&keep).await.expect("kept"), 0);
    assert_eq!(sender_name(store, decided.id).await.as_deref(), Some(NAME));
}

async fn reception_visits_lose_their_visitors_data_after_the_period_and_follow_their_cases(db: &TestDb) {
    use coso_app::reception::{log, visit_cases};
    use coso_domain::reception::session::SessionInput;
    use coso_domain::reception::visit::VisitInput;

    let store = &db.store;
    store.load_official_units(&coso_store::Actor::system("test")).await.expect("units");
    let province = store.unit_by_code("42").await.expect("query").expect("Hà Tĩnh");
    let commune = store.children(province.unit_id(), date("2026-06-01")).await.expect("communes").remove(0);
    let settings = AppSettings { retention: Retention { closed_case_days: 30 }, ..AppSettings::default() };
    let app = App::with_settings(store.clone(), settings);
    app.clock().set_today(date("2026-06-01"));
    let calendar = HolidayCalendar::builtin();
    let system = Actor::system("test");
    let session_on = |held_on: &str| SessionInput {
        held_on: held_on.into(),
        receiver: "chairman".into(),
        receiver_name: "Nguyễn Văn Bình".into(),
        place: "Trụ sở UBND xã".into(),
        kind: "regular".into(),
    };
    let visit = |name: &str, outcome: &str| VisitInput {
        visitor_names: name.into(),
        people_count: "1".into(),
        address: "Thôn Hai, số 7".into(),
        content: "Đường thôn ngập nước sau mưa.".into(),
        outcome: outcome.into(),
        ..VisitInput::default()
    };
    let old = log::record_session(&app, &system, &commune, &session_on("2026-06-01")).await.expect("old session");
    let guided = log::record_visit(&app, &system, &commune, old, &visit("Lê Văn Hướng", "guided")).await.expect("v1");
    let answered =
        log::record_visit(&app, &system, &commune, old, &visit("Trần Thị Đáp", "petition")).await.expect("v2");
    let pending =
        log::record_visit(&app, &system, &commune, old, &visit("Phạm Văn Chờ", "petition")).await.expect("v3");
    let from_visit = |v: i64| visit_cases::CaseFromVisit {
        visit: v.to_string(),
        kind: "petition".into(),
        category: "moi_truong".into(),
    };
    let done = visit_cases::register_from_visit(&app, &system, calendar, &commune, old, &from_visit(answered))
        .await
        .expect("case from the visit")
        .case;
    let answer =
        CaseCommand::Answer { on: "2026-06-01".into(), public_answer: Some("Đã khơi thông.".into()), note: None };
    cases::act(&app, &system, calendar, done.id, answer).await.expect("answer");
    let open = visit_cases::register_from_visit(&app, &system, calendar, &commune, old, &from_visit(pending))
        .await
        .expect("open case")
        .case;
    app.clock().set_today(date("2026-07-15"));
    let recent = log::record_session(&app, &system, &commune, &session_on("2026-07-15")).await.expect("recent");
    let fresh =
        log::record_visit(&app, &system, &commune, recent, &visit("Hoàng Thị Mới", "guided")).await.expect("v4");

    // 20 July, 30-day period: the guided visit of 1 June goes, and the one whose case was answered
    // goes with its case; the visit whose case is open and the recent one keep their visitors.
    app.clock().set_today(date("2026-07-20"));
    let jobs = Jobs::new(app.clone(), JobsConfig::default()).expect("jobs");
    let report = jobs.run_once(morning("2026-07-20")).await.expect("retention run");
    assert_eq!((report.personal_data_removed, report.visit_data_removed), (1, 2), "{report:?}");
    let (_, visits) = log::visits(&app, &system, &commune, old).await.expect("visits");
    let by_id = |id: i64| visits.iter().find(|v| v.id == id).expect("visit").clone();
    for gone in [guided, answered] {
        let v = by_id(gone);
        assert_eq!((v.visitor_names.as_str(), v.address.as_str()), ("", ""), "visit {gone}");
        assert_eq!(v.personal_data_removed_on, Some(date("2026-07-20")));
        assert_eq!(v.content, "Đường thôn ngập nước sau mưa.", "what was said stays");
    }
    assert_eq!(by_id(pending).visitor_names, "Phạm Văn Chờ", "its case is still open");
    assert_eq!(by_id(pending).personal_data_removed_on, None);
    assert_eq!(sender_name(store, open.id).await.as_deref(), Some("Phạm Văn Chờ"));
    let (_, recent_visits) = log::visits(&app, &system, &commune, recent).await.expect("recent visits");
    assert_eq!(recent_visits.iter().find(|v| v.id == fresh).map(|v| v.visitor_names.as_str()), Some("Hoàng Thị Mới"));
    let audit = store.audit_entries(Some("reception_visit"), Some(500)).await.expect("audit").items;
    let mut removals: Vec<String> = audit
        .iter()
        .filter(|a| a.action == "reception.visit_personal_data_removed")
        .map(|a| {
            assert_eq!(a.actor, "system:retention");
            assert!(!a.after_json.as_deref().unwrap_or("").contains("Lê Văn Hướng"));
            a.entity_id.clone()
        })
        .collect();
    removals.sort();
    let mut expected = vec![guided.to_string(), answered.to_string()];
    expected.sort();
    assert_eq!(removals, expected);
    // A second run the same day changes nothing.
    assert_eq!(cases::remove_expired_visit_data(&app).await.expect("again"), 0);
}

on_both! {
    db:
    retention_of_personal_data => finished_cases_lose_their_senders_personal_data_after_the_period,
    retention_of_reception_visits => reception_visits_lose_their_visitors_data_after_the_period_and_follow_their_cases,
}
