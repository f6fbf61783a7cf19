//! The API checks the CSRF token it hands out: a page on another site cannot send it.

use coso_domain::authz::Role;
use serde_json::{Value, json};

use crate::support::{PASSWORD, TestApp};
use crate::{PROVINCE, api_error};

/// A client signed in with the cookie only (it sends no token by itself), and the token.
async fn cookie_client(app: &TestApp, email: &str) -> (reqwest::Client, String) {
    let c = app.anonymous();
    let res = app.post_json(&c, "/api/v1/session", &json!({ "email": email, "password": PASSWORD })).await;
    assert_eq!(res.status(), 200);
    let session: Value = res.json().await.expect("session");
    (c, session["csrf_token"].as_str().expect("token").to_string())
}

#[tokio::test]
async fn cookie_signed_api_writes_need_the_sessions_token() {
    let app = TestApp::spawn().await;
    app.user("root@coso.test", Role::Admin, PROVINCE).await;
    let (c, token) = cookie_client(&app, "root@coso.test").await;
    let commune = app.first_commune(PROVINCE).await;
    let village = |code: &str| json!({ "code": code, "name": format!("Thôn {code}"), "kind": "village" });
    let write = |code: &str| c.post(app.url(&format!("/api/v1/units/{commune}/children"))).json(&village(code));
    // Neither Origin nor Sec-Fetch-Site, as a script or an old browser sends it: the token decides.
    let res = write("T1").send().await.expect("no token");
    let body = api_error(res, 403, "csrf_token_invalid").await;
    assert!(body["error"]["message"].as_str().is_some_and(|m| m.contains("X-CSRF-Token")), "{body}");
    let res = write("T1").header("x-csrf-token", format!("{token}0")).send().await.expect("wrong token");
    api_error(res, 403, "csrf_token_invalid").await;
    let res = write("T1").header("x-csrf-token", "").send().await.expect("empty token");
    api_error(res, 403, "csrf_token_invalid").await;
    assert!(app.store.unit_by_code("T1").await.expect("q").is_none(), "nothing was written");
    let res = write("T1").header("x-csrf-token", &token).send().await.expect("right token");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    // Reads need no token; signing out is a write.
    let res = c.get(app.url("/api/v1/units/42/children")).send().await.expect("read");
    assert_eq!(res.status(), 200);
    let res = c.delete(app.url("/api/v1/session")).send().await.expect("logout");
    api_error(res, 403, "csrf_token_invalid").await;
    let res = c.delete(app.url("/api/v1/session")).header("x-csrf-token", &token).send().await.expect("logout");
    assert_eq!(res.status(), 204);
}
