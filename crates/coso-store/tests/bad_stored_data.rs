//! Bad data written into the database behind the store's back (an unknown code, malformed
//! JSON) makes the read fail with an error naming the column and the value, on SQLite and
//! PostgreSQL, instead of coming back as a default or as nothing.

use chrono::NaiveDate;
use coso_domain::plan::{ObligationKind, PeriodKey, ReportPeriod};
use coso_store::{Actor, NewObligation, NewPlan, NewTask, PlanId, Store, StoreError, UnitRow};
use coso_test_support::on_both;
use serde_json::json;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn actor() -> Actor {
    Actor::system("test")
}

/// Hà Tĩnh, after loading the official units.
async fn province(store: &Store) -> UnitRow {
    store.load_official_units(&actor()).await.expect("load");
    store.unit_by_code("42").await.expect("read").expect("Hà Tĩnh")
}

/// A plan of `unit` targeting itself, with one task and a 6-month report.
async fn plan(store: &Store, unit: &UnitRow) -> PlanId {
    let p = NewPlan {
        unit_id: unit.id,
        parent_plan_id: None,
        issuer: Default::default(),
        agency_template_id: None,
        number: Some("1/KH-UBND".into()),
        issued_on: Some(date(2026, 1, 10)),
        title: "Kế hoạch năm 2026".into(),
        year: 2026,
        legal_bases: json!([]),
        sections: json!([{ "heading": "I. MỤC ĐÍCH" }]),
        document: None,
        tasks: vec![NewTask { text: "Tuyên truyền".into(), ..Default::default() }],
        target_unit_ids: vec![unit.id],
        obligations: vec![NewObligation {
            kind: ObligationKind::Report,
            period: Some(ReportPeriod::SixMonth),
            due_date: None,
            due_recurring: Some("06-14".into()),
            receiver_unit_id: unit.id,
            template_id: None,
            raw: "Báo cáo 6 tháng.".into(),
            occurrences: vec![(PeriodKey::FirstHalf(2026), Some(date(2026, 6, 14)))],
        }],
    };
    store.create_plan(&p, &actor()).await.expect("plan")
}

/// The read failed as a database fault whose message names `column` and `value`.
#[track_caller]
fn names<T: std::fmt::Debug>(read: Result<T, StoreError>, column: &str, value: &str) {
    let err = read.expect_err("bad stored data must not read as data");
    assert!(matches!(err, StoreError::Database(_)), "{err:?}");
    let message = err.to_string();
    assert!(message.contains(column) && message.contains(value), "{message}");
}

async fn unknown_unit_kind(store: &Store) {
    province(store).await;
    store.execute_admin("UPDATE unit SET kind = 'hamlet' WHERE code = '42'").await.expect("corrupt");
    names(store.unit_by_code("42").await, "unit.kind", "hamlet");
}

async fn unknown_period_key_and_obligation_kind(store: &Store) {
    let unit = province(store).await;
    let id = plan(store, &unit).await;
    store.execute_admin("UPDATE obligation_occurrence SET period_key = '2026-H3'").await.expect("corrupt");
    names(store.obligations(id).await, "obligation_occurrence.period_key", "2026-H3");
    names(store.inbox(unit.unit_id(), date(2026, 6, 1)).await, "obligation_occurrence.period_key", "2026-H3");
    store.execute_admin("UPDATE obligation_occurrence SET period_key = '2026-H1'").await.expect("repair");
    store.execute_admin("UPDATE obligation SET kind = 'letter'").await.expect("corrupt");
    names(store.obligations(id).await, "obligation.kind", "letter");
}

async fn unknown_task_status(store: &Store) {
    let unit = province(store).await;
    let id = plan(store, &unit).await;
    store.execute_admin("UPDATE plan_task SET status = 'paused'").await.expect("corrupt");
    names(store.plan_tasks(id).await, "plan_task.status", "paused");
}

async fn malformed_json(store: &Store) {
    let unit = province(store).await;
    let id = plan(store, &unit).await;
    store.execute_admin("UPDATE plan SET sections = '[{\"heading\": '").await.expect("corrupt");
    names(store.plan(id).await, "plan.sections", "malformed JSON");
    store.execute_admin("UPDATE plan SET sections = '[]', legal_bases = 'null,'").await.expect("corrupt");
    names(store.plan(id).await, "plan.legal_bases", "malformed JSON");
}

on_both! { store:
    an_unknown_unit_kind_is_an_error_naming_the_column => unknown_unit_kind,
    an_unknown_period_key_or_obligation_kind_is_an_error_naming_the_column => unknown_period_key_and_obligation_kind,
    an_unknown_task_status_is_an_error_naming_the_column => unknown_task_status,
    malformed_json_is_an_error_naming_the_column => malformed_json,
}
