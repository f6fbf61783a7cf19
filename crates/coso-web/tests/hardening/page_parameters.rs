//! Every page route, read from the router's own source, sent missing and malformed parameters
//! by an administrator and by an anonymous visitor: the answer is a Vietnamese page (the form,
//! the error page or an inline field error), never a server error and never an extractor's
//! English.

use coso_domain::authz::Role;
use coso_web::WebSettings;

use crate::rejections::ROUTES;
use crate::support::{self, TestApp, texts};

/// The style sheet's route, named by a constant in the source.
const STYLESHEET: &str = "/static/coso.css";

/// `(method, path)` of every route in the web crate's source, sorted, the style sheet's constant
/// read as its path, so that a route added tomorrow is probed without anyone listing it.
pub fn routes_in_source() -> Vec<(String, String)> {
    let mut routes: Vec<(String, String)> = support::routes_in_source()
        .into_iter()
        .map(|(method, route)| (method, if route == "STYLESHEET" { STYLESHEET.to_string() } else { route }))
        .collect();
    routes.sort();
    routes
}

/// The pages: GET routes outside the API, the style sheet and the probes of the operators.
fn page_routes() -> Vec<String> {
    let not_pages = ["/healthz", "/metrics", STYLESHEET];
    routes_in_source()
        .into_iter()
        // Open311 answers JSON and XML to other applications, not pages.
        .filter(|(m, r)| m == "GET" && !r.starts_with("/api/") && !r.starts_with("/open311/"))
        .filter(|(_, r)| !not_pages.contains(&r.as_str()))
        .map(|(_, r)| r)
        .collect()
}

#[test]
fn the_route_list_of_the_rejection_test_is_complete() {
    let found = routes_in_source();
    assert!(found.len() > 50, "the source scan found too few routes: {found:?}");
    let listed = |method: &str, route: &str| {
        ROUTES.iter().any(|(m, r, _)| {
            *m == method
                && (*r == route || route.ends_with("/{file}") && r.starts_with(route.trim_end_matches("{file}")))
        })
    };
    // A catch-all (`{*rest}`) is probed by the unknown path at the end of the list.
    let missing: Vec<_> = found.iter().filter(|(m, r)| !r.contains("{*") && !listed(m, r)).collect();
    assert!(missing.is_empty(), "routes missing from rejections::ROUTES: {missing:?}");
}

/// Identifiers that name nothing or do not parse.
const IDS: [&str; 4] = ["abc", "-1", "99999999999999999999", "1"];

/// Query strings: none, wrong types, bad percent-encoding, too long, out of range.
fn queries() -> Vec<String> {
    let long = "a".repeat(600);
    vec![
        String::new(),
        "from=abc&rule=x&ky=zzz&nam=abc&thang=abc&limit=abc&offset=abc&kind=zzz&unit=abc&all=zzz&q=%00".into(),
        "rule=%%%&from=%%%&q=%%%".into(),
        format!("q={long}&from={long}&rule={long}&unit={long}"),
        "nam=-1&thang=99999999999999999999&ky=-1&from=31/02/2026&unit=-1".into(),
    ]
}

/// What axum's, serde's and the standard library's parsers say in English.
const ENGLISH: [&str; 8] = [
    "Failed to deserialize",
    "missing field",
    "invalid digit",
    "expected",
    "Invalid",
    "unknown variant",
    "invalid type",
    "number too large",
];

/// Letters only Vietnamese text has.
fn is_vietnamese(text: &str) -> bool {
    text.chars()
        .any(|c| "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ".contains(c.to_lowercase().next().unwrap_or(c)))
}

#[tokio::test]
async fn every_page_answers_missing_and_malformed_parameters_in_vietnamese() {
    let app = TestApp::spawn_with(WebSettings { login_attempts_per_minute: 10_000, ..Default::default() }).await;
    app.user("root@coso.test", Role::Admin, "42").await;
    let clients = [("admin", app.client_as("root@coso.test").await), ("anonymous", app.anonymous())];
    let pages = page_routes();
    assert!(pages.len() >= 15, "{pages:?}");
    let mut sent = 0;
    for route in &pages {
        for id in IDS {
            let path = ["{id}", "{occurrence}", "{task}", "{file}", "{code}"]
                .iter()
                .fold(route.clone(), |p, s| p.replace(s, id));
            for query in queries() {
                let url = if query.is_empty() { app.url(&path) } else { app.url(&format!("{path}?{query}")) };
                for (who, client) in &clients {
                    let res = client.get(&url).send().await.expect("sent");
                    sent += 1;
                    let status = res.status().as_u16();
                    let case = format!("{who} GET {path}?{} → {status}", query.chars().take(80).collect::<String>());
                    if status == 303 {
                        // An anonymous visitor is sent to sign in first.
                        let to = res.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or("");
                        assert!(*who == "anonymous" && to.starts_with("/dang-nhap"), "{case}: to {to}");
                        continue;
                    }
                    assert!([200, 400, 404, 422].contains(&status), "{case}");
                    let html =
                        res.headers().get("content-type").is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
                    let text = res.text().await.expect("body");
                    assert!(html, "{case}: not a page");
                    for english in ENGLISH {
                        assert!(!text.contains(english), "{case}: «{english}» in {text}");
                    }
                    let main = texts(&text, "main").join(" ");
                    assert!(is_vietnamese(&main), "{case}: no Vietnamese message in {text}");
                }
            }
        }
    }
    assert_eq!(sent, pages.len() * IDS.len() * queries().len() * clients.len());
}

#[tokio::test]
async fn the_deadline_calculator_without_parameters_is_the_form() {
    let app = TestApp::spawn().await;
    for path in ["/tinh-han", "/tinh-han?rule=&from="] {
        let res = app.anonymous().get(app.url(path)).send().await.expect("page");
        assert_eq!(res.status(), 200, "{path}");
        let html = res.text().await.expect("html");
        assert!(!texts(&html, "form select[name=rule]").is_empty(), "{path}: the form");
        assert!(texts(&html, "[role=alert]").is_empty(), "{path}: no error before the form is sent");
    }
}
