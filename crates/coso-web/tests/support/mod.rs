//! Spawns the real router on a real database and talks to it over HTTP.

#![allow(dead_code)]

use std::net::SocketAddr;

use coso_domain::authz::Role;
use coso_store::{Actor, NewUser, Store};
use coso_web::{AppState, WebSettings};

pub struct TestApp {
    pub base: String,
    pub store: Store,
    /// The running app's state: tests move its clock.
    pub state: AppState,
    _dir: tempfile::TempDir,
}

pub const PASSWORD: &str = "mat-khau-thu-nghiem";

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(WebSettings::default()).await
    }

    pub async fn spawn_with(settings: WebSettings) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("coso.db").display());
        let store = Store::connect(&url).await.expect("open");
        store.migrate().await.expect("migrate");
        store.load_official_units(&Actor::system("test")).await.expect("official units");
        let state = AppState::new(coso_app::App::new(store.clone()), settings);
        let app = coso_web::router(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>()).await.expect("serve");
        });
        TestApp { base: format!("http://{addr}"), store, state, _dir: dir }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Creates an account with one role on the unit with `unit_code`.
    pub async fn user(&self, email: &str, role: Role, unit_code: &str) {
        let unit = self.store.unit_by_code(unit_code).await.expect("q").expect("unit exists");
        let hash = coso_web::hash_password(PASSWORD.to_string()).await.expect("hash");
        let u = NewUser {
            email: email.into(),
            display_name: email.into(),
            password_hash: hash,
            grants: vec![(role, unit.unit_id())],
        };
        self.store.create_user(&u, &Actor::system("test")).await.expect("create user");
    }

    /// A client with a cookie jar, signed in through the API.
    pub async fn client_as(&self, email: &str) -> reqwest::Client {
        let c = reqwest::Client::builder().cookie_store(true).build().expect("client");
        let res = c
            .post(self.url("/api/v1/session"))
            .json(&serde_json::json!({ "email": email, "password": PASSWORD }))
            .send()
            .await
            .expect("login");
        assert_eq!(res.status(), 200, "login of {email}");
        c
    }

    pub fn anonymous(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }
}

/// Parses HTML and returns the text of every element matching `selector`.
pub fn texts(html: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel).map(|e| e.text().collect::<String>().trim().to_string()).collect()
}

pub fn attr(html: &str, selector: &str, attr: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel).next().and_then(|e| e.value().attr(attr)).map(str::to_string)
}
