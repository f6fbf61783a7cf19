//! Security headers on every response; nothing a signed-in request sees is cached; the pages
//! need nothing the content security policy forbids.

use coso_domain::authz::Role;
use coso_web::WebSettings;

use crate::support::{TestApp, occurrence};
use crate::{PROVINCE, province_plan, village_with_a_household};

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    let c = app.anonymous();
    for path in ["/", "/don-vi/42", "/tinh-han", "/lich", "/dang-nhap", "/khong-co", "/api/v1/units", "/healthz"] {
        let res = c.get(app.url(path)).send().await.expect(path);
        let csp = header(&res, "content-security-policy");
        assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(csp.contains("style-src 'self'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(header(&res, "x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header(&res, "referrer-policy"), "same-origin", "{path}");
        assert_eq!(header(&res, "strict-transport-security"), "", "{path}: not over plain HTTP");
    }
    let secure = TestApp::spawn_with(WebSettings { secure_cookies: true, ..Default::default() }).await;
    let res = secure.anonymous().get(secure.url("/")).send().await.expect("home");
    assert!(header(&res, "strict-transport-security").starts_with("max-age="), "HSTS behind HTTPS");
}

#[tokio::test]
async fn nothing_a_session_sees_is_cached() {
    let app = TestApp::spawn().await;
    let admin = village_with_a_household(&app).await;
    for path in ["/quan-tri/don-vi/V1/ho-gia-dinh", "/api/v1/units/V1/households", "/don-vi/42", "/quan-tri", "/lich"] {
        let res = admin.get(app.url(path)).send().await.expect(path);
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(header(&res, "cache-control"), "no-store", "{path}");
    }
    let login = app
        .post_json(
            &app.anonymous(),
            "/api/v1/session",
            &serde_json::json!({ "email": "root@coso.test", "password": crate::support::PASSWORD }),
        )
        .await;
    assert_eq!(header(&login, "cache-control"), "no-store", "the answer that opens a session");
    let public = app.anonymous().get(app.url("/don-vi/42")).send().await.expect("public page");
    assert_eq!(header(&public, "cache-control"), "public, max-age=60", "anonymous pages stay cacheable");
}

/// Every kind of page, signed in with forms and charts: no script, no inline style, nothing
/// loaded from elsewhere, so the policy breaks none of them.
#[tokio::test]
async fn pages_need_nothing_the_policy_forbids() {
    let app = TestApp::spawn().await;
    let (_, plan) = province_plan(&app).await;
    let admin = village_with_a_household(&app).await;
    let id = plan["id"].as_i64().expect("plan id");
    let annual = occurrence(&plan, "annual");
    let commune = app.first_commune(PROVINCE).await;
    app.user("xa@coso.test", Role::Official, &commune).await;
    let official = app.client_as("xa@coso.test").await;
    let pages = [
        (&admin, "/".to_string()),
        (&admin, "/don-vi?q=ha".to_string()),
        (&admin, "/don-vi/42".to_string()),
        (&admin, "/tinh-han?rule=complaint.first&from=2026-03-02".to_string()),
        (&admin, "/lich".to_string()),
        (&admin, "/quan-tri".to_string()),
        (&admin, "/quan-tri/don-vi/42".to_string()),
        (&admin, "/quan-tri/don-vi/V1/ho-gia-dinh".to_string()),
        (&admin, "/quan-tri/nguoi-dung".to_string()),
        (&admin, "/quan-tri/nhat-ky".to_string()),
        (&admin, "/quan-tri/ke-hoach?don-vi=42".to_string()),
        (&admin, format!("/quan-tri/ke-hoach/{id}")),
        (&admin, format!("/quan-tri/ke-hoach/{id}/tong-hop?ky={annual}")),
        (&admin, "/quan-tri/hop-thu?don-vi=42".to_string()),
        (&official, format!("/quan-tri/hop-thu/{annual}?don-vi={commune}")),
        (&admin, "/khong-co".to_string()),
    ];
    let login = app.anonymous().get(app.url("/dang-nhap")).send().await.expect("login page");
    let mut htmls = vec![("/dang-nhap".to_string(), login.text().await.expect("html"))];
    for (client, path) in pages {
        let res = client.get(app.url(&path)).send().await.expect("page");
        assert!(res.status() == 200 || path == "/khong-co", "{path}: {}", res.status());
        htmls.push((path, res.text().await.expect("html")));
    }
    let template = admin.get(app.url("/quan-tri/mau-bao-cao")).send().await.expect("template editor");
    assert_eq!(template.status(), 200);
    htmls.push(("/quan-tri/mau-bao-cao".to_string(), template.text().await.expect("html")));
    for (path, html) in htmls {
        let lower = html.to_lowercase();
        for forbidden in ["<script", "<style", " style=", "javascript:", "src=\"http", "src=\"//"] {
            assert!(!lower.contains(forbidden), "{path} has {forbidden}");
        }
        for handler in ["onclick=", "onload=", "onchange=", "onsubmit=", "oninput=", "onerror="] {
            assert!(!lower.contains(handler), "{path} has an inline event handler {handler}");
        }
        assert!(lower.contains("<link rel=\"stylesheet\" href=\"/static/coso.css\">"), "{path}");
    }
}
