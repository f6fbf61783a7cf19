//! The denouncer's identity is a state secret (TC-5–TC-8): a denunciation and an information
//! case are seeded with a sender whose name and phone are unique strings; every route of the
//! router is called with real parameters (the case's id and code, the unit's code) by every
//! role that holds no clearance, and the strings must appear nowhere — in the answers (XLSX
//! and DOCX unzipped), the logs at debug level, the mail outbox, the notifications or the
//! audit payloads. Then a cleared official reads them, and an audit row records the read.
//!
//! The route list is the source's ([`routes_in_source`]): a route added anywhere is swept
//! without editing this file.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex, OnceLock};

use coso_domain::authz::Role;
use coso_store::AuditFilter;
use coso_web::WebSettings;
use serde_json::{Value, json};

use crate::page_parameters::routes_in_source;
use crate::support::{PASSWORD, TestApp};
use crate::{PROVINCE, village_with_a_household};

/// The denouncer's name and phone, and the phone left by the sender of the information case:
/// strings nothing else in the database or the code holds.
const SECRET_NAME: &str = "Quách Thị Bímật Zqx";
const SECRET_PHONE: &str = "0987650042917";
const INFORMATION_PHONE: &str = "0912340077315";
/// The address and phone of a resident who denounced from their own page (`/cua-toi/gui-don`).
const RESIDENT_ADDRESS: &str = "Xóm Bímật Kvw, Thôn Một";
const RESIDENT_PHONE: &str = "0976540088123";
const SECRETS: [&str; 5] = [SECRET_NAME, SECRET_PHONE, INFORMATION_PHONE, RESIDENT_ADDRESS, RESIDENT_PHONE];
/// The resident who denounces; not one of the swept roles (their own pages show their case).
const DENOUNCER: &str = "to-cao@coso.test";

/// Every role without a clearance: (label, e-mail, role, where it is granted — `commune`
/// stands for the commune that handles the case, `V1` for a village under it).
const ROLES: &[(&str, &str, Role, &str)] = &[
    ("resident", "dan@coso.test", Role::Resident, "V1"),
    ("village_head", "truong-thon@coso.test", Role::VillageHead, "V1"),
    ("official_of_the_unit", "xa@coso.test", Role::Official, "commune"),
    ("official_above", "tinh@coso.test", Role::Official, PROVINCE),
    ("viewer", "xem@coso.test", Role::Viewer, PROVINCE),
    ("board_member", "ban@coso.test", Role::BoardMember, "commune"),
    ("admin", "root@coso.test", Role::Admin, PROVINCE),
];

const CLEARED: &str = "mat@coso.test";

/// A writer into a shared buffer: the log lines of the test's thread.
#[derive(Clone, Default)]
struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl Write for LogBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl LogBuffer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("log buffer")).into_owned()
    }
}

/// The process's log at debug level, into a buffer: a global subscriber, because a scoped one
/// misses the events whose interest other test threads cached first.
fn capture_logs() -> LogBuffer {
    static LOGS: OnceLock<LogBuffer> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = LogBuffer::default();
        let writer = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::DEBUG)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("the only global subscriber of the tests");
        logs
    })
    .clone()
}

/// What the sweep fills the routes' parameters with.
struct Seed {
    commune: String,
    denunciation: i64,
    denunciation_code: String,
    information: i64,
    information_code: String,
    identity_file: i64,
    today: chrono::NaiveDate,
}

impl Seed {
    /// The route with its parameters filled, once for each seeded case when the route names
    /// a case (the information case too).
    fn paths(&self, route: &str) -> Vec<String> {
        let names_a_case =
            ["case", "vu-viec", "theo-doi", "open311", "phan-anh", "don-thu"].iter().any(|w| route.contains(w));
        let cases: Vec<(i64, &str)> = if names_a_case {
            vec![(self.denunciation, &self.denunciation_code), (self.information, &self.information_code)]
        } else {
            vec![(self.denunciation, &self.denunciation_code)]
        };
        cases
            .into_iter()
            .map(|(id, code)| {
                // A `{code}` is a tracking code on the public tracking pages and in Open311, a
                // unit's code elsewhere; an `{id}` of Open311 is a tracking code too.
                let tracking = route.starts_with("/theo-doi") || route.contains("open311");
                let id_text = if tracking { code.to_string() } else { id.to_string() };
                route
                    .replace("{code}", if tracking { code } else { &self.commune })
                    .replace("{commune}", &self.commune)
                    .replace("{id}", &id_text)
                    .replace("{file}", &self.identity_file.to_string())
                    .replace("{occurrence}", "1")
                    .replace("{task}", "1")
                    .replace("{year}", &self.today.format("%Y").to_string())
                    .replace("{token}", "khong-co-ma-nay")
                    .replace("{finding}", "1")
                    .replace("{period}", "2026-Q1")
            })
            .collect()
    }

    /// The query that gets the handlers that read one past their parameters: the unit, the
    /// period, the kind.
    fn query(&self) -> String {
        format!(
            "unit={c}&don-vi={c}&jurisdiction_id={c}&from={y}-01-01&to={t}&tu={y}-01-01&den={t}&kind=denunciation&loai=denunciation&status=accepted&q=ban",
            c = self.commune,
            y = self.today.format("%Y"),
            t = self.today
        )
    }
}

/// A client that keeps its cookies and does not follow redirects, signed in as `email`, with
/// the session's CSRF token.
async fn session(app: &TestApp, email: Option<&str>) -> (reqwest::Client, String) {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let Some(email) = email else { return (client, String::new()) };
    let res = app.post_json(&client, "/api/v1/session", &json!({ "email": email, "password": PASSWORD })).await;
    assert_eq!(res.status(), 200, "sign in of {email}");
    let token = res.json::<Value>().await.expect("session")["csrf_token"].as_str().expect("token").to_string();
    (client, token)
}

/// The text of an answer: the body, or every file of a ZIP (XLSX, DOCX), with the headers.
fn readable(headers: &reqwest::header::HeaderMap, body: &[u8]) -> String {
    let mut text: String =
        headers.iter().map(|(k, v)| format!("{k}: {}\n", String::from_utf8_lossy(v.as_bytes()))).collect();
    if body.starts_with(b"PK\x03\x04") {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(body)).expect("a readable ZIP");
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).expect("entry");
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).expect("unzip");
            text.push_str(&String::from_utf8_lossy(&bytes));
        }
    } else {
        text.push_str(&String::from_utf8_lossy(body));
    }
    text
}

fn leaks(text: &str) -> Vec<&'static str> {
    SECRETS.into_iter().filter(|s| text.contains(s)).collect()
}

/// Registers the denunciation and the information case, handles them a little (so that the
/// timeline, notifications and audit have content) and attaches the denouncer's handwriting.
async fn seed(app: &TestApp) -> Seed {
    village_with_a_household(app).await;
    let commune = app.first_commune(PROVINCE).await;
    for (_, email, role, unit) in ROLES {
        if *email != "root@coso.test" {
            app.user(email, *role, if *unit == "commune" { &commune } else { unit }).await;
        }
    }
    app.user(CLEARED, Role::Official, &commune).await;
    coso_app::cases::grant_clearance(&app.state.app, &coso_app::Actor::system("test"), CLEARED, &commune)
        .await
        .expect("clearance");
    let today = app.state.app.today();
    let received = (today - chrono::Days::new(3)).to_string();
    let official = app.client_as("xa@coso.test").await;
    let register = |body: Value| {
        let official = official.clone();
        async move {
            let res = official.post(app.url("/api/v1/cases")).json(&body).send().await.expect("register");
            assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
            let v: Value = res.json().await.expect("case");
            (v["id"].as_i64().expect("id"), v["code"].as_str().expect("code").to_string(), v)
        }
    };
    let (denunciation, denunciation_code, body) = register(json!({
        "unit": commune, "kind": "denunciation", "received_on": received, "category": "can_bo",
        "content": "Tố cáo cán bộ địa chính nhận tiền để hợp thức hóa đất lấn chiếm.",
        "sender": { "name": SECRET_NAME, "address": "Thôn Một", "phone": SECRET_PHONE, "id_number": "042199000123" }
    }))
    .await;
    assert!(body.get("sender").is_none_or(Value::is_null), "the official of the unit is not cleared: {body}");
    let (information, information_code, body) = register(json!({
        "unit": commune, "kind": "denunciation", "received_on": received, "category": "can_bo",
        "content": "Thông tin: có người khai thác cát trái phép ở bãi sông.", "sender": { "phone": INFORMATION_PHONE }
    }))
    .await;
    assert_eq!(body["kind"], "information", "{body}");
    for (path, body) in [
        (format!("/api/v1/cases/{denunciation}/accept"), json!({ "on": today })),
        (format!("/api/v1/cases/{denunciation}/assign"), json!({ "handler": "xa@coso.test" })),
        (format!("/api/v1/cases/{denunciation}/verify"), json!({ "on": today, "note": "Xác minh tại thôn." })),
    ] {
        let res = official.post(app.url(&path)).json(&body).send().await.expect("act");
        assert_eq!(res.status(), 200, "{path}: {}", res.text().await.unwrap_or_default());
    }
    let res = official
        .post(app.url(&format!("/api/v1/cases/{denunciation}/files?file_name=chu-viet.pdf&identity=true")))
        .body(b"%PDF-1.7\n%\xe2\xe3\n".to_vec())
        .send()
        .await
        .expect("identity file");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let identity_file = res.json::<Value>().await.expect("file")["id"].as_i64().expect("file id");
    // A denunciation a signed-in resident sent under their own name.
    app.user(DENOUNCER, Role::Resident, "V1").await;
    let account = app.store.user_by_email(DENOUNCER).await.expect("q").expect("the denouncer");
    let resident = coso_app::Actor::user(account.user_id(), &account.email, vec![], None);
    let denounced = coso_app::cases::ResidentCase {
        kind: "denunciation".into(),
        unit: commune.clone(),
        category: "can_bo".into(),
        content: "Tố cáo cán bộ thu tiền trái phép khi cấp giấy xác nhận.".into(),
        address: RESIDENT_ADDRESS.into(),
        phone: RESIDENT_PHONE.into(),
        ..Default::default()
    };
    let limits = coso_app::cases::IntakeLimits { max_photo_bytes: 1 << 20 };
    let calendar = coso_calendar::HolidayCalendar::builtin();
    coso_app::cases::submit_as_resident(&app.state.app, &resident, calendar, denounced, limits)
        .await
        .expect("a resident's denunciation");
    Seed { commune, denunciation, denunciation_code, information, information_code, identity_file, today }
}

/// Signing in and out replace the session: swept last for each role.
fn changes_the_session(method: &str, route: &str) -> bool {
    method != "GET" && ["/dang-xuat", "/dang-nhap", "/api/v1/session"].contains(&route)
}

#[tokio::test]
async fn no_route_shows_a_denouncer_to_anyone_without_clearance_and_a_cleared_read_is_audited() {
    let logs = capture_logs();

    let app = TestApp::spawn_with(WebSettings { login_attempts_per_minute: 10_000, ..Default::default() }).await;
    let seed = seed(&app).await;
    let mut routes: Vec<(String, String)> = routes_in_source().into_iter().filter(|(_, r)| !r.contains("{*")).collect();
    routes.sort_by_key(|(m, r)| changes_the_session(m, r));
    assert!(routes.len() > 50, "{} routes", routes.len());

    let mut found = Vec::new();
    let mut sent = 0;
    let roles = std::iter::once(None).chain(ROLES.iter().map(Some));
    for role in roles {
        let (label, email) = role.map_or(("anonymous", None), |(l, e, _, _)| (*l, Some(*e)));
        let (client, csrf) = session(&app, email).await;
        for (method, route) in &routes {
            for path in seed.paths(route) {
                let urls = if method == "GET" {
                    vec![app.url(&path), app.url(&format!("{path}?{}", seed.query()))]
                } else {
                    vec![app.url(&path)]
                };
                for url in urls {
                    let req = client
                        .request(reqwest::Method::from_bytes(method.as_bytes()).expect("method"), &url)
                        .header("x-csrf-token", &csrf);
                    let req = match method.as_str() {
                        "GET" | "DELETE" => req,
                        _ if path.starts_with("/api/") => req.json(&json!({})),
                        _ => req.form(&[("csrf", csrf.as_str())]),
                    };
                    let res = req.send().await.expect("sent");
                    sent += 1;
                    let status = res.status();
                    let headers = res.headers().clone();
                    let body = res.bytes().await.expect("body");
                    let text = readable(&headers, &body);
                    for secret in leaks(&text) {
                        found.push(format!("{label}: {method} {url} → {status} shows «{secret}»"));
                    }
                }
            }
        }
    }
    println!("denouncer secrecy: {} routes, {sent} requests", routes.len());

    // Mail waiting in the outbox, and the notifications of every account and unit.
    let mails = app.store.claim_mail("secrecy-test", app.state.app.now() + chrono::Duration::days(400), 10_000).await;
    for m in mails.expect("outbox") {
        for secret in leaks(&format!("{}\n{}\n{}", m.to_addr, m.subject, m.body)) {
            found.push(format!("mail to {}: «{secret}»", m.to_addr));
        }
    }
    for email in ROLES.iter().map(|r| r.1).chain([CLEARED]) {
        let user = app.store.user_by_email(email).await.expect("q").expect("account");
        for n in app.store.notifications_for_user(user.user_id(), false).await.expect("notifications") {
            for secret in leaks(&format!("{}\n{}\n{}", n.title, n.body, n.link)) {
                found.push(format!("notification of {email}: «{secret}»"));
            }
        }
    }
    let commune = app.store.unit_by_code(&seed.commune).await.expect("q").expect("commune");
    for n in app.store.notifications_of_unit(commune.unit_id()).await.expect("notifications") {
        for secret in leaks(&format!("{}\n{}\n{}", n.title, n.body, n.link)) {
            found.push(format!("notification of the commune: «{secret}»"));
        }
    }
    let audit = every_audit_entry(&app).await;
    for secret in leaks(&audit) {
        found.push(format!("audit payloads: «{secret}»"));
    }
    let log_text = logs.text();
    assert!(log_text.contains("/api/v1/cases"), "the logs of the requests were captured");
    for secret in leaks(&log_text) {
        found.push(format!("logs: «{secret}»"));
    }
    assert!(found.is_empty(), "the denouncer's identity leaked:\n{}", found.join("\n"));

    // With clearance: the identity is there, and the read is audited (without the identity).
    let (cleared, _) = session(&app, Some(CLEARED)).await;
    for (id, shown) in
        [(seed.denunciation, vec![SECRET_NAME, SECRET_PHONE]), (seed.information, vec![INFORMATION_PHONE])]
    {
        let res = cleared.get(app.url(&format!("/api/v1/cases/{id}"))).send().await.expect("case");
        assert_eq!(res.status(), 200);
        let text = res.text().await.expect("body");
        for s in shown {
            assert!(text.contains(s), "the cleared official reads «{s}» in case {id}: {text}");
        }
        let reads = app.store.audit_entries(Some("citizen_case"), Some(200)).await.expect("audit");
        assert!(
            reads
                .items
                .iter()
                .any(|a| a.action == "case.identity_read" && a.entity_id == id.to_string() && a.actor == CLEARED),
            "an audit row records the read of case {id}"
        );
    }
    let res = cleared
        .get(app.url(&format!("/api/v1/cases/{}/files/{}", seed.denunciation, seed.identity_file)))
        .send()
        .await
        .expect("handwriting");
    assert_eq!(res.status(), 200, "the cleared official opens the handwriting");
    assert!(leaks(&every_audit_entry(&app).await).is_empty(), "the audit of the reads names the case only");
    assert!(leaks(&logs.text()).is_empty(), "the cleared reads are not logged with the identity");
}

/// Every audit entry with its payloads, as one text.
async fn every_audit_entry(app: &TestApp) -> String {
    let mut text = String::new();
    let mut offset = 0;
    loop {
        let page = app.store.audit_search(&AuditFilter::default(), 200, offset).await.expect("audit");
        for a in &page.items {
            text.push_str(&format!(
                "{} {} {} {} {}\n",
                a.actor,
                a.action,
                a.entity_id,
                a.before_json.as_deref().unwrap_or(""),
                a.after_json.as_deref().unwrap_or("")
            ));
        }
        offset += page.items.len() as i64;
        if page.items.is_empty() || offset >= page.total {
            return text;
        }
    }
}
