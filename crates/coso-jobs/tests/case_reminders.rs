//! Reminders of citizen cases' deadlines on real databases, with the fake clock and a fake
//! SMTP server: once each, to the handler or the unit's officials, never naming a denouncer.

mod support;

use coso_app::cases::{self, CaseCommand, NewCase, SenderInput};
use coso_app::{Actor, App};
use coso_calendar::HolidayCalendar;
use coso_jobs::{Jobs, JobsConfig, SmtpConfig};
use coso_test_support::smtp::FakeSmtp;
use coso_test_support::{TestDb, on_both};
use support::{date, seed, vn};

const SECRET_NAME: &str = "Hoàng Thị Kín Đáo";

fn config(port: u16) -> JobsConfig {
    JobsConfig {
        instance: "one".into(),
        base_url: Some("https://coso.example.vn".into()),
        smtp: Some(SmtpConfig {
            host: "127.0.0.1".into(),
            port,
            from: "Hệ thống coso <khong-tra-loi@coso.example.vn>".into(),
            starttls: false,
            username: None,
            password: None,
        }),
        ..JobsConfig::default()
    }
}

fn new_case(unit: &str, kind: &str, sender: SenderInput) -> NewCase {
    NewCase {
        unit: unit.into(),
        kind: kind.into(),
        received_on: "2026-06-01".into(),
        content: format!("Nội dung đơn; người viết: {SECRET_NAME}."),
        sender,
        ..NewCase::default()
    }
}

// Received Monday 1 June 2026: a petition's reply is due Monday 15 June (10 working days); 5
// working days before is Monday 8, 1 before is Friday 12, late from Tuesday 16.
async fn case_deadlines_are_reminded_once_to_whom_handles_them(db: &TestDb) {
    let store = &db.store;
    let smtp = FakeSmtp::start(std::time::Duration::ZERO).await;
    // The report of the seed is due long after these days: only the cases are reminded.
    let s = seed(store, "2026-12-15").await;
    let app = App::new(store.clone());
    app.clock().set_today(date("2026-06-01"));
    let calendar = HolidayCalendar::builtin();
    let system = Actor::system("test");
    let petition = cases::register(&app, &system, calendar, &new_case(&s.a.code, "petition", SenderInput::default()))
        .await
        .expect("petition");
    let sender =
        SenderInput { name: Some(SECRET_NAME.into()), address: Some("Thôn Một".into()), ..Default::default() };
    let denunciation = cases::register(&app, &system, calendar, &new_case(&s.a.code, "denunciation", sender))
        .await
        .expect("denunciation");
    // The denunciation is given to the official of commune A; the petition to nobody.
    cases::act(&app, &system, calendar, denunciation.case.id, CaseCommand::Assign { handler: "an@xa-a.gov.vn".into() })
        .await
        .expect("assign");
    let jobs = Jobs::new(app.clone(), config(smtp.port)).expect("jobs");

    let monday = jobs.run_once(vn("2026-06-08 08:00")).await.expect("run");
    assert_eq!((monday.notifications, monday.mails_sent), (2, 2), "the petition and the denunciation");
    let subjects: Vec<String> = smtp.messages().iter().map(|m| m.subject()).collect();
    let code = &petition.case.code;
    assert!(
        subjects.contains(&format!("Còn 5 ngày làm việc: Phản ánh, kiến nghị mã {code}, hạn trả lời ngày 15/06/2026")),
        "{subjects:?}"
    );
    let body = smtp.messages().iter().find(|m| m.subject().contains(code.as_str())).expect("mail").body();
    assert!(body.contains(&format!("https://coso.example.vn/quan-tri/vu-viec/{}", petition.case.id)), "{body}");
    // Again the same day, without the lease: nothing new.
    assert_eq!(jobs.remind(date("2026-06-08"), vn("2026-06-08 15:00")).await.expect("remind"), (0, 0));

    // The denunciation's initial handling is due 10/06 (7 working days; its 5-day reminder
    // came on Monday as a catch-up): its reminders go to its handler, and no text names its
    // author.
    for day in ["2026-06-09", "2026-06-10", "2026-06-11", "2026-06-12", "2026-06-15", "2026-06-16", "2026-06-17"] {
        jobs.run_once(vn(&format!("{day} 07:30"))).await.expect("run");
    }
    let mut seen: Vec<(String, String)> = smtp.messages().iter().map(|m| (m.to.join(","), m.subject())).collect();
    seen.sort();
    let mut keys: Vec<String> = seen.iter().map(|(to, s)| format!("{to} {s}")).collect();
    keys.dedup();
    assert_eq!(keys.len(), seen.len(), "each reminder once: {seen:?}");
    let petition_mails = seen.iter().filter(|(_, s)| s.contains(code.as_str())).count();
    assert_eq!(petition_mails, 3, "5 days, 1 day, overdue: {seen:?}");
    let dcode = &denunciation.case.code;
    let to_handler: Vec<&(String, String)> = seen.iter().filter(|(_, s)| s.contains(dcode.as_str())).collect();
    assert!(!to_handler.is_empty() && to_handler.iter().all(|(to, _)| to == "an@xa-a.gov.vn"), "{seen:?}");
    assert!(to_handler.iter().any(|(_, s)| s.starts_with("Quá hạn: Tố cáo mã")), "{seen:?}");
    for m in smtp.messages() {
        assert!(!m.data.contains(SECRET_NAME) && !m.body().contains(SECRET_NAME), "{}", m.body());
    }
    let inbox = store.notifications_for_user(s.user_a, false).await.expect("inbox");
    assert!(inbox.iter().all(|n| !n.body.contains(SECRET_NAME) && !n.title.contains(SECRET_NAME)));
    assert!(inbox.iter().any(|n| n.link == format!("/quan-tri/vu-viec/{}", denunciation.case.id)));
    // The officials of the other communes hear nothing of commune A's cases, and the report
    // due in December is not reminded yet.
    assert!(store.notifications_for_user(s.user_b, false).await.expect("inbox").is_empty());
    assert!(store.notifications_for_user(s.user_sent, false).await.expect("inbox").is_empty());
    assert!(store.notifications_of_unit(s.b.unit_id()).await.expect("unit").is_empty());
    assert!(store.notifications_of_unit(s.sent.unit_id()).await.expect("unit").is_empty());
    assert!(inbox.iter().all(|n| n.occurrence_id != Some(s.occurrence_id)));
}

on_both! {
    db:
    case_reminders_once_each => case_deadlines_are_reminded_once_to_whom_handles_them,
}
