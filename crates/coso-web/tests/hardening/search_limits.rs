//! A search term is at most 200 characters and any other query parameter at most 500: longer
//! ones are refused with 400 and the field named, before any query runs.

use crate::support::{TestApp, texts};
use crate::{api_error, village_with_a_household, with_query};

#[tokio::test]
async fn long_searches_are_refused_naming_the_field() {
    let app = TestApp::spawn().await;
    let admin = village_with_a_household(&app).await;
    let long = "nguyen ".repeat(7_200);
    for path in ["/api/v1/units/V1/households", "/api/v1/units"] {
        let res = admin.get(with_query(&app.url(path), &[("q", &long)])).send().await.expect(path);
        let body = api_error(res, 400, "bad_request").await;
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains("«q»") && message.contains("200 ký tự"), "{path}: {message}");
    }
    for path in ["/quan-tri/don-vi/V1/ho-gia-dinh", "/don-vi", "/don-vi/42/tim"] {
        let res = admin.get(with_query(&app.url(path), &[("q", &long)])).send().await.expect(path);
        assert_eq!(res.status(), 400, "{path}");
        let html = res.text().await.expect("html");
        assert!(texts(&html, "main p").iter().any(|p| p.contains("«q»") && p.contains("200 ký tự")), "{path}: {html}");
    }
    // Up to the limit, the search runs.
    let fits = "nguyễn ".repeat(28);
    let res =
        admin.get(with_query(&app.url("/api/v1/units/V1/households"), &[("q", fits.trim())])).send().await.expect("q");
    assert_eq!(res.status(), 200);
    let res =
        admin.get(with_query(&app.url("/api/v1/units/V1/households"), &[("q", "nguyen van")])).send().await.expect("q");
    let found: serde_json::Value = res.json().await.expect("json");
    assert_eq!(found["total"], 1, "{found}");
}

#[tokio::test]
async fn every_other_query_parameter_is_bounded_too() {
    let app = TestApp::spawn().await;
    let admin = village_with_a_household(&app).await;
    let long = "x".repeat(501);
    for (method, path, name) in [
        (reqwest::Method::GET, "/api/v1/calendar/deadline?from=2026-01-02", "rule"),
        (reqwest::Method::GET, "/api/v1/units", "kind"),
        (reqwest::Method::POST, "/api/v1/plans/import?unit=42&targets=children", "file_name"),
        (reqwest::Method::GET, "/api/v1/plans/1/aggregate?occurrence=1", "unit"),
    ] {
        let res = admin.request(method, with_query(&app.url(path), &[(name, &long)])).send().await.expect(path);
        let body = api_error(res, 400, "bad_request").await;
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains(&format!("«{name}»")) && message.contains("500 ký tự"), "{path}: {message}");
    }
    let res = admin.get(with_query(&app.url("/tinh-han"), &[("rule", &long)])).send().await.expect("page");
    assert_eq!(res.status(), 400);
    assert!(res.text().await.expect("html").contains("«rule»"));
}
