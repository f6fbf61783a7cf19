//! Elections of board members on both databases: the commune's People's Inspection Board formed
//! from a recognised election whose elected satisfy BTT-1, the board then naming the election;
//! a count whose elected would break BTT-1 refused naming the rule with nothing changed; the
//! residents' representatives of an investment board renewed by an election (GS-3 caps its
//! seats); the official's pages of a board election.

use chrono::NaiveDate;
use coso_domain::authz::Role;
use coso_test_support::{TestApp, on_both};
use serde_json::{Value, json};

use crate::common::{api_get, api_post, commune_with_villages};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// The first commune of the province with villages `V1` and `V2`, and an official on it.
async fn commune(app: &TestApp) -> String {
    app.state.clock.set_today(day("2026-03-02"));
    let commune = commune_with_villages(app, &[("V1", "Thôn Một"), ("V2", "Thôn Hai")]).await.code;
    app.user("xa@coso.test", Role::Official, &commune).await;
    app.user("xem@coso.test", Role::Viewer, &commune).await;
    commune
}

/// The messages of a refusal's fields, joined.
fn messages(body: &Value) -> String {
    body["error"]["fields"]
        .as_array()
        .map(|f| f.iter().filter_map(|f| f["message"].as_str()).collect::<Vec<_>>().join(" | "))
        .unwrap_or_default()
}

async fn boards_of(app: &TestApp, commune: &str) -> usize {
    let unit = app.state.app.store().unit_by_code(commune).await.expect("q").expect("commune");
    app.state.app.store().boards_of_unit(unit.id).await.expect("boards").len()
}

/// A People's Inspection Board election of the commune with five seats and these candidates
/// (name, village), each given `votes` of 150 present.
async fn counted_election(
    app: &TestApp,
    c: &reqwest::Client,
    commune: &str,
    candidates: &[(&str, &str)],
    votes: i64,
) -> (i64, u16, Value) {
    let (status, v) = api_post(
        c,
        app,
        &format!("/api/v1/units/{commune}/elections"),
        json!({ "meeting_on": "2026-02-20", "kind": "inspection_board", "seats": 5 }),
    )
    .await;
    assert_eq!(status, 201, "{v}");
    assert_eq!((v["kind"].as_str(), v["seats"].as_u64()), (Some("inspection_board"), Some(5)));
    assert_eq!(v["threshold"]["rule"], "DEC-5");
    let id = v["id"].as_i64().expect("id");
    let people: Vec<&str> = candidates.iter().map(|(n, _)| *n).collect();
    let villages: Vec<&str> = candidates.iter().map(|(_, v)| *v).collect();
    let (status, v) = api_post(
        c,
        app,
        &format!("/api/v1/elections/{id}/steps"),
        json!({ "step": "candidates", "done_on": "2026-02-05", "people": people, "villages": villages }),
    )
    .await;
    assert_eq!(status, 200, "{v}");
    let votes: Vec<Value> = people.iter().map(|n| json!({ "candidate": n, "votes": votes })).collect();
    let (status, v) = api_post(
        c,
        app,
        &format!("/api/v1/elections/{id}/result"),
        json!({ "households": 200, "present": 150, "votes": votes, "received_on": "2026-02-21" }),
    )
    .await;
    (id, status, v)
}

const FIVE: [(&str, &str); 5] = [
    ("Võ Thị Hoa", "V1"),
    ("Nguyễn Văn An", "V1"),
    ("Trần Văn Bình", "Thôn Một"),
    ("Lê Thị Cúc", "V2"),
    ("Phạm Văn Dũng", "V2"),
];

async fn an_election_satisfying_btt_1_forms_the_board_which_links_to_it(app: &TestApp) {
    let commune = commune(app).await;
    let xa = app.client_as("xa@coso.test").await;

    // A board's election belongs to the commune, not to a village.
    let (status, _) = api_post(
        &xa,
        app,
        "/api/v1/units/V1/elections",
        json!({ "meeting_on": "2026-02-20", "kind": "inspection_board", "seats": 5 }),
    )
    .await;
    assert_eq!(status, 400);

    let (id, status, v) = counted_election(app, &xa, &commune, &FIVE, 100).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["outcome"], "elected");
    assert_eq!(v["winners"].as_array().map(Vec::len), Some(5));
    assert_eq!(v["required"], 76, "more than half of the 150 present (DEC-5)");
    assert_eq!(boards_of(app, &commune).await, 0, "the count alone seats nobody");

    let (status, v) = api_post(
        &xa,
        app,
        &format!("/api/v1/elections/{id}/recognition"),
        json!({ "decided_on": "2026-02-24", "head": "le thi cuc" }),
    )
    .await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["status"], "recognised");
    let board_id = v["board"].as_i64().expect("the board formed");
    let board = api_get(&xa, app, &format!("/api/v1/boards/{board_id}")).await;
    assert_eq!(board["kind"], "inspection");
    assert_eq!(board["election"], id);
    assert_eq!(board["elected_on"], "2026-02-20");
    let members = board["members"].as_array().expect("members");
    assert_eq!(members.len(), 5);
    let head: Vec<&str> = members.iter().filter(|m| m["role"] == "head").filter_map(|m| m["name"].as_str()).collect();
    assert_eq!(head, ["Lê Thị Cúc"]);
    assert!(members.iter().any(|m| m["village"] == "Thôn Hai"));

    // The board's page names the election as a link; the election's page links to the board.
    let html = app.page(&xa, &format!("/quan-tri/don-vi/{commune}/ban-giam-sat/{board_id}")).await;
    assert!(html.contains(&format!("href=\"/quan-tri/don-vi/{commune}/bau-truong-thon/{id}\"")), "{html}");
    let html = app.page(&xa, &format!("/quan-tri/don-vi/{commune}/bau-truong-thon/{id}")).await;
    assert!(html.contains(&format!("/quan-tri/don-vi/{commune}/ban-giam-sat/{board_id}")), "{html}");
    assert!(html.contains("Bầu thành viên Ban Thanh tra nhân dân") && html.contains("Võ Thị Hoa (Thôn Một)"), "{html}");
}

async fn a_count_breaking_btt_1_is_refused_and_changes_nothing(app: &TestApp) {
    let commune = commune(app).await;
    let xa = app.client_as("xa@coso.test").await;

    // Every elected candidate comes from Thôn Một: Thôn Hai would have no member.
    let all_v1: Vec<(&str, &str)> = FIVE.iter().map(|(n, _)| (*n, "V1")).collect();
    let (id, status, v) = counted_election(app, &xa, &commune, &all_v1, 100).await;
    assert_eq!(status, 422, "{v}");
    let text = messages(&v);
    assert!(text.contains("(BTT-1)") && text.contains("Thôn Hai"), "{text}");
    let e = api_get(&xa, app, &format!("/api/v1/elections/{id}")).await;
    assert_eq!(e["status"], "preparing", "nothing saved");
    assert!(e["households"].is_null());
    assert_eq!(boards_of(app, &commune).await, 0);

    // A board candidate of the People's Inspection Board needs a village (BTT-1).
    let (status, v) = api_post(
        &xa,
        app,
        &format!("/api/v1/elections/{id}/steps"),
        json!({ "step": "candidates", "done_on": "2026-02-05", "people": ["Người Không Thôn"] }),
    )
    .await;
    assert_eq!(status, 422, "{v}");
    assert!(messages(&v).contains("BTT-1"), "{v}");

    // Too few reach the threshold: four elected of five seats is short of BTT-1's five.
    let (_, status, v) = counted_election(app, &xa, &commune, &FIVE, 75).await;
    assert_eq!(status, 200, "nobody elected is kept for a new vote: {v}");
    assert_eq!(v["outcome"], "not_elected");
    assert_eq!(boards_of(app, &commune).await, 0);
}

async fn an_investment_boards_residents_are_renewed_by_their_election(app: &TestApp) {
    let commune = commune(app).await;
    let xa = app.client_as("xa@coso.test").await;
    let resident = |name: &str| json!({ "name": name, "role": "member", "village": "V2" });
    let (status, board) = api_post(
        &xa,
        app,
        &format!("/api/v1/units/{commune}/boards"),
        json!({
            "kind": "investment",
            "elected_by": "Quyết định số 12/QĐ-MTTQ",
            "elected_on": "2026-02-01",
            "members": [
                { "name": "Đặng Văn Hùng", "role": "head", "from": "front" },
                { "name": "Võ Thị Hoa", "role": "member", "from": "inspection_board" },
                resident("Người dân số 1"), resident("Người dân số 2"), resident("Người dân số 3"),
            ],
            "project": { "name": "Đường bê tông thôn Hai", "investor": "UBND xã", "budget": "1.500.000.000",
                         "contributions": "300.000.000", "starts_on": "2026-02-15", "ends_on": "2026-09-30" }
        }),
    )
    .await;
    assert_eq!(status, 201, "{board}");
    let board_id = board["id"].as_i64().expect("id");
    let elections = format!("/api/v1/units/{commune}/elections");

    // GS-3: at most five residents' representatives.
    let body = json!({ "meeting_on": "2026-02-20", "kind": "investment_board", "seats": 6, "board": board_id });
    let (status, v) = api_post(&xa, app, &elections, body).await;
    assert_eq!(status, 422, "{v}");
    assert!(messages(&v).contains("GS-3"), "{v}");

    let body = json!({ "meeting_on": "2026-02-20", "kind": "investment_board", "seats": 3, "board": board_id });
    let (status, v) = api_post(&xa, app, &elections, body).await;
    assert_eq!(status, 201, "{v}");
    let id = v["id"].as_i64().expect("id");
    let names = ["Hồ Văn Tài", "Kim Thị Linh", "Mạc Văn Nam", "Ông Thị Oanh"];
    let (status, v) = api_post(
        &xa,
        app,
        &format!("/api/v1/elections/{id}/steps"),
        json!({ "step": "candidates", "done_on": "2026-02-05", "people": names, "villages": ["V2", "V2", "V2", "V2"] }),
    )
    .await;
    assert_eq!(status, 200, "{v}");
    let votes: Vec<Value> =
        names.iter().zip([90, 80, 40, 85]).map(|(n, v)| json!({ "candidate": n, "votes": v })).collect();
    let (status, v) = api_post(
        &xa,
        app,
        &format!("/api/v1/elections/{id}/result"),
        json!({ "households": 120, "present": 100, "votes": votes, "received_on": "2026-02-21" }),
    )
    .await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["winners"], json!(["Hồ Văn Tài", "Ông Thị Oanh", "Kim Thị Linh"]));
    let (status, v) =
        api_post(&xa, app, &format!("/api/v1/elections/{id}/recognition"), json!({ "decided_on": "2026-02-24" })).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["board"], board_id);
    let board = api_get(&xa, app, &format!("/api/v1/boards/{board_id}")).await;
    assert_eq!(board["election"], id);
    let names: Vec<&str> =
        board["members"].as_array().expect("members").iter().filter_map(|m| m["name"].as_str()).collect();
    assert_eq!(names.len(), 5, "{names:?}");
    assert!(names.contains(&"Đặng Văn Hùng") && names.contains(&"Kim Thị Linh"), "{names:?}");
    assert!(!names.contains(&"Người dân số 1") && !names.contains(&"Mạc Văn Nam"), "{names:?}");
}

on_both! {
    app:
    forms_the_board => an_election_satisfying_btt_1_forms_the_board_which_links_to_it,
    breaks_btt_1 => a_count_breaking_btt_1_is_refused_and_changes_nothing,
    investment_residents => an_investment_boards_residents_are_renewed_by_their_election,
}
