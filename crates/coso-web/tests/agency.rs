//! Democracy inside agencies through the API and the pages, on both databases: the worked cases
//! of legal-rules §1.7 (work year 2024 → conference due 2025-03-31; 90 staff with 58 present is
//! invalid; 60 present with 30 yes does not pass), a conference with more present than staff
//! refused naming the field with nothing saved, the internal rules register keeping old
//! versions, the minutes as DOCX, and an agency's disclosures to its staff that other agencies'
//! staff and the public never see.

use chrono::NaiveDate;
use coso_domain::authz::Role;
use coso_test_support::{TestApp, attr, occurrence, on_both, plan_markdown, texts};
use serde_json::{Value, json};

use crate::common::{api_get, api_post, commune_with, docx_text};

const PROVINCE: &str = "42";

/// The first commune of the province with two agencies `CQA` and `CQB` under it; an official
/// of `CQA`, a staff member of each agency and a resident of a village.
async fn two_agencies(app: &TestApp) -> String {
    app.state.clock.set_today(NaiveDate::from_ymd_opt(2026, 2, 10).expect("date"));
    let units = [
        ("CQA", "Văn phòng HĐND và UBND xã", "agency"),
        ("CQB", "Trạm Y tế xã", "agency"),
        ("V1", "Thôn Một", "village"),
    ];
    let commune = commune_with(app, &units).await.code;
    app.user("vp@coso.test", Role::Official, "CQA").await;
    app.user("nv-a@coso.test", Role::Resident, "CQA").await;
    app.user("nv-b@coso.test", Role::Resident, "CQB").await;
    app.user("dan@coso.test", Role::Resident, "V1").await;
    commune
}

async fn status_of(c: &reqwest::Client, app: &TestApp, path: &str) -> u16 {
    c.get(app.url(path)).send().await.expect("get").status().as_u16()
}

const CONFERENCES: &str = "/api/v1/units/CQA/staff-conferences";

async fn the_worked_cases_of_ag_3_and_ag_4(app: &TestApp) {
    two_agencies(app).await;
    let vp = app.client_as("vp@coso.test").await;

    let (status, c) =
        api_post(&vp, app, CONFERENCES, json!({ "work_year": 2024, "staff": 90, "present": 58, "yes": 50 })).await;
    assert_eq!(status, 201, "{c}");
    assert_eq!(c["due"], "2025-03-31", "AG-3: three months after the work year");
    assert_eq!(c["deadlines"][0]["rule"], "staff_conference.due");
    assert_eq!(c["deadlines"][0]["due"], "2025-03-31");
    assert_eq!(c["valid"], false, "AG-4: 58 of 90 is short of 60");
    assert_eq!(c["passed"], false);
    assert!(c["reason"].as_str().expect("reason").contains("cần 60"), "{c}");

    let (_, c) =
        api_post(&vp, app, CONFERENCES, json!({ "work_year": 2024, "staff": 90, "present": 60, "yes": 30 })).await;
    assert_eq!(
        (c["valid"].clone(), c["passed"].clone()),
        (json!(true), json!(false)),
        "30 of 60 is not more than half"
    );
    assert!(c["reason"].as_str().expect("reason").contains("chưa quá 50%"), "{c}");

    let (_, c) = api_post(
        &vp,
        app,
        CONFERENCES,
        json!({ "work_year": 2024, "staff": 90, "present": 60, "held_on": "2025-01-20",
                "resolutions": [{ "title": "Quy chế chi tiêu nội bộ năm 2025", "yes": 31 },
                                { "title": "Quy chế thực hiện dân chủ", "yes": 55 }],
                "minutes": "Hội nghị tổng kết năm 2024.\n\nHội nghị thảo luận và biểu quyết." }),
    )
    .await;
    assert_eq!((c["valid"].clone(), c["passed"].clone()), (json!(true), json!(true)), "{c}");
    assert_eq!(c["resolutions"][0]["required"], 31);
    let id = c["id"].as_i64().expect("id");

    let list = api_get(&vp, app, CONFERENCES).await;
    assert_eq!(list["items"].as_array().expect("items").len(), 3);
    assert_eq!(api_get(&vp, app, &format!("/api/v1/staff-conferences/{id}")).await["held_on"], "2025-01-20");

    // The minutes, read back.
    let res = vp.get(app.url(&format!("/api/v1/staff-conferences/{id}/minutes.docx"))).send().await.expect("docx");
    assert_eq!(res.status(), 200);
    let text = docx_text(&res.bytes().await.expect("bytes"));
    for expected in ["năm 2024", "Số người dự hội nghị: 60", "Quy chế chi tiêu nội bộ năm 2025: 31", "20/01/2025"]
    {
        assert!(text.contains(expected), "{expected} in {text}");
    }
}

async fn bad_input_is_refused_and_nothing_is_saved(app: &TestApp) {
    two_agencies(app).await;
    let vp = app.client_as("vp@coso.test").await;
    let (status, err) =
        api_post(&vp, app, CONFERENCES, json!({ "work_year": 2024, "staff": 90, "present": 91, "yes": 50 })).await;
    assert_eq!(status, 422, "{err}");
    let fields: Vec<&str> =
        err["error"]["fields"].as_array().expect("fields").iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, ["present"], "{err}");
    let (status, _) =
        api_post(&vp, app, CONFERENCES, json!({ "work_year": 2024, "staff": 90, "present": 60, "yes": 61 })).await;
    assert_eq!(status, 422);
    let (status, _) =
        api_post(&vp, app, CONFERENCES, json!({ "work_year": 2024, "staff": -3, "present": 0, "yes": 0 })).await;
    assert_eq!(status, 422);
    assert_eq!(api_get(&vp, app, CONFERENCES).await["items"], json!([]), "nothing saved");

    // Not an agency: a village keeps no staff conference.
    app.user("xa@coso.test", Role::Admin, PROVINCE).await;
    let admin = app.client_as("xa@coso.test").await;
    let (status, _) = api_post(
        &admin,
        app,
        "/api/v1/units/V1/staff-conferences",
        json!({ "work_year": 2024, "staff": 9, "present": 9, "yes": 9 }),
    )
    .await;
    assert_eq!(status, 400);
    // Staff read, but do not record.
    let staff = app.client_as("nv-a@coso.test").await;
    let (status, _) =
        api_post(&staff, app, CONFERENCES, json!({ "work_year": 2024, "staff": 9, "present": 9, "yes": 9 })).await;
    assert_eq!(status, 403);
}

async fn the_rules_register_keeps_every_version(app: &TestApp) {
    two_agencies(app).await;
    let vp = app.client_as("vp@coso.test").await;
    let rules = "/api/v1/units/CQA/internal-rules";
    let (status, r) = api_post(
        &vp,
        app,
        rules,
        json!({ "kind": "spending", "title": "Quy chế chi tiêu nội bộ", "number": "05/QĐ-VP", "issued_on": "15/01/2024" }),
    )
    .await;
    assert_eq!(status, 201, "{r}");
    let id = r["id"].as_i64().expect("id");
    let (status, r) = api_post(
        &vp,
        app,
        &format!("{rules}/{id}/versions"),
        json!({ "number": "03/QĐ-VP", "issued_on": "2025-01-20", "summary": "Sửa mức chi công tác phí." }),
    )
    .await;
    assert_eq!(status, 201, "{r}");
    let (status, err) = api_post(&vp, app, rules, json!({ "kind": "budget", "title": "", "issued_on": "" })).await;
    assert_eq!(status, 422);
    assert_eq!(err["error"]["fields"].as_array().expect("fields").len(), 3, "{err}");

    let list = api_get(&app.client_as("nv-a@coso.test").await, app, rules).await;
    let items = list["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "the refused rule is not there");
    let versions: Vec<(i64, &str)> = items[0]["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| (v["version"].as_i64().expect("n"), v["issued_on"].as_str().expect("day")))
        .collect();
    assert_eq!(versions, [(2, "2025-01-20"), (1, "2024-01-15")], "the latest first, the old one kept");
    assert_eq!(items[0]["kind_label"], "Quy chế chi tiêu nội bộ");
}

async fn staff_disclosures_stay_inside_the_agency(app: &TestApp) {
    two_agencies(app).await;
    let vp = app.client_as("vp@coso.test").await;
    let res = vp
        .post(app.url("/api/v1/units/CQA/disclosures"))
        .json(&json!({ "item": 1, "title": "Kế hoạch công tác năm 2026 của cơ quan", "content": "Kế hoạch",
                        "forms": ["posting"], "posted_from": "2026-02-01" }))
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    api_post(&vp, app, CONFERENCES, json!({ "work_year": 2024, "staff": 30, "present": 25, "yes": 20 })).await;

    // The agency's own staff read it, through the API and on their page.
    let own = app.client_as("nv-a@coso.test").await;
    let list = api_get(&own, app, "/api/v1/units/CQA/disclosures").await;
    assert_eq!(list["items"][0]["title"], "Kế hoạch công tác năm 2026 của cơ quan");
    let res = own.get(app.url("/co-quan/CQA")).send().await.expect("page");
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert!(texts(&html, "#cong-khai h3").concat().contains("Kế hoạch công tác năm 2026"), "{html}");
    assert!(html.contains("Được thông qua"), "{html}");
    assert_eq!(status_of(&own, app, CONFERENCES).await, 200);

    // Another agency's staff, a resident and the public: not found.
    for c in [app.client_as("nv-b@coso.test").await, app.client_as("dan@coso.test").await] {
        for path in ["/api/v1/units/CQA/disclosures", "/co-quan/CQA", "/don-vi/CQA/cong-khai", CONFERENCES] {
            assert_eq!(status_of(&c, app, path).await, 404, "{path}");
        }
        assert_eq!(status_of(&c, app, "/api/v1/units/CQA/internal-rules").await, 404);
    }
    let public = app.anonymous();
    assert_eq!(status_of(&public, app, "/api/v1/units/CQA/disclosures").await, 404);
    assert_eq!(status_of(&public, app, "/don-vi/CQA/cong-khai").await, 404);
    assert_eq!(status_of(&public, app, CONFERENCES).await, 401);
}

async fn the_officials_pages_record_and_show_the_outcome(app: &TestApp) {
    two_agencies(app).await;
    let vp = app.client_as("vp@coso.test").await;
    let res = vp.get(app.url("/quan-tri/don-vi/CQA/dan-chu-co-quan")).send().await.expect("page");
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    let csrf = attr(&html, "form input[name=csrf]", "value").expect("csrf");
    let path = "/quan-tri/don-vi/CQA/dan-chu-co-quan";

    let res = app
        .post_form(
            &vp,
            path,
            &csrf,
            &[("work_year", "2024"), ("staff", "90"), ("present", "95"), ("title_1", "Quy chế"), ("yes_1", "50")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    assert!(texts(&html, ".error-summary li").concat().contains("Số người dự hội nghị (95)"), "{html}");

    let res = app
        .post_form(
            &vp,
            path,
            &csrf,
            &[
                ("work_year", "2024"),
                ("staff", "90"),
                ("present", "60"),
                ("held_on", "20/01/2025"),
                ("title_1", "Quy chế chi tiêu nội bộ"),
                ("yes_1", "30"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200, "the client follows the redirect to the conference");
    assert!(res.url().path().starts_with("/quan-tri/don-vi/CQA/dan-chu-co-quan/hoi-nghi/"), "{}", res.url());
    let html = res.text().await.expect("html");
    assert!(texts(&html, "#ket-qua").concat().contains("chưa quá 50%"), "{html}");
    assert!(html.contains("31/03/2025"), "the deadline shown: {html}");

    let rules = format!("{path}/quy-che");
    let res = app
        .post_form(
            &vp,
            &rules,
            &csrf,
            &[("kind", "democracy"), ("title", "Quy chế thực hiện dân chủ"), ("issued_on", "02/01/2025")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert!(texts(&html, "section.card h2").concat().contains("Quy chế thực hiện dân chủ"), "{html}");
    let res = app.post_form(&vp, &rules, &csrf, &[("kind", ""), ("title", "X"), ("issued_on", "02/01/2025")]).await;
    assert_eq!(res.status(), 422);
}

async fn an_agency_target_reports_on_the_agencies_template(app: &TestApp) {
    let commune = two_agencies(app).await;
    let root = app.client_as("root@coso.test").await;
    let query = format!("unit={commune}&targets=CQA,V1&year=2026&file_name=kh.md");
    let plan = app.import_plan(&root, &query, plan_markdown()).await;
    let annual = occurrence(&plan, "annual");

    let form = async |code: &str| app.page(&root, &format!("/quan-tri/hop-thu/{annual}?don-vi={code}")).await;
    let agency = form("CQA").await;
    assert!(agency.contains("name=\"i_staff_conferences\""), "{agency}");
    assert!(!agency.contains("i_household_ballots") && !agency.contains("i_community_meetings"), "{agency}");
    let village = form("V1").await;
    assert!(village.contains("i_household_ballots") && !village.contains("i_staff_conferences"), "{village}");
}

/// A client signed in with an account's own password.
async fn sign_in(app: &TestApp, email: &str, password: &str) -> reqwest::Client {
    let c = reqwest::Client::builder().cookie_store(true).build().expect("client");
    let res = app.post_json(&c, "/api/v1/session", &json!({ "email": email, "password": password })).await;
    assert_eq!(res.status(), 200, "sign-in of {email}");
    c
}

async fn an_official_above_the_agency_creates_and_removes_a_staff_account(app: &TestApp) {
    let commune = two_agencies(app).await;
    app.user("xa@coso.test", Role::Official, &commune).await;
    let xa = app.client_as("xa@coso.test").await;
    let path = "/quan-tri/don-vi/CQA/dan-chu-co-quan/can-bo";
    let res = xa.get(app.url(path)).send().await.expect("page");
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert!(texts(&html, "table td").iter().any(|t| t == "nv-a@coso.test"), "{html}");
    let csrf = attr(&html, "form input[name=csrf]", "value").expect("csrf");
    let cqa = app.store.unit_by_code("CQA").await.expect("unit").expect("CQA").id;
    let staff = app.store.agency_staff(cqa).await.expect("staff").len();
    let audited = app.store.audit_entries(Some("user"), Some(1)).await.expect("audit").total;

    // Bad input names each field and saves nothing; the password is not shown again.
    let bad = [("display_name", " "), ("email", "khong-phai-email"), ("password", "ngan")];
    let res = app.post_form(&xa, path, &csrf, &bad).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    let summary = texts(&html, ".error-summary li").concat();
    for named in ["Họ và tên", "e-mail «khong-phai-email»", "Mật khẩu phải có ít nhất 10 ký tự"] {
        assert!(summary.contains(named), "{named} in {summary}");
    }
    assert_eq!(attr(&html, "input#password", "value").as_deref(), Some(""));
    let taken = [("display_name", "Trần Văn B"), ("email", "nv-b@coso.test"), ("password", "tram-y-te-2026")];
    let res = app.post_form(&xa, path, &csrf, &taken).await;
    assert_eq!(res.status(), 422);
    assert!(texts(&res.text().await.expect("html"), ".error-summary li").concat().contains("đã được dùng"));
    assert_eq!(app.store.agency_staff(cqa).await.expect("staff").len(), staff);
    assert_eq!(app.store.audit_entries(Some("user"), Some(1)).await.expect("audit").total, audited);

    // Created: listed, audited, and the account reads its agency's page, not another's.
    let good = [("display_name", "Lê Văn  Tâm"), ("email", "Tam.Le@coso.test"), ("password", "tram-y-te-2026")];
    let res = app.post_form(&xa, path, &csrf, &good).await;
    assert_eq!(res.status(), 200, "the client follows the redirect to the list");
    let html = res.text().await.expect("html");
    assert!(html.contains("Đã tạo tài khoản tam.le@coso.test"), "{html}");
    assert!(texts(&html, "table td").iter().any(|t| t == "Lê Văn Tâm"), "{html}");
    let audit = app.store.audit_entries(Some("user"), Some(1)).await.expect("audit");
    assert_eq!(audit.items[0].action, "user.staff_add");
    let tam = sign_in(app, "tam.le@coso.test", "tram-y-te-2026").await;
    assert_eq!(status_of(&tam, app, "/co-quan/CQA").await, 200);
    assert_eq!(status_of(&tam, app, "/co-quan/CQB").await, 404);
    let nv_b = app.client_as("nv-b@coso.test").await;
    assert_eq!(status_of(&nv_b, app, "/co-quan/CQA").await, 404, "another agency's staff");
    assert_eq!(status_of(&nv_b, app, path).await, 403, "staff do not manage accounts");

    // Removed: the account no longer reads the agency's page.
    let id = app.store.user_by_email("tam.le@coso.test").await.expect("user").expect("tam").id;
    let res = app.post_form(&xa, &format!("{path}/{id}/go"), &csrf, &[]).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert!(html.contains("Đã gỡ tài khoản") && !html.contains("tam.le@coso.test"), "{html}");
    assert_eq!(
        app.store.audit_entries(Some("user"), Some(1)).await.expect("audit").items[0].action,
        "user.staff_remove"
    );
    assert_eq!(status_of(&tam, app, "/co-quan/CQA").await, 404);
}

async fn a_plan_chooses_the_template_of_its_agency_targets(app: &TestApp) {
    let commune = two_agencies(app).await;
    let root = app.client_as("root@coso.test").await;
    let mut own = coso_domain::report::Template::default_agency();
    own.code = "co-quan-2026".into();
    own.name = "Mẫu báo cáo riêng của cơ quan năm 2026".into();
    own.indicators[0].label = "Số hội nghị cán bộ (mẫu riêng)".into();
    let definition = serde_json::to_value(&own).expect("definition");
    let system = coso_store::Actor::system("test");
    app.store.ensure_report_template(&own.code, &own.name, &definition, &system).await.expect("template");
    let draft = json!({
        "number": "05/KH-UBND", "issued_on": "2026-02-10", "title": "Thực hiện dân chủ ở cơ sở năm 2026",
        "year": 2026, "legal_bases": [], "sections": [], "tasks": [],
        "obligations": [{ "kind": "report", "period": "annual", "due": "2026-12-15", "raw": "" }]
    });

    // A template that does not exist is refused naming the field, and nothing is saved.
    let body = json!({ "unit": commune, "targets": "CQA,V1", "draft": draft, "agency_template": "khong-co" });
    let (status, refused) = api_post(&root, app, "/api/v1/plans", body).await;
    assert_eq!(status, 422, "{refused}");
    let text = refused.to_string();
    assert!(text.contains("agency_template") && text.contains("không có mẫu «khong-co»"), "{text}");
    let unit = app.store.unit_by_code(&commune).await.expect("unit").expect("commune");
    assert!(app.store.plans_of_unit(unit.unit_id(), None).await.expect("plans").is_empty());

    let body = json!({ "unit": commune, "targets": "CQA,V1", "draft": draft, "agency_template": "co-quan-2026" });
    let (status, plan) = api_post(&root, app, "/api/v1/plans", body).await;
    assert_eq!(status, 201, "{plan}");
    let id = plan["id"].as_i64().expect("plan");
    let annual = plan["obligations"][0]["occurrences"][0]["id"].as_i64().expect("the annual report");

    // The agency's form is the chosen template; the village's is the commune's.
    let form = async |code: &str| app.page(&root, &format!("/quan-tri/hop-thu/{annual}?don-vi={code}")).await;
    let agency = form("CQA").await;
    assert!(agency.contains("Số hội nghị cán bộ (mẫu riêng)") && !agency.contains("i_household_ballots"), "{agency}");
    let village = form("V1").await;
    assert!(village.contains("i_household_ballots") && !village.contains("mẫu riêng"), "{village}");

    // The aggregate reads the agency apart, on its template, and the village on the commune's.
    let view = api_get(&root, app, &format!("/api/v1/plans/{id}/aggregate?occurrence={annual}")).await;
    let codes = |v: &Value, key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|x| x.get("unit_code").or_else(|| x.get("code")))
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect()
    };
    assert_eq!(codes(&view, "rows"), ["V1"]);
    assert_eq!(codes(&view["agencies"], "rows"), ["CQA"]);
    assert_eq!(view["agencies"]["template_code"], "co-quan-2026");
    assert!(codes(&view["agencies"], "columns").iter().any(|c| c == "staff_conferences"));
    assert!(!codes(&view, "columns").iter().any(|c| c == "staff_conferences"));
    assert!(!codes(&view["agencies"], "columns").iter().any(|c| c == "household_ballots"));
    let res = root.get(app.url(&format!("/quan-tri/ke-hoach/{id}/tong-hop?ky={annual}"))).send().await.expect("page");
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert!(html.contains("Cơ quan, đơn vị báo cáo theo Mẫu báo cáo riêng của cơ quan năm 2026"), "{html}");
    let agencies = texts(&html, "div[aria-label='Kết quả các cơ quan, đơn vị'] tbody td");
    assert!(agencies.iter().any(|t| t == "Văn phòng HĐND và UBND xã"), "{agencies:?}");
    let others = texts(&html, "div[aria-label='Kết quả các đơn vị'] tbody td");
    assert!(
        others.iter().any(|t| t == "Thôn Một") && !others.iter().any(|t| t == "Văn phòng HĐND và UBND xã"),
        "{others:?}"
    );
}

/// A full report on `template`: every indicator `base + i`, every criterion at 90 % of its
/// maximum, every section written.
fn report(template: &coso_domain::report::Template, occurrence: i64, base: i64) -> Value {
    let indicators: serde_json::Map<String, Value> =
        template.indicators.iter().enumerate().map(|(i, ind)| (ind.code.clone(), json!(base + i as i64))).collect();
    let narrative: serde_json::Map<String, Value> =
        template.sections.iter().map(|s| (s.code.clone(), json!(format!("Nội dung {}", s.title)))).collect();
    let assessment: Vec<Value> = template
        .criteria
        .iter()
        .map(|c| json!({ "code": c.code, "points": (c.max_points * 0.9).round(), "evidence": "Biên bản hội nghị" }))
        .collect();
    json!({ "occurrence_id": occurrence, "indicators": indicators, "narrative": narrative, "assessment": assessment })
}

async fn download(c: &reqwest::Client, app: &TestApp, path: &str) -> Vec<u8> {
    let res = c.get(app.url(path)).send().await.expect("download");
    assert_eq!(res.status(), 200, "{path}");
    res.bytes().await.expect("bytes").to_vec()
}

/// The files sent upward carry the agencies' section of the aggregate: a sheet of their own in
/// the XLSX, a second table in the CSV, a section in the summary DOCX, each on the agencies'
/// template and never mixed with the village's figures.
async fn the_aggregate_files_carry_the_agencies(app: &TestApp) {
    let commune = two_agencies(app).await;
    let root = app.client_as("root@coso.test").await;
    let query = format!("unit={commune}&targets=CQA,CQB,V1&year=2026&file_name=kh.md");
    let plan = app.import_plan(&root, &query, plan_markdown()).await;
    let id = plan["id"].as_i64().expect("plan id");
    let occurrence = plan["obligations"]
        .as_array()
        .expect("obligations")
        .iter()
        .find(|o| o["period"] == "annual")
        .map(|o| o["occurrences"][0].clone())
        .expect("an annual report");
    let annual = occurrence["id"].as_i64().expect("its id");
    let due = NaiveDate::parse_from_str(occurrence["due"].as_str().expect("a due date"), "%Y-%m-%d").expect("date");

    // CQA sends six days after the due date; CQB and the village never do.
    app.state.clock.set_today(due + chrono::Days::new(6));
    let vp = app.client_as("vp@coso.test").await;
    let agency_template = coso_domain::report::Template::default_agency();
    let (status, sent) = api_post(&vp, app, "/api/v1/units/CQA/submissions", report(&agency_template, annual, 2)).await;
    assert_eq!(status, 201, "{sent}");

    // XLSX: the village on the units' sheet, the agencies on theirs with their own columns.
    let xlsx = download(&root, app, &format!("/api/v1/plans/{id}/aggregate.xlsx?occurrence={annual}")).await;
    let mut book: calamine::Xlsx<std::io::Cursor<Vec<u8>>> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("a valid XLSX");
    assert_eq!(calamine::Reader::sheet_names(&book), ["Đơn vị", "Cơ quan"]);
    let mut sheet = |name: &str| -> Vec<Vec<String>> {
        let range = calamine::Reader::worksheet_range(&mut book, name).expect("sheet");
        range.rows().map(|r| r.iter().map(ToString::to_string).collect()).collect()
    };
    let units = sheet("Đơn vị");
    let agencies = sheet("Cơ quan");
    let first = |rows: &[Vec<String>], code: &str| rows.iter().any(|r| r.first().is_some_and(|c| c == code));
    assert!(first(&units, "V1") && !first(&units, "CQA") && !first(&units, "CQB"), "{units:?}");
    assert!(agencies[0][0].contains("báo cáo theo Báo cáo kết quả thực hiện dân chủ trong cơ quan, đơn vị"));
    let header_of = |rows: &[Vec<String>]| -> Vec<String> {
        rows.iter().find(|r| r.first().is_some_and(|c| c == "Mã đơn vị")).expect("a header").clone()
    };
    let header = header_of(&agencies);
    assert_eq!(header[4], "Số hội nghị cán bộ, công chức, viên chức, người lao động (hội nghị)");
    assert_eq!(header.len(), 4 + agency_template.indicators.len() + 2, "only the agencies' indicators: {header:?}");
    assert!(!header_of(&units).iter().any(|h| h.starts_with("Số hội nghị cán bộ")), "{units:?}");
    let cqa = agencies.iter().find(|r| r.first().is_some_and(|c| c == "CQA")).expect("CQA's row");
    assert_eq!(cqa[1], "Văn phòng HĐND và UBND xã");
    assert_eq!(cqa[3], "6", "days late: {cqa:?}");
    assert_eq!(&cqa[4..7], ["2", "3", "4"], "its indicators: {cqa:?}");
    assert!(first(&agencies, "CQB"), "the agency that did not send is listed too");
    let totals = agencies.iter().find(|r| r.get(1).is_some_and(|c| c == "Tổng cộng")).expect("totals");
    assert_eq!(totals[4], "2");

    // CSV: the BOM once, the village under the first header, the agencies under the second.
    let csv = download(&root, app, &format!("/quan-tri/ke-hoach/{id}/tong-hop.csv?ky={annual}")).await;
    let text = String::from_utf8(csv).expect("utf-8");
    let text = text.strip_prefix('\u{feff}').expect("a BOM");
    assert!(!text.contains('\u{feff}'), "one BOM only");
    let lines: Vec<&str> = text.lines().collect();
    let headers: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].starts_with("Mã đơn vị,")).collect();
    assert_eq!(headers.len(), 2, "{text}");
    let at =
        |prefix: &str| lines.iter().position(|l| l.starts_with(prefix)).unwrap_or_else(|| panic!("{prefix} in {text}"));
    assert!(headers[0] < at("V1,") && at("V1,") < headers[1], "{text}");
    assert!(at("CQA,Văn phòng HĐND và UBND xã,") > headers[1] && at("CQB,") > headers[1], "{text}");
    assert!(lines[headers[1]].contains("Số hội nghị cán bộ"), "{text}");
    assert_eq!(lines[headers[1] - 2], "", "an empty line between the tables: {text}");

    // DOCX: a section for the agencies naming the late one and the missing one.
    for path in [
        format!("/api/v1/plans/{id}/summary.docx?occurrence={annual}"),
        format!("/quan-tri/ke-hoach/{id}/bao-cao-tong-hop.docx?ky={annual}"),
    ] {
        let text = docx_text(&download(&root, app, &path).await);
        let section = text.find("IV. CÁC CƠ QUAN, ĐƠN VỊ").unwrap_or_else(|| panic!("the agencies' section in {text}"));
        let (units, agencies) = text.split_at(section);
        assert!(
            agencies.contains("Các cơ quan, đơn vị gửi trễ hạn: Văn phòng HĐND và UBND xã (trễ 6 ngày)."),
            "{text}"
        );
        assert!(agencies.contains("Các cơ quan, đơn vị chưa gửi báo cáo: Trạm Y tế xã."), "{text}");
        assert!(agencies.contains("- Số hội nghị cán bộ, công chức, viên chức, người lao động: 2 hội nghị."), "{text}");
        assert!(units.contains("Thôn Một") && !units.contains("Trạm Y tế xã"), "{text}");
    }
}

on_both! {
    app:
    agency_template_choice => a_plan_chooses_the_template_of_its_agency_targets,
    staff_accounts => an_official_above_the_agency_creates_and_removes_a_staff_account,
    worked_cases => the_worked_cases_of_ag_3_and_ag_4,
    bad_input => bad_input_is_refused_and_nothing_is_saved,
    rules => the_rules_register_keeps_every_version,
    staff_disclosures => staff_disclosures_stay_inside_the_agency,
    pages => the_officials_pages_record_and_show_the_outcome,
    agency_template => an_agency_target_reports_on_the_agencies_template,
    aggregate_files => the_aggregate_files_carry_the_agencies,
}
