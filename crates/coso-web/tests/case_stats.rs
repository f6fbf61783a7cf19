//! The statistics of citizen cases on SQLite and on PostgreSQL: rolled up the tree (a province
//! sees each commune's line, the cases of a village under its commune, its own cases apart),
//! complaints and denunciations apart, satisfaction, hot spots, the page with its charts, and
//! the XLSX and CSV downloads of the same table.

use coso_domain::authz::Role;
use coso_test_support::{TestApp, occurrence, on_both, plan_docx, texts};
use serde_json::{Value, json};

use crate::common::{post_ok, two_communes, xlsx_cells};

const PROVINCE: &str = "42";

struct Seeded {
    a: String,
    b: String,
    from: String,
    to: String,
}

/// Cases in commune A (two petitions, one crowded), village V1 under A (a crowded complaint),
/// commune B (a denunciation and a petition answered late) and the province itself (an
/// over-level petition); two answers rated 4 and 2.
async fn seed(app: &TestApp) -> (reqwest::Client, Seeded) {
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let c = app.client_as("tinh@coso.test").await;
    let (a, b) = two_communes(app).await;
    app.add_unit(&c, &a, "V1", "Thôn Một", "village").await;
    let today = app.state.app.today();
    let ago = |days: u64| (today - chrono::Days::new(days)).to_string();
    let person = json!({ "name": "Lê Văn Cường", "address": "Thôn Một", "phone": "0911000111" });
    let case = |unit: &str, kind: &str, category: &str, received: u64, crowded: bool, over_level: bool| {
        json!({ "unit": unit, "kind": kind, "category": category, "received_on": ago(received), "crowded": crowded,
                "over_level": over_level, "content": "Nội dung đơn thư để thống kê.", "sender": person })
    };
    let rated_a = post_ok(&c, app, "/api/v1/cases", &case(&a, "petition", "ha_tang", 30, true, false)).await;
    post_ok(
        &c,
        app,
        &format!("/api/v1/cases/{}/answer", rated_a["id"]),
        &json!({ "on": ago(25), "public_answer": "Đã sửa." }),
    )
    .await;
    post_ok(&c, app, "/api/v1/cases", &case(&a, "petition", "ha_tang", 60, false, false)).await;
    let complaint = post_ok(&c, app, "/api/v1/cases", &case("V1", "complaint", "dat_dai", 20, true, false)).await;
    post_ok(&c, app, &format!("/api/v1/cases/{}/accept", complaint["id"]), &json!({ "on": ago(18) })).await;
    post_ok(&c, app, "/api/v1/cases", &case(&b, "denunciation", "dat_dai", 3, false, false)).await;
    let late = post_ok(&c, app, "/api/v1/cases", &case(&b, "petition", "moi_truong", 50, false, false)).await;
    post_ok(
        &c,
        app,
        &format!("/api/v1/cases/{}/answer", late["id"]),
        &json!({ "on": ago(10), "public_answer": "Đã xử lý." }),
    )
    .await;
    post_ok(&c, app, "/api/v1/cases", &case(PROVINCE, "petition", "moi_truong", 5, false, true)).await;
    // Before the period: not counted.
    post_ok(&c, app, "/api/v1/cases", &case(&a, "complaint", "dat_dai", 200, false, false)).await;
    for (case, rating) in [(&rated_a, 4), (&late, 2)] {
        let code = case["code"].as_str().expect("code");
        coso_app::cases::rate(&app.state.app, None, None, code, &rating.to_string(), "").await.expect("rate");
    }
    (c, Seeded { a, b, from: ago(120), to: today.to_string() })
}

fn kind<'a>(v: &'a Value, k: &str) -> &'a Value {
    v["kinds"].as_array().expect("kinds").iter().find(|x| x["kind"] == k).unwrap_or_else(|| panic!("{k} in {v}"))
}

fn figures(v: &Value, k: &str) -> [i64; 6] {
    let x = kind(v, k);
    ["received", "accepted", "resolved_on_time", "resolved_late", "open_overdue", "open"]
        .map(|f| x[f].as_i64().unwrap_or_else(|| panic!("{f} of {k}")))
}

async fn province_stats_roll_communes_up_with_satisfaction_and_hot_spots(app: &TestApp) {
    let (c, s) = seed(app).await;
    let url = app.url(&format!("/api/v1/cases/stats?unit={PROVINCE}&from={}&to={}", s.from, s.to));
    let res = c.get(&url).send().await.expect("stats");
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.expect("json");
    // Complaints and denunciations apart; the petition of 60 days is overdue.
    assert_eq!(figures(&v, "petition"), [4, 0, 1, 1, 1, 2], "{v}");
    assert_eq!(figures(&v, "complaint"), [1, 1, 0, 0, 0, 1], "{v}");
    assert_eq!(figures(&v, "denunciation"), [1, 0, 0, 0, 0, 1], "{v}");
    assert_eq!(figures(&v, "information"), [0; 6], "{v}");
    assert_eq!(kind(&v, "petition")["crowded"], 1);
    assert_eq!(kind(&v, "petition")["over_level"], 1);
    assert_eq!(v["satisfaction"]["rated"], 2);
    assert_eq!(v["satisfaction"]["average"], 3.0);
    assert_eq!(v["satisfaction"]["distribution"], json!([0, 1, 0, 1, 0]));

    // One line per commune of the province, the village's case under its commune, the
    // province's own case apart; the lines add up to the total.
    let lines = v["lines"].as_array().expect("lines");
    let line = |code: &str| lines.iter().find(|l| l["unit_code"] == code).unwrap_or_else(|| panic!("{code} line"));
    assert_eq!(figures(line(&s.a), "petition")[0], 2);
    assert_eq!(figures(line(&s.a), "complaint")[..2], [1, 1], "V1's complaint counts for A");
    assert_eq!(line(&s.a)["satisfaction"]["distribution"], json!([0, 0, 0, 1, 0]));
    assert_eq!(figures(line(&s.b), "denunciation")[0], 1);
    assert_eq!(figures(line(&s.b), "petition")[..4], [1, 0, 0, 1]);
    let own = lines.iter().find(|l| l["own"] == true).expect("the province's own line");
    assert_eq!((own["unit_code"].as_str(), figures(own, "petition")[0]), (Some(PROVINCE), 1));
    assert!(lines.iter().all(|l| l["unit_code"] == PROVINCE || l["own"] == false));
    let communes: Value = app.get_json(&app.anonymous(), &format!("/api/v1/units/{PROVINCE}/children?limit=200")).await;
    let children = communes["items"].as_array().map_or(0, Vec::len);
    assert!(children > 2);
    assert_eq!(lines.len(), children + 1, "every commune has its line, zeros included");
    let summed: i64 = lines.iter().map(|l| figures(l, "petition")[0] + figures(l, "complaint")[0]).sum();
    assert_eq!(summed, 5);

    // Hot spots: categories by count (crowded first among equals), places likewise.
    let categories: Vec<(&str, i64, i64)> = v["hot_categories"]
        .as_array()
        .expect("categories")
        .iter()
        .map(|h| {
            (h["name"].as_str().unwrap_or(""), h["cases"].as_i64().unwrap_or(0), h["crowded"].as_i64().unwrap_or(0))
        })
        .collect();
    assert_eq!(categories, [("Đất đai", 2, 1), ("Hạ tầng, giao thông", 2, 1), ("Môi trường", 2, 0)]);
    let places: Vec<&str> =
        v["hot_places"].as_array().expect("places").iter().map(|h| h["code"].as_str().unwrap_or("")).collect();
    assert_eq!(places, [s.a.as_str(), s.b.as_str(), "V1", PROVINCE]);

    // A commune sees its village's line and its own cases.
    let res = c.get(app.url(&format!("/api/v1/cases/stats?unit={}&from={}&to={}", s.a, s.from, s.to))).send().await;
    let commune: Value = res.expect("stats").json().await.expect("json");
    let codes: Vec<(&str, bool)> = commune["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| (l["unit_code"].as_str().unwrap_or(""), l["own"].as_bool().unwrap_or(false)))
        .collect();
    assert_eq!(codes, [("V1", false), (s.a.as_str(), true)]);

    // A period the wrong way round, and a resident, are refused.
    let res = c.get(app.url(&format!("/api/v1/cases/stats?unit={PROVINCE}&from={}&to={}", s.to, s.from))).send().await;
    let res = res.expect("stats");
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["error"]["fields"][0]["field"], "from", "{body}");
    app.user("dan@coso.test", Role::Resident, "V1").await;
    let resident = app.client_as("dan@coso.test").await;
    let res = resident.get(app.url(&format!("/api/v1/cases/stats?unit={}", s.a))).send().await.expect("stats");
    assert_eq!(res.status(), 403);
}

async fn the_page_shows_charts_and_the_downloads_hold_the_same_table(app: &TestApp) {
    let (c, s) = seed(app).await;
    let query = format!("don-vi={PROVINCE}&tu={}&den={}", s.from, s.to);
    let res = c.get(app.url(&format!("/quan-tri/vu-viec/thong-ke?{query}"))).send().await.expect("page");
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert_eq!(texts(&html, "h1"), ["Thống kê đơn thư: Tỉnh Hà Tĩnh"]);
    let charts = texts(&html, "figure.chart figcaption");
    assert!(charts.contains(&"Số đơn tiếp nhận theo loại".to_string()), "{charts:?}");
    assert!(charts.iter().any(|c| c == "Mức độ hài lòng: 3,0 / 5 (2 lượt đánh giá)"), "{charts:?}");
    assert!(html.contains("<svg"), "the charts are drawn");
    let total = texts(&html, "table.case-stats tfoot tr").join(" ");
    assert!(total.starts_with("Tổng cộng"), "{total}");
    let headings = texts(&html, "table.case-stats thead th[scope=colgroup]");
    assert_eq!(headings[..3], ["Phản ánh, kiến nghị", "Khiếu nại", "Tố cáo"]);
    let link = format!("/quan-tri/vu-viec/thong-ke?don-vi={}", s.a);
    assert!(html.contains(&link), "a commune's line opens its own statistics");

    // A date that does not exist is named, with nothing counted.
    let res = c.get(app.url(&format!("/quan-tri/vu-viec/thong-ke?don-vi={PROVINCE}&tu=31/02/2026"))).send().await;
    let html = res.expect("page").text().await.expect("html");
    let summary = texts(&html, ".error-summary a");
    assert!(summary.iter().any(|m| m.contains("Từ ngày")), "{summary:?}");
    assert_eq!(coso_test_support::attr(&html, ".error-summary a", "href").as_deref(), Some("#tu"));
    assert!(texts(&html, "table.case-stats").is_empty());

    let bytes = app.get_bytes(&c, &format!("/quan-tri/vu-viec/thong-ke.xlsx?{query}")).await;
    let cells = xlsx_cells(&bytes);
    let header = cells.iter().find(|r| r.iter().any(|c| c == "Khiếu nại: tiếp nhận")).expect("headers");
    let col = |name: &str| header.iter().position(|c| c == name).unwrap_or_else(|| panic!("{name}"));
    let row_a = cells.iter().find(|r| r.first() == Some(&s.a)).expect("A's row");
    assert_eq!(row_a[col("Phản ánh, kiến nghị: tiếp nhận")], "2");
    assert_eq!(row_a[col("Khiếu nại: thụ lý")], "1");
    let totals = cells.iter().find(|r| r.get(1).is_some_and(|c| c == "Tổng cộng")).expect("totals");
    assert_eq!(totals[col("Phản ánh, kiến nghị: tiếp nhận")], "4");
    assert_eq!(totals[col("Tố cáo: tiếp nhận")], "1");
    assert_eq!(totals[col("Điểm hài lòng trung bình (1–5)")], "3");

    let csv = app.get_text(&c, &format!("/quan-tri/vu-viec/thong-ke.csv?{query}")).await;
    assert!(csv.contains("Khiếu nại: tiếp nhận"), "{csv}");
    assert!(csv.contains("Tổng cộng"), "{csv}");
    let res = c.get(app.url("/quan-tri/vu-viec/thong-ke.csv")).send().await.expect("csv");
    assert_eq!(res.status(), 400, "a download names its unit");
}

async fn the_report_form_is_prefilled_with_the_cases_of_the_period(app: &TestApp) {
    app.state.app.clock().set_today("2026-12-05".parse().expect("date"));
    let (province, s) = seed(app).await;
    let query = format!("unit={PROVINCE}&targets=children&year=2026&file_name=kh.docx");
    let plan = app.import_plan(&province, &query, plan_docx()).await;
    let annual = occurrence(&plan, "annual");
    let form = |commune: String, email: &'static str| async move {
        app.user(email, Role::Official, &commune).await;
        let c = app.client_as(email).await;
        let res = c.get(app.url(&format!("/quan-tri/hop-thu/{annual}?don-vi={commune}"))).send().await.expect("form");
        assert_eq!(res.status(), 200);
        res.text().await.expect("html")
    };
    let value =
        |html: &str, code: &str| coso_test_support::attr(html, &format!("#i_{code}"), "value").unwrap_or_default();

    // Commune A: two petitions (one answered on time, one overdue), V1's complaint and the one
    // received in May, no denunciation; the other indicators are left to the official.
    let html = form(s.a.clone(), "xa-a@coso.test").await;
    assert!(texts(&html, "#so-lieu-don-thu").join("").contains("điền sẵn"), "the form says where the counts come from");
    let counts: Vec<String> = [
        "petitions_received",
        "petitions_resolved_on_time",
        "petitions_overdue",
        "complaints_received",
        "complaints_resolved_on_time",
        "denunciations_received",
        "denunciations_overdue",
        "disclosures",
    ]
    .iter()
    .map(|code| value(&html, code))
    .collect();
    assert_eq!(counts, ["2", "1", "1", "2", "0", "0", "0", ""]);
    assert_eq!(texts(&html, "label[for=i_denunciations_received]")[0], "Số đơn tố cáo tiếp nhận * (đơn)");

    // Commune B: its denunciation apart from complaints.
    let html = form(s.b.clone(), "xa-b@coso.test").await;
    let counts: Vec<String> = ["complaints_received", "denunciations_received", "petitions_received"]
        .iter()
        .map(|c| value(&html, c))
        .collect();
    assert_eq!(counts, ["0", "1", "1"]);
}

on_both! {
    app:
    province_stats_roll_communes_up_with_satisfaction_and_hot_spots => province_stats_roll_communes_up_with_satisfaction_and_hot_spots,
    the_page_shows_charts_and_the_downloads_hold_the_same_table => the_page_shows_charts_and_the_downloads_hold_the_same_table,
    the_report_form_is_prefilled_with_the_cases_of_the_period => the_report_form_is_prefilled_with_the_cases_of_the_period,
}
