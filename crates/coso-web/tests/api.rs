//! The JSON API over real HTTP, on SQLite and on PostgreSQL.

use coso_domain::authz::Role;
use coso_test_support::{TestApp, on_both};
use serde_json::Value;

async fn get_json(c: &reqwest::Client, url: String) -> (u16, Value) {
    let res = c.get(url).send().await.expect("request");
    let status = res.status().as_u16();
    (status, res.json().await.expect("json"))
}

async fn official_counts_through_the_api(app: &TestApp) {
    let c = app.anonymous();
    for (kind, expected) in [("province", 34), ("commune", 2621), ("ward", 687), ("special_zone", 13)] {
        let (status, body) = get_json(&c, app.url(&format!("/api/v1/units?kind={kind}&limit=1"))).await;
        assert_eq!(status, 200);
        assert_eq!(body["total"], expected, "{kind}");
        assert_eq!(body["items"].as_array().map(Vec::len), Some(1), "the page is bounded, the total is not");
    }
    let (_, all) = get_json(&c, app.url("/api/v1/units?limit=1000")).await;
    assert_eq!(all["items"].as_array().map(Vec::len), Some(200), "limit is capped at 200");
    let (status, bad) = get_json(&c, app.url("/api/v1/units?kind=castle")).await;
    assert_eq!(status, 400);
    assert_eq!(bad["error"]["code"], "bad_request");
}

async fn search_ignores_diacritics(app: &TestApp) {
    let c = app.anonymous();
    let names = |body: &Value| -> Vec<String> {
        body["items"]
            .as_array()
            .map(|a| a.iter().filter_map(|u| u["name"].as_str().map(String::from)).collect())
            .unwrap_or_default()
    };
    let (_, dak_lak) = get_json(&c, app.url("/api/v1/units?q=dak%20lak")).await;
    assert!(names(&dak_lak).contains(&"Tỉnh Đắk Lắk".to_string()), "{dak_lak}");
    let (_, ha_tinh) = get_json(&c, app.url("/api/v1/units?q=ha%20tinh")).await;
    assert_eq!(names(&ha_tinh).first().map(String::as_str), Some("Tỉnh Hà Tĩnh"));
    let (_, duong) = get_json(&c, app.url("/api/v1/units?q=duong&limit=200")).await;
    let found = names(&duong);
    assert!(found.iter().any(|n| n.contains("Đường") || n.contains("Dương")), "{found:?}");
    assert!(found.iter().all(|n| coso_text::fold(n).contains("duong")));
    assert_eq!(duong["total"].as_i64(), Some(found.len() as i64).filter(|n| *n < 200).or(duong["total"].as_i64()));
    let item = &ha_tinh["items"][0];
    assert_eq!(item["code"], "42");
    assert_eq!(item["kind"], "province");
    assert!(item["parent_code"].is_null());
}

async fn children_follow_vietnamese_order(app: &TestApp) {
    app.user("xa@coso.test", Role::Official, "42").await;
    let c = app.client_as("xa@coso.test").await;
    let (_, communes) = get_json(&c, app.url("/api/v1/units?parent=42&kind=commune&limit=1")).await;
    let commune = communes["items"][0]["code"].as_str().expect("a commune").to_string();
    for (i, name) in ["Đông Anh", "Dương Kinh", "Bắc Ninh", "An Dương", "Ân Thi"].iter().enumerate() {
        app.add_unit(&c, &commune, &format!("T{i}"), name, "village").await;
    }
    let (_, children) = get_json(&c, app.url(&format!("/api/v1/units/{commune}/children"))).await;
    let order: Vec<&str> =
        children["items"].as_array().expect("items").iter().filter_map(|u| u["name"].as_str()).collect();
    assert_eq!(order, ["An Dương", "Ân Thi", "Bắc Ninh", "Dương Kinh", "Đông Anh"]);
}

async fn broken_household_csv_gives_row_errors_and_changes_nothing(app: &TestApp) {
    app.user("admin@coso.test", Role::Admin, "42").await;
    let c = app.client_as("admin@coso.test").await;
    let (_, communes) = get_json(&c, app.url("/api/v1/units?parent=42&limit=1")).await;
    let commune = communes["items"][0]["code"].as_str().expect("commune").to_string();
    app.add_unit(&c, &commune, "V-1", "Thôn Một", "village").await;
    let broken = "ma ho,dia chi,dai dien ho,so nhan khau\nH1,Xóm 1,Nguyễn Văn An,4\nH2,,Lê Thị Bình,abc\nH1,Xóm 2,Trần Văn Cường,3\n";
    let res = c
        .post(app.url("/api/v1/units/V-1/households/import"))
        .header("content-type", "text/csv")
        .body(broken)
        .send()
        .await
        .expect("import");
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["error"]["code"], "invalid_rows");
    let rows: Vec<(i64, String)> = body["error"]["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| (r["line"].as_i64().unwrap_or(0), r["field"].as_str().unwrap_or("").to_string()))
        .collect();
    assert!(
        rows.contains(&(3, "address".into()))
            && rows.contains(&(3, "member_count".into()))
            && rows.contains(&(4, "code".into())),
        "{rows:?}"
    );
    let (_, list) = get_json(&c, app.url("/api/v1/units/V-1/households")).await;
    assert_eq!(list["total"], 0, "nothing was written");
    let good = "ma ho,dia chi,dai dien ho,so nhan khau\nH1,Xóm 1,Nguyễn Văn An,4\nH2,Xóm 1,Lê Thị Bình,2\n";
    for expected in [(2, 0, 0), (0, 0, 2)] {
        let res = c
            .post(app.url("/api/v1/units/V-1/households/import"))
            .header("content-type", "text/csv")
            .body(good)
            .send()
            .await
            .expect("import");
        assert_eq!(res.status(), 200);
        let r: Value = res.json().await.expect("json");
        assert_eq!(
            (r["inserted"].as_i64(), r["updated"].as_i64(), r["unchanged"].as_i64()),
            (Some(expected.0), Some(expected.1), Some(expected.2))
        );
    }
}

async fn openapi_lists_every_api_route_and_health_reports_the_database(app: &TestApp) {
    let c = app.anonymous();
    let (status, doc) = get_json(&c, app.url("/api/v1/openapi.json")).await;
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    let paths = doc["paths"].as_object().expect("paths");
    for p in [
        "/api/v1/units",
        "/api/v1/units/{code}",
        "/api/v1/units/{code}/children",
        "/api/v1/units/{code}/children/import",
        "/api/v1/units/{code}/households",
        "/api/v1/units/{code}/households/import",
        "/api/v1/users",
        "/api/v1/session",
        "/healthz",
    ] {
        assert!(paths.contains_key(p), "{p} missing from the OpenAPI document");
    }
    let (status, health) = get_json(&c, app.url("/healthz")).await;
    assert_eq!(status, 200);
    assert_eq!(health["database"], "ok");
    assert_eq!(health["backend"], app.backend.name(), "the backend the app runs on");
    let metrics = c.get(app.url("/metrics")).send().await.expect("metrics").text().await.expect("text");
    assert!(metrics.contains("coso_database_up 1"));
    assert!(metrics.contains("route=\"/healthz\""), "routes are labelled by pattern");
    let (status, missing) = get_json(&c, app.url("/api/v1/nothing-here")).await;
    assert_eq!(status, 404);
    assert_eq!(missing["error"]["code"], "not_found");
    assert!(missing["error"]["request_id"].as_str().is_some_and(|s| s.len() >= 8));
}

async fn household_phone_numbers_go_only_to_those_who_keep_the_register(app: &TestApp) {
    app.user("admin@coso.test", Role::Admin, "42").await;
    let c = app.client_as("admin@coso.test").await;
    let (_, communes) = get_json(&c, app.url("/api/v1/units?parent=42&limit=1")).await;
    let commune = communes["items"][0]["code"].as_str().expect("commune").to_string();
    app.add_unit(&c, &commune, "V-P", "Thôn Điện Thoại", "village").await;
    let household = serde_json::json!({ "code": "H-1", "address": "Xóm 1", "representative": "Nguyễn Văn An",
                                        "member_count": 4, "phone": "0912345678" });
    app.add_household(&c, "V-P", household).await;
    app.user("xa@coso.test", Role::Official, &commune).await;
    app.user("truong-thon@coso.test", Role::VillageHead, "V-P").await;
    app.user("xem@coso.test", Role::Viewer, "42").await;
    for (who, phone) in
        [("xa@coso.test", Some("0912345678")), ("truong-thon@coso.test", Some("0912345678")), ("xem@coso.test", None)]
    {
        let reader = app.client_as(who).await;
        let (status, list) = get_json(&reader, app.url("/api/v1/units/V-P/households")).await;
        assert_eq!(status, 200, "{who}");
        assert_eq!(list["items"][0]["representative"], "Nguyễn Văn An", "{who} reads the register");
        assert_eq!(list["items"][0]["phone"].as_str(), phone, "{who}");
    }
}

on_both! {
    app:
    official_counts_through_the_api => official_counts_through_the_api,
    search_ignores_diacritics => search_ignores_diacritics,
    children_follow_vietnamese_order => children_follow_vietnamese_order,
    broken_household_csv_gives_row_errors_and_changes_nothing => broken_household_csv_gives_row_errors_and_changes_nothing,
    openapi_lists_every_api_route_and_health_reports_the_database => openapi_lists_every_api_route_and_health_reports_the_database,
    household_phone_numbers_go_only_to_those_who_keep_the_register => household_phone_numbers_go_only_to_those_who_keep_the_register,
}
