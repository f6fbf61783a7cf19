//! The real router on a real database, spoken to over HTTP.

use std::net::SocketAddr;
use std::sync::Arc;

use coso_domain::authz::Role;
use coso_store::{Actor, NewUser, Store};
use coso_web::{AppState, WebSettings};
use tokio::sync::OnceCell;

use crate::backend::Backend;
use crate::db::TestDb;

/// The password of every account [`TestApp::user`] creates.
pub const PASSWORD: &str = "mat-khau-thu-nghiem";

/// coso-web serving a fresh database that holds the official units.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    pub store: Store,
    /// The running app's state: tests move its clock.
    pub state: AppState,
    pub backend: Backend,
    password_hash: String,
    db: Arc<TestDb>,
}

/// What the tests take from coso-web. The one place that calls its constructors.
struct Web {
    state: AppState,
    router: axum::Router,
    /// A hash of [`PASSWORD`] as coso-web stores passwords.
    password_hash: String,
}

async fn build_web(store: Store, settings: WebSettings) -> Web {
    // Hashed once per test process: argon2 is slow on purpose, and the hash carries its salt,
    // so one hash serves every account.
    static PASSWORD_HASH: OnceCell<String> = OnceCell::const_new();
    let hash = || async { coso_web::hash_password(PASSWORD.to_string()).await.expect("hash the test password") };
    let password_hash = PASSWORD_HASH.get_or_init(hash).await.clone();
    let state = AppState::new(coso_app::App::new(store), settings);
    let router = coso_web::router(state.clone());
    Web { state, router, password_hash }
}

impl TestApp {
    /// The app with default settings on `backend`, or `None` when that backend is not
    /// available (see [`TestDb::on`]).
    pub async fn on(backend: Backend) -> Option<TestApp> {
        let db = TestDb::on(backend).await?;
        db.store.load_official_units(&Actor::system("test")).await.expect("official units");
        Some(Self::serve(Arc::new(db), WebSettings::default()).await)
    }

    /// The app on SQLite with default settings, for tests whose subject is the web layer itself
    /// (headers, extractors, limits) rather than what the database does.
    pub async fn spawn() -> TestApp {
        Self::spawn_with(WebSettings::default()).await
    }

    /// The app on SQLite with `settings`.
    pub async fn spawn_with(settings: WebSettings) -> TestApp {
        let db = TestDb::on(Backend::Sqlite).await.expect("a SQLite database");
        db.store.load_official_units(&Actor::system("test")).await.expect("official units");
        Self::serve(Arc::new(db), settings).await
    }

    /// A second app with `settings` on the same database.
    pub async fn with_settings(&self, settings: WebSettings) -> TestApp {
        Self::serve(self.db.clone(), settings).await
    }

    async fn serve(db: Arc<TestDb>, settings: WebSettings) -> TestApp {
        let Web { state, router, password_hash } = build_web(db.store.clone(), settings).await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await.expect("serve");
        });
        TestApp {
            base: format!("http://{addr}"),
            store: db.store.clone(),
            state,
            backend: db.backend,
            password_hash,
            db,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Creates an account with one role on the unit with `unit_code`; its password is
    /// [`PASSWORD`].
    pub async fn user(&self, email: &str, role: Role, unit_code: &str) {
        let unit = self.store.unit_by_code(unit_code).await.expect("q").expect("unit exists");
        let u = NewUser {
            email: email.into(),
            display_name: email.into(),
            password_hash: self.password_hash.clone(),
            grants: vec![(role, unit.unit_id())],
        };
        self.store.create_user(&u, &Actor::system("test")).await.expect("create user");
    }

    /// The codes of the first `n` communes under `parent` in the official list, read through the
    /// API as an anonymous visitor.
    pub async fn communes(&self, parent: &str, n: usize) -> Vec<String> {
        let list: serde_json::Value = self
            .anonymous()
            .get(self.url(&format!("/api/v1/units?parent={parent}&kind=commune&limit={n}")))
            .send()
            .await
            .expect("units")
            .json()
            .await
            .expect("json");
        let codes: Vec<String> = list["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|u| u["code"].as_str().expect("a commune").to_string())
            .collect();
        assert_eq!(codes.len(), n, "{n} communes under {parent}");
        codes
    }

    /// The code of the first commune under `parent` in the official list.
    pub async fn first_commune(&self, parent: &str) -> String {
        self.communes(parent, 1).await.remove(0)
    }

    /// Creates the unit `code` named `name` of `kind` (`village`, `agency`…) under `parent`
    /// through the API as `c`, who may create it.
    pub async fn add_unit(&self, c: &reqwest::Client, parent: &str, code: &str, name: &str, kind: &str) {
        let res = c
            .post(self.url(&format!("/api/v1/units/{parent}/children")))
            .json(&serde_json::json!({ "code": code, "name": name, "kind": kind }))
            .send()
            .await
            .expect("unit");
        assert_eq!(res.status(), 201, "{code}: {}", res.text().await.unwrap_or_default());
    }

    /// Adds the household `household`, a body as `POST /api/v1/units/{code}/households` takes it,
    /// to the register of `unit` as `c`.
    pub async fn add_household(&self, c: &reqwest::Client, unit: &str, household: serde_json::Value) {
        let res = c
            .post(self.url(&format!("/api/v1/units/{unit}/households")))
            .json(&household)
            .send()
            .await
            .expect("household");
        assert_eq!(res.status(), 201, "{household}: {}", res.text().await.unwrap_or_default());
    }

    /// Imports `document` as a plan through `POST /api/v1/plans/import?{query}` as `c`; the plan
    /// as the API answers it.
    pub async fn import_plan(&self, c: &reqwest::Client, query: &str, document: Vec<u8>) -> serde_json::Value {
        let res =
            c.post(self.url(&format!("/api/v1/plans/import?{query}"))).body(document).send().await.expect("import");
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
        res.json().await.expect("plan")
    }

    /// A client with a cookie jar, signed in through the API; it sends the session's CSRF token
    /// in `X-CSRF-Token`, as API writes need.
    pub async fn client_as(&self, email: &str) -> reqwest::Client {
        let jar = Arc::new(reqwest::cookie::Jar::default());
        let c = reqwest::Client::builder().cookie_provider(jar.clone()).build().expect("client");
        let res = c
            .post(self.url("/api/v1/session"))
            .json(&serde_json::json!({ "email": email, "password": PASSWORD }))
            .send()
            .await
            .expect("login");
        assert_eq!(res.status(), 200, "login of {email}");
        let session: serde_json::Value = res.json().await.expect("session");
        let token: reqwest::header::HeaderValue =
            session["csrf_token"].as_str().expect("token").parse().expect("value");
        let headers =
            reqwest::header::HeaderMap::from_iter([(reqwest::header::HeaderName::from_static("x-csrf-token"), token)]);
        reqwest::Client::builder().cookie_provider(jar).default_headers(headers).build().expect("client")
    }

    /// A client with a cookie jar that does not follow redirects.
    pub fn anonymous(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }

    /// `GET path` as `c`, which must answer 200: the page's HTML.
    pub async fn page(&self, c: &reqwest::Client, path: &str) -> String {
        let res = c.get(self.url(path)).send().await.expect("page");
        assert_eq!(res.status(), 200, "{path}");
        res.text().await.expect("html")
    }

    /// `GET path` as `c`: the body as JSON, whatever the status.
    pub async fn get_json(&self, c: &reqwest::Client, path: &str) -> serde_json::Value {
        c.get(self.url(path)).send().await.expect("get").json().await.expect("json")
    }

    /// `GET path` as `c`: the body as text, whatever the status.
    pub async fn get_text(&self, c: &reqwest::Client, path: &str) -> String {
        c.get(self.url(path)).send().await.expect("get").text().await.expect("text")
    }

    /// `GET path` as `c`: the body's bytes, whatever the status.
    pub async fn get_bytes(&self, c: &reqwest::Client, path: &str) -> Vec<u8> {
        c.get(self.url(path)).send().await.expect("get").bytes().await.expect("bytes").to_vec()
    }

    /// The mails queued since the last call, claimed from the outbox as the mail job does and
    /// marked sent: (recipient, body).
    pub async fn queued_mails(&self) -> Vec<(String, String)> {
        let now = self.state.clock.now();
        let mails = self.store.claim_mail("test", now, 100).await.expect("claim");
        for m in &mails {
            self.store.mark_sent(m.id, now).await.expect("sent");
        }
        mails.into_iter().map(|m| (m.to_addr, m.body)).collect()
    }

    /// `POST path` with the JSON `body` as `c`: the answer, whatever its status.
    pub async fn post_json(&self, c: &reqwest::Client, path: &str, body: &serde_json::Value) -> reqwest::Response {
        c.post(self.url(path)).json(body).send().await.expect("post")
    }

    /// A client that does not follow redirects, signed in as `email` through the sign-in page as a
    /// browser is.
    pub async fn browser_as(&self, email: &str) -> reqwest::Client {
        let c = self.anonymous();
        let res = c
            .post(self.url("/dang-nhap"))
            .form(&[("email", email), ("password", PASSWORD)])
            .send()
            .await
            .expect("post");
        assert_eq!(res.status(), 303, "sign in of {email}");
        c
    }

    /// Posts a page's form as a browser does: `fields` after the session's `csrf` token.
    pub async fn post_form(
        &self,
        c: &reqwest::Client,
        path: &str,
        csrf: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut form = vec![("csrf", csrf)];
        form.extend_from_slice(fields);
        c.post(self.url(path)).form(&form).send().await.expect("post")
    }
}

/// The Bình Phước plan of 2022 (115/KH-UBND), as the DOCX kept with the document reader's tests.
pub fn plan_docx() -> Vec<u8> {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../coso-documents/tests/docs/fixtures/binh-phuoc-115-KH-UBND-2022.docx");
    std::fs::read(p).expect("Bình Phước fixture")
}

/// The Bình Phước plan of 2022 (115/KH-UBND) in Markdown, as kept in `fixtures/plans/`.
pub fn plan_markdown() -> Vec<u8> {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/plans/binh-phuoc-115-KH-UBND-2022.md");
    std::fs::read(p).expect("Bình Phước fixture")
}

/// The id of the first occurrence of the plan's obligation for `period` (`annual`, …).
pub fn occurrence(plan: &serde_json::Value, period: &str) -> i64 {
    plan["obligations"]
        .as_array()
        .expect("obligations")
        .iter()
        .find(|o| o["period"] == period)
        .and_then(|o| o["occurrences"][0]["id"].as_i64())
        .unwrap_or_else(|| panic!("no {period} occurrence in {plan}"))
}

/// `(method, route)` of every `.route(route, get(…).post(…))` in coso-web's source, sorted, with
/// the route as its first argument is written (a path, or the name of a constant), so that a route
/// added tomorrow is tested without anyone listing it.
pub fn routes_in_source() -> Vec<(String, String)> {
    let src = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../coso-web/src");
    let mut files = vec![src];
    let mut routes = Vec::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).expect("source dir").map(|e| e.expect("entry").path()));
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source file");
        for call in text.split(".route(").skip(1) {
            let call = call.split("))").next().unwrap_or(call);
            let Some((first, handlers)) = call.split_once(',') else { continue };
            // A route marked to keep the sessions after its writes wraps its handlers.
            let handlers = handlers.trim_start().trim_start_matches("keeps_sessions(");
            let route = first.trim().trim_matches('"');
            for method in ["get", "post", "put", "patch", "delete"] {
                if handlers.trim_start().starts_with(&format!("{method}(")) || handlers.contains(&format!(".{method}("))
                {
                    routes.push((method.to_uppercase(), route.to_string()));
                }
            }
        }
    }
    routes.sort();
    routes
}

/// Where a redirect leads: its `Location` header, empty without one.
pub fn location(res: &reqwest::Response) -> String {
    res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
}

/// Parses HTML and returns the text of every element matching `selector`.
pub fn texts(html: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel).map(|e| e.text().collect::<String>().trim().to_string()).collect()
}

/// The attribute `attr` of the first element matching `selector`.
pub fn attr(html: &str, selector: &str, attr: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel).next().and_then(|e| e.value().attr(attr)).map(str::to_string)
}

/// The attribute `attr` of every element matching `selector`, in document order.
pub fn attrs(html: &str, selector: &str, attr: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel).filter_map(|e| e.value().attr(attr)).map(str::to_string).collect()
}
