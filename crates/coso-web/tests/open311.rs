//! Open311 GeoReport v2 with a small client written against the specification
//! (<http://wiki.open311.org/GeoReport_v2>), on SQLite and on PostgreSQL: discovery and services,
//! a request posted form-encoded, read back by id and by every filter, errors as the
//! specification's list, no personal data, the intake limit, client keys (their own budget,
//! the client named in the first timeline note, 403 for an unknown key), and no cross-site refusal.

use coso_domain::authz::Role;
use coso_test_support::{TestApp, on_both};
use coso_web::WebSettings;
use serde_json::{Value, json};

const PROVINCE: &str = "42";
const NAME: &str = "Phạm Thị Riêng Tư";
const PHONE: &str = "0987 654 321";
const EMAIL: &str = "rieng-tu@example.vn";

/// The client: what an Open311 application knows — the endpoint and the specification.
struct Client<'a> {
    app: &'a TestApp,
    http: reqwest::Client,
}

impl Client<'_> {
    fn url(&self, path: &str) -> String {
        self.app.url(&format!("/open311/v2/{path}"))
    }

    async fn get(&self, path: &str) -> (u16, Value) {
        let res = self.http.get(self.url(path)).send().await.expect("get");
        let status = res.status().as_u16();
        (status, res.json().await.expect("json"))
    }

    async fn post(&self, form: &[(&str, &str)]) -> (u16, Value) {
        let res = self.http.post(self.url("requests.json")).form(form).send().await.expect("post");
        let status = res.status().as_u16();
        (status, res.json().await.expect("json"))
    }

    /// The ids of a list of service requests.
    async fn ids(&self, query: &str) -> Vec<String> {
        let (status, list) = self.get(&format!("requests.json?{query}")).await;
        assert_eq!(status, 200, "{query}: {list}");
        list.as_array()
            .expect("a list")
            .iter()
            .map(|r| r["service_request_id"].as_str().expect("id").to_string())
            .collect()
    }
}

/// The one error of an error answer, checked against the specification's shape.
fn only_error(status: u16, body: &Value) -> String {
    assert_eq!(status, 400, "{body}");
    let errors = body.as_array().expect("a list of errors");
    assert!(!errors.is_empty(), "{body}");
    assert_eq!(errors[0]["code"], 400, "{body}");
    errors.iter().map(|e| e["description"].as_str().expect("description").to_string()).collect::<Vec<_>>().join(" | ")
}

async fn a_client_posts_and_reads_back_by_id_and_filters(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    let commune_name = app.store.unit_by_code(&commune).await.expect("q").expect("the commune").name;
    let c = Client { app, http: reqwest::Client::new() };

    let (status, discovery) = c.get("discovery.json").await;
    assert_eq!(status, 200);
    let endpoint = &discovery["endpoints"][0];
    assert_eq!(endpoint["specification"], "http://wiki.open311.org/GeoReport_v2");
    assert!(endpoint["url"].as_str().expect("url").ends_with("/open311/v2"));
    assert!(endpoint["formats"].as_array().expect("formats").contains(&json!("application/json")));

    let (status, services) = c.get(&format!("services.json?jurisdiction_id={commune}")).await;
    assert_eq!(status, 200);
    let environment = services
        .as_array()
        .expect("services")
        .iter()
        .find(|s| s["service_code"] == "moi_truong")
        .expect("the environment category");
    assert_eq!(environment["service_name"], "Môi trường");
    assert_eq!(environment["metadata"], false);
    assert_eq!(environment["type"], "realtime");
    let (status, body) = c.get("services.json").await;
    assert!(only_error(status, &body).starts_with("jurisdiction_id:"), "{body}");

    let (status, created) = c
        .post(&[
            ("jurisdiction_id", &commune),
            ("service_code", "moi_truong"),
            ("description", "Khói đốt rơm rạ dày đặc cạnh trường học."),
            ("lat", "18.4123"),
            ("long", "105.6789"),
            ("email", EMAIL),
            ("first_name", "Riêng Tư"),
            ("last_name", "Phạm Thị"),
            ("phone", PHONE),
            ("media_url", "https://anh.example.vn/khoi.jpg"),
            ("api_key", "khong-can"),
        ])
        .await;
    assert_eq!(status, 201, "{created}");
    let id = created[0]["service_request_id"].as_str().expect("an id").to_string();
    assert_eq!(id.len(), 19, "the tracking code: {id}");
    let (status, second) = c
        .post(&[
            ("jurisdiction_id", &commune),
            ("service_code", "ha_tang"),
            ("description", "Ổ gà lớn giữa đường."),
            ("address_string", "Km 3 đường tỉnh"),
        ])
        .await;
    assert_eq!(status, 201, "{second}");
    let other = second[0]["service_request_id"].as_str().expect("id").to_string();

    // Read back by id: open, the unit responsible, no personal data, nothing unpublished.
    let (status, one) = c.get(&format!("requests/{id}.json")).await;
    assert_eq!(status, 200, "{one}");
    let r = &one[0];
    assert_eq!(r["service_request_id"], id.as_str());
    assert_eq!(r["status"], "open");
    assert_eq!(r["service_code"], "moi_truong");
    assert_eq!(r["service_name"], "Môi trường");
    assert_eq!(r["agency_responsible"], commune_name.as_str());
    assert!(chrono::DateTime::parse_from_rfc3339(r["requested_datetime"].as_str().expect("time")).is_ok(), "{r}");
    assert!(r["description"].is_null() && r["address"].is_null() && r["lat"].is_null(), "not published: {r}");
    let text = one.to_string();
    for private in [NAME, "Riêng Tư", PHONE, EMAIL] {
        assert!(!text.contains(private), "{private} in {text}");
    }
    let lenient = c.get(&format!("requests/{}.json", id.to_lowercase().replace('-', ""))).await;
    assert_eq!(lenient.1[0]["service_request_id"], id.as_str());
    let (status, body) = c.get("requests/0000-0000-0000-0000.json").await;
    assert_eq!(status, 404, "{body}");
    assert_eq!(body[0]["code"], 404);
    let xml = c.http.get(c.url(&format!("requests/{id}.xml"))).send().await.expect("xml").text().await.expect("text");
    assert!(
        xml.starts_with("<?xml") && xml.contains(&format!("<service_request_id>{id}</service_request_id>")),
        "{xml}"
    );

    // Filters: ids, jurisdiction and service code, status, dates.
    let both = c.ids(&format!("service_request_id={id},{}", other.to_lowercase())).await;
    assert!(both.contains(&id) && both.contains(&other) && both.len() == 2, "{both:?}");
    let env = c.ids(&format!("jurisdiction_id={commune}&service_code=moi_truong")).await;
    assert!(env.contains(&id) && !env.contains(&other), "{env:?}");
    assert!(c.ids("status=open").await.contains(&id));
    assert!(!c.ids("status=closed").await.contains(&id));
    let today = app.state.clock.today();
    let tomorrow = (today + chrono::Duration::days(1)).to_string();
    let yesterday = (today - chrono::Duration::days(1)).to_string();
    assert!(c.ids(&format!("start_date={yesterday}T00:00:00Z")).await.contains(&id));
    assert!(c.ids(&format!("start_date={tomorrow}T00:00:00%2B07:00")).await.is_empty());
    assert!(!c.ids(&format!("end_date={yesterday}")).await.contains(&id));
    let (status, body) = c.get("requests.json?start_date=hom-qua").await;
    assert!(only_error(status, &body).starts_with("start_date"), "{body}");
    let (status, body) = c.get("requests.json?status=pending").await;
    assert!(only_error(status, &body).starts_with("status"), "{body}");

    // Answered by an official: closed, with the answer in the notes only if published (it is not).
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let official = app.client_as("tinh@coso.test").await;
    let case = app.store.case_by_code(&id).await.expect("read").expect("stored");
    let res = app
        .post_json(
            &official,
            &format!("/api/v1/cases/{}/answer", case.id),
            &json!({ "on": today.to_string(), "public_answer": "Đã nhắc nhở các hộ." }),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(c.ids("status=closed").await.contains(&id));
    let (_, one) = c.get(&format!("requests/{id}.json")).await;
    assert_eq!(one[0]["status"], "closed");
    assert_eq!(one[0]["status_notes"], "Đã trả lời, giải quyết");

    // The write is audited without the sender; the sender is stored apart.
    let audit = app.store.audit_entries(None, Some(50)).await.expect("audit");
    let entry = audit.items.iter().find(|e| e.action == "case.submit").expect("audit row");
    assert_eq!(entry.actor, "public:open311");
    assert!(!format!("{:?}", entry.after_json).contains(PHONE));
    let sender = app.store.case_sender(case.case_id()).await.expect("sender").expect("stored");
    assert_eq!(sender.name.as_deref(), Some(NAME));
}

async fn bad_requests_get_the_specifications_errors_and_save_nothing(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    let c = Client { app, http: reqwest::Client::new() };
    let base = [("jurisdiction_id", commune.as_str()), ("service_code", "moi_truong"), ("address_string", "Thôn Đông")];
    let long = "x".repeat(1_000_000);
    let with = |extra: &[(&'static str, &'static str)], drop: &str| {
        let mut f: Vec<(&str, &str)> = base.iter().copied().filter(|(k, _)| *k != drop).collect();
        f.extend_from_slice(extra);
        f
    };
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (with(&[], ""), "description:"),
        (with(&[("description", "Nội dung.")], "jurisdiction_id"), "jurisdiction_id:"),
        (
            with(&[("description", "Nội dung."), ("jurisdiction_id", "99999999")], "jurisdiction_id"),
            "jurisdiction_id: Không có đơn vị",
        ),
        (with(&[("description", "Nội dung."), ("service_code", "khong_co")], "service_code"), "service_code:"),
        (with(&[("description", "Nội dung.")], "address_string"), "lat:"),
        (with(&[("description", "Nội dung."), ("lat", "91"), ("long", "105")], ""), "lat:"),
        (with(&[("description", "Nội dung."), ("email", "khong-phai-email")], ""), "email:"),
    ];
    for (form, expected) in cases {
        let (status, body) = c.post(&form).await;
        let errors = only_error(status, &body);
        assert!(errors.contains(expected), "{expected}: {errors}");
    }
    let mut too_long = with(&[], "");
    too_long.push(("description", long.as_str()));
    let (status, body) = c.post(&too_long).await;
    assert!(only_error(status, &body).contains("description: Nội dung đơn dài 1000000 ký tự"), "{body}");
    let res = c.http.post(c.url("requests.json")).json(&json!({ "description": "x" })).send().await.expect("json body");
    assert_eq!(res.status(), 415);
    let digests = app.store.table_digests().await.expect("digests");
    assert_eq!(digests.iter().find(|d| d.table == "citizen_case").map(|d| d.rows), Some(0), "nothing saved");
}

async fn posts_are_limited_per_address_and_not_refused_as_cross_site(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    let limited = app.with_settings(WebSettings { intake_per_ip_per_minute: 1, ..WebSettings::default() }).await;
    let form = [
        ("jurisdiction_id", commune.as_str()),
        ("service_code", "ha_tang"),
        ("description", "Đèn tín hiệu hỏng."),
        ("address_string", "Ngã ba chợ"),
    ];
    // Another site's page, or an app in a browser, posting without cookies.
    let cross = |path: &str| {
        reqwest::Client::new()
            .post(limited.url(path))
            .header("origin", "https://ung-dung-khac.example")
            .header("sec-fetch-site", "cross-site")
    };
    let res = cross("/open311/v2/requests.json").form(&form).send().await.expect("post");
    assert_eq!(res.status(), 201, "{:?}", res.text().await);
    let res = cross("/open311/v2/requests.json").form(&form).send().await.expect("again");
    assert_eq!(res.status(), 429);
    assert_eq!(res.headers().get("retry-after").and_then(|v| v.to_str().ok()), Some("60"));
    let body: Value = res.json().await.expect("json");
    assert_eq!(body[0]["code"], 429);
    // The HTML form keeps the cross-site check.
    let res = cross(&format!("/don-vi/{commune}/phan-anh/gui")).form(&form).send().await.expect("form");
    assert_eq!(res.status(), 403);
}

const CLIENT: &str = "Ứng dụng Phản ánh Hà Tĩnh";
const KEY: &str = "khoa-rieng-cua-ung-dung-ha-tinh-2026";

async fn a_known_key_has_its_own_budget_and_names_the_client_an_unknown_key_is_refused(app: &TestApp) {
    use sha2::Digest;
    let commune = app.first_commune(PROVINCE).await;
    let settings = WebSettings {
        intake_per_ip_per_minute: 1,
        open311_api_keys: vec![coso_web::Open311Client {
            name: CLIENT.into(),
            key_sha256: hex::encode(sha2::Sha256::digest(KEY.as_bytes())),
        }],
        open311_client_per_minute: 3,
        ..WebSettings::default()
    };
    let limited = app.with_settings(settings).await;
    let c = Client { app: &limited, http: reqwest::Client::new() };
    let form = |key: Option<&'static str>| {
        let mut f = vec![
            ("jurisdiction_id", commune.clone()),
            ("service_code", "ha_tang".to_string()),
            ("description", "Cống thoát nước bị tắc.".to_string()),
            ("address_string", "Xóm Chợ".to_string()),
        ];
        f.extend(key.map(|k| ("api_key", k.to_string())));
        f
    };
    let post = |f: Vec<(&'static str, String)>| {
        let c = &c;
        async move {
            let res = c.http.post(c.url("requests.json")).form(&f).send().await.expect("post");
            let status = res.status().as_u16();
            (status, res.json::<Value>().await.expect("json"))
        }
    };

    // An unknown key: the specification's 403 list, nothing saved.
    let (status, body) = post(form(Some("khoa-khong-ai-cap"))).await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(body[0]["code"], 403);
    assert!(body[0]["description"].as_str().expect("description").starts_with("api_key"), "{body}");
    let digests = app.store.table_digests().await.expect("digests");
    assert_eq!(digests.iter().find(|d| d.table == "citizen_case").map(|d| d.rows), Some(0), "nothing saved");

    // The known key: three posts from one address whose own limit is one, then its budget ends.
    let mut codes = vec![];
    for _ in 0..3 {
        let (status, body) = post(form(Some(KEY))).await;
        assert_eq!(status, 201, "{body}");
        codes.push(body[0]["service_request_id"].as_str().expect("id").to_string());
    }
    let (status, body) = post(form(Some(KEY))).await;
    assert_eq!((status, body[0]["code"].clone()), (429, json!(429)), "{body}");

    // No key: the address's budget, untouched by the client's posts.
    let (status, body) = post(form(None)).await;
    assert_eq!(status, 201, "{body}");
    let anonymous = body[0]["service_request_id"].as_str().expect("id").to_string();
    let (status, _) = post(form(None)).await;
    assert_eq!(status, 429);

    // The first timeline note names the client (no personal data), for officials only.
    app.user("xa@coso.test", Role::Official, &commune).await;
    let official = app.client_as("xa@coso.test").await;
    let first_note = |code: String| {
        let official = &official;
        async move {
            let case: Value = app.get_json(official, &format!("/api/v1/cases/code/{code}")).await;
            case["timeline"][0]["note"].clone()
        }
    };
    assert_eq!(first_note(codes[0].clone()).await, json!(format!("Gửi qua ứng dụng «{CLIENT}» (Open311).")));
    assert_eq!(first_note(anonymous).await, Value::Null);
    let (_, public) = c.get(&format!("requests/{}.json", codes[0])).await;
    assert!(!public.to_string().contains(CLIENT), "{public}");
}

on_both! {
    app:
    a_known_key_has_its_own_budget_and_names_the_client_an_unknown_key_is_refused => a_known_key_has_its_own_budget_and_names_the_client_an_unknown_key_is_refused,
    a_client_posts_and_reads_back_by_id_and_filters => a_client_posts_and_reads_back_by_id_and_filters,
    bad_requests_get_the_specifications_errors_and_save_nothing => bad_requests_get_the_specifications_errors_and_save_nothing,
    posts_are_limited_per_address_and_not_refused_as_cross_site => posts_are_limited_per_address_and_not_refused_as_cross_site,
}
