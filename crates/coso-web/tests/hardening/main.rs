//! What a probe of `coso serve --demo` tried, as an attacker would, and what the server answers
//! now. One file per finding.

use coso_test_support as support;

mod api_csrf;
mod authz_matrix;
mod content_types;
mod denouncer_secrecy;
mod headers;
mod invisible_text;
mod metrics;
mod occurrences;
mod page_parameters;
mod plan_parse;
mod rejections;
mod search_limits;

use coso_domain::authz::Role;
use serde_json::{Value, json};
use support::{TestApp, plan_docx};

pub const PROVINCE: &str = "42";

/// A province official, and the plan they issued for every commune and ward of the province.
pub async fn province_plan(app: &TestApp) -> (reqwest::Client, Value) {
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let province = app.client_as("tinh@coso.test").await;
    let plan = app
        .import_plan(&province, &format!("unit={PROVINCE}&targets=children&year=2026&file_name=kh.docx"), plan_docx())
        .await;
    (province, plan)
}

/// An administrator of the province, and a village `V1` under its first commune with one
/// household.
pub async fn village_with_a_household(app: &TestApp) -> reqwest::Client {
    app.user("root@coso.test", Role::Admin, PROVINCE).await;
    let admin = app.client_as("root@coso.test").await;
    let commune = app.first_commune(PROVINCE).await;
    app.add_unit(&admin, &commune, "V1", "Thôn Một", "village").await;
    let household = json!({ "code": "H1", "address": "Xóm 1", "representative": "Nguyễn Văn An", "member_count": 4 });
    app.add_household(&admin, "V1", household).await;
    admin
}

/// Asserts an API error: the status, JSON with the stable code, and returns the body.
pub async fn api_error(res: reqwest::Response, status: u16, code: &str) -> Value {
    assert_eq!(res.status(), status, "{}", res.url());
    let body: Value = res.json().await.expect("a JSON error body");
    assert_eq!(body["error"]["code"], code, "{body}");
    body
}

/// `url` with `pairs` added to its query string, encoded.
pub fn with_query(url: &str, pairs: &[(&str, &str)]) -> String {
    let encoded = form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
    format!("{url}{}{encoded}", if url.contains('?') { '&' } else { '?' })
}
