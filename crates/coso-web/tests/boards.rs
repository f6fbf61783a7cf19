//! Supervision boards on both databases: a board breaking its rules is refused naming the rule
//! and nothing is saved; a finding of the People's Inspection Board goes to the commune, falls
//! overdue, is escalated to the chairman's inbox, answered, closed and counted in the board's
//! report (read back from the DOCX); a board member sees only their own board.

use chrono::NaiveDate;
use coso_domain::authz::Role;
use coso_test_support::{TestApp, on_both};
use serde_json::{Value, json};

use crate::common::{Multipart, commune_with, docx_text};

const PROVINCE: &str = "42";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// The first commune of the province with 3 villages and 1 residential group, an official on
/// it, and two `board_member` accounts. Returns the commune's code.
async fn commune(app: &TestApp) -> String {
    app.state.clock.set_today(day("2026-01-02"));
    let units = [
        ("V1", "Thôn Một", "village"),
        ("V2", "Thôn Hai", "village"),
        ("V3", "Thôn Ba", "village"),
        ("T1", "Tổ dân phố Một", "residential_group"),
    ];
    let commune = commune_with(app, &units).await.code;
    app.user("xa@coso.test", Role::Official, &commune).await;
    app.user("ban1@coso.test", Role::BoardMember, &commune).await;
    app.user("ban2@coso.test", Role::BoardMember, &commune).await;
    commune
}

fn member(name: &str, role: &str, village: &str) -> Value {
    json!({ "name": name, "role": role, "village": village })
}

/// The People's Inspection Board of the commune: one member per village and group, five in all
/// (BTT-1: 3 villages + 1 group still need 5); its head signs in as `ban1`.
fn inspection_board() -> Value {
    json!({
        "kind": "inspection",
        "elected_by": "Biên bản hội nghị Ban Thường trực UBMTTQ xã ngày 05/01/2026",
        "elected_on": "2026-01-05",
        "members": [
            { "name": "Võ Thị Hoa", "role": "head", "village": "V1", "account": "ban1@coso.test" },
            member("Nguyễn Văn An", "deputy", "V2"),
            member("Trần Văn Bình", "member", "V3"),
            member("Lê Thị Cúc", "member", "T1"),
            member("Phạm Văn Dũng", "member", "Thôn Một"),
        ]
    })
}

/// An investment board of a road project: a Front representative, a BTTND one and `residents`
/// residents, `deputies` of them deputy heads.
fn investment_board(residents: usize, deputies: usize, account: &str) -> Value {
    let mut members = vec![
        json!({ "name": "Đặng Văn Hùng", "role": "head", "from": "front", "account": account }),
        json!({ "name": "Võ Thị Hoa", "role": "member", "from": "inspection_board" }),
    ];
    for i in 0..residents {
        let role = if i < deputies { "deputy" } else { "member" };
        members.push(json!({ "name": format!("Người dân số {}", i + 1), "role": role, "village": "V2" }));
    }
    json!({
        "kind": "investment",
        "elected_by": "Quyết định số 12/QĐ-MTTQ",
        "elected_on": "2026-02-01",
        "reports": "half_yearly",
        "members": members,
        "project": { "name": "Đường bê tông thôn Hai", "investor": "UBND xã", "budget": "1.500.000.000",
                     "contributions": "300.000.000", "starts_on": "2026-02-15", "ends_on": "2026-09-30" }
    })
}

async fn post(c: &reqwest::Client, url: String, body: &Value) -> reqwest::Response {
    c.post(url).json(body).send().await.expect("post")
}

/// The messages of a refusal, joined.
async fn messages(res: reqwest::Response) -> String {
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.expect("json");
    body["error"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|f| f["message"].as_str())
        .collect::<Vec<_>>()
        .join(" | ")
}

async fn boards_of(app: &TestApp, commune: &str) -> usize {
    let unit = app.state.app.store().unit_by_code(commune).await.expect("q").expect("commune");
    app.state.app.store().boards_of_unit(unit.id).await.expect("boards").len()
}

async fn a_board_breaking_its_rules_is_refused_and_nothing_is_saved(app: &TestApp) {
    let commune = commune(app).await;
    app.state.clock.set_today(day("2026-03-02"));
    let xa = app.client_as("xa@coso.test").await;
    let url = app.url(&format!("/api/v1/units/{commune}/boards"));

    // BTT-1: four members for 3 villages and a group.
    let mut four = inspection_board();
    four["members"].as_array_mut().expect("members").pop();
    let text = messages(post(&xa, url.clone(), &four).await).await;
    assert!(text.contains("(BTT-1)") && text.contains("ít nhất 5 thành viên"), "{text}");
    // BTT-1: every village has its member.
    let mut uncovered = inspection_board();
    uncovered["members"][3]["village"] = json!("V1");
    let text = messages(post(&xa, url.clone(), &uncovered).await).await;
    assert!(text.contains("(BTT-1)") && text.contains("Tổ dân phố Một"), "{text}");
    // GS-3: six residents, or three deputy heads.
    let text = messages(post(&xa, url.clone(), &investment_board(6, 0, "")).await).await;
    assert!(text.contains("(GS-3)") && text.contains("tối đa 5 đại diện người dân"), "{text}");
    let text = messages(post(&xa, url.clone(), &investment_board(4, 3, "")).await).await;
    assert!(text.contains("(GS-3)") && text.contains("tối đa 2 Phó Trưởng ban"), "{text}");
    // GS-2: four members in all.
    let text = messages(post(&xa, url.clone(), &investment_board(2, 0, "")).await).await;
    assert!(text.contains("(GS-2)"), "{text}");
    assert_eq!(boards_of(app, &commune).await, 0, "nothing saved");

    // BTT-2: a second People's Inspection Board of the commune; GS-1: a second board of the road.
    assert_eq!(post(&xa, url.clone(), &inspection_board()).await.status(), 201);
    let text = messages(post(&xa, url.clone(), &inspection_board()).await).await;
    assert!(text.contains("(BTT-2)"), "{text}");
    assert_eq!(post(&xa, url.clone(), &investment_board(3, 1, "")).await.status(), 201);
    let text = messages(post(&xa, url.clone(), &investment_board(3, 1, "")).await).await;
    assert!(text.contains("(GS-1)"), "{text}");
    assert_eq!(boards_of(app, &commune).await, 2);

    // A board member records nothing, a village is no place for a board.
    let ban = app.client_as("ban1@coso.test").await;
    assert_eq!(post(&ban, url.clone(), &inspection_board()).await.status(), 403);
    let text = messages(post(&xa, app.url("/api/v1/units/V1/boards"), &investment_board(3, 0, "")).await).await;
    assert!(text.contains("(GS-1)"), "{text}");
}

async fn get(c: &reqwest::Client, url: String) -> Value {
    let res = c.get(url).send().await.expect("get");
    assert_eq!(res.status(), 200, "{}", res.url());
    res.json().await.expect("json")
}

async fn a_finding_goes_overdue_is_escalated_answered_closed_and_reported(app: &TestApp) {
    let commune = commune(app).await;
    app.state.clock.set_today(day("2026-03-02"));
    let xa = app.client_as("xa@coso.test").await;
    let url = app.url(&format!("/api/v1/units/{commune}/boards"));
    let res = post(&xa, url.clone(), &inspection_board()).await;
    assert_eq!(res.status(), 201);
    let board = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    let res = post(&xa, url, &investment_board(3, 1, "ban2@coso.test")).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let other = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");

    // A board member sees only their board.
    let ban1 = app.client_as("ban1@coso.test").await;
    let ban2 = app.client_as("ban2@coso.test").await;
    assert_eq!(get(&ban1, app.url(&format!("/api/v1/boards/{board}"))).await["kind"], "inspection");
    assert_eq!(ban1.get(app.url(&format!("/api/v1/boards/{other}"))).send().await.expect("get").status(), 403);
    assert_eq!(ban2.get(app.url(&format!("/api/v1/boards/{board}"))).send().await.expect("get").status(), 403);
    let finding_to_other = json!({ "subject": "x", "body": "y", "to_unit": commune, "due_on": "2026-03-10" });
    let res = post(&ban2, app.url(&format!("/api/v1/boards/{board}/findings")), &finding_to_other).await;
    assert_eq!(res.status(), 403);

    // 1. Sent to the commune.
    let finding = json!({ "subject": "Công khai thu chi quỹ vì người nghèo",
        "body": "Chưa niêm yết thu chi quỹ năm 2025 tại trụ sở; đề nghị niêm yết.", "to_unit": commune, "due_on": "2026-03-10" });
    let res = post(&ban1, app.url(&format!("/api/v1/boards/{board}/findings")), &finding).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let id = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    let f = get(&ban1, app.url(&format!("/api/v1/findings/{id}"))).await;
    assert_eq!(f["status"], "sent");
    assert_eq!(f["deadlines"], json!([{ "rule": "board.finding_answer", "due": "2026-03-10" }]));
    assert_eq!(f["overdue"], false);

    // 2. Overdue.
    app.state.clock.set_today(day("2026-03-12"));
    let f = get(&ban1, app.url(&format!("/api/v1/findings/{id}"))).await;
    assert_eq!(f["overdue"], true);
    assert_eq!(f["escalated"], false);

    // 3. Escalated to the commune chairman's inbox, once.
    assert_eq!(coso_app::boards::escalate_overdue(&app.state.app, day("2026-03-12")).await.expect("escalate"), 1);
    assert_eq!(coso_app::boards::escalate_overdue(&app.state.app, day("2026-03-13")).await.expect("again"), 0);
    let notes = get(&xa, app.url("/api/v1/notifications")).await;
    let titles: Vec<String> = notes
        .as_array()
        .or_else(|| notes["items"].as_array())
        .expect("notifications")
        .iter()
        .filter_map(|n| n["title"].as_str().map(String::from))
        .collect();
    assert!(
        titles.iter().any(|t| t == "Kiến nghị quá hạn trả lời: Công khai thu chi quỹ vì người nghèo"),
        "{titles:?}"
    );
    assert_eq!(get(&ban1, app.url(&format!("/api/v1/findings/{id}"))).await["escalated"], true);

    // The board cannot close it before an answer; a board member cannot answer for the commune.
    assert_eq!(ban1.post(app.url(&format!("/api/v1/findings/{id}/close"))).send().await.expect("close").status(), 409);
    let answer = json!({ "answer": "UBND xã đã niêm yết thu chi quỹ ngày 13/3/2026." });
    assert_eq!(post(&ban1, app.url(&format!("/api/v1/findings/{id}/answer")), &answer).await.status(), 403);
    assert_eq!(
        post(&xa, app.url(&format!("/api/v1/findings/{id}/answer")), &json!({ "answer": " " })).await.status(),
        422
    );

    // 4. Answered, late.
    app.state.clock.set_today(day("2026-03-13"));
    let res = post(&xa, app.url(&format!("/api/v1/findings/{id}/answer")), &answer).await;
    assert_eq!(res.status(), 200);
    let f: Value = res.json().await.expect("json");
    assert_eq!(
        (f["status"].as_str(), f["answered_late"].as_bool(), f["overdue"].as_bool()),
        (Some("answered"), Some(true), Some(false))
    );

    // 5. Closed by the board.
    let res = ban1.post(app.url(&format!("/api/v1/findings/{id}/close"))).send().await.expect("close");
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.expect("json")["status"], "closed");

    // 6. In the board's report for the first quarter, sent to the Front once.
    app.state.clock.set_today(day("2026-04-02"));
    let b = get(&ban1, app.url(&format!("/api/v1/boards/{board}"))).await;
    let q1 =
        b["reports"].as_array().expect("reports").iter().find(|r| r["period"] == "2026-Q1").expect("Q1 owed").clone();
    assert_eq!(q1["sent_on"], Value::Null);
    assert_eq!(q1["deadlines"][0]["rule"], "board.report");
    assert_eq!(q1["deadlines"][0]["due"], "2026-04-07", "5 working days after Tuesday 31/3");
    let res = post(&ban1, app.url(&format!("/api/v1/boards/{board}/reports")), &json!({ "period": "2026-Q1" })).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let res = post(&ban1, app.url(&format!("/api/v1/boards/{board}/reports")), &json!({ "period": "2026-Q1" })).await;
    assert_eq!(res.status(), 409, "once per period");
    let res = post(&ban1, app.url(&format!("/api/v1/boards/{board}/reports")), &json!({ "period": "2026-H1" })).await;
    assert_eq!(res.status(), 422, "a quarterly board");
    let b = get(&ban1, app.url(&format!("/api/v1/boards/{board}"))).await;
    let q1 = b["reports"].as_array().expect("reports").iter().find(|r| r["period"] == "2026-Q1").expect("Q1").clone();
    assert_eq!(q1["sent_on"], "2026-04-02");
    let res =
        ban1.get(app.url(&format!("/api/v1/boards/{board}/reports/2026-Q1/report.docx"))).send().await.expect("docx");
    assert_eq!(res.status(), 200);
    let text = docx_text(&res.bytes().await.expect("bytes"));
    assert!(text.contains("Quý I/2026: 1 kiến nghị đã gửi; 1 đã được trả lời (trong đó 1 trả lời quá hạn); 1 đã kết thúc; 0 quá hạn chưa trả lời."), "{text}");
    assert!(text.contains("Công khai thu chi quỹ vì người nghèo"), "{text}");
    assert!(text.contains("Võ Thị Hoa"), "signed by the head: {text}");
    assert_eq!(
        ban2.get(app.url(&format!("/api/v1/boards/{board}/reports/2026-Q1/report.docx")))
            .send()
            .await
            .expect("docx")
            .status(),
        403
    );

    // Every step is audited.
    let audit: Vec<String> = app
        .state
        .app
        .store()
        .audit_entries(None, Some(200))
        .await
        .expect("audit")
        .items
        .into_iter()
        .map(|a| a.action)
        .collect();
    for action in [
        "board.create",
        "board.finding.send",
        "board.finding.escalate",
        "board.finding.answer",
        "board.finding.close",
        "board.report.send",
    ] {
        assert!(audit.iter().any(|a| a == action), "{action} in {audit:?}");
    }
}

/// The CSRF token of the page's first form.
fn csrf(html: &str) -> String {
    coso_test_support::attr(html, "form input[name=csrf]", "value").expect("csrf field")
}

async fn the_pages_record_a_board_send_and_answer_findings_and_show_the_closed_ones(app: &TestApp) {
    let commune = commune(app).await;
    app.state.clock.set_today(day("2026-03-02"));
    let xa = app.client_as("xa@coso.test").await;
    let base = format!("/quan-tri/don-vi/{commune}/ban-giam-sat");

    // A board refused on the page names the rule, and nothing is saved.
    let list = app.page(&xa, &base).await;
    let token = csrf(&list);
    let lines = "Võ Thị Hoa; Trưởng ban; V1; ; ban1@coso.test\nNguyễn Văn An; Phó Trưởng ban; V2\nTrần Văn Bình; Thành viên; V3".to_string();
    let fields = [
        ("kind", "inspection"),
        ("members", lines.as_str()),
        ("elected_by", "Biên bản hội nghị"),
        ("elected_on", "05/01/2026"),
        ("reports", "quarterly"),
    ];
    let res = app.post_form(&xa, &base, &token, &fields).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    assert!(html.contains("(BTT-1)") && html.contains("Tổ dân phố Một"), "{html}");
    assert_eq!(boards_of(app, &commune).await, 0);
    let full = format!("{lines}\nLê Thị Cúc; Thành viên; Tổ dân phố Một\nPhạm Văn Dũng; Thành viên; V1");
    let fields = [
        ("kind", "inspection"),
        ("members", full.as_str()),
        ("elected_by", "Biên bản hội nghị"),
        ("elected_on", "05/01/2026"),
        ("reports", "quarterly"),
    ];
    let res = app.post_form(&xa, &base, &token, &fields).await;
    assert_eq!(res.status(), 200, "followed to the board's page");
    let board_path = res.url().path().to_string();
    let html = res.text().await.expect("html");
    assert!(html.contains("Đã ghi nhận ban và các thành viên.") && html.contains("Phạm Văn Dũng"), "{html}");

    // The member sends a finding from the board's page; another member may not open it.
    let ban1 = app.client_as("ban1@coso.test").await;
    let html = app.page(&ban1, &board_path).await;
    let token1 = csrf(&html);
    let fields = [
        ("subject", "Công khai quỹ đường làng"),
        ("body", "Chưa niêm yết."),
        ("to_unit", commune.as_str()),
        ("due_on", "10/03/2026"),
    ];
    let res = app.post_form(&ban1, &format!("{board_path}/kien-nghi"), &token1, &fields).await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.expect("html").contains("Chờ trả lời"));
    let ban2 = app.client_as("ban2@coso.test").await;
    assert_eq!(ban2.get(app.url(&board_path)).send().await.expect("page").status(), 403);

    // Overdue: in the commune's overview and tagged on the board's page.
    app.state.clock.set_today(day("2026-03-12"));
    let list = app.page(&xa, &base).await;
    assert!(coso_test_support::texts(&list, "table td").iter().any(|t| t == "Công khai quỹ đường làng"), "{list}");
    let html = app.page(&xa, &board_path).await;
    assert!(html.contains("Quá hạn trả lời"));
    let finding = app
        .state
        .app
        .store()
        .board_findings(board_path.rsplit('/').next().and_then(|i| i.parse().ok()).expect("id"))
        .await
        .expect("findings")[0]
        .id;
    let step = format!("{board_path}/kien-nghi/{finding}");
    let res =
        app.post_form(&xa, &step, &csrf(&html), &[("step", "answer"), ("answer", "Đã niêm yết ngày 12/3.")]).await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.expect("html").contains("Đã trả lời (quá hạn)"));
    let res = app.post_form(&ban1, &step, &token1, &[("step", "close")]).await;
    assert_eq!(res.status(), 200);

    // The public page shows the board and its closed finding, to anyone.
    let public = app.page(&app.anonymous(), &format!("/don-vi/{commune}/ban-giam-sat")).await;
    assert!(
        public.contains("Võ Thị Hoa")
            && public.contains("Công khai quỹ đường làng")
            && public.contains("Đã niêm yết ngày 12/3."),
        "{public}"
    );
    assert!(!public.contains("ban1@coso.test") && !public.contains("<script"), "no account, no script");
}

/// A small JPEG, as a phone sends it.
fn jpeg() -> Vec<u8> {
    let mut j = vec![0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10];
    j.extend_from_slice(b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00");
    j.extend_from_slice(&[0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0xd2, 0xcf, 0x20, 0xff, 0xd9]);
    j
}

/// Posts the activity form as `multipart/form-data`: its text fields, then photos (name, bytes).
async fn post_activity(
    c: &reqwest::Client,
    url: String,
    fields: &[(&str, &str)],
    photos: &[(&str, Vec<u8>)],
) -> reqwest::Response {
    photos
        .iter()
        .fold(Multipart::default().texts(fields), |form, (file, bytes)| {
            form.file("photos", file, Some("image/jpeg"), bytes)
        })
        .post(c, url)
        .await
}

async fn a_visit_keeps_its_photos_and_a_board_is_dissolved_when_its_project_ends(app: &TestApp) {
    let commune = commune(app).await;
    app.state.clock.set_today(day("2026-03-02"));
    let xa = app.client_as("xa@coso.test").await;
    let res = post(&xa, app.url(&format!("/api/v1/units/{commune}/boards")), &investment_board(3, 1, "")).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let id = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    let board_path = format!("/quan-tri/don-vi/{commune}/ban-giam-sat/{id}");
    let html = app.page(&xa, &board_path).await;
    let token = csrf(&html);
    assert_eq!(
        coso_test_support::attr(&html, "form[action$='/hoat-dong']", "enctype").as_deref(),
        Some("multipart/form-data")
    );
    assert!(
        coso_test_support::attr(&html, "form[action$='/hoat-dong'] input[type=file]", "name")
            .is_some_and(|n| n == "photos")
    );
    let fields = [
        ("csrf", token.as_str()),
        ("kind", "visit"),
        ("subject", "Kiểm tra đổ bê tông mặt đường"),
        ("held_on", "01/03/2026"),
        ("notes", "Mác bê tông đúng thiết kế."),
    ];
    let activity = format!("{board_path}/hoat-dong");

    // A photo over the limit, or a file that is no photo, refuses the form naming the file;
    // nothing is saved.
    let mut big = jpeg();
    big.resize(10 * 1024 * 1024 + 1, 0);
    let res = post_activity(&xa, app.url(&activity), &fields, &[("anh-lon.jpg", big)]).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    let errors = coso_test_support::texts(&html, "#photos-err");
    assert_eq!(errors, ["Ảnh «anh-lon.jpg» quá lớn: mỗi ảnh tối đa 10.0 MB."], "{html}");
    let res = post_activity(&xa, app.url(&activity), &fields, &[("bien-ban.jpg", b"%PDF-1.7".to_vec())]).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    assert!(coso_test_support::texts(&html, "#photos-err").iter().any(|t| t.contains("bien-ban.jpg")), "{html}");
    assert!(app.state.app.store().board_activities(id).await.expect("activities").is_empty());

    // With a photo it is recorded, the photo kept.
    let res = post_activity(&xa, app.url(&activity), &fields, &[("mat-duong.jpg", jpeg())]).await;
    assert_eq!(res.status(), 200, "followed to the board's page");
    assert!(res.text().await.expect("html").contains("Đã ghi hoạt động giám sát."));
    assert_eq!(app.state.app.store().board_activities(id).await.expect("activities").len(), 1);
    let photos = app.state.app.store().board_photos(id).await.expect("photos");
    assert_eq!(photos.iter().map(|p| p.file_name.as_str()).collect::<Vec<_>>(), ["mat-duong.jpg"]);

    // The project ended: dissolved from its page, with a reason; after it, no more work.
    app.state.clock.set_today(day("2026-10-05"));
    let html = app.page(&xa, &board_path).await;
    assert!(coso_test_support::attr(&html, "form[action$='/giai-the'] button", "type").is_some(), "{html}");
    let dissolve = format!("{board_path}/giai-the");
    let res = app.post_form(&xa, &dissolve, &csrf(&html), &[("reason", " ")]).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.expect("html").contains("Lý do giải thể"));
    let ban1 = app.client_as("ban1@coso.test").await;
    let token1 = csrf(&app.page(&ban1, &format!("/quan-tri/don-vi/{commune}/ban-giam-sat")).await);
    let res = app.post_form(&ban1, &dissolve, &token1, &[("reason", "Không có quyền")]).await;
    assert_eq!(res.status(), 403);
    let reason = "Công trình hoàn thành, bàn giao đưa vào sử dụng ngày 30/9/2026.";
    let res = app.post_form(&xa, &dissolve, &csrf(&html), &[("reason", reason)]).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert!(html.contains("Đã giải thể ban giám sát.") && html.contains(reason), "{html}");
    assert!(coso_test_support::attr(&html, "form[action$='/giai-the']", "action").is_none());
    assert!(coso_test_support::attr(&html, "form[action$='/hoat-dong']", "action").is_none());
    let b = get(&xa, app.url(&format!("/api/v1/boards/{id}"))).await;
    assert_eq!(b["status"], "dissolved");
}

/// An announced dialogue of the commune on 20/01/2026 with commitments `(body, due_on)` its
/// own; returns the dialogue and the commitments' ids.
async fn dialogue_with_commitments(
    app: &TestApp,
    c: &reqwest::Client,
    commune: &str,
    commitments: &[(&str, &str)],
) -> (i64, Vec<i64>) {
    let body = json!({ "date": "2026-01-20", "topic": "Đường liên thôn", "place": "Hội trường xã" });
    let res = post(c, app.url(&format!("/api/v1/units/{commune}/dialogues")), &body).await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    let res = post(c, app.url(&format!("/api/v1/dialogues/{id}/announce")), &json!({})).await;
    assert_eq!(res.status(), 200);
    let mut ids = Vec::new();
    for (text, due) in commitments {
        let body = json!({ "body": text, "owner": commune, "due_on": due });
        let res = post(c, app.url(&format!("/api/v1/dialogues/{id}/commitments")), &body).await;
        assert_eq!(res.status(), 201);
        ids.push(res.json::<Value>().await.expect("json")["id"].as_i64().expect("id"));
    }
    (id, ids)
}

async fn the_province_overview_counts_and_lists_the_overdue_commitments_of_its_communes(app: &TestApp) {
    let commune = commune(app).await;
    let admin = app.client_as("root@coso.test").await;
    let list = get(&admin, app.url("/api/v1/units?parent=01&kind=commune&limit=1")).await;
    let elsewhere = list["items"][0]["code"].as_str().expect("a commune of another province").to_string();
    let (here, ids) = dialogue_with_commitments(
        app,
        &admin,
        &commune,
        &[
            ("Lắp đèn đường thôn Một", "2026-02-10"),
            ("Nạo vét kênh thôn Hai", "2026-02-20"),
            ("Sửa cầu thôn Ba", "2026-06-30"),
        ],
    )
    .await;
    let done = json!({ "commitment": ids[1], "status": "done", "percent": 100, "note": "Đã nạo vét xong." });
    assert_eq!(post(&admin, app.url(&format!("/api/v1/dialogues/{here}/progress")), &done).await.status(), 200);
    dialogue_with_commitments(app, &admin, &elsewhere, &[("Cam kết của tỉnh khác", "2026-02-10")]).await;
    app.state.clock.set_today(day("2026-03-12"));
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let tinh = app.client_as("tinh@coso.test").await;

    let html = app.page(&tinh, &format!("/quan-tri/don-vi/{PROVINCE}/ban-giam-sat")).await;
    let cells = coso_test_support::texts(&html, "table td");
    assert!(cells.iter().any(|t| t == "Lắp đèn đường thôn Một"), "{cells:?}");
    for absent in ["Nạo vét kênh thôn Hai", "Sửa cầu thôn Ba", "Cam kết của tỉnh khác"] {
        assert!(!html.contains(absent), "{absent} is done, not due yet or of another province");
    }
    let links = coso_test_support::attrs(&html, "table td a", "href");
    assert!(links.contains(&format!("/quan-tri/don-vi/{commune}/doi-thoai/{here}")), "{links:?}");
    assert!(html.contains("0 kiến nghị quá hạn trả lời; 1 cam kết đối thoại quá hạn chưa hoàn thành."), "{html}");
    let name = app.store.unit_by_code(&commune).await.expect("unit").expect("commune").name;
    let at = cells.iter().position(|t| *t == name).expect("the commune's line");
    assert_eq!((cells[at + 1].as_str(), cells[at + 2].as_str()), ("0", "1"), "{cells:?}");

    // The commitment links to its dialogue, which the province's official may open.
    let dialogue = app.page(&tinh, &format!("/quan-tri/don-vi/{commune}/doi-thoai/{here}")).await;
    assert!(dialogue.contains("Lắp đèn đường thôn Một"));
    // The other province's overview does not see it.
    app.user("ha-noi@coso.test", Role::Official, "01").await;
    let ha_noi = app.client_as("ha-noi@coso.test").await;
    let html = app.page(&ha_noi, "/quan-tri/don-vi/01/ban-giam-sat").await;
    assert!(html.contains("Cam kết của tỉnh khác") && !html.contains("Lắp đèn đường thôn Một"), "{html}");
}

on_both! {
    app:
    overdue_commitments => the_province_overview_counts_and_lists_the_overdue_commitments_of_its_communes,
    bad_input => a_board_breaking_its_rules_is_refused_and_nothing_is_saved,
    pages => the_pages_record_a_board_send_and_answer_findings_and_show_the_closed_ones,
    end_to_end => a_finding_goes_overdue_is_escalated_answered_closed_and_reported,
    photos_and_dissolution => a_visit_keeps_its_photos_and_a_board_is_dissolved_when_its_project_ends,
}
