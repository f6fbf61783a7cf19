//! A community meeting's documents and its obligation, through the API and the officials' page,
//! on SQLite and PostgreSQL: the invitation (Mẫu 01), the minutes of the count (Mẫu 02) and
//! the resolution (Mẫu 03) are filled from the meeting — households, present, yes, outcome
//! and reason — read back from the DOCX; a meeting that voted puts the sending of its result
//! in the commune's notifications, due 5 working days after the meeting; one closed without a
//! vote does not; the meetings held and the ballots issued pre-fill the periodic report.

use coso_domain::authz::Role;
use coso_test_support::{TestApp, on_both};
use serde_json::{Value, json};

use crate::common::{commune_with_villages, docx_text, import_households};

/// The first commune of the province with the village `V1` of 120 households, an official of
/// the commune and a resident. Returns the commune's code.
async fn village_of_120(app: &TestApp) -> String {
    let commune = commune_with_villages(app, &[("V1", "Thôn Một")]).await;
    import_households(app, &commune.admin, "V1", 120).await;
    app.user("xa@coso.test", Role::Official, &commune.code).await;
    app.user("dan@coso.test", Role::Resident, "V1").await;
    commune.code
}

async fn open(app: &TestApp, c: &reqwest::Client, title: &str, form: &str) -> i64 {
    let mut body = json!({ "matter": 1, "form": form, "title": title, "date": "2026-03-10" });
    if form == "ballot" {
        body["ends_on"] = json!("2026-03-17");
    }
    let res = c.post(app.url("/api/v1/units/V1/decisions")).json(&body).send().await.expect("open");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    res.json::<Value>().await.expect("json")["id"].as_i64().expect("id")
}

async fn post(app: &TestApp, c: &reqwest::Client, path: String, body: Value) {
    let res = c.post(app.url(&path)).json(&body).send().await.expect("post");
    assert_eq!(res.status(), 200, "{path}: {}", res.text().await.unwrap_or_default());
}

async fn status(app: &TestApp, c: &reqwest::Client, path: &str) -> u16 {
    c.get(app.url(path)).send().await.expect("get").status().as_u16()
}

async fn docx(app: &TestApp, c: &reqwest::Client, path: &str) -> String {
    let res = c.get(app.url(path)).send().await.expect("docx");
    assert_eq!(res.status(), 200, "{path}");
    docx_text(&res.bytes().await.expect("bytes"))
}

async fn the_meetings_documents_are_filled_from_its_data(app: &TestApp) {
    village_of_120(app).await;
    let official = app.client_as("xa@coso.test").await;

    let adopted = open(app, &official, "Mức đóng góp làm đường bê tông", "meeting").await;
    let invitation = docx(app, &official, &format!("/api/v1/decisions/{adopted}/invitation.docx")).await;
    assert!(invitation.contains("GIẤY MỜI"), "{invitation}");
    assert!(invitation.contains("Đại diện 120 hộ gia đình của Thôn Một"), "{invitation}");
    assert!(invitation.contains("Thời gian: ngày 10/03/2026."), "{invitation}");
    assert!(invitation.contains("Mức đóng góp làm đường bê tông"), "{invitation}");
    // Before the vote there are no minutes and no resolution.
    assert_eq!(status(app, &official, &format!("/api/v1/decisions/{adopted}/meeting-minutes.docx")).await, 409);
    assert_eq!(status(app, &official, &format!("/api/v1/decisions/{adopted}/resolution.docx")).await, 409);

    post(app, &official, format!("/api/v1/decisions/{adopted}/attendance"), json!({ "present": 70 })).await;
    post(
        app,
        &official,
        format!("/api/v1/decisions/{adopted}/tally"),
        json!({ "yes": 66, "no": 4, "invalid": 0, "secretary": "Lê Thị Bình", "secretary_votes": 60 }),
    )
    .await;
    let minutes = docx(app, &official, &format!("/api/v1/decisions/{adopted}/meeting-minutes.docx")).await;
    for line in [
        "BIÊN BẢN",
        "Tổng số hộ gia đình của cộng đồng dân cư: 120 hộ.",
        "Số hộ gia đình có đại diện dự họp: 70 hộ.",
        "Số hộ đồng ý: 66 hộ, bằng 55,0% tổng số hộ gia đình.",
        "Số hộ không đồng ý: 4 hộ",
        "(cần ít nhất 61 hộ): nội dung được thông qua.",
    ] {
        assert!(minutes.contains(line), "{line} in {minutes}");
    }
    let resolution = docx(app, &official, &format!("/api/v1/decisions/{adopted}/resolution.docx")).await;
    for line in [
        "NGHỊ QUYẾT",
        "Điều 1. Thông qua nội dung: Mức đóng góp làm đường bê tông",
        "thư ký cuộc họp: Lê Thị Bình",
        "66 trên 120 hộ gia đình đồng ý, đạt tỷ lệ trên 50%",
    ] {
        assert!(resolution.contains(line), "{line} in {resolution}");
    }

    let not_adopted = open(app, &official, "Mức đóng góp làm nhà văn hóa", "meeting").await;
    post(app, &official, format!("/api/v1/decisions/{not_adopted}/attendance"), json!({ "present": 70 })).await;
    post(
        app,
        &official,
        format!("/api/v1/decisions/{not_adopted}/tally"),
        json!({ "yes": 58, "no": 12, "invalid": 0 }),
    )
    .await;
    let record = docx(app, &official, &format!("/api/v1/decisions/{not_adopted}/resolution.docx")).await;
    assert!(!record.contains("NGHỊ QUYẾT"), "nothing adopted, nothing resolved: {record}");
    assert!(record.contains("Số hộ đồng ý (58) không đạt trên 50% tổng số hộ gia đình"), "{record}");

    // A meeting closed without a vote: no count, and its minutes say why.
    let unreachable = open(app, &official, "Mức đóng góp làm kênh mương", "meeting").await;
    post(app, &official, format!("/api/v1/decisions/{unreachable}/attendance"), json!({ "present": 55 })).await;
    let (unit, _) = coso_app::decisions::unit_of(&app.state.app, unreachable).await.expect("unit");
    coso_app::decisions::close(&app.state.app, &coso_app::Actor::system("test"), &unit, unreachable)
        .await
        .expect("close");
    assert_eq!(status(app, &official, &format!("/api/v1/decisions/{unreachable}/meeting-minutes.docx")).await, 409);
    let record = docx(app, &official, &format!("/api/v1/decisions/{unreachable}/resolution.docx")).await;
    assert!(record.contains("(55 ≤ 60)"), "{record}");

    // A ballot has its own minutes (Mẫu 04), not a meeting's invitation; a resident gets none.
    let ballot = open(app, &official, "Phát phiếu về mức đóng góp", "ballot").await;
    assert_eq!(status(app, &official, &format!("/api/v1/decisions/{ballot}/invitation.docx")).await, 409);
    let resident = app.client_as("dan@coso.test").await;
    assert_eq!(status(app, &resident, &format!("/api/v1/decisions/{adopted}/invitation.docx")).await, 403);

    // The officials' page links the three documents of a closed meeting, and they open.
    let page = app.get_text(&official, &format!("/quan-tri/don-vi/V1/quyet-dinh/{adopted}")).await;
    for file in ["giay-moi-hop.docx", "bien-ban-kiem-phieu-hop.docx", "nghi-quyet-hop.pdf"] {
        let href = format!("/quan-tri/don-vi/V1/quyet-dinh/{adopted}/tep/{file}");
        assert!(page.contains(&href), "{href} on the page");
    }
    let text = docx(app, &official, &format!("/quan-tri/don-vi/V1/quyet-dinh/{adopted}/tep/nghi-quyet-hop.docx")).await;
    assert!(text.contains("NGHỊ QUYẾT"), "{text}");
}

/// The notifications of the commune `code` that send a meeting's result.
async fn obligations(app: &TestApp, code: &str) -> Vec<coso_store::NotificationRow> {
    let commune = app.store.unit_by_code(code).await.expect("q").expect("commune");
    let notes = app.store.notifications_of_unit(commune.unit_id()).await.expect("notifications");
    notes.into_iter().filter(|n| n.title.starts_with("Gửi kết quả cuộc họp cộng đồng dân cư cho UBND xã")).collect()
}

async fn a_meeting_that_voted_is_owed_to_the_commune(app: &TestApp) {
    let commune = village_of_120(app).await;
    let official = app.client_as("xa@coso.test").await;
    let voted = open(app, &official, "Mức đóng góp làm đường bê tông", "meeting").await;
    let unreachable = open(app, &official, "Mức đóng góp làm kênh mương", "meeting").await;
    post(app, &official, format!("/api/v1/decisions/{voted}/attendance"), json!({ "present": 70 })).await;
    assert!(obligations(app, &commune).await.is_empty(), "nothing is owed before the vote");

    post(app, &official, format!("/api/v1/decisions/{voted}/tally"), json!({ "yes": 66, "no": 4, "invalid": 0 })).await;
    let owed = obligations(app, &commune).await;
    assert_eq!(owed.len(), 1, "{owed:?}");
    assert_eq!(owed[0].title, "Gửi kết quả cuộc họp cộng đồng dân cư cho UBND xã: Mức đóng góp làm đường bê tông");
    // Held on Tuesday 10 March 2026: 5 working days later is Tuesday 17 March, as `deadlines` says.
    assert!(owed[0].body.contains("chậm nhất ngày 17/03/2026"), "{}", owed[0].body);
    assert_eq!(owed[0].dedupe_key, format!("community_meeting.result_to_commune:{voted}"));
    assert_eq!(owed[0].link, format!("/api/v1/decisions/{voted}"));

    // A meeting closed without a vote owes nothing yet: the household ballot follows.
    post(app, &official, format!("/api/v1/decisions/{unreachable}/attendance"), json!({ "present": 55 })).await;
    let (unit, _) = coso_app::decisions::unit_of(&app.state.app, unreachable).await.expect("unit");
    coso_app::decisions::close(&app.state.app, &coso_app::Actor::system("test"), &unit, unreachable)
        .await
        .expect("close");
    assert_eq!(obligations(app, &commune).await.len(), 1);
}

async fn meetings_and_ballots_are_counted_into_the_report(app: &TestApp) {
    let commune_code = village_of_120(app).await;
    let official = app.client_as("xa@coso.test").await;
    for (title, yes) in [("Mức đóng góp làm đường bê tông", 66), ("Mức đóng góp làm nhà văn hóa", 58)]
    {
        let id = open(app, &official, title, "meeting").await;
        post(app, &official, format!("/api/v1/decisions/{id}/attendance"), json!({ "present": 70 })).await;
        post(
            app,
            &official,
            format!("/api/v1/decisions/{id}/tally"),
            json!({ "yes": yes, "no": 70 - yes, "invalid": 0 }),
        )
        .await;
    }
    // Not held yet: the meeting waits for its day, the ballot for its plan.
    open(app, &official, "Mức đóng góp làm kênh mương", "meeting").await;
    let ballot = open(app, &official, "Phát phiếu về mức đóng góp", "ballot").await;

    let unit = app.store.unit_by_code(&commune_code).await.expect("q").expect("commune");
    let template = coso_domain::report::Template::default_grassroots();
    let year: coso_domain::plan::PeriodKey = "2026".parse().expect("period");
    let counts = coso_app::reports::decision_indicators(&app.state.app, &template, &unit, year).await.expect("counts");
    assert_eq!((counts.get("community_meetings"), counts.get("household_ballots")), (Some(&2), Some(&0)));

    let plan = json!({ "purpose": "Lấy ý kiến hộ gia đình", "content": "Mỗi hộ đóng góp 500.000 đồng?",
        "participants": "Đại diện các hộ gia đình", "starts_on": "2026-03-10", "ends_on": "2026-03-17" });
    let res = app.post_json(&official, &format!("/api/v1/decisions/{ballot}/ballot-plan"), &plan).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let counts = coso_app::reports::decision_indicators(&app.state.app, &template, &unit, year).await.expect("counts");
    assert_eq!((counts.get("community_meetings"), counts.get("household_ballots")), (Some(&2), Some(&1)));

    // Another period counts none of them.
    let before: coso_domain::plan::PeriodKey = "2025".parse().expect("period");
    let counts =
        coso_app::reports::decision_indicators(&app.state.app, &template, &unit, before).await.expect("counts");
    assert_eq!((counts.get("community_meetings"), counts.get("household_ballots")), (Some(&0), Some(&0)));
}

async fn an_online_vote_is_due_to_close_on_its_last_day(app: &TestApp) {
    village_of_120(app).await;
    let official = app.client_as("xa@coso.test").await;
    let body = json!({ "matter": 6, "form": "online", "title": "Giờ thu gom rác", "date": "2026-03-10", "ends_on": "2026-03-16" });
    let res = official.post(app.url("/api/v1/units/V1/decisions")).json(&body).send().await.expect("open");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let id = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    let d: Value = app.get_json(&official, &format!("/api/v1/decisions/{id}")).await;
    let deadlines = d["deadlines"].as_array().expect("deadlines");
    assert_eq!(deadlines.len(), 1, "{d}");
    assert_eq!((&deadlines[0]["rule"], &deadlines[0]["due"]), (&json!("online_vote.close"), &json!("2026-03-16")));
}

on_both! {
    app:
    documents => the_meetings_documents_are_filled_from_its_data,
    obligation => a_meeting_that_voted_is_owed_to_the_commune,
    report => meetings_and_ballots_are_counted_into_the_report,
    online_close => an_online_vote_is_due_to_close_on_its_last_day,
}
