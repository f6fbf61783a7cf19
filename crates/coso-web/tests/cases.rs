//! Citizen cases through the API, on SQLite and on PostgreSQL: the deadlines of the worked
//! cases of the legal rules, the refusals that save nothing, and the confidentiality of
//! denouncers.

use coso_domain::authz::Role;
use coso_test_support::{TestApp, on_both};
use serde_json::{Value, json};

use crate::common::two_communes;

const PROVINCE: &str = "42";

/// A province official, who handles the cases of every unit of the province.
async fn province_official(app: &TestApp) -> reqwest::Client {
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    app.client_as("tinh@coso.test").await
}

async fn post(c: &reqwest::Client, app: &TestApp, path: &str, body: &Value) -> (u16, Value) {
    let res = c.post(app.url(path)).json(body).send().await.expect("request");
    let status = res.status().as_u16();
    (status, res.json().await.expect("json"))
}

async fn get(c: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let res = c.get(app.url(path)).send().await.expect("request");
    let status = res.status().as_u16();
    (status, res.text().await.expect("text"))
}

fn sender() -> Value {
    json!({ "name": "Trần Thị Bình", "address": "Thôn Một", "phone": "0912345678" })
}

/// Registers a case; answers its body after checking it was created.
async fn register(c: &reqwest::Client, app: &TestApp, body: Value) -> Value {
    let (status, case) = post(c, app, "/api/v1/cases", &body).await;
    assert_eq!(status, 201, "{case}");
    case
}

async fn step(c: &reqwest::Client, app: &TestApp, case: &Value, action: &str, body: Value) -> Value {
    let (status, after) = post(c, app, &format!("/api/v1/cases/{}/{action}", case["id"]), &body).await;
    assert_eq!(status, 200, "{action}: {after}");
    after
}

/// The due date of `rule` among the case's deadlines.
fn due(case: &Value, rule: &str) -> String {
    case["deadlines"]
        .as_array()
        .expect("deadlines")
        .iter()
        .find(|d| d["rule"] == rule)
        .and_then(|d| d["due"].as_str())
        .unwrap_or_else(|| panic!("no {rule} in {case}"))
        .to_string()
}

fn id_of(case: &Value) -> i64 {
    case["id"].as_i64().expect("id")
}

fn complaint(unit: &str, received_on: &str, complexity: &str, remote: bool) -> Value {
    json!({ "unit": unit, "kind": "complaint", "received_on": received_on, "content": "Khiếu nại quyết định thu hồi đất.",
            "sender": sender(), "complexity": complexity, "remote": remote })
}

async fn petition_and_complaint_deadlines_follow_the_worked_cases(app: &TestApp) {
    let (commune, _) = two_communes(app).await;
    let c = province_official(app).await;
    let petition = register(
        &c,
        app,
        json!({ "unit": commune, "kind": "petition", "received_on": "2024-03-04", "content": "Đường thôn Một bị sạt lở." }),
    )
    .await;
    assert_eq!(petition["kind"], "petition");
    assert_eq!(petition["status"], "received");
    assert_eq!(petition["unit"], commune.as_str());
    assert_eq!(due(&petition, "petition.reply"), "2024-03-18", "TCD-3: 10 working days");
    let explanation = petition["deadlines"][0]["explanation"].as_str().expect("explanation");
    assert!(explanation.contains("Luật Tiếp công dân"), "{explanation}");
    let code = petition["code"].as_str().expect("code");
    assert_eq!(code.len(), 19, "{code}");

    // KN-2, KN-3 a–d, KN-4, KN-6 for the four circumstances. KN-3 b and c count 45 days to
    // 18/04/2024, Giỗ Tổ Hùng Vương, a public holiday: the period ends the next working day
    // (Civil Code Art. 148), as the calendar decides and explains.
    let expected = [
        ("normal", false, "2024-04-03", "2024-07-18"),
        ("complex", false, "2024-04-19", "2024-08-02"),
        ("normal", true, "2024-04-19", "2024-08-02"),
        ("complex", true, "2024-05-03", "2024-08-12"),
    ];
    for (complexity, remote, first, second_due) in expected {
        let case = register(&c, app, complaint(&commune, "2024-03-04", complexity, remote)).await;
        assert_eq!(due(&case, "complaint.accept"), "2024-03-14", "KN-2");
        let accepted = step(&c, app, &case, "accept", json!({ "on": "2024-03-04" })).await;
        assert_eq!(accepted["status"], "accepted");
        assert_eq!(due(&accepted, "complaint.first"), first, "KN-3 {complexity} remote={remote}");
        if first == "2024-04-19" {
            let explanation = accepted["deadlines"][1]["explanation"].as_str().expect("explanation");
            assert!(explanation.contains("18/04/2024") && explanation.contains("Giỗ Tổ Hùng Vương"), "{explanation}");
        }
        let answered = step(
            &c,
            app,
            &accepted,
            "answer",
            json!({ "on": "2024-05-03", "public_answer": "Giữ nguyên quyết định." }),
        )
        .await;
        assert_eq!(answered["status"], "answered");
        if !remote {
            assert_eq!(due(&answered, "complaint.second_window"), "2024-06-03", "KN-4: 02/06 is a Sunday");
        }
        let second = step(&c, app, &answered, "reopen", json!({ "on": "2024-06-03" })).await;
        assert_eq!(second["instance"], 2);
        assert_eq!(second["parent_id"], answered["id"]);
        assert_eq!(second["unit"], PROVINCE, "the second complaint goes to the unit above");
        let accepted = step(&c, app, &second, "accept", json!({ "on": "2024-06-03" })).await;
        assert_eq!(due(&accepted, "complaint.second"), second_due, "KN-6 {complexity} remote={remote}");
    }
}

async fn denunciation_deadlines_follow_the_worked_cases(app: &TestApp) {
    let (commune, _) = two_communes(app).await;
    let c = province_official(app).await;
    let body = |complexity: &str| {
        json!({ "unit": commune, "kind": "denunciation", "received_on": "2024-03-04", "content": "Tố cáo cán bộ địa chính.",
                "sender": sender(), "complexity": complexity })
    };
    let normal = register(&c, app, body("normal")).await;
    assert_eq!(normal["kind"], "denunciation");
    assert_eq!(due(&normal, "denunciation.initial"), "2024-03-13", "TC-1: 7 working days");
    let complex = register(&c, app, body("complex")).await;
    assert_eq!(due(&complex, "denunciation.initial"), "2024-03-18", "TC-1: 10 working days");

    // Filed again as complex after registration: the initial handling gets 10 working days.
    let calendar = coso_calendar::HolidayCalendar::builtin();
    let classify =
        coso_app::cases::CaseCommand::Classify { category: None, complexity: Some("complex".into()), remote: None };
    let reclassified =
        coso_app::cases::act(&app.state.app, &coso_app::Actor::system("test"), calendar, id_of(&normal), classify)
            .await
            .expect("classify");
    assert_eq!(reclassified.deadlines[0].due.to_string(), "2024-03-18");
    let classify =
        coso_app::cases::CaseCommand::Classify { category: None, complexity: Some("normal".into()), remote: None };
    coso_app::cases::act(&app.state.app, &coso_app::Actor::system("test"), calendar, id_of(&normal), classify)
        .await
        .expect("back");
    let accepted = step(&c, app, &normal, "accept", json!({ "on": "2024-03-13" })).await;
    assert_eq!(due(&accepted, "denunciation.notify"), "2024-03-20", "TC-3");
    assert_eq!(due(&accepted, "denunciation.resolve"), "2024-04-12", "TC-4");
    let (status, refused) = post(
        &c,
        app,
        &format!("/api/v1/cases/{}/extend", normal["id"]),
        &json!({ "on": "2024-04-01", "days": 30, "note": "QĐ 1" }),
    )
    .await;
    assert_eq!(status, 409, "a normal denunciation is not extended: {refused}");

    let hard = register(&c, app, body("especially_complex")).await;
    let hard = step(&c, app, &hard, "accept", json!({ "on": "2024-03-13" })).await;
    let once = step(
        &c,
        app,
        &hard,
        "extend",
        json!({ "on": "2024-04-10", "days": 30, "note": "Quyết định gia hạn số 12/QĐ-UBND" }),
    )
    .await;
    assert_eq!(due(&once, "denunciation.resolve"), "2024-05-13", "one extension: 12/05 is a Sunday");
    let twice = step(
        &c,
        app,
        &once,
        "extend",
        json!({ "on": "2024-05-10", "days": 30, "note": "Quyết định gia hạn số 20/QĐ-UBND" }),
    )
    .await;
    assert_eq!(due(&twice, "denunciation.resolve"), "2024-06-11", "two extensions");
    let (status, third) = post(
        &c,
        app,
        &format!("/api/v1/cases/{}/extend", hard["id"]),
        &json!({ "on": "2024-06-01", "days": 30, "note": "QĐ 3" }),
    )
    .await;
    assert_eq!(status, 409, "{third}");
    assert!(third["error"]["message"].as_str().is_some_and(|m| m.contains("tối đa 2 lần")), "{third}");
}

async fn an_anonymous_denunciation_is_information_without_deadlines(app: &TestApp) {
    let (commune, _) = two_communes(app).await;
    let c = province_official(app).await;
    for body in [
        json!({ "unit": commune, "kind": "denunciation", "received_on": "2024-03-04", "content": "Có người khai thác cát trái phép.", "anonymous": true, "sender": sender() }),
        json!({ "unit": commune, "kind": "denunciation", "received_on": "2024-03-04", "content": "Có người khai thác cát trái phép.", "sender": { "phone": "0900000000" } }),
    ] {
        let info = register(&c, app, body).await;
        assert_eq!(info["kind"], "information", "TC-2");
        assert_eq!(info["deadlines"], json!([]));
        let (status, refused) =
            post(&c, app, &format!("/api/v1/cases/{}/accept", info["id"]), &json!({ "on": "2024-03-05" })).await;
        assert_eq!(status, 409, "{refused}");
        assert_eq!(refused["error"]["fields"][0]["field"], "kind");
    }
}

/// The rows of the case tables, to show a refusal saved nothing.
async fn case_rows(app: &TestApp) -> Vec<(String, i64)> {
    let digests = app.store.table_digests().await.expect("digests");
    digests
        .into_iter()
        .filter(|d| ["citizen_case", "case_sender", "case_action"].contains(&d.table.as_str()))
        .map(|d| (d.table, d.rows))
        .collect()
}

fn field_error(body: &Value, field: &str) -> String {
    body["error"]["fields"]
        .as_array()
        .and_then(|f| f.iter().find(|e| e["field"] == field))
        .and_then(|e| e["message"].as_str())
        .unwrap_or_else(|| panic!("no error on {field}: {body}"))
        .to_string()
}

async fn bad_input_saves_nothing_and_names_the_field(app: &TestApp) {
    let (commune, _) = two_communes(app).await;
    let c = province_official(app).await;
    let before = case_rows(app).await;
    assert_eq!(before.len(), 3, "{before:?}");
    let petition = |over: Value| {
        let mut body =
            json!({ "unit": commune, "kind": "petition", "received_on": "2024-03-04", "content": "Đèn đường hỏng." });
        for (k, v) in over.as_object().expect("object") {
            body[k] = v.clone();
        }
        body
    };
    let cases = [
        (petition(json!({ "received_on": "2099-01-01" })), "received_on", "sau ngày hôm nay"),
        (petition(json!({ "unit": "KHONG-CO" })), "unit", "KHONG-CO"),
        (petition(json!({ "kind": "rumour" })), "kind", "«rumour»"),
        (petition(json!({ "content": "   " })), "content", "nội dung"),
        (petition(json!({ "content": "a".repeat(20_001) })), "content", "20000"),
        (petition(json!({ "category": "thoi_tiet" })), "category", "thoi_tiet"),
        (petition(json!({ "kind": "complaint", "sender": { "address": "Thôn Một" } })), "sender.name", "họ và tên"),
        (
            petition(
                json!({ "kind": "complaint", "sender": sender(), "received_on": "2024-04-10", "decision_received_on": "2024-01-10" }),
            ),
            "decision_received_on",
            "09/04/2024",
        ),
    ];
    for (body, field, words) in cases {
        let (status, refused) = post(&c, app, "/api/v1/cases", &body).await;
        assert_eq!(status, 422, "{field}: {refused}");
        let message = field_error(&refused, field);
        assert!(message.contains(words), "{field}: {message}");
    }
    // A megabyte of content does not even reach the use case.
    let (status, _) = post(&c, app, "/api/v1/cases", &petition(json!({ "content": "á".repeat(1 << 19) }))).await;
    assert!((400..500).contains(&status), "{status}");
    assert_eq!(case_rows(app).await, before, "nothing saved");

    // A second complaint after the window of KN-4 is refused with its last day.
    let case = register(&c, app, complaint(&commune, "2024-03-04", "normal", false)).await;
    let case = step(&c, app, &case, "accept", json!({ "on": "2024-03-04" })).await;
    let case = step(&c, app, &case, "answer", json!({ "on": "2024-05-03" })).await;
    let before = case_rows(app).await;
    let (status, refused) =
        post(&c, app, &format!("/api/v1/cases/{}/reopen", case["id"]), &json!({ "on": "2024-06-04" })).await;
    assert_eq!(status, 422, "{refused}");
    let message = field_error(&refused, "on");
    assert!(message.contains("03/06/2024") && message.contains("Điều 33"), "{message}");
    assert_eq!(case_rows(app).await, before, "nothing saved");
    // A withdrawn complaint is not answered.
    let other = register(&c, app, complaint(&commune, "2024-03-04", "normal", false)).await;
    let other = step(&c, app, &other, "withdraw", json!({ "on": "2024-03-05", "note": "Đơn rút khiếu nại" })).await;
    assert_eq!(other["status"], "withdrawn");
    let (status, refused) =
        post(&c, app, &format!("/api/v1/cases/{}/answer", other["id"]), &json!({ "on": "2024-03-06" })).await;
    assert_eq!(status, 409, "{refused}");
}

const NAME: &str = "Nguyễn Văn Tốcáo Độcnhất";
const PHONE: &str = "0987654321777";

async fn the_denouncer_is_seen_only_with_a_clearance(app: &TestApp) {
    let (commune, other_commune) = two_communes(app).await;
    let province = province_official(app).await;
    app.user("root@coso.test", Role::Admin, PROVINCE).await;
    app.user("xa@coso.test", Role::Official, &commune).await;
    app.user("mat@coso.test", Role::Official, &commune).await;
    app.user("xa-khac@coso.test", Role::Official, &other_commune).await;
    let body = json!({ "unit": commune, "kind": "denunciation", "received_on": "2024-03-04", "content": "Tố cáo hành vi nhận hối lộ.",
                       "sender": { "name": NAME, "address": "Thôn Hai", "phone": PHONE } });
    let case = register(&province, app, body).await;
    let id = case["id"].as_i64().expect("id");
    let path = format!("/api/v1/cases/{id}");
    let hides = |text: &str| !text.contains(NAME) && !text.contains(PHONE) && !text.contains("\"sender\"");
    assert!(hides(&case.to_string()), "the registering official is not cleared: {case}");
    for email in ["root@coso.test", "xa@coso.test", "tinh@coso.test"] {
        let (status, text) = get(&app.client_as(email).await, app, &path).await;
        assert_eq!(status, 200, "{email}: {text}");
        assert!(hides(&text), "{email} sees the denouncer: {text}");
    }
    let audit = app.store.audit_entries(None, Some(200)).await.expect("audit");
    for entry in &audit.items {
        let payload = format!("{:?} {:?}", entry.before_json, entry.after_json);
        assert!(!payload.contains(NAME) && !payload.contains(PHONE), "{entry:?}");
    }
    let reads = |audit: &coso_store::Page<coso_store::AuditRecord>| {
        audit.items.iter().filter(|e| e.action == "case.identity_read" && e.entity_id == id.to_string()).count()
    };
    assert_eq!(reads(&audit), 0);

    // Cleared on the province, above the commune: the official sees the denouncer, audited.
    let system = coso_app::Actor::system("test");
    coso_app::cases::grant_clearance(&app.state.app, &system, "mat@coso.test", PROVINCE).await.expect("grant");
    let (status, text) = get(&app.client_as("mat@coso.test").await, app, &path).await;
    assert_eq!(status, 200);
    let seen: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(seen["sender"]["name"], NAME);
    assert_eq!(seen["sender"]["phone"], PHONE);
    let audit = app.store.audit_entries(None, Some(200)).await.expect("audit");
    assert_eq!(reads(&audit), 1, "the read is audited");
    let read = audit.items.iter().find(|e| e.action == "case.identity_read").expect("read");
    assert_eq!(read.actor, "mat@coso.test");
    assert!(!format!("{:?}", read.after_json).contains(NAME));

    // Forwarded to another commune: its official, cleared on the first commune only, does not
    // see the denouncer (TC-7).
    coso_app::cases::grant_clearance(&app.state.app, &system, "xa-khac@coso.test", &commune).await.expect("grant");
    let forwarded =
        step(&province, app, &case, "forward", json!({ "on": "2024-03-05", "to_unit": other_commune })).await;
    assert_eq!(forwarded["unit"], other_commune.as_str());
    assert_eq!(forwarded["status"], "forwarded");
    assert!(hides(&forwarded.to_string()));
    let (status, text) = get(&app.client_as("xa-khac@coso.test").await, app, &path).await;
    assert_eq!(status, 200, "{text}");
    assert!(hides(&text), "cleared on the first commune only: {text}");
    let (status, _) = get(&app.client_as("xa@coso.test").await, app, &path).await;
    assert_eq!(status, 403, "the first commune no longer handles it");
}

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().expect("date")
}

async fn the_inbox_puts_overdue_cases_first_and_counts_days(app: &TestApp) {
    let (commune, other_commune) = two_communes(app).await;
    let c = province_official(app).await;
    app.state.app.clock().set_today(date("2024-03-20"));
    let petition = register(
        &c,
        app,
        json!({ "unit": commune, "kind": "petition", "received_on": "2024-03-04", "content": "Cống thoát nước bị tắc." }),
    )
    .await;
    let complaint = register(&c, app, complaint(&commune, "2024-03-19", "normal", false)).await;
    let denunciation = register(
        &c,
        app,
        json!({ "unit": commune, "kind": "denunciation", "received_on": "2024-03-15", "content": "Tố cáo lấn chiếm đất.", "sender": sender() }),
    )
    .await;
    let done = register(
        &c,
        app,
        json!({ "unit": commune, "kind": "petition", "received_on": "2024-03-05", "content": "Xin lắp đèn đường." }),
    )
    .await;
    step(&c, app, &done, "answer", json!({ "on": "2024-03-06", "public_answer": "Đã lắp đèn." })).await;

    let (status, text) = get(&c, app, &format!("/api/v1/cases?unit={commune}")).await;
    assert_eq!(status, 200, "{text}");
    let inbox: Value = serde_json::from_str(&text).expect("json");
    let ids: Vec<&Value> = inbox["items"].as_array().expect("items").iter().map(|i| &i["id"]).collect();
    assert_eq!(ids, [&petition["id"], &denunciation["id"], &complaint["id"]], "overdue first, then by due date");
    assert_eq!(inbox["total"], 3);
    let first = &inbox["items"][0];
    assert_eq!((first["overdue"].clone(), first["days_late"].clone()), (json!(true), json!(2)));
    assert_eq!(first["days_text"], "Quá hạn 2 ngày");
    let last = &inbox["items"][2];
    assert_eq!(last["due_on"], "2024-03-29");
    assert_eq!(last["working_days_left"], 7, "21, 22, 25, 26, 27, 28 and 29 March");
    assert_eq!(last["overdue"], false);
    assert!(!text.contains("Trần Thị Bình"), "the inbox names no sender");

    let (_, province) = get(&c, app, &format!("/api/v1/cases?unit={PROVINCE}")).await;
    assert_eq!(serde_json::from_str::<Value>(&province).expect("json")["total"], 3, "the subtree");
    let (_, complaints) = get(&c, app, &format!("/api/v1/cases?unit={commune}&kind=complaint")).await;
    assert_eq!(serde_json::from_str::<Value>(&complaints).expect("json")["total"], 1);
    let (_, answered) = get(&c, app, &format!("/api/v1/cases?unit={commune}&status=answered")).await;
    assert_eq!(serde_json::from_str::<Value>(&answered).expect("json")["items"][0]["id"], done["id"]);
    let (status, _) = get(&c, app, &format!("/api/v1/cases?unit={commune}&kind=rumour")).await;
    assert_eq!(status, 422);
    let (_, empty) = get(&c, app, &format!("/api/v1/cases?unit={commune}&page=2")).await;
    assert_eq!(serde_json::from_str::<Value>(&empty).expect("json")["items"], json!([]));
    app.user("xa-khac@coso.test", Role::Official, &other_commune).await;
    let (status, _) =
        get(&app.client_as("xa-khac@coso.test").await, app, &format!("/api/v1/cases?unit={commune}")).await;
    assert_eq!(status, 403);
}

async fn a_village_head_registers_for_the_village_only(app: &TestApp) {
    let (commune, _) = two_communes(app).await;
    let c = province_official(app).await;
    app.add_unit(&c, &commune, "V1", "Thôn Một", "village").await;
    app.user("truong-thon@coso.test", Role::VillageHead, "V1").await;
    let head = app.client_as("truong-thon@coso.test").await;
    let body = |unit: &str| json!({ "unit": unit, "kind": "petition", "received_on": "2024-03-04", "content": "Đường làng ngập nước.", "channel": "desk" });
    let case = register(&head, app, body("V1")).await;
    assert_eq!(case["channel"], "village_head", "recorded as brought by the village head");
    assert_eq!(case["unit"], "V1");
    let (status, _) = post(&head, app, "/api/v1/cases", &body(&commune)).await;
    assert_eq!(status, 403, "not for the commune");
    let (status, _) = get(&head, app, &format!("/api/v1/cases/{}", case["id"])).await;
    assert_eq!(status, 403, "the commune handles it");
    let (status, _) =
        post(&head, app, &format!("/api/v1/cases/{}/accept", case["id"]), &json!({ "on": "2024-03-05" })).await;
    assert_eq!(status, 403);
    let (_, inbox) = get(&c, app, &format!("/api/v1/cases?unit={commune}")).await;
    assert!(inbox.contains(case["code"].as_str().expect("code")), "in the commune's inbox: {inbox}");
}

async fn forwarding_tells_the_sender_only_and_assigning_needs_an_official(app: &TestApp) {
    let (commune, other_commune) = two_communes(app).await;
    let c = province_official(app).await;
    app.user("xa-khac@coso.test", Role::Official, &other_commune).await;
    let body = json!({ "unit": commune, "kind": "denunciation", "received_on": "2024-03-04", "content": "Tố cáo thu tiền trái phép.",
                       "sender": { "name": NAME, "address": "Thôn Hai", "email": "nguoi.to.cao@example.vn" } });
    let case = register(&c, app, body).await;
    let (status, refused) =
        post(&c, app, &format!("/api/v1/cases/{}/assign", case["id"]), &json!({ "handler": "xa-khac@coso.test" }))
            .await;
    assert_eq!(status, 422, "{refused}");
    assert!(field_error(&refused, "handler").contains("xa-khac@coso.test"));
    let assigned = step(&c, app, &case, "assign", json!({ "handler": "tinh@coso.test" })).await;
    assert_eq!(assigned["handler"], "tinh@coso.test");
    let forwarded = step(
        &c,
        app,
        &assigned,
        "forward",
        json!({ "on": "2024-03-06", "to_unit": other_commune, "note": "Không thuộc thẩm quyền" }),
    )
    .await;
    assert_eq!(forwarded["handler"], Value::Null, "the receiving unit assigns its own");
    assert_eq!(due(&forwarded, "denunciation.forward"), "2024-03-11", "TC-1: 5 working days");
    let mails = app.store.claim_mail("test", app.state.app.now(), 10).await.expect("outbox");
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0].to_addr, "nguoi.to.cao@example.vn");
    assert!(mails[0].subject.contains(case["code"].as_str().expect("code")), "{}", mails[0].subject);
    assert!(!mails[0].body.contains(NAME) && !mails[0].subject.contains(NAME));
    let timeline = forwarded["timeline"].as_array().expect("timeline");
    let last = timeline.last().expect("a step");
    assert_eq!(
        (last["action"].clone(), last["detail"]["to"]["code"].clone()),
        (json!("forward"), json!(other_commune))
    );
    assert_eq!(last["detail"]["from"]["code"], commune.as_str());
}

async fn the_resident_door_and_the_public_view(app: &TestApp) {
    let (commune, _) = two_communes(app).await;
    let state = &app.state.app;
    let calendar = coso_calendar::HolidayCalendar::builtin();
    let limits = coso_app::cases::IntakeLimits { max_photo_bytes: 1 << 20 };
    let petition = coso_app::cases::PublicPetition {
        unit: commune.clone(),
        category: "moi_truong".into(),
        content: "Rác thải đổ trộm ven sông.".into(),
        name: NAME.into(),
        publish: true,
        ..Default::default()
    };
    let anonymous = coso_app::cases::Submitter::Public { via: "form", request_id: None };
    let code =
        coso_app::cases::submit_petition(state, anonymous, calendar, petition, limits).await.expect("a petition").code;
    let complaint = || coso_app::cases::ResidentCase {
        kind: "complaint".into(),
        unit: commune.clone(),
        category: "moi_truong".into(),
        content: "Rác thải đổ trộm ven sông.".into(),
        address: "Thôn Ba".into(),
        ..Default::default()
    };
    let nobody = coso_app::Actor::system("public");
    let refused = coso_app::cases::submit_as_resident(state, &nobody, calendar, complaint(), limits).await;
    assert!(matches!(&refused, Err(coso_app::Error::Forbidden)), "a complaint needs an account: {refused:?}");

    let typed = code.to_lowercase().replace('-', " ").replace('0', "o");
    let public = coso_app::cases::public_view(state, &typed).await.expect("by a carelessly typed code");
    assert_eq!(public.code, code);
    assert_eq!(public.content.as_deref(), Some("Rác thải đổ trộm ven sông."));
    assert_eq!(public.steps.len(), 1);
    let shown = serde_json::to_string(&public).expect("json");
    assert!(!shown.contains(NAME), "{shown}");
    assert!(matches!(coso_app::cases::public_view(state, "ZZZZ-ZZZZ-ZZZZ-ZZZZ").await, Err(coso_app::Error::NotFound)));
    let early = coso_app::cases::rate(state, None, None, &code, "5", "").await;
    assert!(matches!(early, Err(coso_app::Error::Conflict { .. })), "{early:?}");

    let c = province_official(app).await;
    let case = state.store().case_by_code(&code).await.expect("q").expect("case");
    let (status, _) = post(&c, app, &format!("/api/v1/cases/{}/answer", case.id), &json!({ "on": app.state.app.today().to_string(), "public_answer": "Đã thu gom rác.", "note": "Giao tổ môi trường" })).await;
    assert_eq!(status, 200);
    let public = coso_app::cases::public_view(state, &code).await.expect("view");
    assert_eq!(public.public_answer.as_deref(), Some("Đã thu gom rác."));
    assert_eq!(public.steps.last().map(|s| s.action.as_str()), Some("answer"));
    assert!(!serde_json::to_string(&public).expect("json").contains("Giao tổ môi trường"), "notes stay inside");
    let bad = coso_app::cases::rate(state, None, None, &code, "6", "").await;
    assert!(matches!(&bad, Err(coso_app::Error::Validation(f)) if f[0].field == "rating"), "{bad:?}");
    let rated = coso_app::cases::rate(state, None, None, &code, "4", "Nhanh").await.expect("rate");
    assert_eq!(rated.rating, Some(4));
    let twice = coso_app::cases::rate(state, None, None, &code, "5", "").await;
    assert!(matches!(twice, Err(coso_app::Error::Conflict { .. })), "{twice:?}");

    // A signed-in resident complains; the public view shows the status alone.
    app.user("dan@coso.test", Role::Resident, &commune).await;
    let user = app.store.user_by_email("dan@coso.test").await.expect("q").expect("user");
    let resident = coso_app::Actor::user(user.user_id(), &user.email, vec![], None);
    let code = coso_app::cases::submit_as_resident(state, &resident, calendar, complaint(), limits)
        .await
        .expect("complaint")
        .code;
    let public = coso_app::cases::public_view(state, &code).await.expect("view");
    assert_eq!(public.kind.as_str(), "complaint");
    assert!(public.content.is_none() && public.steps.is_empty() && public.public_answer.is_none());
    let stored = state.store().case_by_code(&code).await.expect("q").expect("case");
    assert_eq!(stored.sender_user_id, Some(user.id));
    let sender = state.store().case_sender(stored.case_id()).await.expect("q").expect("sender");
    assert_eq!(sender.email.as_deref(), Some("dan@coso.test"), "the account's e-mail");
}

/// A JPEG whose EXIF names a place and an author.
fn photo_with_exif() -> Vec<u8> {
    let exif = b"Exif\0\0GPS 18.3 N Nguyen Van";
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE1, 0x00, u8::try_from(exif.len() + 2).expect("short")];
    jpeg.extend_from_slice(exif);
    jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02, 0x33, 0x44, 0xFF, 0xD9]);
    jpeg
}

async fn case_files_are_checked_stripped_and_a_denouncers_hand_is_kept_secret(app: &TestApp) {
    let (commune, _) = two_communes(app).await;
    let c = province_official(app).await;
    app.user("mat@coso.test", Role::Official, &commune).await;
    let body = json!({ "unit": commune, "kind": "denunciation", "received_on": "2024-03-04", "content": "Tố cáo san lấp ao trái phép.", "sender": sender() });
    let case = register(&c, app, body).await;
    let url = |q: &str| app.url(&format!("/api/v1/cases/{}/files?{q}", case["id"]));
    let res =
        c.post(url("file_name=anh-hien-truong.jpg&public=true")).body(photo_with_exif()).send().await.expect("photo");
    assert_eq!(res.status(), 201);
    let photo: Value = res.json().await.expect("json");
    assert_eq!(photo["content_type"], "image/jpeg");
    let res = c
        .post(url("file_name=don-viet-tay.pdf&identity=true"))
        .body(b"%PDF-1.4 chu viet".to_vec())
        .send()
        .await
        .expect("scan");
    assert_eq!(res.status(), 201);
    let scan: Value = res.json().await.expect("json");
    let res = c.post(url("file_name=anh.png")).body(b"%PDF-1.4".to_vec()).send().await.expect("a lie");
    assert_eq!(res.status(), 422);
    let refused: Value = res.json().await.expect("json");
    assert!(field_error(&refused, "file").contains("«anh.png»"), "{refused}");

    let (_, stored) = get(&c, app, &format!("/api/v1/cases/{}/files/{}", case["id"], photo["id"])).await;
    assert!(!stored.contains("GPS") && !stored.contains("Nguyen"), "the photo is kept without its metadata");
    // The handwriting: neither listed nor served to an official who is not cleared.
    let (_, view) = get(&c, app, &format!("/api/v1/cases/{}", case["id"])).await;
    let view: Value = serde_json::from_str(&view).expect("json");
    assert_eq!(view["files"].as_array().map(Vec::len), Some(1), "{view}");
    let scan_path = format!("/api/v1/cases/{}/files/{}", case["id"], scan["id"]);
    let (status, _) = get(&c, app, &scan_path).await;
    assert_eq!(status, 404);
    coso_app::cases::grant_clearance(&app.state.app, &coso_app::Actor::system("test"), "mat@coso.test", &commune)
        .await
        .expect("grant");
    let cleared = app.client_as("mat@coso.test").await;
    let (status, text) = get(&cleared, app, &scan_path).await;
    assert_eq!((status, text.as_str()), (200, "%PDF-1.4 chu viet"));
    let audit = app.store.audit_entries(Some("citizen_case"), Some(200)).await.expect("audit");
    assert!(audit.items.iter().any(|e| e.action == "case.identity_read" && e.actor == "mat@coso.test"));
}

async fn a_unit_adds_its_own_categories_to_the_defaults(app: &TestApp) {
    let (commune, other_commune) = two_communes(app).await;
    let c = province_official(app).await;
    let state = &app.state.app;
    let unit = state.store().unit_by_code(&commune).await.expect("q").expect("commune");
    let other = state.store().unit_by_code(&other_commune).await.expect("q").expect("commune");
    app.user("xa@coso.test", Role::Official, &commune).await;
    let user = app.store.user_by_email("xa@coso.test").await.expect("q").expect("user");
    let grants = app.store.grants_of(user.user_id()).await.expect("grants").iter().map(|g| g.grant()).collect();
    let official = coso_app::Actor::user(user.user_id(), &user.email, grants, None);
    let bad = coso_app::cases::save_category(state, &official, &unit.code, "Chợ Búa", "Chợ").await;
    assert!(matches!(&bad, Err(coso_app::Error::Validation(f)) if f[0].field == "code"), "{bad:?}");
    let elsewhere = coso_app::cases::save_category(state, &official, &other.code, "cho", "Chợ, kinh doanh").await;
    assert!(matches!(elsewhere, Err(coso_app::Error::Forbidden)), "{elsewhere:?}");
    coso_app::cases::save_category(state, &official, &unit.code, "cho", "Chợ, kinh doanh").await.expect("add");
    let list = coso_app::cases::categories(state, &unit).await.expect("list");
    assert_eq!(list.len(), 8);
    assert_eq!(list.last().map(|c| c.name.as_str()), Some("Chợ, kinh doanh"));
    let body = |unit: &str| json!({ "unit": unit, "kind": "petition", "received_on": "2024-03-04", "content": "Chợ họp lấn đường.", "category": "cho" });
    let case = register(&c, app, body(&commune)).await;
    assert_eq!(case["category"], "cho");
    let (status, _) = post(&c, app, "/api/v1/cases", &body(&other_commune)).await;
    assert_eq!(status, 422, "another unit's category");
    coso_app::cases::deactivate_category(state, &official, &unit.code, "cho").await.expect("deactivate");
    let (status, refused) = post(&c, app, "/api/v1/cases", &body(&commune)).await;
    assert_eq!(status, 422);
    assert!(field_error(&refused, "category").contains("«cho»"), "{refused}");
}

on_both! {
    app:
    a_unit_adds_its_own_categories_to_the_defaults => a_unit_adds_its_own_categories_to_the_defaults,
    case_files_are_checked_stripped_and_a_denouncers_hand_is_kept_secret => case_files_are_checked_stripped_and_a_denouncers_hand_is_kept_secret,
    the_inbox_puts_overdue_cases_first_and_counts_days => the_inbox_puts_overdue_cases_first_and_counts_days,
    a_village_head_registers_for_the_village_only => a_village_head_registers_for_the_village_only,
    forwarding_tells_the_sender_only_and_assigning_needs_an_official => forwarding_tells_the_sender_only_and_assigning_needs_an_official,
    the_resident_door_and_the_public_view => the_resident_door_and_the_public_view,
    petition_and_complaint_deadlines_follow_the_worked_cases => petition_and_complaint_deadlines_follow_the_worked_cases,
    denunciation_deadlines_follow_the_worked_cases => denunciation_deadlines_follow_the_worked_cases,
    an_anonymous_denunciation_is_information_without_deadlines => an_anonymous_denunciation_is_information_without_deadlines,
    bad_input_saves_nothing_and_names_the_field => bad_input_saves_nothing_and_names_the_field,
    the_denouncer_is_seen_only_with_a_clearance => the_denouncer_is_seen_only_with_a_clearance,
}
