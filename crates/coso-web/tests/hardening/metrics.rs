//! `/metrics`: a bounded set of series, and only for this machine or the configured token.

use coso_web::{Secret, WebSettings};

use crate::api_error;
use crate::support::TestApp;

async fn metrics(app: &TestApp) -> String {
    let res = app.anonymous().get(app.url("/metrics")).send().await.expect("metrics");
    assert_eq!(res.status(), 200);
    res.text().await.expect("text")
}

#[tokio::test]
async fn made_up_methods_and_paths_add_no_series() {
    let app = TestApp::spawn().await;
    let c = app.anonymous();
    c.get(app.url("/")).send().await.expect("warm up");
    let before = metrics(&app).await;
    for i in 0..200 {
        let method = reqwest::Method::from_bytes(format!("{}{i}", "X".repeat(4000)).as_bytes()).expect("a token");
        c.request(method, app.url("/")).send().await.expect("sent");
        c.get(app.url(&format!("/khong-co-{i}-zzqq"))).send().await.expect("sent");
        c.get(app.url(&format!("/don-vi/ma-{i}-zzqq"))).send().await.expect("sent");
    }
    let after = metrics(&app).await;
    assert!(after.contains("method=\"other\""), "{after}");
    assert!(!after.contains("XXXXXXXXXX") && !after.contains("zzqq"), "raw methods or paths became labels");
    assert!(after.contains("route=\"/don-vi/{code}\""), "{after}");
    assert!(after.len() < before.len() + 4_000, "{} bytes, then {} bytes", before.len(), after.len());
}

#[tokio::test]
async fn metrics_are_for_this_machine_or_the_configured_token() {
    const TOKEN: &str = "token-of-the-scraper-0123";
    let app = TestApp::spawn_with(WebSettings { metrics_token: Some(Secret::new(TOKEN)), ..Default::default() }).await;
    let c = app.anonymous();
    assert!(metrics(&app).await.contains("coso_http_requests_total"), "a client on this machine reads them");
    // Through a reverse proxy on this machine, the client is elsewhere.
    let proxied = || c.get(app.url("/metrics")).header("x-forwarded-for", "203.0.113.7");
    let res = proxied().send().await.expect("metrics");
    let challenge = res.headers().get("www-authenticate").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    assert!(challenge.starts_with("Bearer"), "{challenge}");
    let body = api_error(res, 401, "unauthorized").await;
    assert!(!body.to_string().contains("coso_http"), "{body}");
    let res = proxied().bearer_auth("token-of-the-scraper-0124").send().await.expect("metrics");
    api_error(res, 401, "unauthorized").await;
    let res = proxied().bearer_auth(TOKEN).send().await.expect("metrics");
    assert_eq!(res.status(), 200);
    assert!(res.text().await.expect("text").contains("coso_database_up 1"));

    let open = TestApp::spawn().await;
    let res = open
        .anonymous()
        .get(open.url("/metrics"))
        .header("forwarded", "for=203.0.113.7")
        .bearer_auth("anything-at-all-0123456")
        .send()
        .await
        .expect("metrics");
    api_error(res, 401, "unauthorized").await;
}
