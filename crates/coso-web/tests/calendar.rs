//! The legal calendar through the API and the public pages.

use coso_domain::authz::Role;
use coso_test_support::{TestApp, on_both, texts};
use serde_json::Value;

async fn json(c: &reqwest::Client, url: String) -> (u16, Value) {
    let r = c.get(url).send().await.expect("request");
    (r.status().as_u16(), r.json().await.expect("json"))
}

async fn lunar_and_solar_round_trip_through_the_api(app: &TestApp) {
    let c = app.anonymous();
    let (status, tet) = json(&c, app.url("/api/v1/calendar/lunar?date=2024-02-10")).await;
    assert_eq!(status, 200);
    assert_eq!(tet["lunar"], serde_json::json!({"year": 2024, "month": 1, "day": 1, "leap": false}));
    assert_eq!(tet["year_name"], "Giáp Thìn");
    let (_, back) = json(&c, app.url("/api/v1/calendar/solar?year=2024&month=1&day=1")).await;
    assert_eq!(back["solar"], "2024-02-10");
    let (status, bad) = json(&c, app.url("/api/v1/calendar/solar?year=2024&month=13&day=1")).await;
    assert_eq!(status, 400);
    assert_eq!(bad["error"]["code"], "bad_request");
    let (status, _) = json(&c, app.url("/api/v1/calendar/lunar?date=2024-02-30")).await;
    assert_eq!(status, 400);
}

async fn a_deadline_is_the_same_on_the_page_and_in_the_api_and_explains_itself(app: &TestApp) {
    let c = app.anonymous();
    // Accepted 04/3/2024: 30 days → 03/4/2024 (legal-rules, complaint resolution).
    let (status, d) = json(&c, app.url("/api/v1/calendar/deadline?rule=complaint.first&from=2024-03-04")).await;
    assert_eq!(status, 200, "{d}");
    assert_eq!(d["due"], "2024-04-03");
    assert!(d["citation"].as_str().is_some_and(|s| s.contains("Điều")), "{d}");
    assert!(d["explanation_text"].as_str().is_some_and(|s| s.contains("04/03/2024")));
    let html = app.get_text(&c, "/tinh-han?rule=complaint.first&from=2024-03-04").await;
    assert_eq!(texts(&html, "#due"), ["03/04/2024"]);
    assert!(!html.contains("<script"));
    // A working-day count across the 2026 Tết block skips the Tết days and says why.
    let (_, over_tet) = json(&c, app.url("/api/v1/calendar/deadline?rule=petition.reply&from=2026-02-10")).await;
    let skipped = over_tet["explanation"]["skipped"].as_array().cloned().unwrap_or_default();
    if over_tet["unit"] == "working_days" {
        assert!(skipped.iter().any(|s| s["reason"].as_str().is_some_and(|r| r.contains("Tết"))), "{over_tet}");
    }
    let (status, unknown) = json(&c, app.url("/api/v1/calendar/deadline?rule=no.such.rule&from=2024-03-04")).await;
    assert_eq!(status, 400);
    assert!(unknown["error"]["message"].as_str().is_some_and(|m| m.contains("no.such.rule")), "{unknown}");
    let page = c.get(app.url("/tinh-han?rule=no.such.rule&from=2024-03-04")).send().await.expect("page");
    assert_eq!(page.status(), 422);
}

async fn the_month_view_marks_tet_and_lunar_dates(app: &TestApp) {
    let html =
        app.anonymous().get(app.url("/lich?nam=2026&thang=2")).send().await.expect("page").text().await.expect("html");
    let off: Vec<String> = texts(&html, "td.off .solar");
    for day in ["16", "17", "18", "19", "20"] {
        assert!(off.contains(&day.to_string()), "Tết 2026 day {day} off: {off:?}");
    }
    let cells = texts(&html, "td");
    assert!(cells.iter().any(|c| c.starts_with("17") && c.contains("1/1")), "17/02/2026 is lunar 1/1: {cells:?}");
    let bad = app.anonymous().get(app.url("/lich?nam=2026&thang=13")).send().await.expect("page");
    assert_eq!(bad.status(), 400);
}

async fn administrators_add_an_announcement_at_run_time(app: &TestApp) {
    app.user("admin@coso.test", Role::Admin, "42").await;
    app.user("viewer@coso.test", Role::Viewer, "42").await;
    let c = app.anonymous();
    let (_, before) = json(&c, app.url("/api/v1/calendar/holidays/2031")).await;
    assert_eq!(before["announced"], false);
    let body = r#"{"year":2031,"source":"Thông báo thử nghiệm","status":"U","days_off":[{"from":"2031-01-22","to":"2031-01-28","kind":"tet"}],"working_saturdays":["2031-02-08"]}"#;
    let viewer = app.client_as("viewer@coso.test").await;
    let denied = viewer.post(app.url("/api/v1/calendar/announcements")).body(body).send().await.expect("post");
    assert_eq!(denied.status(), 403);
    let admin = app.client_as("admin@coso.test").await;
    let bad =
        admin.post(app.url("/api/v1/calendar/announcements")).body("{\"year\": 2031}").send().await.expect("post");
    assert_eq!(bad.status(), 400);
    let ok = admin.post(app.url("/api/v1/calendar/announcements")).body(body).send().await.expect("post");
    assert_eq!(ok.status(), 201);
    let (_, after) = json(&c, app.url("/api/v1/calendar/holidays/2031")).await;
    assert_eq!(after["announced"], true, "{after}");
    assert_eq!(after["working_saturdays"], serde_json::json!(["2031-02-08"]));
    let (_, wd) = json(&c, app.url("/api/v1/calendar/working-days?from=2031-02-07&n=1")).await;
    assert_eq!(wd["date"], "2031-02-08", "the swapped Saturday is a working day");
}

on_both! {
    app:
    lunar_and_solar_round_trip_through_the_api => lunar_and_solar_round_trip_through_the_api,
    a_deadline_is_the_same_on_the_page_and_in_the_api_and_explains_itself => a_deadline_is_the_same_on_the_page_and_in_the_api_and_explains_itself,
    the_month_view_marks_tet_and_lunar_dates => the_month_view_marks_tet_and_lunar_dates,
    administrators_add_an_announcement_at_run_time => administrators_add_an_announcement_at_run_time,
}

#[tokio::test]
async fn the_deadline_page_reads_and_shows_dates_day_first_and_warns_beside_an_unverified_date() {
    let app = TestApp::spawn().await;
    let c = app.anonymous();
    let page = |path: &'static str| {
        let c = c.clone();
        let url = app.url(path);
        async move {
            let res = c.get(url).send().await.expect("page");
            (res.status().as_u16(), res.text().await.expect("html"))
        }
    };
    let (status, form) = page("/tinh-han").await;
    assert_eq!(status, 200);
    assert_eq!(texts(&form, "label[for=from]"), ["Ngày bắt đầu tính (dd/mm/yyyy)"]);
    // The 2026 complaint rules are unverified defaults: the warning stands next to the date.
    let (status, html) = page("/tinh-han?rule=complaint.first&from=6/7/2026").await;
    assert_eq!(status, 200, "{html}");
    assert_eq!(coso_test_support::attr(&html, "#from", "value").as_deref(), Some("06/07/2026"));
    let warning = texts(&html, "section.result > #due-warning");
    assert_eq!(warning.len(), 1, "{html}");
    assert!(warning[0].starts_with("Chưa xác minh"), "{warning:?}");
    let explanation = texts(&html, "pre.explain").join("");
    assert!(!explanation.contains("[complaint.first]"), "{explanation}");
    // The same count from an ISO date, and no warning for a verified rule.
    let (_, iso) = page("/tinh-han?rule=complaint.first&from=2026-07-06").await;
    assert_eq!(texts(&iso, "#due"), texts(&html, "#due"));
    let (_, verified) = page("/tinh-han?rule=complaint.first&from=04/03/2024").await;
    assert_eq!(texts(&verified, "#due"), ["03/04/2024"]);
    assert!(texts(&verified, "#due-warning").is_empty());
    // An impossible date is named by its label, in Vietnamese.
    let (status, bad) = page("/tinh-han?rule=complaint.first&from=31/02/2026").await;
    assert_eq!(status, 422);
    let alert = texts(&bad, "#deadline-error").join("");
    assert!(alert.starts_with("Ngày bắt đầu tính không phải ngày hợp lệ (dd/mm/yyyy)"), "{alert}");
    let (_, d) = json(&c, app.url("/api/v1/calendar/deadline?rule=complaint.first&from=04/03/2024")).await;
    assert_eq!(d["due"], "2024-04-03", "the API reads dd/mm/yyyy too");
}
