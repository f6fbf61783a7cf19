//! Village-head elections and annual community conferences through the API, on both databases:
//! the worked cases of legal-rules §1.5 (a meeting on 30/11/2025: plan by 10/11, candidates by
//! 15/11, team by 20/11, notice by 23/11; a result received Monday 01/12/2025 recognised by
//! Monday 08/12/2025) and §1.6 (a conference needs its notice 5 days before: 15/12 for the 20th),
//! the counts of DEC-6 held against the unverified VH-5 threshold, a dismissal with its new
//! election, the compliance of a commune, and bad input that changes nothing.

use chrono::NaiveDate;
use coso_domain::authz::Role;
use coso_test_support::{TestApp, attr, on_both, texts};
use serde_json::{Value, json};

use crate::common::{self, api_get, api_post, docx_text};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// The first commune of the province with villages `V1` and `V2`, an official on the commune,
/// a village head and a resident on `V1`. Returns the commune's code.
async fn commune_with_villages(app: &TestApp) -> String {
    let commune = common::commune_with_villages(app, &[("V1", "Thôn Một"), ("V2", "Thôn Hai")]).await.code;
    app.user("xa@coso.test", Role::Official, &commune).await;
    app.user("truong-thon@coso.test", Role::VillageHead, "V1").await;
    app.user("an@coso.test", Role::Resident, "V1").await;
    commune
}

async fn docx(c: &reqwest::Client, app: &TestApp, path: &str) -> String {
    let res = c.get(app.url(path)).send().await.expect("docx");
    assert_eq!(res.status(), 200, "{path}");
    docx_text(&res.bytes().await.expect("bytes"))
}

/// The deadline `rule` of a view.
fn deadline<'a>(v: &'a Value, rule: &str) -> &'a Value {
    v["deadlines"].as_array().expect("deadlines").iter().find(|d| d["rule"] == rule).expect(rule)
}

/// An election of `V1` meeting on 30/11/2025 with its two candidates recorded.
async fn election_with_candidates(app: &TestApp, c: &reqwest::Client) -> i64 {
    let (status, v) = api_post(c, app, "/api/v1/units/V1/elections", json!({ "meeting_on": "2025-11-30" })).await;
    assert_eq!(status, 201, "{v}");
    let id = v["id"].as_i64().expect("id");
    let (status, v) = api_post(
        c,
        app,
        &format!("/api/v1/elections/{id}/steps"),
        json!({ "step": "candidates", "done_on": "2025-11-14", "people": ["Nguyễn Văn An", "Lê Thị Bình"] }),
    )
    .await;
    assert_eq!(status, 200, "{v}");
    id
}

async fn the_election_runs_from_the_plan_to_recognition(app: &TestApp) {
    commune_with_villages(app).await;
    app.state.clock.set_today(day("2025-11-01"));
    let xa = app.client_as("xa@coso.test").await;
    let head = app.client_as("truong-thon@coso.test").await;

    // Elections are the commune's: the village head may not create one.
    let (status, _) = api_post(&head, app, "/api/v1/units/V1/elections", json!({ "meeting_on": "2025-11-30" })).await;
    assert_eq!(status, 403);

    let (status, v) = api_post(&xa, app, "/api/v1/units/V1/elections", json!({ "meeting_on": "30/11/2025" })).await;
    assert_eq!(status, 201, "{v}");
    let id = v["id"].as_i64().expect("id");
    for (rule, due) in [
        ("election.plan", "2025-11-10"),
        ("election.candidates", "2025-11-15"),
        ("election.team", "2025-11-20"),
        ("election.notice", "2025-11-23"),
    ] {
        assert_eq!(deadline(&v, rule)["due"], due, "{rule}");
        assert_eq!(deadline(&v, rule)["state"], "pending", "{rule}");
    }
    assert_eq!(v["status"], "preparing");
    assert!(v["outcome"].is_null() && v["households"].is_null());

    // The plan recorded two days late is kept, and flagged late with its rule.
    app.state.clock.set_today(day("2025-11-12"));
    let steps = format!("/api/v1/elections/{id}/steps");
    let (status, v) = api_post(&xa, app, &steps, json!({ "step": "plan", "done_on": "2025-11-12" })).await;
    assert_eq!(status, 200, "{v}");
    let plan = deadline(&v, "election.plan");
    assert_eq!((plan["state"].as_str(), plan["reference"].as_str()), (Some("late"), Some("VH-1")));
    assert_eq!(plan["met_on"], "2025-11-12");

    let people = json!(["Nguyễn Văn An", "Lê Thị Bình"]);
    let (status, v) =
        api_post(&xa, app, &steps, json!({ "step": "candidates", "done_on": "2025-11-14", "people": people })).await;
    assert_eq!(status, 200, "{v}");
    let team = json!(["Trần Văn Cường", "Phạm Thị Dung"]);
    let (status, v) =
        api_post(&xa, app, &steps, json!({ "step": "team", "done_on": "2025-11-18", "people": team })).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["team"], team);
    assert_eq!(deadline(&v, "election.team")["state"], "done");

    // The notice not posted by the 23rd is overdue on the 24th.
    app.state.clock.set_today(day("2025-11-24"));
    let v = api_get(&xa, app, &format!("/api/v1/elections/{id}")).await;
    assert_eq!(deadline(&v, "election.notice")["state"], "overdue");
    let (status, v) = api_post(&xa, app, &steps, json!({ "step": "notice", "done_on": "2025-11-22" })).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(deadline(&v, "election.notice")["state"], "done");

    // 120 households, 70 present, 66 for the first candidate: more than half of all households.
    app.state.clock.set_today(day("2025-12-01"));
    let (status, v) = api_post(
        &xa,
        app,
        &format!("/api/v1/elections/{id}/result"),
        json!({ "households": 120, "present": 70, "received_on": "2025-12-01",
                "votes": [{ "candidate": "Nguyễn Văn An", "votes": 66 }, { "candidate": "Lê Thị Bình", "votes": 4 }] }),
    )
    .await;
    assert_eq!(status, 200, "{v}");
    assert_eq!((v["households"].as_u64(), v["present"].as_u64()), (Some(120), Some(70)));
    assert_eq!((v["yes"].as_u64(), v["required"].as_u64()), (Some(66), Some(61)));
    assert_eq!(v["outcome"], "elected");
    assert_eq!(v["elected"], "Nguyễn Văn An");
    assert!(v["reason"].as_str().expect("reason").contains("61"), "{v}");
    assert_eq!(v["threshold"]["verified"], false, "VH-5 is a configured default");
    assert_eq!(v["status"], "held");
    // Received Monday 01/12/2025: recognised by Monday 08/12/2025 (5 working days).
    assert_eq!(deadline(&v, "election.recognition")["due"], "2025-12-08");
    assert_eq!(deadline(&v, "election.recognition")["state"], "pending");

    let (status, v) =
        api_post(&xa, app, &format!("/api/v1/elections/{id}/recognition"), json!({ "decided_on": "2025-12-05" })).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["status"], "recognised");
    assert_eq!(deadline(&v, "election.recognition")["state"], "done");

    // Mẫu 05, read back: the candidates and the meeting day.
    let text = docx(&xa, app, &format!("/api/v1/elections/{id}/mau-05.docx")).await;
    assert!(text.contains("BIÊN BẢN"), "{text}");
    assert!(text.contains("1. Nguyễn Văn An") && text.contains("2. Lê Thị Bình"), "{text}");
    assert!(text.contains("30/11/2025") && text.contains("Ban công tác Mặt trận Thôn Một"), "{text}");

    // The village head reads it; a resident does not reach the admin side.
    let seen = api_get(&head, app, &format!("/api/v1/elections/{id}")).await;
    assert_eq!(seen["status"], "recognised");
    let resident = app.client_as("an@coso.test").await;
    let res = resident.get(app.url(&format!("/api/v1/elections/{id}"))).send().await.expect("get");
    assert_eq!(res.status(), 403);
    // The village's elections are listed for those who see its administration.
    let list = api_get(&head, app, "/api/v1/units/V1/elections").await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1), "{list}");
    assert_eq!((list["items"][0]["id"].as_i64(), &list["items"][0]["status"]), (Some(id), &json!("recognised")));
    assert_eq!(list["items"][0]["meeting_on"], "2025-11-30");
    let res = resident.get(app.url("/api/v1/units/V1/elections")).send().await.expect("list");
    assert_eq!(res.status(), 403);
}

async fn the_counts_of_dec_6_decide_the_outcome(app: &TestApp) {
    commune_with_villages(app).await;
    app.state.clock.set_today(day("2025-12-01"));
    let xa = app.client_as("xa@coso.test").await;
    let count = |present: u32, yes: u32| {
        json!({ "households": 120, "present": present, "received_on": "2025-12-01",
                "votes": [{ "candidate": "Nguyễn Văn An", "votes": yes }] })
    };

    // 58 of 70 present is a majority of those present, not of the village's 120 households.
    let id = election_with_candidates(app, &xa).await;
    let (status, v) = api_post(&xa, app, &format!("/api/v1/elections/{id}/result"), count(70, 58)).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(
        (v["outcome"].as_str(), v["yes"].as_u64(), v["required"].as_u64()),
        (Some("not_elected"), Some(58), Some(61))
    );
    // With no one elected, the commune cannot recognise; it decides to hold the vote again.
    let decide = format!("/api/v1/elections/{id}/recognition");
    let (status, e) = api_post(&xa, app, &decide, json!({ "decided_on": "2025-12-03" })).await;
    assert_eq!(status, 422, "{e}");
    assert_eq!(api_get(&xa, app, &format!("/api/v1/elections/{id}")).await, v, "a refused decision changes nothing");
    let (status, v) = api_post(&xa, app, &decide, json!({ "decided_on": "2025-12-03", "recognised": false })).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["status"], "rerun");
    // A decided election takes no second decision.
    let (status, _) = api_post(&xa, app, &decide, json!({ "decided_on": "2025-12-04", "recognised": false })).await;
    assert_eq!(status, 409);

    // 55 present of 120: no candidate can reach 61.
    let id = election_with_candidates(app, &xa).await;
    let (status, v) = api_post(&xa, app, &format!("/api/v1/elections/{id}/result"), count(55, 55)).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["outcome"], "ratio_unreachable");
    assert!(v["reason"].as_str().expect("reason").contains("55"), "{v}");
}

async fn a_dismissal_calls_for_a_new_election_within_60_days(app: &TestApp) {
    commune_with_villages(app).await;
    app.state.clock.set_today(day("2025-09-10"));
    let xa = app.client_as("xa@coso.test").await;
    let (status, d) = api_post(
        &xa,
        app,
        "/api/v1/units/V1/dismissals",
        json!({ "head_name": "Hoàng Văn Em", "recognised_on": "2025-09-01",
                "interim_name": "Vũ Thị Hoa", "interim_from": "2025-09-02" }),
    )
    .await;
    assert_eq!(status, 201, "{d}");
    assert_eq!(d["interim_name"], "Vũ Thị Hoa");
    let due = deadline(&d, "election.new_after_dismissal");
    assert_eq!((due["due"].as_str(), due["state"].as_str()), (Some("2025-10-31"), Some("pending")));
    let dismissal = d["id"].as_i64().expect("id");

    let (status, v) =
        api_post(&xa, app, "/api/v1/units/V1/elections", json!({ "meeting_on": "2025-11-30", "dismissal": dismissal }))
            .await;
    assert_eq!(status, 201, "{v}");
    let id = v["id"].as_i64().expect("id");
    assert_eq!(v["dismissal"]["interim_name"], "Vũ Thị Hoa");
    let (status, v) = api_post(
        &xa,
        app,
        &format!("/api/v1/elections/{id}/steps"),
        json!({ "step": "plan", "done_on": "2025-10-20" }),
    )
    .await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(deadline(&v, "election.new_after_dismissal")["state"], "done");

    // One election follows a dismissal, once.
    let (status, _) =
        api_post(&xa, app, "/api/v1/units/V1/elections", json!({ "meeting_on": "2025-12-20", "dismissal": dismissal }))
            .await;
    assert_eq!(status, 409);
}

async fn bad_input_is_refused_and_nothing_changes(app: &TestApp) {
    let commune = commune_with_villages(app).await;
    app.state.clock.set_today(day("2025-11-12"));
    let xa = app.client_as("xa@coso.test").await;
    let id = election_with_candidates(app, &xa).await;
    let path = format!("/api/v1/elections/{id}");
    let before = api_get(&xa, app, &path).await;

    // A candidate in the election team (VH-2), even written without diacritics.
    let (status, e) = api_post(
        &xa,
        app,
        &format!("{path}/steps"),
        json!({ "step": "team", "done_on": "2025-11-18", "people": ["Trần Văn Cường", "nguyen van an"] }),
    )
    .await;
    assert_eq!(status, 422, "{e}");
    assert!(e.to_string().contains("người ứng cử"), "{e}");
    // An empty candidate list (VH-4: at least one).
    let (status, _) = api_post(
        &xa,
        app,
        &format!("{path}/steps"),
        json!({ "step": "candidates", "done_on": "2025-11-14", "people": [] }),
    )
    .await;
    assert_eq!(status, 422);
    // Recognition of an election without a result.
    let (status, e) = api_post(&xa, app, &format!("{path}/recognition"), json!({ "decided_on": "2025-12-05" })).await;
    assert_eq!(status, 409, "{e}");
    // More votes than representatives present; a candidate not on the list.
    for votes in
        [json!([{ "candidate": "Nguyễn Văn An", "votes": 71 }]), json!([{ "candidate": "Người Lạ", "votes": 1 }])]
    {
        let (status, e) = api_post(
            &xa,
            app,
            &format!("{path}/result"),
            json!({ "households": 120, "present": 70, "received_on": "2025-12-01", "votes": votes }),
        )
        .await;
        assert_eq!(status, 422, "{e}");
    }
    assert_eq!(api_get(&xa, app, &path).await, before, "nothing changed");

    // An impossible day; an election of a commune.
    let (status, _) = api_post(&xa, app, "/api/v1/units/V1/elections", json!({ "meeting_on": "31/02/2026" })).await;
    assert_eq!(status, 422);
    let (status, _) =
        api_post(&xa, app, &format!("/api/v1/units/{commune}/elections"), json!({ "meeting_on": "2026-02-01" })).await;
    assert_eq!(status, 400);
    let (status, _) =
        api_post(&xa, app, "/api/v1/units/V1/conferences", json!({ "held_on": "", "minutes": "Biên bản" })).await;
    assert_eq!(status, 422);
    let compliance = api_get(&xa, app, &format!("/api/v1/units/{commune}/conference-compliance?year=2025")).await;
    assert_eq!(compliance["held"], 0);
}

async fn conferences_are_checked_and_missing_villages_listed(app: &TestApp) {
    // The villages exist from the day they are created: the clock is set first.
    app.state.clock.set_today(day("2025-12-21"));
    let commune = commune_with_villages(app).await;
    let head = app.client_as("truong-thon@coso.test").await;
    let xa = app.client_as("xa@coso.test").await;

    // A notice on the 16th for a conference on the 20th is one day late (due the 15th).
    let (status, c) = api_post(
        &head,
        app,
        "/api/v1/units/V1/conferences",
        json!({ "held_on": "2025-12-20", "place": "Nhà văn hóa thôn", "plan_sent_on": "2025-12-01",
                "notice_on": "2025-12-16", "minutes": "Hội nghị thống nhất các nội dung năm 2026." }),
    )
    .await;
    assert_eq!(status, 201, "{c}");
    assert_eq!(c["deadlines"][0]["rule"], "conference.notice");
    assert_eq!(c["deadlines"][0]["due"], "2025-12-15");
    let check = |rule: &str| c["checks"].as_array().expect("checks").iter().find(|x| x["rule"] == rule).cloned();
    assert_eq!(check("conference.notice").expect("notice")["state"], "late");
    assert_eq!(check("conference.plan").expect("plan")["state"], "done");
    assert_eq!(check("conference.minutes").expect("minutes")["state"], "done");
    let id = c["id"].as_i64().expect("id");
    assert_eq!(api_get(&xa, app, &format!("/api/v1/conferences/{id}")).await["held_on"], "2025-12-20");

    let text = docx(&xa, app, &format!("/api/v1/conferences/{id}/minutes.docx")).await;
    assert!(text.contains("Hội nghị thống nhất các nội dung năm 2026.") && text.contains("Nhà văn hóa thôn"), "{text}");

    // Only the village head of V1 (or officials above) records V1's conference.
    let resident = app.client_as("an@coso.test").await;
    let (status, _) =
        api_post(&resident, app, "/api/v1/units/V1/conferences", json!({ "held_on": "2025-12-20" })).await;
    assert_eq!(status, 403);
    let (status, _) = api_post(&head, app, "/api/v1/units/V2/conferences", json!({ "held_on": "2025-12-20" })).await;
    assert_eq!(status, 403);

    let (status, bare) = api_post(&head, app, "/api/v1/units/V1/conferences", json!({ "held_on": "2025-09-02" })).await;
    assert_eq!(status, 201, "{bare}");
    let res = xa.get(app.url(&format!("/api/v1/conferences/{}/minutes.docx", bare["id"]))).send().await.expect("get");
    assert_eq!(res.status(), 409, "no minutes, no document");

    let v = api_get(&xa, app, &format!("/api/v1/units/{commune}/conference-compliance?year=2025")).await;
    assert_eq!((v["held"].as_u64(), v["missing"].as_u64()), (Some(1), Some(1)));
    assert_eq!(v["villages"][0]["code"], "V2", "villages without a conference first");
    assert!(v["villages"][0]["held_on"].is_null());
    assert_eq!(v["villages"][1]["held_on"], "2025-12-20");
    assert_eq!((v["from"].as_str(), v["to"].as_str()), (Some("2025-10-01"), Some("2025-12-31")));
    let next = api_get(&xa, app, &format!("/api/v1/units/{commune}/conference-compliance?year=2026")).await;
    assert_eq!(next["missing"], 2);
    // This year (2025 on the clock) by default.
    let this = api_get(&xa, app, &format!("/api/v1/units/{commune}/conference-compliance")).await;
    assert_eq!(this["year"], 2025);
}

async fn the_pages_show_the_timeline_and_the_villages_without_a_conference(app: &TestApp) {
    app.state.clock.set_today(day("2025-11-12"));
    let commune = commune_with_villages(app).await;
    let xa = app.client_as("xa@coso.test").await;
    let list = app.page(&xa, "/quan-tri/don-vi/V1/bau-truong-thon").await;
    let csrf = attr(&list, "form input[name=csrf]", "value").expect("csrf");

    // A refused form shows its error and keeps what was typed.
    let res = app.post_form(&xa, "/quan-tri/don-vi/V1/bau-truong-thon", &csrf, &[("meeting_on", "31/02/2026")]).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    assert!(texts(&html, ".error-summary li").iter().any(|t| t.contains("Ngày họp bầu")), "{html}");

    let res = app.post_form(&xa, "/quan-tri/don-vi/V1/bau-truong-thon", &csrf, &[("meeting_on", "30/11/2025")]).await;
    // The client follows the redirect to the new election's page.
    assert_eq!(res.status(), 200);
    let election = res.url().path().to_string();
    assert!(election.starts_with("/quan-tri/don-vi/V1/bau-truong-thon/"), "{election}");
    let res =
        app.post_form(&xa, &format!("{election}/buoc"), &csrf, &[("step", "plan"), ("done_on", "12/11/2025")]).await;
    assert_eq!(res.status(), 200);
    let res = app
        .post_form(
            &xa,
            &format!("{election}/buoc"),
            &csrf,
            &[("step", "candidates"), ("done_on", "12/11/2025"), ("people", "Nguyễn Văn An\nLê Thị Bình")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .post_form(
            &xa,
            &format!("{election}/buoc"),
            &csrf,
            &[("step", "team"), ("done_on", "12/11/2025"), ("people", "Nguyen Van An")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = app.page(&xa, &election).await;
    let tags = texts(&html, "table .tag");
    assert!(tags.contains(&"Thực hiện muộn".to_string()), "{tags:?}");
    assert!(tags.contains(&"Đã thực hiện đúng hạn".to_string()), "{tags:?}");
    assert!(texts(&html, "li").iter().any(|t| t == "Lê Thị Bình"), "candidates listed");
    assert!(html.contains("Chưa kiểm chứng"), "the VH-5 threshold is shown as unverified");

    let res = app
        .post_form(
            &xa,
            "/quan-tri/don-vi/V1/hoi-nghi-cong-dong",
            &csrf,
            &[("held_on", "05/11/2025"), ("minutes", "Biên bản")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let html = app.page(&xa, &format!("/quan-tri/don-vi/{commune}/hoi-nghi-cong-dong/tuan-thu")).await;
    let rows = texts(&html, "tbody tr");
    assert_eq!(rows.len(), 2);
    assert!(rows[0].contains("Thôn Hai") && rows[0].contains("Chưa tổ chức"), "{rows:?}");
    let res = xa
        .get(app.url(&format!("/quan-tri/don-vi/{commune}/hoi-nghi-cong-dong/tuan-thu.csv?nam=2025")))
        .send()
        .await
        .expect("csv");
    assert_eq!(res.status(), 200);
    let csv = res.text().await.expect("csv");
    assert!(csv.contains("Thôn Hai,,Chưa tổ chức") || csv.contains("Thôn Hai,,\"Chưa tổ chức\""), "{csv}");
}

on_both! {
    app:
    election_runs => the_election_runs_from_the_plan_to_recognition,
    dec_6_counts => the_counts_of_dec_6_decide_the_outcome,
    dismissal => a_dismissal_calls_for_a_new_election_within_60_days,
    bad_input => bad_input_is_refused_and_nothing_changes,
    conferences => conferences_are_checked_and_missing_villages_listed,
    pages => the_pages_show_the_timeline_and_the_villages_without_a_conference,
}
