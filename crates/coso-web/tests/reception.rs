//! Citizen reception on both databases: the schedule on the public page without personal data,
//! the log's forms, who may read and write a commune's log, the compliance view and its files,
//! and the cases a visit leads to (registered from it, or linked by tracking code).

use chrono::NaiveDate;
use coso_test_support::{TestApp, attr, on_both, texts};
use serde_json::{Value, json};

use crate::common::two_communes_with_officials;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// The first two communes of Hà Tĩnh, an official on each, and one on the province.
async fn communes(app: &TestApp) -> (String, String) {
    two_communes_with_officials(app).await
}

/// The CSRF token of the page's first form.
fn csrf(page: &str) -> String {
    attr(page, "form.card input[name=csrf]", "value").expect("csrf field")
}

async fn add_session(app: &TestApp, c: &reqwest::Client, code: &str, held_on: &str, receiver: &str) -> i64 {
    let res = c
        .post(app.url(&format!("/api/v1/units/{code}/reception/sessions")))
        .json(&json!({ "held_on": held_on, "receiver": receiver, "receiver_name": "Nguyễn Văn Bình",
                       "place": "Trụ sở UBND xã", "kind": "regular" }))
        .send()
        .await
        .expect("session");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    res.json::<Value>().await.expect("json")["id"].as_i64().expect("id")
}

async fn the_schedule_is_public_and_shows_a_holiday_as_not_held(app: &TestApp) {
    let (a, _) = communes(app).await;
    // Monday 27 April 2026; Thursday 30 April is Reunification Day.
    app.state.clock.set_today(day("2026-04-27"));
    let c = app.client_as("xa-a@coso.test").await;
    let page = app.page(&c, &format!("/quan-tri/don-vi/{a}/tiep-cong-dan/lich")).await;
    let weekly = [
        ("kind", "weekly"),
        ("weekday", "4"),
        ("part_of_day", "morning"),
        ("receiver", "chairman"),
        ("place", "Trụ sở UBND xã, phòng tiếp công dân"),
    ];
    let res = app.post_form(&c, &format!("/quan-tri/don-vi/{a}/tiep-cong-dan/lich"), &csrf(&page), &weekly).await;
    assert_eq!(res.status(), 200);
    assert!(texts(&res.text().await.expect("html"), ".banner .notice").concat().contains("Đã thêm"));
    let session = add_session(app, &c, &a, "2026-04-23", "chairman").await;
    let visit = json!({ "visitor_names": "Trần Thị Hoa", "people_count": 1, "address": "Thôn Một, số 12",
                        "content": "Hỏi về đất", "outcome": "guided" });
    let res = app.post_json(&c, &format!("/api/v1/units/{a}/reception/sessions/{session}/visits"), &visit).await;
    assert_eq!(res.status(), 201);

    let public = app.page(&app.anonymous(), &format!("/don-vi/{a}")).await;
    assert_eq!(texts(&public, "#tiep-cong-dan"), ["Lịch tiếp công dân"]);
    assert!(public.contains("Thứ Năm hằng tuần, buổi sáng"), "the regular day is published");
    let rows = texts(&public, "table.data tbody tr");
    assert_eq!(rows.len(), 4, "four Thursdays: {rows:?}");
    assert!(rows[0].contains("30/04/2026") && rows[0].contains("Không tiếp"), "{}", rows[0]);
    assert!(rows[1].contains("07/05/2026") && rows[1].contains("Có tiếp"), "{}", rows[1]);
    for private in ["Trần Thị Hoa", "Thôn Một, số 12", "Hỏi về đất", "Nguyễn Văn Bình"] {
        assert!(!public.contains(private), "no personal data on the public page: {private}");
    }
    let api: Value = app.get_json(&app.anonymous(), &format!("/api/v1/units/{a}/reception/schedule")).await;
    assert_eq!(api["upcoming"][0]["held"], json!(false));
    assert_eq!(api["regular"][0]["weekday"], json!(4));
}

async fn the_log_forms_name_bad_fields_and_save_nothing(app: &TestApp) {
    let (a, _) = communes(app).await;
    app.state.clock.set_today(day("2026-03-20"));
    let c = app.client_as("xa-a@coso.test").await;
    let log = format!("/quan-tri/don-vi/{a}/tiep-cong-dan/so");
    let page = app.page(&c, &log).await;
    let future = [
        ("held_on", "21/03/2026"),
        ("receiver", "chairman"),
        ("receiver_name", ""),
        ("place", "Trụ sở"),
        ("kind", "regular"),
    ];
    let res = app.post_form(&c, &log, &csrf(&page), &future).await;
    assert_eq!(res.status(), 422);
    let html_422 = res.text().await.expect("html");
    assert!(texts(&html_422, "#held_on-err")[0].starts_with("Ngày tiếp không được sau hôm nay"));
    assert_eq!(texts(&html_422, "#receiver_name-err"), ["Họ tên người tiếp không được để trống."]);
    assert_eq!(attr(&html_422, "#held_on", "value").as_deref(), Some("21/03/2026"), "typed value kept");
    let bad_date = [
        ("held_on", "31/02/2026"),
        ("receiver", "chairman"),
        ("receiver_name", "A"),
        ("place", "B"),
        ("kind", "regular"),
    ];
    let res = app.post_form(&c, &log, &csrf(&page), &bad_date).await;
    assert_eq!(res.status(), 422);
    assert!(texts(&res.text().await.expect("html"), "#held_on-err")[0].contains("không phải ngày hợp lệ"));
    let sessions: Value = app.get_json(&c, &format!("/api/v1/units/{a}/reception/sessions")).await;
    assert_eq!(sessions["items"], json!([]), "nothing saved");

    let session = add_session(app, &c, &a, "2026-03-19", "chairman").await;
    let path = format!("{log}/{session}");
    let page = app.page(&c, &path).await;
    let refused = [
        ("visitor_names", "Lê Văn Nam"),
        ("people_count", "1"),
        ("address", "Thôn Hai"),
        ("content", ""),
        ("outcome", "refused"),
    ];
    let res = app.post_form(&c, &path, &csrf(&page), &refused).await;
    assert_eq!(res.status(), 422);
    let html_422 = res.text().await.expect("html");
    assert_eq!(texts(&html_422, "#content-err"), ["Nội dung không được để trống."]);
    assert!(texts(&html_422, "#refusal_ground-err")[0].contains("Điều 9"));
    assert!(texts(&html_422, ".error-summary li a").len() >= 2);
    let crowded = [
        ("visitor_names", "Lê Văn Nam, Phạm Thị Lan"),
        ("people_count", "12"),
        ("crowded", "on"),
        ("address", "Thôn Hai"),
        ("content", "Phản ánh ô nhiễm từ trại lợn"),
        ("outcome", "petition"),
    ];
    let res = app.post_form(&c, &path, &csrf(&page), &crowded).await;
    assert_eq!(res.status(), 200);
    let after = res.text().await.expect("html");
    let rows = texts(&after, "table.data tbody tr");
    assert_eq!(rows.len(), 1, "only the valid visit was saved: {rows:?}");
    assert!(rows[0].contains("Đông người") && rows[0].contains("Tiếp nhận kiến nghị, phản ánh"), "{}", rows[0]);
    let reads = app.store.audit_entries(Some("reception_visit"), None).await.expect("audit");
    assert!(reads.items.iter().any(|e| e.action == "reception.visit_list"), "reading visits is audited");
}

async fn an_official_of_another_commune_can_neither_read_nor_write(app: &TestApp) {
    let (a, b) = communes(app).await;
    app.state.clock.set_today(day("2026-03-20"));
    let own = app.client_as("xa-a@coso.test").await;
    let session = add_session(app, &own, &a, "2026-03-19", "chairman").await;
    let other = app.client_as("xa-b@coso.test").await;
    for path in [
        format!("/quan-tri/don-vi/{a}/tiep-cong-dan/so"),
        format!("/quan-tri/don-vi/{a}/tiep-cong-dan/so/{session}"),
        format!("/quan-tri/don-vi/{a}/tiep-cong-dan/lich"),
        format!("/api/v1/units/{a}/reception/sessions/{session}/visits"),
    ] {
        assert_eq!(other.get(app.url(&path)).send().await.expect("get").status(), 403, "{path}");
    }
    let visit = json!({ "visitor_names": "X", "people_count": 1, "address": "Y", "content": "Z", "outcome": "guided" });
    let write = other.post(app.url(&format!("/api/v1/units/{a}/reception/sessions/{session}/visits"))).json(&visit);
    assert_eq!(write.send().await.expect("post").status(), 403);
    // Through its own commune's address, the other commune's session does not exist.
    let stray = other.get(app.url(&format!("/api/v1/units/{b}/reception/sessions/{session}/visits")));
    assert_eq!(stray.send().await.expect("get").status(), 404);
    let stray = other.post(app.url(&format!("/api/v1/units/{b}/reception/sessions/{session}/visits"))).json(&visit);
    assert_eq!(stray.send().await.expect("post").status(), 404);
    let visits = app.store.audit_entries(Some("reception_visit"), None).await.expect("audit");
    assert_eq!(visits.total, 0, "nothing read or written");
}

async fn the_compliance_view_lists_the_missing_week_with_its_reason(app: &TestApp) {
    let (a, _) = communes(app).await;
    app.state.clock.set_today(day("2026-07-20"));
    let c = app.client_as("xa-a@coso.test").await;
    add_session(app, &c, &a, "2026-07-02", "chairman").await;
    add_session(app, &c, &a, "2026-07-09", "vice_chairman").await;
    let page = app.page(&c, &format!("/quan-tri/don-vi/{a}/tiep-cong-dan/tuan-thu?ky=2026-Q3")).await;
    let rows = texts(&page, "table.data tbody tr");
    let week = |label: &str| rows.iter().find(|r| r.contains(label)).cloned().unwrap_or_default();
    assert!(week("Tuần 27 (29/06–05/07/2026)").contains("Đạt"), "{rows:?}");
    let deputy = week("Tuần 28 (06/07–12/07/2026)");
    assert!(deputy.contains("Không đạt") && deputy.contains("Chỉ Phó Chủ tịch tiếp; từ 01/7/2026"), "{deputy}");
    let none = week("Tuần 29 (13/07–19/07/2026)");
    assert!(none.contains("Không có buổi tiếp công dân nào của Chủ tịch"), "{none}");
    assert!(week("Tuần 30 (20/07–26/07/2026)").contains("Chưa đến hạn"));

    // The province sees which of its communes missed weeks, with a picture.
    let province = app.client_as("tinh@coso.test").await;
    let up = app.page(&province, "/quan-tri/don-vi/42/tiep-cong-dan/tuan-thu?ky=2026-Q3").await;
    assert!(up.contains("<svg"), "a chart of the communes");
    let commune_name = app.store.unit_by_code(&a).await.expect("q").expect("a").name;
    let line = texts(&up, "table.data tbody tr").into_iter().find(|r| r.contains(&commune_name)).expect("the commune");
    assert!(line.contains("1/3 tuần đạt") && line.contains("Tuần 28"), "{line}");

    let api: Value = app.get_json(&c, &format!("/api/v1/units/{a}/reception/compliance?period=2026-Q3")).await;
    let w28 = api["unit"]["intervals"].as_array().expect("weeks").iter().find(|w| w["from"] == "2026-07-06").cloned();
    assert_eq!(w28.as_ref().map(|w| w["reason"].clone()), Some(json!("deputy_only_after_tcd6")));
    let bad =
        c.get(app.url(&format!("/api/v1/units/{a}/reception/compliance?period=2026-Q9"))).send().await.expect("api");
    assert_eq!(bad.status(), 422);
}

async fn the_compliance_downloads_as_csv_and_xlsx(app: &TestApp) {
    let (a, _) = communes(app).await;
    app.state.clock.set_today(day("2026-03-20"));
    let c = app.client_as("tinh@coso.test").await;
    let csv = c.get(app.url("/quan-tri/don-vi/42/tiep-cong-dan/tuan-thu.csv?ky=2026-Q1")).send().await.expect("csv");
    assert_eq!(csv.status(), 200);
    assert!(csv.headers()["content-type"].to_str().unwrap_or_default().starts_with("text/csv"));
    assert!(csv.headers()["content-disposition"].to_str().unwrap_or_default().contains("tiep-cong-dan-42-2026-q1.csv"));
    let text = csv.text().await.expect("text");
    let commune_name = app.store.unit_by_code(&a).await.expect("q").expect("a").name;
    assert!(text.contains(&commune_name) && text.contains("Tuần 11 (09/03–15/03/2026)"), "{text}");
    let xlsx = c.get(app.url("/quan-tri/don-vi/42/tiep-cong-dan/tuan-thu.xlsx?ky=2026-Q1")).send().await.expect("xlsx");
    assert_eq!(xlsx.status(), 200);
    assert!(xlsx.bytes().await.expect("bytes").starts_with(b"PK"), "a zip: XLSX");
}

async fn a_visit_leads_to_a_new_case_and_to_one_found_by_its_code(app: &TestApp) {
    let (a, b) = communes(app).await;
    app.state.clock.set_today(day("2026-04-27"));
    let c = app.client_as("xa-a@coso.test").await;
    let session = add_session(app, &c, &a, "2026-04-23", "chairman").await;
    let visit = json!({ "visitor_names": "Lê Thị Mai", "people_count": 6, "crowded": true, "address": "Xóm Đông",
                        "content": "Đề nghị sửa cầu tràn Xóm Đông.", "outcome": "petition" });
    let res = app.post_json(&c, &format!("/api/v1/units/{a}/reception/sessions/{session}/visits"), &visit).await;
    assert_eq!(res.status(), 201);
    let path = format!("/quan-tri/don-vi/{a}/tiep-cong-dan/so/{session}");
    let page = app.page(&c, &path).await;
    let visit_id = attr(&page, "select#case_visit option", "value").expect("the visit to choose");

    // A case registered from the visit: its data prefilled, at the desk, on the session's day.
    let form = [("case_visit", visit_id.as_str()), ("case_kind", "petition"), ("case_category", "ha_tang")];
    let res = app.post_form(&c, &format!("{path}/vu-viec"), &csrf(&page), &form).await;
    assert_eq!(res.status(), 200, "followed to the session");
    let after = res.text().await.expect("html");
    let notice = texts(&after, ".banner .notice").concat();
    assert!(notice.starts_with("Đã lập vụ việc từ lượt tiếp: mã "), "{notice}");
    let code = notice.trim_end_matches('.').rsplit(' ').next().expect("code").to_string();
    let case: Value =
        c.get(app.url(&format!("/api/v1/cases/code/{code}"))).send().await.expect("case").json().await.expect("json");
    assert_eq!(
        (&case["kind"], &case["unit"], &case["received_on"], &case["channel"], &case["category"], &case["crowded"]),
        (&json!("petition"), &json!(a), &json!("2026-04-23"), &json!("desk"), &json!("ha_tang"), &json!(true)),
        "{case}"
    );
    assert_eq!(case["content"], "Đề nghị sửa cầu tràn Xóm Đông.");
    assert_eq!(case["sender"]["name"], "Lê Thị Mai");
    let linked = texts(&after, "table.data tbody td:last-child").concat();
    assert!(linked.contains(&code) && linked.contains("Đã tiếp nhận"), "the visit lists its case: {linked}");

    // An existing case of the commune linked by its code, typed in lower case.
    let other = c
        .post(app.url("/api/v1/cases"))
        .json(&json!({ "unit": a, "kind": "complaint", "received_on": "2026-04-20", "content": "Khiếu nại bồi thường.",
                       "sender": { "name": "Lê Thị Mai", "address": "Xóm Đông", "phone": "0912000333" } }))
        .send()
        .await
        .expect("case");
    assert_eq!(other.status(), 201);
    let other: Value = other.json().await.expect("json");
    let other_code = other["code"].as_str().expect("code").to_string();
    let page = app.page(&c, &path).await;
    let form = [("link_visit", visit_id.as_str()), ("link_code", &other_code.to_lowercase())];
    let res = app.post_form(&c, &format!("{path}/lien-ket"), &csrf(&page), &form).await;
    assert_eq!(res.status(), 200);
    let after = res.text().await.expect("html");
    assert!(texts(&after, ".banner .notice").concat().contains(&other_code));

    // A code of a case the official may not see (another commune's) is refused on its field.
    let c_b = app.client_as("xa-b@coso.test").await;
    let foreign = app
        .post_json(
            &c_b,
            "/api/v1/cases",
            &json!({ "unit": b, "kind": "petition", "received_on": "2026-04-20", "content": "Đèn đường hỏng." }),
        )
        .await;
    let foreign: Value = foreign.json().await.expect("json");
    let form = [("link_visit", visit_id.as_str()), ("link_code", foreign["code"].as_str().expect("code"))];
    let res = app.post_form(&c, &format!("{path}/lien-ket"), &csrf(&page), &form).await;
    assert_eq!(res.status(), 422);
    let refused = res.text().await.expect("html");
    assert_eq!(attr(&refused, ".error-summary a", "href").as_deref(), Some("#link_code"), "{refused}");

    // The log lists both cases of the session with their statuses, linked to the case pages.
    let log = app.page(&c, &format!("/quan-tri/don-vi/{a}/tiep-cong-dan/so")).await;
    let hrefs = coso_test_support::attrs(&log, "table.data tbody a[href^='/quan-tri/vu-viec/']", "href");
    assert_eq!(hrefs.len(), 2, "{log}");
    assert!(hrefs.contains(&format!("/quan-tri/vu-viec/{}", other["id"])), "{hrefs:?}");
    let cells = texts(&log, "table.data tbody td:last-child").concat();
    assert!(cells.contains(&code) && cells.contains(&other_code), "{cells}");
    let audit = app.store.audit_entries(Some("reception_visit"), Some(20)).await.expect("audit");
    assert_eq!(audit.items.iter().filter(|e| e.action == "reception.visit_case_link").count(), 2);
}

on_both! {
    app:
    visit_cases => a_visit_leads_to_a_new_case_and_to_one_found_by_its_code,
    public_schedule => the_schedule_is_public_and_shows_a_holiday_as_not_held,
    log_forms => the_log_forms_name_bad_fields_and_save_nothing,
    other_commune => an_official_of_another_commune_can_neither_read_nor_write,
    compliance => the_compliance_view_lists_the_missing_week_with_its_reason,
    downloads => the_compliance_downloads_as_csv_and_xlsx,
}
