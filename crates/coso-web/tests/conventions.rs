//! Village conventions on both databases, through the API: a vote 20 days after posting is
//! refused with the first day allowed and nothing changes; a convention posted 30 days before
//! its meeting is adopted, sent to the commune and recognised with the HU-6 dates; a meeting
//! lacking attendance opens the household-ballot path; bad counts are refused; versions are
//! compared line by line.

use chrono::NaiveDate;
use coso_test_support::{TestApp, on_both};
use serde_json::{Value, json};

use crate::common::{docx_text, village_with_staff};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// The first commune of the province with the village `V1`, an official on the commune and a
/// village head on `V1`. Returns the commune's code.
async fn village(app: &TestApp) -> String {
    village_with_staff(app, "V1", "Thôn Đông", 0).await
}

const TEXT: &str = "Điều 1. Phạm vi\nQuy ước này áp dụng trong thôn Đông.\nĐiều 2. Vệ sinh\nGiữ sạch đường làng.";

/// Proposes a convention of `V1` as `c`; its id.
async fn propose(app: &TestApp, c: &reqwest::Client) -> i64 {
    let res = app
        .post_json(
            c,
            "/api/v1/units/V1/conventions",
            &json!({ "kind": "quy_uoc", "title": "Quy ước thôn Đông", "text": TEXT }),
        )
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    res.json::<Value>().await.expect("json")["id"].as_i64().expect("id")
}

/// Posts `body` to a step of convention `id`; the status and the answer.
async fn step(app: &TestApp, c: &reqwest::Client, id: i64, what: &str, body: Value) -> (u16, Value) {
    let res = c.post(app.url(&format!("/api/v1/conventions/{id}/{what}"))).json(&body).send().await.expect(what);
    let status = res.status().as_u16();
    (status, res.json().await.expect("json"))
}

async fn get(app: &TestApp, c: &reqwest::Client, id: i64) -> Value {
    let res = c.get(app.url(&format!("/api/v1/conventions/{id}"))).send().await.expect("get");
    assert_eq!(res.status(), 200);
    res.json().await.expect("json")
}

fn due(c: &Value, rule: &str) -> Option<String> {
    c["deadlines"].as_array()?.iter().find(|d| d["rule"] == rule).map(|d| d["due"].as_str().unwrap_or("").to_string())
}

async fn a_vote_twenty_days_after_posting_is_refused(app: &TestApp) {
    village(app).await;
    let head = app.client_as("truong-thon@coso.test").await;
    let id = propose(app, &head).await;
    app.state.clock.set_today(day("2024-03-04"));
    let (status, c) =
        step(app, &head, id, "posting", json!({ "date": "2024-03-04", "note": "Nhà văn hóa thôn" })).await;
    assert_eq!(status, 200, "{c}");
    assert_eq!(c["status"], "posted");
    assert_eq!(due(&c, "convention.posting").as_deref(), Some("2024-04-03"), "PUB-7: 30 days after posting");
    let before = get(app, &head, id).await;

    app.state.clock.set_today(day("2024-03-24"));
    let meeting = json!({ "form": "meeting", "date": "2024-03-24", "households": 120, "present": 70, "yes": 66 });
    let (status, err) = step(app, &head, id, "adoption", meeting).await;
    assert_eq!(status, 422, "{err}");
    let field = &err["error"]["fields"][0];
    assert_eq!(field["field"], "date");
    let message = field["message"].as_str().expect("message");
    assert!(message.contains("mới được 20 ngày"), "{message}");
    assert!(message.contains("convention.posting"), "the rule id: {message}");
    assert!(message.contains("ngày sớm nhất được biểu quyết là 03/04/2024"), "the first day allowed: {message}");
    assert_eq!(get(app, &head, id).await, before, "nothing changed");

    // While posted, the draft is on the village's public page with its posting dates.
    let page = public_page(app).await;
    assert!(page.contains("04/03/2024") && page.contains("03/04/2024"), "{page}");
    assert!(page.contains("Giữ sạch đường làng."), "the draft's text");
}

async fn adopted_at_thirty_days_then_recognised_with_the_hu_6_dates(app: &TestApp) {
    let commune_code = village(app).await;
    let head = app.client_as("truong-thon@coso.test").await;
    let commune = app.client_as("xa@coso.test").await;
    let id = propose(app, &head).await;
    app.state.clock.set_today(day("2024-02-03"));
    let (status, c) = step(app, &head, id, "posting", json!({ "date": "2024-02-03" })).await;
    assert_eq!(status, 200, "{c}");
    app.state.clock.set_today(day("2024-02-20"));
    let (status, c) = step(
        app,
        &head,
        id,
        "opinions",
        json!({ "received_on": "2024-02-20", "count": 12, "source": "Hòm thư góp ý", "summary": "Bổ sung điều về việc cưới." }),
    )
    .await;
    assert_eq!((status, c["opinions"].as_i64()), (200, Some(12)), "{c}");

    // Completed from the opinions while posted: a new version, still posted.
    let amended = format!("{TEXT}\nĐiều 3. Việc cưới\nTổ chức cưới văn minh, tiết kiệm.");
    let (status, c) = step(app, &head, id, "versions", json!({ "text": amended, "note": "Tiếp thu ý kiến" })).await;
    assert_eq!((status, c["status"].as_str(), c["version"].as_i64()), (200, Some("posted"), Some(2)), "{c}");
    let diff: Value = app.get_json(&head, &format!("/api/v1/conventions/{id}/diff?from=1&to=2")).await;
    let added: Vec<&str> = diff["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .filter(|l| l["change"] == "added")
        .filter_map(|l| l["text"].as_str())
        .collect();
    assert_eq!(added, ["Điều 3. Việc cưới", "Tổ chức cưới văn minh, tiết kiệm."]);

    // Mon 2024-03-04, 30 days after posting: 120 households, 64 present, 62 in favour.
    app.state.clock.set_today(day("2024-03-04"));
    let (status, c) = step(
        app,
        &head,
        id,
        "adoption",
        json!({ "form": "meeting", "date": "2024-03-04", "households": 120, "present": 64, "yes": 62 }),
    )
    .await;
    assert_eq!(status, 200, "{c}");
    assert_eq!(c["status"], "adopted");
    assert_eq!((c["households"].as_i64(), c["present"].as_i64(), c["yes"].as_i64()), (Some(120), Some(64), Some(62)));
    assert_eq!((c["required"].as_i64(), c["outcome"].as_str()), (Some(61), Some("adopted")));
    assert!(c["reason"].as_str().expect("reason").contains("62/120 hộ đồng ý"), "{c}");
    assert_eq!(due(&c, "convention.dossier").as_deref(), Some("2024-03-11"), "5 working days after the meeting");

    // The dossier (Mẫu 01, Mẫu 02 and the adopted text), read back from the DOCX.
    let res = head.get(app.url(&format!("/api/v1/conventions/{id}/dossier.docx"))).send().await.expect("dossier");
    assert_eq!(res.status(), 200);
    let text = docx_text(&res.bytes().await.expect("bytes"));
    for expected in [
        "Đề nghị công nhận quy ước «Quy ước thôn Đông»",
        "Kính gửi: Ủy ban nhân dân",
        "62/120 hộ gia đình đồng ý, 64 hộ dự họp",
        "Tổng số hộ gia đình của cộng đồng: 120; số hộ dự họp: 64.",
        "Số ý kiến góp ý nhận được trong thời gian niêm yết: 12.",
        "Điều 3. Việc cưới",
        "TRƯỞNG THÔN",
    ] {
        assert!(text.contains(expected), "«{expected}» in the dossier: {text}");
    }

    app.state.clock.set_today(day("2024-03-11"));
    let (status, c) = step(app, &head, id, "dossier", json!({ "date": "2024-03-11" })).await;
    assert_eq!((status, c["status"].as_str()), (200, Some("submitted")), "{c}");
    assert_eq!(
        due(&c, "convention.recognition").as_deref(),
        Some("2024-03-18"),
        "5 working days of a complete dossier"
    );

    // The village head cannot recognise the village's own convention; the commune does.
    app.state.clock.set_today(day("2024-03-18"));
    let recognition = json!({ "date": "2024-03-18", "decision_number": "15/QĐ-UBND" });
    let (status, _) = step(app, &head, id, "recognition", recognition.clone()).await;
    assert_eq!(status, 403);
    let (status, c) = step(app, &commune, id, "recognition", recognition).await;
    assert_eq!(status, 200, "{c}");
    assert_eq!((c["status"].as_str(), c["in_force_version"].as_i64()), (Some("in_force"), Some(2)));
    assert_eq!(c["decision_number"], "15/QĐ-UBND");
    assert_eq!(due(&c, "convention.review").as_deref(), Some("2024-11-18"), "HU-7: 18 November");
    let late: Vec<&Value> =
        c["deadlines"].as_array().expect("deadlines").iter().filter(|d| d["late"] == true).collect();
    assert!(late.is_empty(), "every step on time: {late:?}");
    let review =
        c["deadlines"].as_array().expect("deadlines").iter().find(|d| d["rule"] == "convention.review").cloned();
    assert_eq!(review.expect("review")["verified"], false, "the review window is shown as unverified");

    // The text in force is on the village's public page, for anyone.
    let page = public_page(app).await;
    assert!(page.contains("15/QĐ-UBND") && page.contains("18/03/2024"), "the decision: {page}");
    assert!(page.contains("Tổ chức cưới văn minh, tiết kiệm."), "the adopted version is in force");

    // The commune's report of 2024 counts it among the conventions built in the period.
    let unit = app.store.unit_by_code(&commune_code).await.expect("q").expect("commune");
    let template = coso_domain::report::Template::default_grassroots();
    let period: coso_domain::plan::PeriodKey = "2024".parse().expect("period");
    let counts =
        coso_app::reports::convention_indicators(&app.state.app, &template, &unit, period).await.expect("counts");
    assert_eq!(counts.get("village_conventions_reviewed"), Some(&1));
    let period: coso_domain::plan::PeriodKey = "2023".parse().expect("period");
    let counts =
        coso_app::reports::convention_indicators(&app.state.app, &template, &unit, period).await.expect("counts");
    assert_eq!(counts.get("village_conventions_reviewed"), Some(&0));
}

async fn public_page(app: &TestApp) -> String {
    let res = app.anonymous().get(app.url("/don-vi/V1/huong-uoc")).send().await.expect("public page");
    assert_eq!(res.status(), 200);
    res.text().await.expect("html")
}

async fn a_meeting_lacking_attendance_opens_the_ballot(app: &TestApp) {
    village(app).await;
    let head = app.client_as("truong-thon@coso.test").await;
    let id = propose(app, &head).await;
    app.state.clock.set_today(day("2024-02-03"));
    step(app, &head, id, "posting", json!({ "date": "2024-02-03" })).await;
    app.state.clock.set_today(day("2024-03-10"));
    let ballot = json!({ "form": "ballot", "date": "2024-03-10", "households": 120, "present": 90, "yes": 70 });
    let (status, err) = step(app, &head, id, "adoption", ballot.clone()).await;
    assert_eq!((status, err["error"]["fields"][0]["field"].as_str()), (422, Some("form")), "a meeting comes first");

    let (status, c) = step(
        app,
        &head,
        id,
        "adoption",
        json!({ "form": "meeting", "date": "2024-03-05", "households": 120, "present": 59, "yes": 59 }),
    )
    .await;
    assert_eq!(status, 200, "{c}");
    assert_eq!((c["status"].as_str(), c["outcome"].as_str()), (Some("posted"), Some("ratio_unreachable")));
    assert!(c["reason"].as_str().expect("reason").contains("phát phiếu"), "the ballot is offered: {c}");

    let (status, c) = step(app, &head, id, "adoption", ballot).await;
    assert_eq!(status, 200, "{c}");
    assert_eq!(
        (c["status"].as_str(), c["form"].as_str(), c["outcome"].as_str()),
        (Some("adopted"), Some("ballot"), Some("adopted"))
    );
}

async fn bad_input_is_refused_and_nothing_changes(app: &TestApp) {
    village(app).await;
    let head = app.client_as("truong-thon@coso.test").await;
    let id = propose(app, &head).await;
    // Not posted yet: no vote.
    app.state.clock.set_today(day("2024-03-10"));
    let meeting = json!({ "form": "meeting", "date": "2024-03-10", "households": 120, "present": 70, "yes": 66 });
    let (status, _) = step(app, &head, id, "adoption", meeting).await;
    assert_eq!(status, 409);
    app.state.clock.set_today(day("2024-02-01"));
    step(app, &head, id, "posting", json!({ "date": "2024-02-01" })).await;
    let before = get(app, &head, id).await;
    app.state.clock.set_today(day("2024-03-10"));
    for (body, field) in [
        (json!({ "form": "meeting", "date": "2024-03-10", "households": 120, "present": 70, "yes": 71 }), "yes"),
        (json!({ "form": "meeting", "date": "2024-03-10", "households": 120, "present": 121, "yes": 1 }), "present"),
        (json!({ "form": "online", "date": "2024-03-10", "households": 120, "present": 70, "yes": 66 }), "form"),
        (json!({ "form": "meeting", "date": "2024-03-10", "households": -1, "present": 0, "yes": 0 }), "households"),
        (json!({ "form": "meeting", "date": "2024-03-11", "households": 120, "present": 70, "yes": 66 }), "date"),
    ] {
        let (status, err) = step(app, &head, id, "adoption", body).await;
        assert_eq!((status, err["error"]["fields"][0]["field"].as_str()), (422, Some(field)), "{err}");
    }
    let (status, _) = step(app, &head, id, "dossier", json!({ "date": "2024-03-10" })).await;
    assert_eq!(status, 409, "nothing adopted to send");
    let res = head.get(app.url(&format!("/api/v1/conventions/{id}/dossier.docx"))).send().await.expect("dossier");
    assert_eq!(res.status(), 409, "no dossier before the adoption");
    let (status, err) = step(app, &head, id, "versions", json!({ "text": "  \n " })).await;
    assert_eq!((status, err["error"]["fields"][0]["field"].as_str()), (422, Some("text")));
    assert_eq!(get(app, &head, id).await, before, "nothing changed");
    // Another village's head sees nothing of it.
    let res = app.anonymous().get(app.url(&format!("/api/v1/conventions/{id}"))).send().await.expect("anonymous");
    assert_eq!(res.status(), 401);
}

on_both! {
    app:
    too_early => a_vote_twenty_days_after_posting_is_refused,
    through_recognition => adopted_at_thirty_days_then_recognised_with_the_hu_6_dates,
    ballot_path => a_meeting_lacking_attendance_opens_the_ballot,
    bad_input => bad_input_is_refused_and_nothing_changes,
}
