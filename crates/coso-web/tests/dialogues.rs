//! Dialogues with the people on both databases: the commune sets up a dialogue on 15/10/2025
//! and gets its deadlines (notice by 08/10, results by 25/10), announces it, a visitor without
//! an account sends a question, the official answers it on the day and records commitments
//! whose progress and lateness show publicly, and the results are published; a voters'
//! request counted against the voters; and the refusals of bad input, which save nothing.

use chrono::NaiveDate;
use coso_domain::authz::Role;
use coso_test_support::{TestApp, attr, occurrence, on_both, plan_docx, texts};
use serde_json::{Value, json};

use crate::common::{commune_with_villages, docx_text};

const PROVINCE: &str = "42";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// The first commune of the province with the village `V1`, an official on the commune and a
/// resident of `V1`. Returns the commune's code.
async fn commune_with_a_village(app: &TestApp) -> String {
    let commune = commune_with_villages(app, &[("V1", "Thôn Một")]).await.code;
    app.user("xa@coso.test", Role::Official, &commune).await;
    app.user("an@coso.test", Role::Resident, "V1").await;
    commune
}

async fn json_of(res: reqwest::Response, status: u16) -> Value {
    let code = res.status().as_u16();
    let text = res.text().await.expect("body");
    assert_eq!(code, status, "{text}");
    serde_json::from_str(&text).expect("json")
}

async fn get(c: &reqwest::Client, app: &TestApp, id: i64) -> reqwest::Response {
    c.get(app.url(&format!("/api/v1/dialogues/{id}"))).send().await.expect("get")
}

async fn post(c: &reqwest::Client, app: &TestApp, path: &str, body: Value) -> reqwest::Response {
    c.post(app.url(path)).json(&body).send().await.expect("post")
}

fn due(d: &Value, rule: &str) -> (String, Value) {
    let x = d["deadlines"].as_array().expect("deadlines").iter().find(|x| x["rule"] == rule).expect("rule");
    (x["due"].as_str().expect("due").to_string(), x["met_on"].clone())
}

async fn a_dialogue_runs_from_its_notice_to_its_commitments(app: &TestApp) {
    app.state.clock.set_today(day("2025-10-01"));
    let commune = commune_with_a_village(app).await;
    let official = app.client_as("xa@coso.test").await;
    let visitor = app.anonymous();

    // 1. Set up: the deadlines of DLG-3 and DLG-4 are counted from the day.
    let body = json!({ "date": "2025-10-15", "topic": "Giải phóng  mặt bằng đường liên xã", "voters": 20000,
                       "place": "Hội trường Ủy ban nhân dân xã" });
    let d = json_of(post(&official, app, &format!("/api/v1/units/{commune}/dialogues"), body).await, 201).await;
    let id = d["id"].as_i64().expect("id");
    assert_eq!(
        (d["status"].as_str(), d["topic"].as_str()),
        (Some("planned"), Some("Giải phóng mặt bằng đường liên xã"))
    );
    assert_eq!(due(&d, "dialogue.notice"), ("2025-10-08".to_string(), Value::Null));
    assert_eq!(due(&d, "dialogue.results"), ("2025-10-25".to_string(), Value::Null));
    assert_eq!(d["voters"], 20000);
    assert_eq!(get(&visitor, app, id).await.status(), 404, "a planned dialogue is not public");

    // 2. Announced: the notice is met; residents see it and ask without an account.
    let d = json_of(post(&official, app, &format!("/api/v1/dialogues/{id}/announce"), json!({})).await, 200).await;
    assert_eq!(d["status"], "announced");
    assert_eq!(due(&d, "dialogue.notice").1, "2025-10-01");
    let q = json_of(
        post(
            &visitor,
            app,
            &format!("/api/v1/dialogues/{id}/questions"),
            json!({ "body": "Khi nào  chi trả tiền bồi thường?", "name": "Nguyễn Văn An" }),
        )
        .await,
        201,
    )
    .await;
    let question = q["id"].as_i64().expect("question");
    let d = json_of(get(&visitor, app, id).await, 200).await;
    assert_eq!(d["questions"][0]["body"], "Khi nào chi trả tiền bồi thường?");
    assert_eq!(d["questions"][0]["author"], "N.V.A.");
    assert!(d["questions"][0]["answer"].is_null());

    // 3. On the day: no more questions; the official answers and commits.
    app.state.clock.set_today(day("2025-10-15"));
    let late =
        post(&visitor, app, &format!("/api/v1/dialogues/{id}/questions"), json!({ "body": "Còn kịp không?" })).await;
    let late = json_of(late, 422).await;
    assert!(late["error"]["fields"][0]["message"].as_str().expect("message").contains("Đã hết thời gian gửi câu hỏi"));
    let answer = json!({ "question": question, "answer": "Chi trả xong trước ngày 31/12/2025." });
    let d = json_of(post(&official, app, &format!("/api/v1/dialogues/{id}/answers"), answer).await, 200).await;
    assert_eq!(d["questions"][0]["answer"], "Chi trả xong trước ngày 31/12/2025.");
    let commitment = json!({ "body": "Chi trả tiền bồi thường cho các hộ", "owner": commune, "due_on": "31/12/2025",
                             "question": question });
    let c = json_of(post(&official, app, &format!("/api/v1/dialogues/{id}/commitments"), commitment).await, 201).await;
    let first = c["id"].as_i64().expect("commitment");
    let second = json!({ "body": "Lắp đèn đường thôn Một", "owner": "V1", "due_on": "2025-11-30" });
    json_of(post(&official, app, &format!("/api/v1/dialogues/{id}/commitments"), second).await, 201).await;
    let progress = json!({ "commitment": first, "status": "in_progress", "percent": 40, "note": "Đã chi trả 12 hộ." });
    let d = json_of(post(&official, app, &format!("/api/v1/dialogues/{id}/progress"), progress).await, 200).await;
    let c = &d["commitments"][0];
    assert_eq!(
        (c["status"].as_str(), c["percent"].as_i64(), c["owner"].as_str()),
        (Some("in_progress"), Some(40), Some(commune.as_str()))
    );
    assert_eq!(c["progress"][0]["note"], "Đã chi trả 12 hộ.");

    // 4. Results within ten days: the deadline is met.
    app.state.clock.set_today(day("2025-10-20"));
    let results = json!({ "results": "Đã trả lời 1 câu hỏi, ghi nhận 2 cam kết." });
    let d = json_of(post(&official, app, &format!("/api/v1/dialogues/{id}/results"), results).await, 200).await;
    assert_eq!((d["status"].as_str(), d["published_on"].as_str()), (Some("published"), Some("2025-10-20")));
    assert_eq!(due(&d, "dialogue.results").1, "2025-10-20");

    // 5. After the due dates: the lamp, never started, is late; the payment, once done, is not.
    app.state.clock.set_today(day("2025-12-02"));
    let done = json!({ "commitment": first, "status": "done", "percent": 100, "note": "Đã chi trả đủ 30 hộ." });
    json_of(post(&official, app, &format!("/api/v1/dialogues/{id}/progress"), done).await, 200).await;
    let d = json_of(get(&visitor, app, id).await, 200).await;
    let statuses: Vec<&str> =
        d["commitments"].as_array().expect("list").iter().map(|c| c["status"].as_str().expect("s")).collect();
    assert_eq!(statuses, ["done", "late"]);
    assert_eq!(d["commitments"][1]["status_label"], "Quá hạn");

    // 6. The commune's annual report of 2025 counts the dialogue held, still editable.
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let province = app.client_as("tinh@coso.test").await;
    let query = format!("unit={PROVINCE}&targets=children&year=2025&file_name=kh.docx");
    let plan = app.import_plan(&province, &query, plan_docx()).await;
    let annual = occurrence(&plan, "annual");
    let form =
        official.get(app.url(&format!("/quan-tri/hop-thu/{annual}?don-vi={commune}"))).send().await.expect("form");
    let form = form.text().await.expect("html");
    assert_eq!(attr(&form, "#i_dialogues", "value").as_deref(), Some("1"), "{form}");

    // 7. Residents and other units' officials cannot hold the commune's dialogues.
    let resident = app.client_as("an@coso.test").await;
    let res = post(
        &resident,
        app,
        &format!("/api/v1/units/{commune}/dialogues"),
        json!({ "date": "2025-12-20", "topic": "X" }),
    )
    .await;
    assert_eq!(res.status(), 403);
    let res = post(
        &resident,
        app,
        &format!("/api/v1/dialogues/{id}/answers"),
        json!({ "question": question, "answer": "X" }),
    )
    .await;
    assert_eq!(res.status(), 403);
}

async fn a_request_of_a_tenth_of_the_voters_makes_a_dialogue_required(app: &TestApp) {
    app.state.clock.set_today(day("2025-10-01"));
    let commune = commune_with_a_village(app).await;
    let official = app.client_as("xa@coso.test").await;
    let path = format!("/api/v1/units/{commune}/dialogue-requests");
    let r = json_of(
        post(
            &official,
            app,
            &path,
            json!({ "signatures": 2000, "voters": 20000, "subject": "Đề nghị đối thoại về đất đai" }),
        )
        .await,
        201,
    )
    .await;
    assert_eq!((r["required"].as_bool(), r["required_signatures"].as_u64()), (Some(true), Some(2000)));
    let r = json_of(
        post(&official, app, &path, json!({ "signatures": 1999, "voters": 20000, "subject": "Đề nghị khác" })).await,
        201,
    )
    .await;
    assert_eq!(r["required"], false);
    // The required one, and only it, is a task in the commune officials' inbox.
    let notes = json_of(official.get(app.url("/api/v1/notifications")).send().await.expect("inbox"), 200).await;
    let tasks: Vec<(String, String)> = notes
        .as_array()
        .or_else(|| notes["items"].as_array())
        .expect("notifications")
        .iter()
        .filter(|n| n["title"].as_str().is_some_and(|t| t.contains("hội nghị đối thoại")))
        .map(|n| (n["title"].as_str().unwrap_or("").to_string(), n["link"].as_str().unwrap_or("").to_string()))
        .collect();
    assert_eq!(
        tasks,
        [(
            "Phải tổ chức hội nghị đối thoại: Đề nghị đối thoại về đất đai".to_string(),
            format!("/quan-tri/don-vi/{commune}/doi-thoai")
        )]
    );
    // The required request waits on the officials' list until a dialogue is set up for it.
    let page = official.get(app.url(&format!("/quan-tri/don-vi/{commune}/doi-thoai"))).send().await.expect("page");
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("html");
    assert!(texts(&html, "#de-nghi li").iter().any(|t| t.contains("Bắt buộc tổ chức đối thoại")), "{html}");
    let request = r["id"].as_i64().expect("id") - 1;
    let body = json!({ "date": "2025-10-20", "topic": "Đất đai", "online": true, "request": request });
    json_of(post(&official, app, &format!("/api/v1/units/{commune}/dialogues"), body).await, 201).await;
    let html = app.get_text(&official, &format!("/quan-tri/don-vi/{commune}/doi-thoai")).await;
    assert!(!texts(&html, "#de-nghi li").iter().any(|t| t.contains("Bắt buộc tổ chức đối thoại")), "{html}");
    let _ = attr(&html, "form input[name=csrf]", "value").expect("the create form");
}

async fn bad_input_is_refused_and_nothing_is_saved(app: &TestApp) {
    app.state.clock.set_today(day("2025-10-01"));
    let commune = commune_with_a_village(app).await;
    let official = app.client_as("xa@coso.test").await;
    let create = format!("/api/v1/units/{commune}/dialogues");
    // Neither a topic nor villages, and an impossible date.
    let e = json_of(post(&official, app, &create, json!({ "date": "31/02/2025" })).await, 422).await;
    let fields: Vec<&str> =
        e["error"]["fields"].as_array().expect("fields").iter().map(|f| f["field"].as_str().expect("f")).collect();
    assert_eq!(fields, ["held_on", "topic"]);
    // A village that is not the commune's; a dialogue at a village.
    let e =
        json_of(post(&official, app, &create, json!({ "date": "2025-10-15", "villages": ["42"] })).await, 422).await;
    assert_eq!(e["error"]["fields"][0]["field"], "villages");
    let e = json_of(
        post(&official, app, "/api/v1/units/V1/dialogues", json!({ "date": "2025-10-15", "topic": "X" })).await,
        422,
    )
    .await;
    assert_eq!(e["error"]["fields"][0]["field"], "unit");
    // Announcing without a place, online or not, is refused naming the place.
    let d =
        json_of(post(&official, app, &create, json!({ "date": "2025-10-15", "topic": "Đất đai" })).await, 201).await;
    let id = d["id"].as_i64().expect("id");
    let e = json_of(post(&official, app, &format!("/api/v1/dialogues/{id}/announce"), json!({})).await, 422).await;
    assert_eq!(e["error"]["fields"][0]["field"], "place");
    let d = json_of(
        post(&official, app, &create, json!({ "date": "2025-10-15", "topic": "Đất đai", "online": true })).await,
        201,
    )
    .await;
    let id = d["id"].as_i64().expect("id");
    json_of(post(&official, app, &format!("/api/v1/dialogues/{id}/announce"), json!({})).await, 200).await;
    // A commitment without an owner: a field error, and no commitment is saved.
    let before = app.store.audit_entries(Some("dialogue_commitment"), Some(1)).await.expect("audit").total;
    let e = json_of(
        post(
            &official,
            app,
            &format!("/api/v1/dialogues/{id}/commitments"),
            json!({ "body": "Sửa đường", "due_on": "2025-12-31" }),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(e["error"]["fields"][0]["field"], "owner");
    assert_eq!(e["error"]["fields"][0]["message"], "Chưa chọn đơn vị chủ trì thực hiện cam kết.");
    let e = json_of(
        post(
            &official,
            app,
            &format!("/api/v1/dialogues/{id}/commitments"),
            json!({ "body": "Sửa đường", "owner": "01", "due_on": "2025-12-31" }),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(e["error"]["fields"][0]["field"], "owner", "a unit of another province");
    let d = json_of(get(&official, app, id).await, 200).await;
    assert_eq!(d["commitments"].as_array().map(Vec::len), Some(0));
    assert_eq!(
        app.store.audit_entries(Some("dialogue_commitment"), Some(1)).await.expect("audit").total,
        before,
        "nothing written, nothing audited"
    );
    // Progress that says done at 40 %; more signatures than voters.
    let c = json_of(
        post(
            &official,
            app,
            &format!("/api/v1/dialogues/{id}/commitments"),
            json!({ "body": "Sửa đường", "owner": commune, "due_on": "2025-12-31" }),
        )
        .await,
        201,
    )
    .await;
    let bad = json!({ "commitment": c["id"], "status": "done", "percent": 40, "note": "Xong" });
    let e = json_of(post(&official, app, &format!("/api/v1/dialogues/{id}/progress"), bad).await, 422).await;
    assert_eq!(e["error"]["fields"][0]["field"], "percent");
    let e = json_of(
        post(
            &official,
            app,
            &format!("/api/v1/units/{commune}/dialogue-requests"),
            json!({ "signatures": 30, "voters": 20, "subject": "X" }),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(e["error"]["fields"][0]["field"], "signatures");
}

/// The residents' pages without an account and the officials' pages: a question sent from the
/// dialogue's page, answered and committed to from the officials' page, shown on the unit's
/// commitments page.
async fn the_pages_carry_a_question_to_a_public_commitment(app: &TestApp) {
    app.state.clock.set_today(day("2025-10-01"));
    let commune = commune_with_a_village(app).await;
    let official = app.client_as("xa@coso.test").await;
    let admin_list = format!("/quan-tri/don-vi/{commune}/doi-thoai");
    let page = official.get(app.url(&admin_list)).send().await.expect("list").text().await.expect("html");
    let token = attr(&page, "form input[name=csrf]", "value").expect("csrf");
    // A refused form names its field and keeps what was typed.
    let res =
        app.post_form(&official, &admin_list, &token, &[("topic", "Đường  liên xã"), ("held_on", "32/10/2025")]).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    assert!(texts(&html, ".field-error").iter().any(|t| t.contains("Ngày đối thoại không phải ngày hợp lệ")), "{html}");
    let fields =
        [("topic", "Đường liên xã"), ("held_on", "15/10/2025"), ("place", "Hội trường xã"), ("villages", "V1")];
    let res = app.post_form(&official, &admin_list, &token, &fields).await;
    assert!(res.status().is_success(), "{}", res.status());
    let manage = res.url().path().to_string();
    let id: i64 = manage.rsplit('/').next().and_then(|x| x.parse().ok()).expect("the dialogue's page");
    let res = app.post_form(&official, &format!("{manage}/thong-bao"), &token, &[]).await;
    assert!(res.status().is_success());

    // A visitor without an account reads the list and sends a question from the page.
    let visitor = app.anonymous();
    let list = visitor.get(app.url(&format!("/don-vi/{commune}/doi-thoai"))).send().await.expect("list");
    let list = list.text().await.expect("html");
    assert!(texts(&list, "main h3 a").contains(&"Đường liên xã".to_string()), "{list}");
    let res = visitor
        .post(app.url(&format!("/doi-thoai/{id}/cau-hoi")))
        .form(&[("body", "Bao giờ  làm đường qua thôn Một?"), ("name", "Trần Thị Bích")])
        .send()
        .await
        .expect("question");
    assert_eq!(res.status(), 303);
    let page =
        visitor.get(app.url(&format!("/doi-thoai/{id}"))).send().await.expect("page").text().await.expect("html");
    assert!(texts(&page, "#cau-hoi li p").iter().any(|t| t == "Bao giờ làm đường qua thôn Một?"), "{page}");
    assert!(texts(&page, "#cau-hoi li p").iter().any(|t| t == "T.T.B."));
    let question = attr(&page, "#cau-hoi li", "id").expect("the question").trim_start_matches("cau-hoi-").to_string();

    // On the day the official answers and commits; without an owner nothing is saved.
    app.state.clock.set_today(day("2025-10-15"));
    let res = app
        .post_form(
            &official,
            &format!("{manage}/tra-loi"),
            &token,
            &[("question", &question), ("answer", "Quý I năm sau.")],
        )
        .await;
    assert!(res.status().is_success());
    let res = app
        .post_form(
            &official,
            &format!("{manage}/cam-ket"),
            &token,
            &[("body", "Làm đường qua thôn Một"), ("owner", ""), ("due_on", "31/03/2026")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    assert!(
        texts(&html, ".field-error").contains(&"Chưa chọn đơn vị chủ trì thực hiện cam kết.".to_string()),
        "{html}"
    );
    let fields = [
        ("body", "Làm đường qua thôn Một"),
        ("owner", commune.as_str()),
        ("due_on", "31/03/2026"),
        ("question", question.as_str()),
    ];
    let res = app.post_form(&official, &format!("{manage}/cam-ket"), &token, &fields).await;
    assert!(res.status().is_success());

    // The visitor sees the answer and the commitment, on the dialogue and on the unit's page.
    let page =
        visitor.get(app.url(&format!("/doi-thoai/{id}"))).send().await.expect("page").text().await.expect("html");
    assert!(page.contains("Quý I năm sau."), "{page}");
    let commitments = visitor.get(app.url(&format!("/don-vi/{commune}/cam-ket"))).send().await.expect("page");
    let commitments = commitments.text().await.expect("html");
    assert_eq!(texts(&commitments, "main .cards h3"), ["Làm đường qua thôn Một"]);
    assert!(texts(&commitments, "main .cards .tag").contains(&"Chưa thực hiện".to_string()), "{commitments}");
}

async fn published_results_are_a_document_and_a_disclosure(app: &TestApp) {
    app.state.clock.set_today(day("2025-10-01"));
    let commune = commune_with_a_village(app).await;
    let official = app.client_as("xa@coso.test").await;
    let visitor = app.anonymous();
    let body = json!({ "date": "2025-10-15", "topic": "Đèn đường và kênh tiêu nước", "voters": 9000,
                       "place": "Hội trường Ủy ban nhân dân xã" });
    let d = json_of(post(&official, app, &format!("/api/v1/units/{commune}/dialogues"), body).await, 201).await;
    let id = d["id"].as_i64().expect("id");
    json_of(post(&official, app, &format!("/api/v1/dialogues/{id}/announce"), json!({})).await, 200).await;
    let ask = json!({ "body": "Khi nào nạo vét kênh tiêu nước thôn Một?" });
    let q = json_of(post(&visitor, app, &format!("/api/v1/dialogues/{id}/questions"), ask).await, 201).await;
    let question = q["id"].as_i64().expect("question");
    app.state.clock.set_today(day("2025-10-15"));
    let answer = json!({ "question": question, "answer": "Xã nạo vét kênh trước mùa mưa năm 2026." });
    json_of(post(&official, app, &format!("/api/v1/dialogues/{id}/answers"), answer).await, 200).await;
    let commitment = json!({ "body": "Nạo vét 3 km kênh tiêu nước thôn Một", "owner": "V1", "due_on": "31/03/2026",
                             "question": question });
    json_of(post(&official, app, &format!("/api/v1/dialogues/{id}/commitments"), commitment).await, 201).await;

    // Before the results are published: the officials read a preview, the public nothing.
    let admin_docx = format!("/quan-tri/don-vi/{commune}/doi-thoai/{id}/ket-qua.docx");
    let res = official.get(app.url(&admin_docx)).send().await.expect("preview");
    assert_eq!(res.status(), 200);
    let preview = docx_text(&res.bytes().await.expect("bytes"));
    assert!(preview.contains("Kết quả hội nghị chưa được công bố."), "{preview}");
    let public_docx = format!("/doi-thoai/{id}/ket-qua.docx");
    assert_eq!(visitor.get(app.url(&public_docx)).send().await.expect("docx").status(), 404);
    let resident = app.client_as("an@coso.test").await;
    assert_eq!(resident.get(app.url(&admin_docx)).send().await.expect("docx").status(), 403);

    // Published from the officials' page: the dialogue's page links the notice.
    app.state.clock.set_today(day("2025-10-20"));
    let manage = format!("/quan-tri/don-vi/{commune}/doi-thoai/{id}");
    let page = official.get(app.url(&manage)).send().await.expect("page").text().await.expect("html");
    let token = attr(&page, "form input[name=csrf]", "value").expect("csrf");
    let results = "Hội nghị đã trả lời 1 câu hỏi và ghi nhận 1 cam kết.";
    let res = app.post_form(&official, &format!("{manage}/ket-qua"), &token, &[("results", results)]).await;
    assert!(res.status().is_success(), "{}", res.status());
    let page =
        visitor.get(app.url(&format!("/doi-thoai/{id}"))).send().await.expect("page").text().await.expect("html");
    assert_eq!(
        attr(&page, "#ket-qua a[href$='ket-qua.docx']", "href").as_deref(),
        Some(public_docx.as_str()),
        "{page}"
    );

    // The notice, read back: the question and its answer, the commitment with its owner and
    // due date, and the results.
    let res = visitor.get(app.url(&public_docx)).send().await.expect("docx");
    assert_eq!(res.status(), 200);
    let text = docx_text(&res.bytes().await.expect("bytes"));
    for expected in [
        "THÔNG BÁO",
        "Kết quả hội nghị đối thoại: Đèn đường và kênh tiêu nước",
        "Khi nào nạo vét kênh tiêu nước thôn Một? Trả lời: Xã nạo vét kênh trước mùa mưa năm 2026.",
        "1. Nạo vét 3 km kênh tiêu nước thôn Một. Đơn vị chủ trì: Thôn Một; hạn hoàn thành: 31/03/2026; \
         tình trạng: chưa thực hiện, 0%.",
        results,
    ] {
        assert!(text.contains(expected), "«{expected}» in the notice:\n{text}");
    }
    let pdf = visitor.get(app.url(&format!("/doi-thoai/{id}/ket-qua.pdf"))).send().await.expect("pdf").status();
    assert!(pdf == 200 || pdf == 501, "PDF, or the build says it has none: {pdf}");

    // The results are a disclosure of the commune's register (item 14), the notice attached.
    let d = json_of(get(&visitor, app, id).await, 200).await;
    let disclosure = d["disclosure_id"].as_i64().expect("the results are disclosed");
    let list: Value = app.get_json(&official, &format!("/api/v1/units/{commune}/disclosures")).await;
    let items = list["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{list}");
    assert_eq!(
        (items[0]["id"].as_i64(), items[0]["item"].as_i64(), items[0]["title"].as_str()),
        (Some(disclosure), Some(14), Some("Kết quả hội nghị đối thoại: Đèn đường và kênh tiêu nước"))
    );
    assert_eq!(items[0]["posted_from"], "2025-10-20");
    let detail = format!("/don-vi/{commune}/cong-khai/{disclosure}");
    let page =
        visitor.get(app.url(&format!("/doi-thoai/{id}"))).send().await.expect("page").text().await.expect("html");
    assert_eq!(attr(&page, "#ket-qua a[href*='/cong-khai/']", "href").as_deref(), Some(detail.as_str()), "{page}");
    let page = visitor.get(app.url(&detail)).send().await.expect("detail").text().await.expect("html");
    assert_eq!(texts(&page, "#tep li a"), [format!("ket-qua-doi-thoai-{id}.docx")], "{page}");
    let file = attr(&page, "#tep li a", "href").expect("the attachment");
    let res = visitor.get(app.url(&file)).send().await.expect("attachment");
    assert_eq!(res.status(), 200);
    let attached = docx_text(&res.bytes().await.expect("bytes"));
    assert!(attached.contains("Nạo vét 3 km kênh tiêu nước thôn Một"), "{attached}");

    // Recorded once, by the system, audited; publishing again is refused and adds nothing.
    let res = post(&official, app, &format!("/api/v1/dialogues/{id}/results"), json!({ "results": "Lần hai." })).await;
    assert_eq!(res.status(), 409);
    let list: Value = app.get_json(&official, &format!("/api/v1/units/{commune}/disclosures")).await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1));
    let audit = app.state.app.store().audit_entries(Some("disclosure"), Some(50)).await.expect("audit").items;
    let recorded: Vec<_> = audit.iter().filter(|a| a.action == "disclosure.record").collect();
    assert_eq!(recorded.len(), 1);
    assert_eq!(
        (recorded[0].entity_id.as_str(), recorded[0].actor.as_str()),
        (disclosure.to_string().as_str(), "system:dialogue")
    );
}

on_both! {
    app:
    end_to_end => a_dialogue_runs_from_its_notice_to_its_commitments,
    pages => the_pages_carry_a_question_to_a_public_commitment,
    request => a_request_of_a_tenth_of_the_voters_makes_a_dialogue_required,
    bad_input => bad_input_is_refused_and_nothing_is_saved,
    results => published_results_are_a_document_and_a_disclosure,
}
