//! Steering committees on both databases: a plan issued by the province's steering committee
//! cascades to a commune like the people's committee's, and its issuing body shows on the plan
//! page, in the API and in the rendered document's header.

use std::io::{Cursor, Read};

use chrono::NaiveDate;
use coso_domain::authz::Role;
use coso_test_support::{TestApp, on_both};
use serde_json::{Value, json};

const PROVINCE: &str = "42";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// The text of a DOCX's body.
fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).expect("a DOCX is a ZIP");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("document.xml").read_to_string(&mut xml).expect("utf-8");
    xml
}

/// The first `n` communes of the province, by code.
async fn communes(app: &TestApp, client: &reqwest::Client, n: usize) -> Vec<String> {
    let list: Value = client
        .get(app.url(&format!("/api/v1/units?parent={PROVINCE}&kind=commune&limit={n}")))
        .send()
        .await
        .expect("units")
        .json()
        .await
        .expect("json");
    list["items"].as_array().expect("items").iter().map(|u| u["code"].as_str().expect("code").to_string()).collect()
}

fn draft(number: &str, title: &str, issuer: &str, obligations: Value) -> Value {
    json!({
        "number": number, "issued_on": "2026-01-20", "title": title, "issuer": issuer, "year": 2026,
        "legal_bases": [], "sections": [], "tasks": [], "obligations": obligations
    })
}

async fn a_steering_committee_plan_cascades_to_a_commune(app: &TestApp) {
    app.state.clock.set_today(day("2026-01-20"));
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let province = app.client_as("tinh@coso.test").await;
    let codes = communes(app, &province, 2).await;
    let commune = &codes[0];
    let implementing = json!([{ "kind": "implementing_plan", "period": null, "due": "2026-02-28", "raw": "" }]);
    let res = province
        .post(app.url("/api/v1/plans"))
        .json(&json!({
            "unit": PROVINCE, "targets": codes.join(","),
            "draft": draft("03/KH-BCĐ", "Thực hiện dân chủ ở cơ sở năm 2026", "steering_committee", implementing)
        }))
        .send()
        .await
        .expect("create");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let plan: Value = res.json().await.expect("json");
    assert_eq!(plan["issuer"], "steering_committee");
    assert_eq!(plan["issuer_name"], "Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh Hà Tĩnh");

    // The commune sees the steering committee's request in its inbox and answers it with its
    // own plan, issued by its people's committee.
    app.user("xa@coso.test", Role::Official, commune).await;
    let client = app.client_as("xa@coso.test").await;
    let inbox: Value = client
        .get(app.url(&format!("/api/v1/units/{commune}/inbox")))
        .send()
        .await
        .expect("inbox")
        .json()
        .await
        .expect("json");
    assert!(inbox.to_string().contains("03/KH-BCĐ"), "{inbox}");
    let occurrence = plan["obligations"][0]["occurrences"][0]["id"].as_i64().expect("occurrence");
    app.user("root@coso.test", Role::Admin, PROVINCE).await;
    let admin = app.client_as("root@coso.test").await;
    let res = admin
        .post(app.url(&format!("/api/v1/units/{commune}/children")))
        .json(&json!({ "code": "V1", "name": "Thôn Một", "kind": "village" }))
        .send()
        .await
        .expect("village");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let res = client
        .post(app.url("/api/v1/plans"))
        .json(&json!({
            "unit": commune, "targets": "children", "parent_plan_id": plan["id"],
            "draft": draft("07/KH-UBND", "Thực hiện dân chủ ở cơ sở năm 2026 của xã", "people_committee", json!([]))
        }))
        .send()
        .await
        .expect("create");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let own: Value = res.json().await.expect("json");
    assert_eq!(own["parent_plan_id"], plan["id"]);
    assert_eq!(own["issuer"], "people_committee");
    let res = client
        .post(app.url(&format!("/api/v1/units/{commune}/submissions")))
        .json(&json!({ "occurrence_id": occurrence, "implementing_plan_id": own["id"] }))
        .send()
        .await
        .expect("submit");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let children = app.store.child_plans(coso_domain::PlanId(plan["id"].as_i64().expect("id"))).await.expect("kids");
    assert_eq!(children.iter().map(|c| c.id).collect::<Vec<_>>(), vec![own["id"].as_i64().expect("id")]);

    // The plan page names the body; the document's header carries it in capitals.
    let page = province
        .get(app.url(&format!("/quan-tri/ke-hoach/{}", plan["id"])))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(page.contains("Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh Hà Tĩnh"), "{page}");
    let res =
        province.get(app.url(&format!("/quan-tri/ke-hoach/{}/van-ban.docx", plan["id"]))).send().await.expect("docx");
    assert_eq!(res.status(), 200);
    let xml = docx_text(&res.bytes().await.expect("bytes"));
    assert!(xml.contains("BAN CHỈ ĐẠO"), "the issuer line names the steering committee");
    assert!(xml.contains("TRƯỞNG BAN"), "its head signs");
    assert!(!xml.contains("TM. ỦY BAN NHÂN DÂN"));
}

async fn an_unknown_issuing_body_is_refused_and_nothing_saved(app: &TestApp) {
    app.state.clock.set_today(day("2026-01-20"));
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let province = app.client_as("tinh@coso.test").await;
    let res = province
        .post(app.url("/api/v1/plans"))
        .json(&json!({
            "unit": PROVINCE, "targets": "children",
            "draft": draft("04/KH", "Kế hoạch", "ban_chi_dao", json!([]))
        }))
        .send()
        .await
        .expect("create");
    assert_eq!(res.status(), 422, "{}", res.text().await.unwrap_or_default());
    let unit = app.store.unit_by_code(PROVINCE).await.expect("read").expect("province");
    assert!(app.store.plans_of_unit(unit.unit_id(), None).await.expect("plans").is_empty());
}

on_both! {
    app:
    a_steering_committee_plan_cascades_to_a_commune => a_steering_committee_plan_cascades_to_a_commune,
    an_unknown_issuing_body_is_refused_and_nothing_saved => an_unknown_issuing_body_is_refused_and_nothing_saved,
}
