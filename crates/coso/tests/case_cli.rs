//! `coso user grant | revoke --clearance` and `coso case stats`, as administrators run them, on
//! SQLite and on PostgreSQL.

use crate::support;

use coso_app::cases::{self, CaseCommand, NewCase, SenderInput};
use coso_app::{Actor, App};
use coso_calendar::HolidayCalendar;
use coso_test_support::on_both;
use serde_json::Value;
use support::Env;

async fn clearances_are_granted_and_revoked_from_the_command_line(env: &Env) {
    env.run(&["units", "load-official"]).ok();
    env.run_with_stdin(
        &["user", "create", "--email", "mat@xa.vn", "--password-stdin", "--role", "official", "--unit", "42"],
        "mat-khau-rat-dai\n",
    )
    .ok();
    let grant = |unit: &str| env.run(&["user", "grant", "mat@xa.vn", "--clearance", "denunciation", "--unit", unit]);
    let out = grant("42").ok();
    assert!(out.contains("Đã cấp") && out.contains("42"), "{out}");
    let again = grant("42");
    assert_eq!(again.code(), 2, "granted twice");
    let unknown = grant("00000");
    assert_eq!(unknown.code(), 2);
    assert!(unknown.stderr().contains("«00000»"), "{}", unknown.stderr());
    let kind = env.run(&["user", "grant", "mat@xa.vn", "--clearance", "secret", "--unit", "42"]);
    assert_eq!(kind.code(), 2);
    assert!(kind.stderr().contains("«secret»"), "{}", kind.stderr());

    let store = env.store().await;
    let user = store.user_by_email("mat@xa.vn").await.expect("q").expect("user");
    assert_eq!(store.clearances_of(user.user_id()).await.expect("q").len(), 1);
    let out = env.run(&["user", "revoke", "mat@xa.vn", "--clearance", "denunciation", "--unit", "42"]).ok();
    assert!(out.contains("Đã thu hồi"), "{out}");
    assert!(store.clearances_of(user.user_id()).await.expect("q").is_empty());
    let audit = store.audit_entries(Some("clearance"), None).await.expect("audit");
    assert_eq!(audit.total, 2);
    assert!(audit.items.iter().all(|e| e.actor == "system:cli"), "{:?}", audit.items);
    store.close().await;
}

fn case(unit: &str, kind: &str, received_on: &str, anonymous: bool) -> NewCase {
    NewCase {
        unit: unit.into(),
        kind: kind.into(),
        received_on: received_on.into(),
        content: "Nội dung đơn thử nghiệm.".into(),
        sender: SenderInput {
            name: Some("Phan Văn Đức".into()),
            address: Some("Thôn Hạ".into()),
            ..Default::default()
        },
        anonymous,
        ..Default::default()
    }
}

async fn case_statistics_count_each_kind(env: &Env) {
    env.run(&["units", "load-official"]).ok();
    let store = env.store().await;
    let app = App::new(store.clone());
    let system = Actor::system("test");
    let calendar = HolidayCalendar::builtin();
    let commune = store
        .children(store.unit_by_code("42").await.expect("q").expect("42").unit_id(), app.today())
        .await
        .expect("q")[0]
        .code
        .clone();
    let register = |c: NewCase| {
        let (app, system) = (&app, &system);
        async move { cases::register(app, system, calendar, &c).await.expect("register").case.id }
    };
    // A petition answered on time, a complaint accepted and left open past its due date, an
    // anonymous denunciation (information), and a petition of another month.
    let petition = register(case(&commune, "petition", "2024-03-04", false)).await;
    cases::act(
        &app,
        &system,
        calendar,
        petition,
        CaseCommand::Answer { on: "2024-03-15".into(), public_answer: None, note: None },
    )
    .await
    .expect("answer");
    let complaint = register(case(&commune, "complaint", "2024-03-04", false)).await;
    cases::act(&app, &system, calendar, complaint, CaseCommand::Accept { on: "2024-03-05".into() })
        .await
        .expect("accept");
    register(case(&commune, "denunciation", "2024-03-20", true)).await;
    register(case(&commune, "petition", "2024-05-02", false)).await;
    store.close().await;

    let json = env.run(&["case", "stats", "--unit", "42", "--from", "2024-03-01", "--to", "31/03/2024", "--json"]).ok();
    let stats: Value = serde_json::from_str(&json).expect("JSON");
    let kind = |k: &str| stats["kinds"].as_array().expect("kinds").iter().find(|x| x["kind"] == k).cloned().expect(k);
    let figures = |k: &str| {
        let x = kind(k);
        ["received", "accepted", "resolved_on_time", "resolved_late", "open_overdue", "open"]
            .map(|f| x[f].as_i64().expect(f))
    };
    assert_eq!(figures("petition"), [1, 0, 1, 0, 0, 0], "{stats}");
    assert_eq!(figures("complaint"), [1, 1, 0, 0, 1, 1], "{stats}");
    assert_eq!(figures("denunciation"), [0, 0, 0, 0, 0, 0], "{stats}");
    assert_eq!(figures("information"), [1, 0, 0, 0, 0, 1], "{stats}");
    let text = env.run(&["case", "stats", "--unit", "42", "--from", "2024-03-01", "--to", "2024-03-31"]).ok();
    assert!(text.contains("Khiếu nại") && text.contains("Tỉnh Hà Tĩnh"), "{text}");
    let unknown = env.run(&["case", "stats", "--unit", "00000", "--from", "2024-03-01", "--to", "2024-03-31"]);
    assert_eq!(unknown.code(), 2);
    let backwards = env.run(&["case", "stats", "--unit", "42", "--from", "2024-04-01", "--to", "2024-03-31"]);
    assert_eq!(backwards.code(), 2);
}

on_both! {
    with crate::support::Env::on:
    clearances_from_the_command_line => clearances_are_granted_and_revoked_from_the_command_line,
    case_statistics => case_statistics_count_each_kind,
}
