//! Community decisions through the API on both databases: a village of 120 households meets;
//! 70 present and 66 yes adopt, 58 yes do not (against all households, not those present), 55
//! present cannot reach the ratio and the household ballot is offered; and bad input — more
//! yes votes than households present, a tally on a closed decision, an online vote on matters
//! 1–5 — gets a clear error and changes nothing.

use coso_domain::authz::Role;
use coso_test_support::{TestApp, attr, attrs, on_both, texts};
use serde_json::{Value, json};

use crate::common::village_with_staff;

/// The first commune of the province with the village `V1` of 120 households, an official of
/// the commune and the village head. Returns the official's client.
async fn village_of_120(app: &TestApp) -> reqwest::Client {
    village_with_staff(app, "V1", "Thôn Một", 120).await;
    app.client_as("xa@coso.test").await
}

async fn open_meeting(app: &TestApp, c: &reqwest::Client, title: &str) -> i64 {
    let res = app
        .post_json(
            c,
            "/api/v1/units/V1/decisions",
            &json!({ "matter": 1, "form": "meeting", "title": title, "date": "2026-03-10" }),
        )
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    res.json::<Value>().await.expect("json")["id"].as_i64().expect("id")
}

async fn post(app: &TestApp, c: &reqwest::Client, path: String, body: Value) -> (u16, Value) {
    let res = c.post(app.url(&path)).json(&body).send().await.expect("post");
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn get(app: &TestApp, c: &reqwest::Client, id: i64) -> Value {
    let res = c.get(app.url(&format!("/api/v1/decisions/{id}"))).send().await.expect("get");
    assert_eq!(res.status(), 200);
    res.json().await.expect("json")
}

fn rules(d: &Value) -> Vec<(String, String)> {
    d["deadlines"]
        .as_array()
        .expect("deadlines")
        .iter()
        .map(|x| (x["rule"].as_str().unwrap_or("").to_string(), x["due"].as_str().unwrap_or("").to_string()))
        .collect()
}

async fn a_meeting_is_judged_against_all_households(app: &TestApp) {
    let official = village_of_120(app).await;

    let adopted = open_meeting(app, &official, "Mức đóng góp làm đường bê tông").await;
    let d = get(app, &official, adopted).await;
    assert_eq!((d["households"].as_i64(), d["required"].as_i64()), (Some(120), Some(61)));
    assert_eq!(d["outcome"], Value::Null, "nothing settles it before the meeting");
    assert_eq!(
        rules(&d),
        vec![
            ("community_meeting.invitation".to_string(), "2026-03-05".to_string()),
            ("community_meeting.reminder".to_string(), "2026-03-09".to_string()),
            ("community_meeting.result_to_commune".to_string(), "2026-03-17".to_string()),
        ]
    );
    let (status, _) =
        post(app, &official, format!("/api/v1/decisions/{adopted}/attendance"), json!({ "present": 70 })).await;
    assert_eq!(status, 200);
    let (status, d) =
        post(app, &official, format!("/api/v1/decisions/{adopted}/tally"), json!({ "yes": 66, "no": 4, "invalid": 0 }))
            .await;
    assert_eq!(status, 200, "{d}");
    assert_eq!((d["present"].as_i64(), d["yes"].as_i64()), (Some(70), Some(66)));
    assert_eq!(d["outcome"], "adopted");
    assert_eq!(d["status"], "closed");
    assert!(d["reason"].as_str().is_some_and(|r| r.contains("66 trên 120")), "{d}");

    // The village head runs the second meeting of the village.
    let head = app.client_as("truong-thon@coso.test").await;
    let not_adopted = open_meeting(app, &head, "Mức đóng góp làm nhà văn hóa").await;
    post(app, &head, format!("/api/v1/decisions/{not_adopted}/attendance"), json!({ "present": 70 })).await;
    let (status, d) = post(
        app,
        &head,
        format!("/api/v1/decisions/{not_adopted}/tally"),
        json!({ "yes": 58, "no": 12, "invalid": 0 }),
    )
    .await;
    assert_eq!(status, 200, "{d}");
    assert_eq!(d["outcome"], "not_adopted", "58 of 70 present is not more than half of 120 households");
    assert_eq!(d["ballot_offered"], false);

    let unreachable = open_meeting(app, &official, "Mức đóng góp làm kênh mương").await;
    let (status, d) =
        post(app, &official, format!("/api/v1/decisions/{unreachable}/attendance"), json!({ "present": 55 })).await;
    assert_eq!(status, 200, "{d}");
    assert_eq!(d["outcome"], "ratio_unreachable");
    assert_eq!(d["ballot_offered"], true);
    let reason = d["reason"].as_str().expect("reason");
    assert!(reason.contains("(55 ≤ 60)") && reason.contains("phát phiếu"), "{reason}");

    // Attendance ticked household by household replaces the count.
    let households: Vec<i64> = app
        .store
        .decision_households(
            &coso_domain::authz::authorize(
                &[coso_domain::authz::Grant {
                    role: Role::Admin,
                    unit: app.store.unit_by_code("V1").await.expect("q").expect("V1").unit_path(),
                }],
                &app.store.unit_by_code("V1").await.expect("q").expect("V1").unit_path(),
                coso_domain::authz::Action::ManageDecisions,
            )
            .expect("permit"),
            &app.store.unit_by_code("V1").await.expect("q").expect("V1"),
            unreachable,
        )
        .await
        .expect("households")
        .into_iter()
        .map(|h| h.household_id)
        .take(61)
        .collect();
    let (status, d) = post(
        app,
        &official,
        format!("/api/v1/decisions/{unreachable}/attendance"),
        json!({ "households": households }),
    )
    .await;
    assert_eq!(status, 200, "{d}");
    assert_eq!(d["present"].as_i64(), Some(61));
    assert_eq!(d["outcome"], Value::Null, "61 present can still reach 61 yes");

    let ballot = post(
        app,
        &official,
        "/api/v1/units/V1/decisions".into(),
        json!({ "matter": 1, "form": "ballot", "title": "Phát phiếu về mức đóng góp", "date": "2024-03-01", "ends_on": "2024-03-08" }),
    )
    .await;
    assert_eq!(ballot.0, 201, "{}", ballot.1);
    let d = get(app, &official, ballot.1["id"].as_i64().expect("id")).await;
    assert_eq!(rules(&d), vec![("ballot.result_to_commune".to_string(), "2024-03-15".to_string())]);
}

async fn bad_input_is_refused_and_nothing_changes(app: &TestApp) {
    let official = village_of_120(app).await;
    let id = open_meeting(app, &official, "Mức đóng góp làm đường").await;
    let (status, body) =
        post(app, &official, format!("/api/v1/decisions/{id}/tally"), json!({ "yes": 1, "no": 0 })).await;
    assert_eq!(status, 422, "no attendance yet: {body}");
    let (status, body) =
        post(app, &official, format!("/api/v1/decisions/{id}/attendance"), json!({ "present": 121 })).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["fields"][0]["field"], "present");
    post(app, &official, format!("/api/v1/decisions/{id}/attendance"), json!({ "present": 70 })).await;

    let (status, body) =
        post(app, &official, format!("/api/v1/decisions/{id}/tally"), json!({ "yes": 71, "no": 0, "invalid": 0 }))
            .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["fields"][0]["field"], "yes");
    assert!(body["error"]["fields"][0]["message"].as_str().is_some_and(|m| m.contains("71")), "{body}");
    let d = get(app, &official, id).await;
    assert_eq!((d["status"].as_str(), d["yes"].as_i64()), (Some("open"), None), "the refused tally changed nothing");

    let (status, _) =
        post(app, &official, format!("/api/v1/decisions/{id}/tally"), json!({ "yes": 66, "no": 4, "invalid": 0 }))
            .await;
    assert_eq!(status, 200);
    let (status, body) =
        post(app, &official, format!("/api/v1/decisions/{id}/tally"), json!({ "yes": 10, "no": 60, "invalid": 0 }))
            .await;
    assert_eq!(status, 409, "a tally on a closed decision: {body}");
    assert!(body["error"]["message"].as_str().is_some_and(|m| m.contains("đã có kết quả")), "{body}");
    let (status, _) =
        post(app, &official, format!("/api/v1/decisions/{id}/attendance"), json!({ "present": 10 })).await;
    assert_eq!(status, 409);
    let d = get(app, &official, id).await;
    assert_eq!(
        (d["outcome"].as_str(), d["yes"].as_i64(), d["present"].as_i64()),
        (Some("adopted"), Some(66), Some(70))
    );

    for matter in 1..=5 {
        let (status, body) = post(
            app,
            &official,
            "/api/v1/units/V1/decisions".into(),
            json!({ "matter": matter, "form": "online", "title": "Biểu quyết trực tuyến", "date": "2026-03-10" }),
        )
        .await;
        assert_eq!(status, 422, "matter {matter}: {body}");
        assert_eq!(body["error"]["fields"][0]["field"], "form");
    }
    let (status, body) = post(
        app,
        &official,
        "/api/v1/units/V1/decisions".into(),
        json!({ "matter": 6, "form": "online", "title": "Giờ đổ rác của thôn", "date": "2026-03-10" }),
    )
    .await;
    assert_eq!(status, 201, "{body}");

    let ballot = post(
        app,
        &official,
        "/api/v1/units/V1/decisions".into(),
        json!({ "matter": 2, "form": "ballot", "title": "Thu quỹ khuyến học", "date": "2026-03-10" }),
    )
    .await;
    let ballot = ballot.1["id"].as_i64().expect("ballot");
    let (status, body) =
        post(app, &official, format!("/api/v1/decisions/{ballot}/tally"), json!({ "yes": 1, "no": 0 })).await;
    assert_eq!(status, 422, "a ballot's count is entered twice, not as a meeting's: {body}");
    assert_eq!(body["error"]["fields"][0]["field"], "first_yes", "{body}");

    let stranger = {
        app.user("ha-noi@coso.test", Role::Official, "01").await;
        app.client_as("ha-noi@coso.test").await
    };
    let (status, _) = post(app, &stranger, format!("/api/v1/decisions/{id}/attendance"), json!({ "present": 1 })).await;
    assert_eq!(status, 403);
    let audit = app.store.audit_entries(Some("decision"), None).await.expect("audit");
    assert_eq!(audit.total, 5, "three opened, one attendance, one tally: refusals write nothing");
}

/// The village head opens a meeting on the page, ticks the households present on the tablet's
/// form, enters the vote and reads the outcome with its reason; a refused vote keeps what was
/// typed and names the field.
async fn the_village_head_runs_a_meeting_on_the_pages(app: &TestApp) {
    village_of_120(app).await;
    let head = app.client_as("truong-thon@coso.test").await;
    // Held today: the village's public page shows the results of the last 90 days.
    let today = app.state.app.today().format("%d/%m/%Y").to_string();
    let list = app.page(&head, "/quan-tri/don-vi/V1/quyet-dinh").await;
    let csrf = attr(&list, "form input[name=csrf]", "value").expect("csrf");
    let res = app
        .post_form(
            &head,
            "/quan-tri/don-vi/V1/quyet-dinh",
            &csrf,
            &[("title", "Mức đóng góp sửa cầu"), ("matter", "3"), ("form", "online"), ("date", "10/03/2026")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let refused = res.text().await.expect("html");
    assert!(texts(&refused, ".error-summary a").iter().any(|t| t.contains("nội dung 6")), "{refused}");
    let res = app
        .post_form(
            &head,
            "/quan-tri/don-vi/V1/quyet-dinh",
            &csrf,
            &[("title", "Mức đóng góp sửa cầu"), ("matter", "1"), ("form", "meeting"), ("date", &today)],
        )
        .await;
    assert_eq!(res.status(), 200, "the redirect to the meeting's page is followed");
    let at = res.url().path().to_string();
    assert!(at.starts_with("/quan-tri/don-vi/V1/quyet-dinh/"), "{at}");
    let meeting = app.page(&head, &at).await;
    let ids = attrs(&meeting, "input[name=households]", "value");
    assert_eq!(ids.len(), 120, "one box per household of the snapshot");
    let mut ticked: Vec<(&str, &str)> = ids.iter().take(70).map(|id| ("households", id.as_str())).collect();
    ticked.push(("present", ""));
    let res = app.post_form(&head, &format!("{at}/du-hop"), &csrf, &ticked).await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.expect("html").contains("Đã ghi 70 hộ dự họp."));
    let res = app.post_form(&head, &format!("{at}/kiem-phieu"), &csrf, &[("yes", "71"), ("no", "0")]).await;
    assert_eq!(res.status(), 422);
    let refused = res.text().await.expect("html");
    assert_eq!(attr(&refused, "input[name=yes]", "value").as_deref(), Some("71"));
    assert!(texts(&refused, ".error-summary a").iter().any(|t| t.contains("(70)")), "{refused}");
    let res = app.post_form(&head, &format!("{at}/kiem-phieu"), &csrf, &[("yes", "66"), ("no", "4")]).await;
    assert_eq!(res.status(), 200);
    let closed = app.page(&head, &at).await;
    assert!(texts(&closed, ".tag").iter().any(|t| t == "Được thông qua"), "{closed}");
    assert!(closed.contains("66 trên 120 hộ gia đình đồng ý"), "{closed}");
    assert!(attrs(&closed, "input[name=households]", "value").is_empty(), "a closed meeting takes no attendance");
    let list = app.page(&head, "/quan-tri/don-vi/V1/quyet-dinh").await;
    assert!(texts(&list, "table.data td a").iter().any(|t| t == "Mức đóng góp sửa cầu"));
    let public = app.page(&app.anonymous(), "/don-vi/V1").await;
    assert!(texts(&public, "#quyet-dinh").iter().any(|t| t == "Nhân dân bàn và quyết định"), "{public}");
    assert!(public.contains("Mức đóng góp sửa cầu") && public.contains("Được thông qua"), "{public}");
    assert!(!public.contains("Nguyễn Văn 1"), "no household's name on the public page");
}

on_both! {
    app:
    meetings => a_meeting_is_judged_against_all_households,
    bad_input => bad_input_is_refused_and_nothing_changes,
    pages => the_village_head_runs_a_meeting_on_the_pages,
}
