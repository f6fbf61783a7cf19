//! The plan as a PDF: a real file in a build with the `pdf` feature (the binary's), a clear
//! Vietnamese answer with status 501 in a build without it.

use coso_domain::authz::Role;
use coso_test_support::TestApp;
use serde_json::{Value, json};

/// A province plan for its communes, issued from a draft by an official of the province;
/// returns the official's client and the plan's id.
async fn a_plan(app: &TestApp) -> (reqwest::Client, i64) {
    app.user("tinh@coso.test", Role::Official, "42").await;
    let official = app.client_as("tinh@coso.test").await;
    let draft = json!({
        "number": "12/KH-UBND", "issued_on": "2026-01-20", "title": "Thực hiện dân chủ ở cơ sở năm 2026",
        "year": 2026, "legal_bases": [], "sections": [], "tasks": [], "obligations": []
    });
    let res = app
        .post_json(&official, "/api/v1/plans", &json!({ "unit": "42", "targets": "children", "draft": draft }))
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let plan: Value = res.json().await.expect("json");
    (official, plan["id"].as_i64().expect("id"))
}

#[cfg(feature = "pdf")]
#[tokio::test]
async fn the_plan_downloads_as_a_pdf() {
    let app = TestApp::spawn().await;
    let (official, id) = a_plan(&app).await;
    let res = official.get(app.url(&format!("/quan-tri/ke-hoach/{id}/van-ban.pdf"))).send().await.expect("pdf");
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers().get("content-type").and_then(|v| v.to_str().ok()), Some("application/pdf"));
    assert!(res.bytes().await.expect("bytes").starts_with(b"%PDF-"));
}

#[cfg(not(feature = "pdf"))]
#[tokio::test]
async fn without_the_feature_the_pdf_is_refused_in_vietnamese() {
    let app = TestApp::spawn().await;
    let (official, id) = a_plan(&app).await;
    let res = official.get(app.url(&format!("/quan-tri/ke-hoach/{id}/van-ban.pdf"))).send().await.expect("pdf");
    assert_eq!(res.status(), 501);
    assert!(res.text().await.expect("html").contains("Bản dựng này không có xuất PDF."));
    let docx = official.get(app.url(&format!("/quan-tri/ke-hoach/{id}/van-ban.docx"))).send().await.expect("docx");
    assert_eq!(docx.status(), 200, "the DOCX needs no feature");
}
