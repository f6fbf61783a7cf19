//! Household ballots and online votes through the API and the resident's page, on SQLite and
//! PostgreSQL: a ballot's plan issues one ballot per household; two entries of the count that
//! differ are flagged, then reconciled, and the decision closes with its outcome against all
//! households and the commune's obligation; a representative votes online, votes again (the
//! vote is replaced, never counted twice), and sees the result after the close; bad input
//! changes nothing.

use coso_domain::HouseholdId;
use coso_domain::authz::{Action, Grant, Role, authorize};
use coso_domain::decision::{DecisionInput, Outcome};
use coso_store::Actor;
use coso_test_support::{TestApp, attr, on_both};
use serde_json::{Value, json};

use crate::common::commune_with_villages;

/// A village `V1` of the first commune with five households, two commune officials, the
/// village head, and a resident linked to the first household. Returns the commune's code.
async fn village(app: &TestApp) -> String {
    let commune = commune_with_villages(app, &[("V1", "Thôn Một")]).await;
    for i in 1..=5 {
        let household = json!({ "code": format!("H{i}"), "address": format!("Số {i}"), "representative": format!("Nguyễn Văn {i}"), "member_count": 4 });
        app.add_household(&commune.admin, "V1", household).await;
    }
    let commune = commune.code;
    app.user("kiem-phieu-1@coso.test", Role::Official, &commune).await;
    app.user("kiem-phieu-2@coso.test", Role::Official, &commune).await;
    app.user("truong-thon@coso.test", Role::VillageHead, "V1").await;
    app.user("dai-dien@coso.test", Role::Resident, "V1").await;
    app.user("khong-lien-ket@coso.test", Role::Resident, "V1").await;
    // The resident represents H1, as the village head confirmed.
    let store = &app.store;
    let v1 = store.unit_by_code("V1").await.expect("q").expect("V1");
    let system = Actor::system("test");
    let participate =
        authorize(&[Grant { role: Role::Admin, unit: v1.unit_path() }], &v1.unit_path(), Action::Participate)
            .expect("permit");
    let household = store.household_for_link(&participate, &v1, "H1").await.expect("q").expect("H1");
    let user = store.user_by_email("dai-dien@coso.test").await.expect("q").expect("resident");
    let link = store
        .request_household_link(&participate, &v1, HouseholdId(household.id), user.user_id(), &system)
        .await
        .expect("request");
    let head = coso_app::Actor::system("test");
    coso_app::households::decide_link(&app.state.app, &head, "V1", link, Some(true), "Đã đối chiếu.")
        .await
        .expect("confirm");
    commune
}

/// Opens a decision on `V1` from today for a week, as the commune would; returns its id or the
/// refusal.
async fn open(app: &TestApp, matter: u8, form: &str) -> Result<i64, coso_app::Error> {
    let today = app.state.clock.today();
    let until = today.checked_add_days(chrono::Days::new(7)).expect("date");
    let input = DecisionInput {
        matter: matter.to_string(),
        form: form.into(),
        title: "Giờ mở cửa nhà văn hóa".into(),
        date: today.format("%d/%m/%Y").to_string(),
        ends_on: until.format("%d/%m/%Y").to_string(),
        ..DecisionInput::default()
    };
    let v1 = app.store.unit_by_code("V1").await.expect("q").expect("V1");
    coso_app::decisions::open(&app.state.app, &coso_app::Actor::system("test"), &v1, &input).await
}

async fn opened(app: &TestApp, matter: u8, form: &str) -> i64 {
    open(app, matter, form).await.expect("open")
}

async fn json(res: reqwest::Response, status: u16) -> Value {
    let got = res.status();
    let body = res.text().await.expect("body");
    assert_eq!(got, status, "{body}");
    serde_json::from_str(&body).unwrap_or(Value::Null)
}

async fn a_ballot_whose_two_entries_differ_is_flagged_then_reconciled(app: &TestApp) {
    let commune = village(app).await;
    let first = app.client_as("kiem-phieu-1@coso.test").await;
    let second = app.client_as("kiem-phieu-2@coso.test").await;
    let id = opened(app, 1, "ballot").await;
    let today = app.state.clock.today();
    let until = today.checked_add_days(chrono::Days::new(7)).expect("date");
    let plan = json!({ "purpose": "Lấy ý kiến", "content": "Đồng ý mức đóng góp?", "participants": "Các hộ của thôn",
        "starts_on": today.to_string(), "ends_on": until.to_string() });
    let body = json(
        first.post(app.url(&format!("/api/v1/decisions/{id}/ballot-plan"))).json(&plan).send().await.expect("plan"),
        201,
    )
    .await;
    assert_eq!(body["count"], 5, "one ballot per household");
    json(
        first.post(app.url(&format!("/api/v1/decisions/{id}/ballot-plan"))).json(&plan).send().await.expect("again"),
        409,
    )
    .await;

    // Four ballots come back; a code of no ballot is refused and nothing changes.
    let v1 = app.store.unit_by_code("V1").await.expect("q").expect("V1");
    let permit =
        authorize(&[Grant { role: Role::Admin, unit: v1.unit_path() }], &v1.unit_path(), Action::ManageDecisions)
            .expect("permit");
    let codes: Vec<String> =
        app.store.ballots(&permit, &v1, id).await.expect("ballots").into_iter().map(|b| b.code).collect();
    let res = app
        .post_json(&first, &format!("/api/v1/decisions/{id}/ballots/collect"), &json!({ "codes": [codes[0], "ABCD"] }))
        .await;
    json(res, 422).await;
    let res = first
        .post(app.url(&format!("/api/v1/decisions/{id}/ballots/collect")))
        .json(&json!({ "codes": codes[..4] }))
        .send()
        .await;
    assert_eq!(json(res.expect("collect"), 200).await["count"], 4);

    let tally =
        |c: &reqwest::Client, body: Value| c.post(app.url(&format!("/api/v1/decisions/{id}/tally"))).json(&body).send();
    // More ballots counted than came back: refused, nothing written.
    let res = tally(&first, json!({ "first": { "yes": 4, "no": 1, "invalid": 0 } })).await.expect("tally");
    assert_eq!(json(res, 422).await["error"]["fields"][0]["field"], "first_total");
    let res = tally(&first, json!({ "first": { "yes": 3, "no": 1, "invalid": 0 } })).await.expect("tally");
    assert_eq!(json(res, 200).await["state"], "one_entry");
    let res = tally(&first, json!({ "second": { "yes": 3, "no": 1, "invalid": 0 } })).await.expect("tally");
    json(res, 422).await;
    let res = tally(&second, json!({ "second": { "yes": 2, "no": 1, "invalid": 1 } })).await.expect("tally");
    let body = json(res, 200).await;
    assert_eq!(body["state"], "mismatch");
    assert_eq!(body["mismatched"], json!(["yes", "invalid"]));
    let d = app.store.decision(id).await.expect("q").expect("decision");
    assert!(d.outcome.is_none(), "no outcome while the entries differ: {d:?}");

    let res = tally(&first, json!({ "reconciled": { "yes": 3, "no": 1, "invalid": 0 } })).await.expect("tally");
    assert_eq!(json(res, 200).await["state"], "reconciled");
    let d = app.store.decision(id).await.expect("q").expect("decision");
    assert_eq!((d.households, d.yes_votes), (5, Some(3)));
    assert_eq!(d.outcome, Some(Outcome::Adopted), "3 of all 5 households: {d:?}");
    // A tally for a closed decision: refused.
    let res = tally(&second, json!({ "reconciled": { "yes": 1, "no": 1, "invalid": 0 } })).await.expect("tally");
    json(res, 409).await;

    // The commune has the obligation to receive the result.
    let commune = app.store.unit_by_code(&commune).await.expect("q").expect("commune");
    let notes = app.store.notifications_of_unit(commune.unit_id()).await.expect("notifications");
    assert!(notes.iter().any(|n| n.title.starts_with("Gửi kết quả lấy ý kiến hộ gia đình cho UBND xã")), "{notes:?}");
    let minutes =
        first.get(app.url(&format!("/api/v1/decisions/{id}/counting-minutes.docx"))).send().await.expect("docx");
    assert_eq!(minutes.status(), 200);
    let ballot =
        json(first.get(app.url(&format!("/api/v1/decisions/{id}/ballots"))).send().await.expect("get"), 200).await;
    assert_eq!((ballot["issued"].as_i64(), ballot["collected"].as_i64()), (Some(5), Some(4)));
    assert_eq!(ballot["entries"].as_array().map(Vec::len), Some(3));
}

/// Signed in through the page, with the page's CSRF token.
async fn resident_page(app: &TestApp, email: &str) -> (reqwest::Client, String) {
    let c = app.anonymous();
    let res =
        c.post(app.url("/dang-nhap")).form(&[("email", email), ("password", coso_test_support::PASSWORD)]).send().await;
    assert_eq!(res.expect("sign in").status(), 303);
    let html = c.get(app.url("/cua-toi/bieu-quyet")).send().await.expect("page").text().await.expect("html");
    (c, attr(&html, "input[name=csrf]", "value").unwrap_or_default())
}

async fn a_representative_votes_online_and_a_second_vote_replaces_the_first(app: &TestApp) {
    village(app).await;
    let head = app.client_as("truong-thon@coso.test").await;
    // An online vote on matters 1–5 is refused.
    assert!(matches!(open(app, 1, "online").await, Err(coso_app::Error::Validation(_))));
    let id = opened(app, 6, "online").await;

    let (c, csrf) = resident_page(app, "dai-dien@coso.test").await;
    assert!(!csrf.is_empty(), "the page has the vote's form");
    let path = format!("/cua-toi/bieu-quyet/{id}");
    let res = app.post_form(&c, &path, &csrf, &[("choice", "yes")]).await;
    assert_eq!(res.status(), 303);
    let res = app.post_form(&c, &path, &csrf, &[("choice", "no")]).await;
    assert_eq!(res.status(), 303);
    let res = app.post_form(&c, &path, &csrf, &[("choice", "perhaps")]).await;
    assert_eq!(res.status(), 422, "a choice that is not one is refused");
    let page = c.get(app.url("/cua-toi/bieu-quyet")).send().await.expect("page").text().await.expect("html");
    assert!(page.contains("Không đồng ý"), "{page}");

    // Through the API too: a replacement, never a second vote.
    let api = app.client_as("dai-dien@coso.test").await;
    let res = api
        .post(app.url(&format!("/api/v1/decisions/{id}/online-votes")))
        .json(&json!({ "choice": "no" }))
        .send()
        .await;
    assert_eq!(json(res.expect("vote"), 200).await["replaced"], true);
    // An account that represents no household cannot vote.
    let stranger = app.client_as("khong-lien-ket@coso.test").await;
    let res = stranger
        .post(app.url(&format!("/api/v1/decisions/{id}/online-votes")))
        .json(&json!({ "choice": "yes" }))
        .send()
        .await;
    json(res.expect("vote"), 409).await;
    assert_eq!(app.store.online_count(id).await.expect("count").no, 1);
    assert_eq!(app.store.online_count(id).await.expect("count").yes, 0);

    let closed =
        json(head.post(app.url(&format!("/api/v1/decisions/{id}/online-close"))).send().await.expect("close"), 200)
            .await;
    assert_eq!(closed["outcome"], "not_adopted");
    let d = app.store.decision(id).await.expect("q").expect("decision");
    assert_eq!((d.households, d.yes_votes, d.no_votes), (5, Some(0), Some(1)));
    let res = api
        .post(app.url(&format!("/api/v1/decisions/{id}/online-votes")))
        .json(&json!({ "choice": "yes" }))
        .send()
        .await;
    json(res.expect("vote"), 409).await;
    let page = c.get(app.url("/cua-toi/bieu-quyet")).send().await.expect("page").text().await.expect("html");
    assert!(page.contains("0 đồng ý, 1 không đồng ý, trên tổng số 5 hộ gia đình"), "{page}");
}

on_both! { app:
    ballot_entries_flagged_then_reconciled => a_ballot_whose_two_entries_differ_is_flagged_then_reconciled,
    online_vote_replaced_not_doubled => a_representative_votes_online_and_a_second_vote_replaces_the_first,
}
