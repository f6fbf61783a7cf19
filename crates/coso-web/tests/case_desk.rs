//! The officials' pages of citizen cases, on SQLite and on PostgreSQL: registering at the desk
//! with a scanned letter, the inbox by deadline, a case's steps through their forms, the
//! answer as DOCX, the denouncer kept secret until a cleared user asks, and the unit's own
//! categories.

use chrono::Days;
use coso_domain::authz::Role;
use coso_test_support::{TestApp, attr, attrs, location, on_both, texts};
use serde_json::{Value, json};

const PROVINCE: &str = "42";

on_both! {
    app:
    an_official_registers_accepts_and_answers_a_petition_at_the_desk => registers_accepts_and_answers,
    a_wrong_registration_names_its_fields_and_saves_nothing => a_wrong_registration_saves_nothing,
    the_inbox_puts_overdue_cases_first_and_filters_them => the_inbox_orders_and_filters,
    a_step_the_case_does_not_allow_is_explained_on_its_form => a_refused_step_is_explained,
    a_denouncer_stays_secret_until_a_cleared_user_asks => a_denouncer_stays_secret,
    officials_add_and_deactivate_their_units_categories => categories_are_added_and_deactivated,
    an_administrator_grants_and_revokes_the_clearance_in_the_web => clearance_in_the_web,
    a_complaint_gets_its_decision_and_a_denunciation_documents_without_its_author => decision_documents,
    a_scanned_letter_photographed_by_a_phone_is_stored_without_its_gps => a_letter_loses_its_gps,
}

async fn page(c: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let res = c.get(app.url(path)).send().await.expect("page");
    (res.status().as_u16(), res.text().await.expect("html"))
}

/// A client that does not follow redirects, signed in as `email`.
async fn browser(app: &TestApp, email: &str) -> reqwest::Client {
    let c = app.anonymous();
    let res =
        app.post_json(&c, "/api/v1/session", &json!({ "email": email, "password": coso_test_support::PASSWORD })).await;
    assert_eq!(res.status(), 200);
    c
}

fn csrf(html: &str) -> String {
    attr(html, "header form input[name=csrf]", "value").expect("csrf")
}

fn vn(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The registration form sent as multipart, with an optional letter.
async fn register(
    app: &TestApp,
    c: &reqwest::Client,
    csrf: &str,
    fields: &[(&str, &str)],
    letter: Option<(&str, &[u8])>,
) -> reqwest::Response {
    let mut body = Vec::new();
    let mut part = |name: &str, value: &str| {
        body.extend_from_slice(
            format!("--zz\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    };
    part("csrf", csrf);
    for (k, v) in fields {
        part(k, v);
    }
    if let Some((name, bytes)) = letter {
        body.extend_from_slice(
            format!("--zz\r\nContent-Disposition: form-data; name=\"letter\"; filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(b"--zz--\r\n");
    c.post(app.url("/quan-tri/vu-viec/moi"))
        .header("content-type", "multipart/form-data; boundary=zz")
        .body(body)
        .send()
        .await
        .expect("register")
}

/// Posts one step's form of the case page at `case`.
async fn step(app: &TestApp, c: &reqwest::Client, case: &str, csrf: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let res = app.post_form(c, &format!("{case}/xu-ly"), csrf, fields).await;
    let status = res.status().as_u16();
    let to = location(&res);
    if status == 303 {
        assert_eq!(to, case, "back to the case's page");
        let (_, html) = page(c, app, &to).await;
        return (status, html);
    }
    (status, res.text().await.expect("html"))
}

async fn registers_accepts_and_answers(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let c = browser(app, "tinh@coso.test").await;
    let (status, form) = page(&c, app, &format!("/quan-tri/vu-viec/moi?don-vi={commune}")).await;
    assert_eq!(status, 200);
    let token = csrf(&form);
    let today = vn(app.state.app.today());
    let res = register(
        app,
        &c,
        &token,
        &[
            ("kind", "petition"),
            ("channel", "letter"),
            ("unit", &commune),
            ("category", "ha_tang"),
            ("received_on", &today),
            ("content", "Đèn đường ở ngõ 5 hỏng đã hai tuần."),
            ("sender.name", "Lê Văn Cường"),
            ("sender.address", "Thôn Một"),
            ("crowded", "1"),
        ],
        Some(("don.pdf", b"%PDF-1.7\n%scan\n")),
    )
    .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap_or_default());
    let case = location(&res);
    assert!(case.starts_with("/quan-tri/vu-viec/"), "{case}");
    let (_, html) = page(&c, app, &case).await;
    let notice = texts(&html, ".banner .notice").join(" ");
    assert!(notice.contains("Đã tiếp nhận phản ánh, kiến nghị mã theo dõi"), "{notice}");
    let summary = texts(&html, "dl.summary dd").join(" | ");
    assert!(summary.contains("Hạ tầng, giao thông") && summary.contains("Đông người"), "{summary}");
    assert!(summary.contains("Đơn gửi qua bưu điện"), "{summary}");
    // The deadline with its explanation and article.
    let deadlines = texts(&html, "ul.inbox li").join(" ");
    assert!(deadlines.contains("Còn 10 ngày làm việc") || deadlines.contains("ngày làm việc"), "{deadlines}");
    assert!(deadlines.contains("Điều"), "the article: {deadlines}");
    // The scanned letter is there, and downloads.
    let file = attr(&html, "a[href*='/tep?ma=']", "href").expect("the letter");
    let res = c.get(app.url(&file)).send().await.expect("file");
    assert_eq!(res.headers()["content-type"], "application/pdf");
    // The sender of a petition is shown to its officials.
    assert!(html.contains("Lê Văn Cường"));
    // Only the steps the state allows: no closing or extending a petition just received.
    let steps: Vec<String> = attrs(&html, "form input[name=step]", "value");
    assert!(steps.contains(&"accept".to_string()) && steps.contains(&"answer".to_string()), "{steps:?}");
    assert!(!steps.contains(&"close".to_string()) && !steps.contains(&"extend".to_string()), "{steps:?}");

    let (status, html) = step(app, &c, &case, &token, &[("step", "accept"), ("accept-on", &today)]).await;
    assert_eq!(status, 303, "{html}");
    assert!(texts(&html, ".banner .notice").join(" ").contains("Thụ lý"), "the notice");
    assert!(texts(&html, "ol.list li").join(" ").contains("Thụ lý"), "the timeline");
    let (status, html) = step(
        app,
        &c,
        &case,
        &token,
        &[
            ("step", "answer"),
            ("answer-on", &today),
            ("answer-public_answer", "Ủy ban đã thay bóng đèn ngày hôm nay."),
            ("answer-note", "Đội điện thôn làm."),
        ],
    )
    .await;
    assert_eq!(status, 303, "{html}");
    assert!(texts(&html, "dl.summary dd").join(" ").contains("Đã trả lời, giải quyết"));
    let docx = attr(&html, "a[href$='tra-loi.docx']", "href").expect("the answer's DOCX");
    let res = c.get(app.url(&docx)).send().await.expect("docx");
    assert_eq!(res.status(), 200);
    let bytes = res.bytes().await.expect("bytes");
    assert!(bytes.starts_with(b"PK"), "a DOCX");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").expect("document"), &mut xml).expect("xml");
    assert!(xml.contains("Ủy ban đã thay bóng đèn ngày hôm nay."), "the answer in the document");
    assert!(xml.contains("trả lời phản ánh, kiến nghị"), "the abstract");

    // The inbox lists it among all statuses, and the CSV has no sender.
    let (_, inbox) = page(&c, app, &format!("/quan-tri/vu-viec?don-vi={commune}&trang-thai=all")).await;
    assert!(texts(&inbox, "ul.inbox li").join(" ").contains("Phản ánh, kiến nghị"), "{inbox}");
    let csv =
        app.get_text(&c, &format!("/quan-tri/vu-viec/tai-ve/danh-sach.csv?don-vi={commune}&trang-thai=all")).await;
    assert!(csv.contains("Hạ tầng, giao thông") && !csv.contains("Lê Văn Cường"), "{csv}");

    // Past the retention period the page says the sender's data was removed, and the
    // scanned letter went with it.
    let later = app.state.app.today() + chrono::Duration::days(1_827);
    app.state.app.clock().set_today(later);
    assert_eq!(coso_app::cases::remove_expired_personal_data(&app.state.app).await.expect("retention"), 1);
    let (_, html) = page(&c, app, &case).await;
    assert!(!html.contains("Lê Văn Cường"), "the sender's name is gone");
    let removed = format!("Thông tin cá nhân của người gửi đã được xóa ngày {}", later.format("%d/%m/%Y"));
    assert!(html.contains(&removed), "{html}");
    assert!(attr(&html, "a[href*='/tep?ma=']", "href").is_none(), "the letter is gone");
}

async fn a_wrong_registration_saves_nothing(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let c = browser(app, "tinh@coso.test").await;
    let (_, form) = page(&c, app, "/quan-tri/vu-viec/moi").await;
    let token = csrf(&form);
    let tomorrow = vn(app.state.app.today().checked_add_days(Days::new(1)).expect("date"));
    let res = register(
        app,
        &c,
        &token,
        &[("kind", "complaint"), ("unit", &commune), ("received_on", &tomorrow), ("content", "Khiếu nại.")],
        Some(("don.pdf", b"GIF89a not a pdf")),
    )
    .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    let summary = texts(&html, ".error-summary li").join(" | ");
    assert!(summary.contains("Ngày tiếp nhận"), "{summary}");
    assert!(summary.contains("Tệp đơn quét"), "{summary}");
    assert!(summary.contains("họ và tên"), "a complaint needs its sender: {summary}");
    assert_eq!(attr(&html, "textarea#content", "id").as_deref(), Some("content"));
    assert!(html.contains("Khiếu nại."), "what was typed is kept");
    let (_, inbox) = page(&c, app, &format!("/quan-tri/vu-viec?don-vi={commune}&trang-thai=all")).await;
    assert!(inbox.contains("0 đơn"), "nothing saved: {}", texts(&inbox, "main p").join(" | "));
}

async fn register_by_api(app: &TestApp, c: &reqwest::Client, body: Value) -> Value {
    let res = c.post(app.url("/api/v1/cases")).json(&body).send().await.expect("case");
    assert_eq!(res.status(), 201);
    res.json().await.expect("json")
}

async fn the_inbox_orders_and_filters(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let api = app.client_as("tinh@coso.test").await;
    let today = app.state.app.today();
    let long_ago = today.checked_sub_days(Days::new(60)).expect("date").to_string();
    let fresh = register_by_api(
        app,
        &api,
        json!({ "unit": commune, "kind": "petition", "received_on": today.to_string(), "content": "Cống thoát nước tắc." }),
    )
    .await;
    let late = register_by_api(
        app,
        &api,
        json!({ "unit": commune, "kind": "petition", "received_on": long_ago, "content": "Đường làng sạt lở." }),
    )
    .await;
    let c = browser(app, "tinh@coso.test").await;
    let (status, html) = page(&c, app, &format!("/quan-tri/vu-viec?don-vi={PROVINCE}")).await;
    assert_eq!(status, 200);
    let lines = texts(&html, "ul.inbox li");
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains(late["code"].as_str().expect("code")) && lines[0].contains("Quá hạn"), "{lines:?}");
    assert!(lines[1].contains(fresh["code"].as_str().expect("code")) && lines[1].contains("còn"), "{lines:?}");
    // A search without diacritics, and a kind filter.
    let (_, html) = page(&c, app, &format!("/quan-tri/vu-viec?don-vi={PROVINCE}&q=sat+lo")).await;
    assert_eq!(texts(&html, "ul.inbox li").len(), 1);
    let (_, html) = page(&c, app, &format!("/quan-tri/vu-viec?don-vi={PROVINCE}&loai=complaint")).await;
    assert!(texts(&html, "ul.inbox li").is_empty());
    // The menu leads there, and an official of another province is refused.
    assert!(attrs(&html, "nav.menu a", "href").iter().any(|h| h.starts_with("/quan-tri/vu-viec")));
    app.user("ha-noi@coso.test", Role::Official, "01").await;
    let other = browser(app, "ha-noi@coso.test").await;
    assert_eq!(page(&other, app, &format!("/quan-tri/vu-viec?don-vi={PROVINCE}")).await.0, 403);
    assert_eq!(page(&other, app, &format!("/quan-tri/vu-viec/{}", late["id"])).await.0, 403);
    // The XLSX download opens.
    let res = c
        .get(app.url(&format!("/quan-tri/vu-viec/tai-ve/danh-sach.xlsx?don-vi={PROVINCE}")))
        .send()
        .await
        .expect("xlsx");
    assert_eq!(res.status(), 200);
    assert!(res.bytes().await.expect("bytes").starts_with(b"PK"));
}

async fn a_refused_step_is_explained(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let api = app.client_as("tinh@coso.test").await;
    let today = app.state.app.today().to_string();
    let case = register_by_api(
        app,
        &api,
        json!({ "unit": commune, "kind": "complaint", "received_on": today, "content": "Khiếu nại quyết định thu hồi đất.",
                "sender": { "name": "Phạm Văn Dũng", "address": "Thôn Hai" } }),
    )
    .await;
    let c = browser(app, "tinh@coso.test").await;
    let path = format!("/quan-tri/vu-viec/{}", case["id"]);
    let (_, html) = page(&c, app, &path).await;
    let token = csrf(&html);
    let (status, html) =
        step(app, &c, &path, &token, &[("step", "answer"), ("answer-on", &vn(app.state.app.today()))]).await;
    assert_eq!(status, 422);
    let summary = texts(&html, ".error-summary li").join(" ");
    assert!(summary.contains("phải được thụ lý"), "{summary}");
    assert_eq!(attr(&html, ".error-summary a", "href").as_deref(), Some("#answer"));
    let (status, html) =
        step(app, &c, &path, &token, &[("step", "refuse"), ("refuse-on", &vn(app.state.app.today()))]).await;
    assert_eq!(status, 422);
    assert_eq!(attr(&html, ".error-summary a", "href").as_deref(), Some("#refuse-ground"));
    assert!(texts(&html, "ol.list li").len() == 1, "nothing recorded");
}

async fn a_denouncer_stays_secret(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    app.user("mat@coso.test", Role::Official, &commune).await;
    coso_app::cases::grant_clearance(&app.state.app, &coso_app::Actor::system("test"), "mat@coso.test", &commune)
        .await
        .expect("clearance");
    let api = app.client_as("tinh@coso.test").await;
    let name = "Nguyễn Bí Mật Zyx";
    let case = register_by_api(
        app,
        &api,
        json!({ "unit": commune, "kind": "denunciation", "received_on": app.state.app.today().to_string(),
                "content": "Tố cáo cán bộ địa chính nhận tiền.", "sender": { "name": name, "address": "Thôn Ba", "phone": "0987654321" } }),
    )
    .await;
    let path = format!("/quan-tri/vu-viec/{}", case["id"]);
    let official = browser(app, "tinh@coso.test").await;
    let (_, html) = page(&official, app, &path).await;
    assert!(!html.contains(name) && !html.contains("0987654321"));
    assert!(html.contains("Thông tin người tố cáo được giữ bí mật (Điều 47, 56 Luật Tố cáo)"));
    assert!(!html.contains("Xem thông tin người tố cáo"), "no button without clearance");
    let token = csrf(&html);
    let res = app.post_form(&official, &format!("{path}/nguoi-to-cao"), &token, &[]).await;
    assert_eq!(res.status(), 403);
    assert!(!res.text().await.expect("html").contains(name));
    let (_, inbox) = page(&official, app, &format!("/quan-tri/vu-viec?don-vi={commune}")).await;
    assert!(!inbox.contains(name));

    let cleared = browser(app, "mat@coso.test").await;
    let (_, html) = page(&cleared, app, &path).await;
    assert!(!html.contains(name), "not before asking");
    assert!(html.contains("Xem thông tin người tố cáo"));
    let token = csrf(&html);
    let res = app.post_form(&cleared, &format!("{path}/nguoi-to-cao"), &token, &[]).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert!(html.contains(name) && html.contains("0987654321"));
    let audit = app.store.audit_entries(Some("citizen_case"), Some(200)).await.expect("audit");
    let id = case["id"].as_i64().expect("id").to_string();
    let reads = audit.items.iter().filter(|e| e.action == "case.identity_read" && e.entity_id == id).count();
    assert!(reads >= 1, "the read is audited");
}

async fn categories_are_added_and_deactivated(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    app.user("xa@coso.test", Role::Official, &commune).await;
    let c = browser(app, "xa@coso.test").await;
    let path = format!("/quan-tri/don-vi/{commune}/linh-vuc-don");
    let (status, html) = page(&c, app, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("Đất đai"), "the defaults are listed");
    let token = csrf(&html);
    let res = app.post_form(&c, &path, &token, &[("code", "nước"), ("name", "")]).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    let summary = texts(&html, ".error-summary li").join(" | ");
    assert!(summary.contains("Mã lĩnh vực") && summary.contains("tên lĩnh vực"), "{summary}");
    let res = app.post_form(&c, &path, &token, &[("code", "nuoc_sach"), ("name", "Nước sạch")]).await;
    assert_eq!(res.status(), 303);
    let (_, html) = page(&c, app, &path).await;
    assert!(texts(&html, "table td").contains(&"Nước sạch".to_string()));
    // The new category is offered when registering for the unit.
    let (_, form) = page(&c, app, &format!("/quan-tri/vu-viec/moi?don-vi={commune}")).await;
    assert!(attrs(&form, "select#category option", "value").contains(&"nuoc_sach".to_string()));
    let res = app.post_form(&c, &format!("{path}/ngung"), &token, &[("code", "nuoc_sach")]).await;
    assert_eq!(res.status(), 303);
    let (_, html) = page(&c, app, &path).await;
    assert!(!texts(&html, "table td").contains(&"Nước sạch".to_string()));
    // A village head does not manage them.
    app.user("thon@coso.test", Role::VillageHead, &commune).await;
    let head = browser(app, "thon@coso.test").await;
    assert_eq!(page(&head, app, &path).await.0, 403);
}

async fn clearance_in_the_web(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    app.user("root@coso.test", Role::Admin, PROVINCE).await;
    app.user("mat@coso.test", Role::Official, &commune).await;
    let admin = browser(app, "root@coso.test").await;
    let path = "/quan-tri/nguoi-dung/quyen-to-cao";
    let (status, html) = page(&admin, app, path).await;
    assert_eq!(status, 200);
    assert!(html.contains("Chưa ai được cấp quyền này."));
    let token = csrf(&html);
    let res = app.post_form(&admin, path, &token, &[("email", "khong-co@coso.test"), ("unit", "ZZZ")]).await;
    assert_eq!(res.status(), 422);
    let summary = texts(&res.text().await.expect("html"), ".error-summary li").join(" | ");
    assert!(summary.contains("khong-co@coso.test") && summary.contains("ZZZ"), "{summary}");
    let res = app.post_form(&admin, path, &token, &[("email", "mat@coso.test"), ("unit", &commune)]).await;
    assert_eq!(res.status(), 303);
    let (_, html) = page(&admin, app, path).await;
    assert!(texts(&html, "table td").join(" ").contains("mat@coso.test"));
    let (_, users) = page(&admin, app, "/quan-tri/nguoi-dung").await;
    let row = texts(&users, "table tr").into_iter().find(|r| r.contains("mat@coso.test")).expect("the row");
    assert!(row.contains(&format!("({commune})")), "the list shows who holds one: {row}");
    let audit = app.store.audit_entries(Some("clearance"), Some(50)).await.expect("audit");
    assert!(audit.items.iter().any(|e| e.action == "clearance.grant"));
    let res = app
        .post_form(&admin, &format!("{path}/thu-hoi"), &token, &[("email", "mat@coso.test"), ("unit", &commune)])
        .await;
    assert_eq!(res.status(), 303);
    let (_, html) = page(&admin, app, path).await;
    assert!(html.contains("Chưa ai được cấp quyền này."));
    // An official cannot grant one.
    let official = browser(app, "mat@coso.test").await;
    assert_eq!(page(&official, app, path).await.0, 403);
}

/// The text of a DOCX's body.
async fn docx_text(c: &reqwest::Client, app: &TestApp, path: &str) -> String {
    let res = c.get(app.url(path)).send().await.expect("docx");
    assert_eq!(res.status(), 200, "{path}");
    let bytes = res.bytes().await.expect("bytes");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").expect("document"), &mut xml).expect("xml");
    xml
}

async fn decision_documents(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let api = app.client_as("tinh@coso.test").await;
    let today = app.state.app.today().to_string();
    let complaint = register_by_api(
        app,
        &api,
        json!({ "unit": commune, "kind": "complaint", "received_on": today, "content": "Khiếu nại quyết định thu hồi đất.",
                "sender": { "name": "Phạm Văn Dũng", "address": "Thôn Hai" } }),
    )
    .await;
    let id = complaint["id"].as_i64().expect("id");
    for (action, body) in [
        ("accept", json!({ "on": today })),
        ("answer", json!({ "on": today, "public_answer": "Giữ nguyên quyết định thu hồi đất." })),
    ] {
        let res = api.post(app.url(&format!("/api/v1/cases/{id}/{action}"))).json(&body).send().await.expect("step");
        assert_eq!(res.status(), 200, "{action}");
    }
    let c = browser(app, "tinh@coso.test").await;
    let (_, html) = page(&c, app, &format!("/quan-tri/vu-viec/{id}")).await;
    let links = attrs(&html, "main a[href*='/van-ban/']", "href");
    assert!(links.iter().any(|l| l.ends_with("thong-bao-thu-ly.docx")), "{links:?}");
    let decision = links.iter().find(|l| l.ends_with("quyet-dinh-giai-quyet.docx")).expect("the decision");
    let xml = docx_text(&c, app, decision).await;
    assert!(xml.contains("QUYẾT ĐỊNH") && xml.contains("Giữ nguyên quyết định thu hồi đất."), "the decision");
    assert!(xml.contains("Phạm Văn Dũng"), "a complaint's decision names the complainant");
    // Naming the sender, the download is in the log (without the name).
    let audit = app.store.audit_entries(Some("citizen_case"), Some(200)).await.expect("audit").items;
    let exports: Vec<_> =
        audit.iter().filter(|a| a.action == "case.document_export" && a.entity_id == id.to_string()).collect();
    assert_eq!(exports.len(), 1, "one download, one row");
    assert!(
        exports[0].after_json.as_deref().is_some_and(|a| a.contains("quyet-dinh-giai-quyet") && !a.contains("Dũng"))
    );
    assert!(xml.contains("khiếu nại lần hai"), "the second complaint's window");

    let name = "Đặng Văn Ẩn Danh";
    let denunciation = register_by_api(
        app,
        &api,
        json!({ "unit": commune, "kind": "denunciation", "received_on": today, "content": format!("Tôi là {name}, tố cáo cán bộ."),
                "sender": { "name": name, "address": "Thôn Ba" } }),
    )
    .await;
    let id = denunciation["id"].as_i64().expect("id");
    let res = app.post_json(&api, &format!("/api/v1/cases/{id}/accept"), &json!({ "on": today })).await;
    assert_eq!(res.status(), 200);
    let xml = docx_text(&c, app, &format!("/quan-tri/vu-viec/{id}/van-ban/quyet-dinh-thu-ly.docx")).await;
    assert!(xml.contains("thụ lý tố cáo") || xml.contains("THỤ LÝ TỐ CÁO"), "the acceptance decision");
    assert!(!xml.contains(name), "never the denouncer, not even through the content");
    let audit = app.store.audit_entries(Some("citizen_case"), Some(200)).await.expect("audit").items;
    assert!(
        !audit.iter().any(|a| a.action == "case.document_export" && a.entity_id == id.to_string()),
        "naming nobody, it is not a download of personal data"
    );
    assert_eq!(page(&c, app, &format!("/quan-tri/vu-viec/{id}/van-ban/tra-loi.docx")).await.0, 404, "not a petition");
}

/// A phone's JPEG of a letter: an EXIF block naming where it was taken, then the picture.
fn letter_photo_with_gps() -> Vec<u8> {
    let exif = b"Exif\0\0GPSLatitude 18.3406 N GPSLongitude 105.9057 E";
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x07, b'J', b'F', b'I', b'F', 0x00, 0xFF, 0xE1];
    jpeg.extend_from_slice(&u16::try_from(exif.len() + 2).expect("short").to_be_bytes());
    jpeg.extend_from_slice(exif);
    jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02, 0x33, 0x44, 0xFF, 0xD9]);
    jpeg
}

async fn a_letter_loses_its_gps(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let c = browser(app, "tinh@coso.test").await;
    let (_, form) = page(&c, app, &format!("/quan-tri/vu-viec/moi?don-vi={commune}")).await;
    let token = csrf(&form);
    let today = vn(app.state.app.today());
    let fields = [
        ("kind", "complaint"),
        ("channel", "letter"),
        ("unit", commune.as_str()),
        ("category", "dat_dai"),
        ("received_on", today.as_str()),
        ("content", "Khiếu nại quyết định thu hồi đất."),
        ("sender.name", "Lê Văn Cường"),
        ("sender.address", "Thôn Một"),
    ];
    let res = register(app, &c, &token, &fields, Some(("don-khieu-nai.jpg", &letter_photo_with_gps()))).await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap_or_default());
    let id: i64 = location(&res).rsplit('/').next().and_then(|id| id.parse().ok()).expect("the case's id");
    let files = app.store.case_file_contents(coso_domain::CaseId(id)).await.expect("files");
    let [(name, content_type, bytes)] = files.as_slice() else { panic!("one letter: {files:?}") };
    assert_eq!((name.as_str(), content_type.as_str()), ("don-khieu-nai.jpg", "image/jpeg"));
    let text = String::from_utf8_lossy(bytes);
    assert!(!text.contains("GPS") && !text.contains("Exif"), "no metadata left: {text}");
    assert!(bytes.starts_with(&[0xFF, 0xD8]) && bytes.ends_with(&[0x33, 0x44, 0xFF, 0xD9]), "the picture stays");
    // The case and its letter were written together: one audit row for both.
    let audit = app.store.audit_entries(None, Some(50)).await.expect("audit");
    assert!(audit.items.iter().any(|e| e.action == "case.register" && e.entity_id == id.to_string()));
    assert!(!audit.items.iter().any(|e| e.action == "case.file_add"), "no separate file write");
}
