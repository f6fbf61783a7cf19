//! The monthly summary the statistics read (`case_month`, kept by triggers on `citizen_case`)
//! equals a count of the cases from scratch after every kind of change, on SQLite and on
//! PostgreSQL: registering, accepting, answering, forwarding to another unit, a second
//! complaint, withdrawing, closing, refusing, rating; and the migration's filling statement
//! rebuilds it from the cases.

use coso_domain::authz::Role;
use coso_store::Backend;
use coso_test_support::{TestApp, on_both};
use serde_json::{Value, json};

use crate::common::{post_ok, two_communes};

const PROVINCE: &str = "42";

/// The summary matches the cases, said after `step`.
async fn assert_no_drift(app: &TestApp, step: &str) {
    let drift = app.state.app.store().case_month_drift().await.expect("drift");
    assert_eq!(drift, 0, "the summary differs from the cases after {step}");
}

async fn stats(c: &reqwest::Client, app: &TestApp, from: &str, to: &str) -> Value {
    let url = app.url(&format!("/api/v1/cases/stats?unit={PROVINCE}&from={from}&to={to}"));
    let res = c.get(&url).send().await.expect("stats");
    assert_eq!(res.status(), 200);
    res.json().await.expect("json")
}

/// The statement of migration 0013 that fills the summary from the cases already there.
fn migration_fill(backend: Backend) -> &'static str {
    let file = match backend {
        Backend::Sqlite => include_str!("../../coso-store/migrations/sqlite/0013_case_month_summary.sql"),
        Backend::Postgres => include_str!("../../coso-store/migrations/postgres/0013_case_month_summary.sql"),
    };
    let (_, fill) = file.split_once("-- The cases already there.").expect("the filling statement");
    fill
}

async fn the_summary_follows_every_change_of_a_case(app: &TestApp) {
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let c = app.client_as("tinh@coso.test").await;
    let (a, b) = two_communes(app).await;
    let today = app.state.app.today();
    let ago = |days: u64| (today - chrono::Days::new(days)).to_string();
    let person = json!({ "name": "Phạm Văn Đức", "address": "Thôn Hai", "phone": "0913000222" });
    let case = |unit: &str, kind: &str, category: &str, received: u64, crowded: bool| {
        json!({ "unit": unit, "kind": kind, "category": category, "received_on": ago(received), "crowded": crowded,
                "content": "Nội dung đơn để đối chiếu bảng tổng hợp.", "sender": person })
    };
    let id = |v: &Value| v["id"].as_i64().expect("id");

    let petition = post_ok(&c, app, "/api/v1/cases", &case(&a, "petition", "ha_tang", 40, true)).await;
    let complaint = post_ok(&c, app, "/api/v1/cases", &case(&a, "complaint", "dat_dai", 70, false)).await;
    let forwarded = post_ok(&c, app, "/api/v1/cases", &case(&a, "petition", "moi_truong", 20, false)).await;
    let withdrawn = post_ok(&c, app, "/api/v1/cases", &case(&b, "complaint", "dat_dai", 30, false)).await;
    let refused = post_ok(&c, app, "/api/v1/cases", &case(&b, "petition", "khac", 10, false)).await;
    let denunciation = post_ok(&c, app, "/api/v1/cases", &case(&b, "denunciation", "can_bo", 5, false)).await;
    assert_no_drift(app, "registering").await;

    post_ok(&c, app, &format!("/api/v1/cases/{}/accept", id(&complaint)), &json!({ "on": ago(68) })).await;
    post_ok(&c, app, &format!("/api/v1/cases/{}/accept", id(&withdrawn)), &json!({ "on": ago(29) })).await;
    assert_no_drift(app, "accepting").await;

    post_ok(
        &c,
        app,
        &format!("/api/v1/cases/{}/answer", id(&petition)),
        &json!({ "on": ago(35), "public_answer": "Đã sửa." }),
    )
    .await;
    post_ok(&c, app, &format!("/api/v1/cases/{}/answer", id(&complaint)), &json!({ "on": ago(60) })).await;
    assert_no_drift(app, "answering").await;

    post_ok(&c, app, &format!("/api/v1/cases/{}/forward", id(&forwarded)), &json!({ "on": ago(18), "to_unit": b }))
        .await;
    assert_no_drift(app, "forwarding to another unit").await;

    let second = post_ok(&c, app, &format!("/api/v1/cases/{}/reopen", id(&complaint)), &json!({ "on": ago(50) })).await;
    post_ok(&c, app, &format!("/api/v1/cases/{}/accept", id(&second)), &json!({ "on": ago(49) })).await;
    assert_no_drift(app, "a second complaint").await;

    post_ok(&c, app, &format!("/api/v1/cases/{}/withdraw", id(&withdrawn)), &json!({ "on": ago(25) })).await;
    assert_no_drift(app, "withdrawing").await;

    post_ok(&c, app, &format!("/api/v1/cases/{}/refuse", id(&refused)), &json!({ "on": ago(9), "ground": "repeated" }))
        .await;
    post_ok(&c, app, &format!("/api/v1/cases/{}/close", id(&refused)), &json!({ "on": ago(8) })).await;
    post_ok(&c, app, &format!("/api/v1/cases/{}/close", id(&petition)), &json!({ "on": ago(30) })).await;
    post_ok(&c, app, &format!("/api/v1/cases/{}/accept", id(&denunciation)), &json!({ "on": ago(1) })).await;
    assert_no_drift(app, "refusing and closing").await;

    let code = petition["code"].as_str().expect("code");
    coso_app::cases::rate(&app.state.app, None, None, code, "5", "").await.expect("rate");
    assert_no_drift(app, "rating").await;

    // A period of whole months only, and one that starts and ends inside months, read the
    // summary and the cases together: the totals are those of the cases received then.
    let whole = stats(&c, app, &format!("{}-01", &ago(400)[..7]), &today.to_string()).await;
    let received = |v: &Value| {
        v["kinds"].as_array().expect("kinds").iter().map(|k| k["received"].as_i64().unwrap_or(0)).sum::<i64>()
    };
    assert_eq!(received(&whole), 7, "{whole}");
    let inside = stats(&c, app, &ago(45), &ago(15)).await;
    assert_eq!(received(&inside), 3, "{inside}");

    // The migration's filling statement rebuilds the same summary from the cases.
    let store = app.state.app.store();
    store.execute_admin("DELETE FROM case_month").await.expect("empty the summary");
    assert!(store.case_month_drift().await.expect("drift") > 0, "an empty summary differs");
    store.execute_admin(migration_fill(store.backend())).await.expect("fill");
    assert_no_drift(app, "the migration's filling").await;
    assert_eq!(stats(&c, app, &format!("{}-01", &ago(400)[..7]), &today.to_string()).await, whole);
}

on_both!(app: the_summary_follows_every_change_of_a_case => the_summary_follows_every_change_of_a_case);
