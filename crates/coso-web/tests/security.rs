//! Security by default: CSRF, subtree isolation, login rate limits, the audit log.

use coso_domain::authz::Role;
use coso_test_support::{PASSWORD, TestApp, on_both};
use coso_web::WebSettings;

use crate::common::{self, province_admin};

/// Two communes of Hà Tĩnh, each with a village and one household.
async fn two_communes(app: &TestApp) -> (String, String) {
    let admin = province_admin(app).await;
    let (a, b) = common::two_communes(app).await;
    for (commune, village, person) in [(&a, "VA", "Nguyễn Bí Mật"), (&b, "VB", "Trần Riêng Tư")] {
        app.add_unit(&admin, commune, village, &format!("Thôn {village}"), "village").await;
        let household =
            serde_json::json!({ "code": "H1", "address": "Xóm 1", "representative": person, "member_count": 3 });
        app.add_household(&admin, village, household).await;
    }
    (a, b)
}

async fn cross_site_posts_are_rejected(app: &TestApp) {
    let c = app.anonymous();
    let res = c
        .post(app.url("/dang-nhap"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("email", "x@y.vn"), ("password", "whatever-long")])
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), 403);
    let res = c
        .post(app.url("/dang-nhap"))
        .header("origin", "https://evil.example")
        .form(&[("email", "x@y.vn")])
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), 403);
    let same = c
        .post(app.url("/dang-nhap"))
        .header("sec-fetch-site", "same-origin")
        .form(&[("email", "x@y.vn"), ("password", "p")])
        .send()
        .await
        .expect("post");
    assert_ne!(same.status(), 403, "same-origin forms pass");
}

async fn forms_without_the_session_token_are_refused(app: &TestApp) {
    let (a, _) = two_communes(app).await;
    app.user("xa@coso.test", Role::Official, &a).await;
    let c = app.client_as("xa@coso.test").await;
    let res = c
        .post(app.url(&format!("/quan-tri/don-vi/{a}/them")))
        .form(&[("code", "X9"), ("name", "Thôn Chín"), ("kind", "village")])
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), 400);
    assert!(app.store.unit_by_code("X9").await.expect("q").is_none());
}

async fn a_commune_official_cannot_see_another_communes_households(app: &TestApp) {
    let (a, b) = two_communes(app).await;
    app.user("xa-a@coso.test", Role::Official, &a).await;
    let c = app.client_as("xa-a@coso.test").await;
    let own = c.get(app.url("/api/v1/units/VA/households")).send().await.expect("own");
    assert_eq!(own.status(), 200);
    assert!(own.text().await.expect("body").contains("Nguyễn Bí Mật"));
    for path in [
        "/api/v1/units/VB/households".to_string(),
        format!("/api/v1/units/{b}/households"),
        "/quan-tri/don-vi/VB/ho-gia-dinh".to_string(),
    ] {
        let res = c.get(app.url(&path)).send().await.expect("other");
        assert_eq!(res.status(), 403, "{path}");
        let body = res.text().await.expect("body");
        assert!(!body.contains("Trần Riêng Tư") && !body.contains("H1"), "{path} leaked: {body}");
    }
    let write = app
        .post_json(
            &c,
            "/api/v1/units/VB/households",
            &serde_json::json!({ "code": "H2", "address": "x", "representative": "y", "member_count": 1 }),
        )
        .await;
    assert_eq!(write.status(), 403);
    let anonymous = app.anonymous().get(app.url("/api/v1/units/VA/households")).send().await.expect("anon");
    assert_eq!(anonymous.status(), 401);
}

async fn the_login_rate_limit_triggers(app: &TestApp) {
    let settings = WebSettings { login_attempts_per_minute: 5, ..WebSettings::default() };
    let app = app.with_settings(settings).await;
    app.user("a@coso.test", Role::Viewer, "42").await;
    let c = app.anonymous();
    let mut statuses = Vec::new();
    for _ in 0..7 {
        let res = app
            .post_json(
                &c,
                "/api/v1/session",
                &serde_json::json!({"email": "a@coso.test", "password": "wrong-password"}),
            )
            .await;
        statuses.push(res.status().as_u16());
    }
    assert_eq!(&statuses[..5], &[401; 5], "{statuses:?}");
    assert_eq!(statuses[6], 429, "{statuses:?}");
    let page = c
        .post(app.url("/dang-nhap"))
        .form(&[("email", "a@coso.test"), ("password", PASSWORD)])
        .send()
        .await
        .expect("page login");
    assert_eq!(page.status(), 429, "the limit holds for the login form too");
}

async fn the_audit_log_records_changes_and_sensitive_reads(app: &TestApp) {
    two_communes(app).await;
    let entries = app.store.audit_entries(None, Some(200)).await.expect("audit").items;
    let by_root = |action: &str| entries.iter().filter(|e| e.action == action && e.actor == "root@coso.test").count();
    assert_eq!(by_root("unit.create"), 2);
    assert_eq!(by_root("household.create"), 2);
    let created = entries.iter().find(|e| e.action == "household.create").expect("entry");
    assert!(created.after_json.as_deref().is_some_and(|j| j.contains("Xóm 1")));
    assert!(created.request_id.as_deref().is_some_and(|r| r.len() >= 8));
    let admin = app.client_as("root@coso.test").await;
    admin.get(app.url("/api/v1/units/VA/households")).send().await.expect("read");
    let entries = app.store.audit_entries(Some("household"), Some(200)).await.expect("audit").items;
    assert!(
        entries.iter().any(|e| e.action == "household.list" && e.entity_id == "VA"),
        "reading a register is audited"
    );
}

async fn session_cookie_is_http_only_and_passwords_never_reach_the_page(app: &TestApp) {
    app.user("v@coso.test", Role::Viewer, "42").await;
    let c = app.anonymous();
    let res =
        app.post_json(&c, "/api/v1/session", &serde_json::json!({"email": "v@coso.test", "password": PASSWORD})).await;
    let cookie = res.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    assert!(
        cookie.contains("coso_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let stored = app.store.user_by_email("v@coso.test").await.expect("q").expect("user");
    assert!(stored.password_hash.starts_with("$argon2id$"));
}

on_both! {
    app:
    cross_site_posts_are_rejected => cross_site_posts_are_rejected,
    forms_without_the_session_token_are_refused => forms_without_the_session_token_are_refused,
    a_commune_official_cannot_see_another_communes_households => a_commune_official_cannot_see_another_communes_households,
    the_audit_log_records_changes_and_sensitive_reads => the_audit_log_records_changes_and_sensitive_reads,
    session_cookie_is_http_only_and_passwords_never_reach_the_page => session_cookie_is_http_only_and_passwords_never_reach_the_page,
    the_login_rate_limit_triggers => the_login_rate_limit_triggers,
}
