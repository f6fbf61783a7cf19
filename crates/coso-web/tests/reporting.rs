//! Plans, inboxes, reports and aggregation end to end through the API: a province imports the
//! Bình Phước plan for its communes, three communes answer (on time, late, not at all), and
//! the aggregate, its XLSX and the summary DOCX agree.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use coso_domain::authz::Role;
use coso_domain::report::Template;
use coso_test_support::{PASSWORD, TestApp, attr, on_both, plan_markdown, texts};
use serde_json::{Value, json};

use crate::common::{docx_xml, xlsx_cells};

const PROVINCE: &str = "42";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// A full report: every indicator `base + i` (counts received 100 more, as the template's
/// checks ask that no more be resolved than received), every criterion at `share` of its maximum.
fn report(template: &Template, occurrence: i64, base: i64, share: f64) -> Value {
    let value = |i: usize, code: &str| base + i as i64 + if code.ends_with("_received") { 100 } else { 0 };
    let indicators: BTreeMap<String, Value> =
        template.indicators.iter().enumerate().map(|(i, ind)| (ind.code.clone(), json!(value(i, &ind.code)))).collect();
    let narrative: BTreeMap<String, String> =
        template.sections.iter().map(|s| (s.code.clone(), format!("Nội dung {}", s.title))).collect();
    let assessment: Vec<Value> = template
        .criteria
        .iter()
        .map(|c| json!({ "code": c.code, "points": (c.max_points * share).round(), "evidence": "Biên bản, sổ theo dõi" }))
        .collect();
    json!({ "occurrence_id": occurrence, "indicators": indicators, "narrative": narrative, "assessment": assessment })
}

struct Setup {
    province: reqwest::Client,
    plan: Value,
    communes: Vec<(String, String)>,
}

async fn setup(app: &TestApp) -> Setup {
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let province = app.client_as("tinh@coso.test").await;
    app.state.clock.set_today(day("2026-01-15"));
    let query = format!("unit={PROVINCE}&targets=children&year=2026&file_name=binh-phuoc.md");
    let plan = app.import_plan(&province, &query, plan_markdown()).await;
    let children: Value = app.get_json(&province, &format!("/api/v1/units/{PROVINCE}/children?limit=500")).await;
    let communes: Vec<(String, String)> = children["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|u| (u["code"].as_str().expect("code").to_string(), u["name"].as_str().expect("name").to_string()))
        .collect();
    Setup { province, plan, communes }
}

/// Sends `report` for `unit` as `c`.
async fn submit(app: &TestApp, c: &reqwest::Client, unit: &str, report: &Value) -> reqwest::Response {
    app.post_json(c, &format!("/api/v1/units/{unit}/submissions"), report).await
}

/// Reviews the submission `id` as `c` with `verdict` (`accept`, `comment`).
async fn review(app: &TestApp, c: &reqwest::Client, id: i64, verdict: &Value) -> reqwest::Response {
    app.post_json(c, &format!("/api/v1/submissions/{id}/review"), verdict).await
}

/// The inbox of `unit` as `c` sees it.
async fn inbox_of(app: &TestApp, c: &reqwest::Client, unit: &str) -> Value {
    app.get_json(c, &format!("/api/v1/units/{unit}/inbox")).await
}

fn occurrence(plan: &Value, period: &str) -> (i64, String) {
    let o = plan["obligations"]
        .as_array()
        .expect("obligations")
        .iter()
        .find(|o| o["period"] == period)
        .unwrap_or_else(|| panic!("no {period} obligation in {plan}"));
    let oc = &o["occurrences"][0];
    (oc["id"].as_i64().expect("id"), oc["due"].as_str().unwrap_or_default().to_string())
}

async fn a_province_plan_is_reported_on_and_aggregated(app: &TestApp) {
    let Setup { province, plan, communes } = setup(app).await;
    let n = communes.len();
    assert!(n > 10, "Hà Tĩnh has dozens of communes, got {n}");
    // The plan as imported: its obligations with dates from the configured defaults.
    assert_eq!(plan["title"], "Thực hiện Quy chế dân chủ cơ sở năm 2022");
    let kinds: Vec<(String, Option<String>)> = plan["obligations"]
        .as_array()
        .expect("obligations")
        .iter()
        .map(|o| (o["kind"].as_str().expect("kind").to_string(), o["period"].as_str().map(str::to_string)))
        .collect();
    assert!(kinds.contains(&("implementing_plan".into(), None)), "{kinds:?}");
    assert!(kinds.contains(&("report".into(), Some("annual".into()))), "{kinds:?}");
    for o in plan["obligations"].as_array().expect("obligations") {
        assert_eq!(o["target_count"].as_u64(), Some(n as u64), "{o}");
    }
    let (annual, annual_due) = occurrence(&plan, "annual");
    assert_eq!(annual_due, "2026-12-14");

    // 2. The obligations reach the communes' inboxes, by due date, undated last.
    let (a, b, c) = (&communes[0], &communes[1], &communes[2]);
    for (code, _) in [a, b, c] {
        app.user(&format!("xa{code}@coso.test"), Role::Official, code).await;
    }
    let client_a = app.client_as(&format!("xa{}@coso.test", a.0)).await;
    let client_b = app.client_as(&format!("xa{}@coso.test", b.0)).await;
    let inbox: Value = inbox_of(app, &client_a, &a.0).await;
    let items = inbox.as_array().expect("array");
    assert_eq!(items.len(), plan["obligations"].as_array().map_or(0, |o| o.len()), "{inbox}");
    let dues: Vec<Option<&str>> = items.iter().map(|i| i["due"].as_str()).collect();
    let mut sorted = dues.clone();
    sorted.sort_by_key(|d| (d.is_none(), d.map(str::to_string)));
    assert_eq!(dues, sorted, "inbox sorted by due date, undated last");
    let annual_item = items.iter().find(|i| i["occurrence_id"] == annual).expect("annual report in inbox");
    assert!(annual_item["days_text"].as_str().expect("days").starts_with("Còn "), "{annual_item}");
    assert!(annual_item["explanation"].as_str().expect("explanation").contains("ngày làm việc"), "{annual_item}");
    assert_eq!(annual_item["overdue"], false);

    // 3. A reports on time, B late, C not at all.
    let template = Template::default_grassroots();
    app.state.clock.set_today(day("2026-12-10"));
    let res = submit(app, &client_a, &a.0, &report(&template, annual, 10, 0.95)).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let sub_a: Value = res.json().await.expect("json");
    assert_eq!(sub_a["rank"], "Tốt", "{sub_a}");
    app.state.clock.set_today(day("2026-12-20"));
    let res = submit(app, &client_b, &b.0, &report(&template, annual, 5, 0.75)).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let sub_b: Value = res.json().await.expect("json");
    assert_eq!(sub_b["rank"], "Khá", "{sub_b}");

    // 4. The aggregate: statuses, totals, ranks.
    app.state.clock.set_today(day("2026-12-28"));
    let view: Value =
        app.get_json(&province, &format!("/api/v1/plans/{}/aggregate?occurrence={annual}", plan["id"])).await;
    assert_eq!(
        view["counts"],
        json!({ "on_time": 1, "late": 1, "missing": n - 2, "pending": 0 }),
        "{}",
        view["counts"]
    );
    let rows = view["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), n);
    let row = |code: &str| rows.iter().find(|r| r["unit_code"] == code).unwrap_or_else(|| panic!("row {code}"));
    assert_eq!(row(&a.0)["status"], "on_time");
    assert_eq!(row(&b.0)["status"], "late");
    assert_eq!(row(&b.0)["days"], 6, "submitted 20/12 for a due date of 14/12");
    assert_eq!(row(&c.0)["status"], "missing");
    assert_eq!(row(&c.0)["days"], 14);
    let first_total = view["totals"][0].as_f64().expect("total");
    assert_eq!(first_total, 15.0, "10 from A plus 5 from B");
    let ranks: BTreeMap<String, i64> = view["ranks"]
        .as_array()
        .expect("ranks")
        .iter()
        .map(|r| (r[0].as_str().expect("rank").to_string(), r[1].as_i64().expect("n")))
        .collect();
    assert_eq!(ranks["Tốt"], 1);
    assert_eq!(ranks["Khá"], 1);
    assert_eq!(ranks["Chưa xếp loại"], (n - 2) as i64);

    // 5. The XLSX reads back with the same numbers.
    let xlsx =
        app.get_bytes(&province, &format!("/api/v1/plans/{}/aggregate.xlsx?occurrence={annual}", plan["id"])).await;
    let cells = xlsx_cells(&xlsx);
    let find = |code: &str| {
        cells.iter().find(|r| r.first().is_some_and(|c| c == code)).unwrap_or_else(|| panic!("{code} in the XLSX"))
    };
    let a_row = find(&a.0);
    assert_eq!(a_row[4], "10", "first indicator of A: {a_row:?}");
    assert_eq!(a_row[a_row.len() - 1], "Tốt");
    assert_eq!(find(&b.0)[3], "6", "days late of B");
    let totals = cells.iter().find(|r| r.get(1).is_some_and(|c| c == "Tổng cộng")).expect("totals row");
    assert_eq!(totals[4], "15");
    let unit_rows = cells.iter().filter(|r| communes.iter().any(|(code, _)| r.first() == Some(code))).count();
    assert_eq!(unit_rows, n);

    // 6. The summary DOCX renders, naming the late and the missing.
    let docx =
        app.get_bytes(&province, &format!("/api/v1/plans/{}/summary.docx?occurrence={annual}", plan["id"])).await;
    let xml = docx_xml(&docx);
    assert!(xml.contains("BÁO CÁO"), "document type line");
    assert!(xml.contains(&b.1), "the late commune is named");
    assert!(xml.contains(&c.1), "a missing commune is named");

    // 7. The pages: the aggregate with its charts beside their tables, the commune's inbox.
    let html = app.get_text(&province, &format!("/quan-tri/ke-hoach/{}/tong-hop?ky={annual}", plan["id"])).await;
    assert_eq!(
        texts(&html, "figure.chart svg").len(),
        3,
        "on-time share, rank distribution, trend over the two periods"
    );
    assert_eq!(texts(&html, "figure.chart table").len(), 3, "each chart has its table");
    assert!(html.contains(r#"<main id="noi-dung" tabindex="-1" class="wide">"#), "the page's full width");
    let heads = coso_test_support::attrs(&html, "table.aggregate thead abbr", "title");
    assert!(!heads.is_empty(), "short indicator headers with their full names on hover");
    assert_eq!(texts(&html, "dl.legend dd"), heads, "and in the legend below the table");
    let rows = texts(&html, "table.aggregate tbody tr");
    assert_eq!(rows.len(), n);
    assert!(rows.iter().any(|r| r.contains(&b.1) && r.contains("Trễ 6 ngày")), "{rows:?}");
    let plan_html = app.get_text(&province, &format!("/quan-tri/ke-hoach/{}", plan["id"])).await;
    assert!(plan_html.contains(&format!("Đơn vị thực hiện ({n})")), "every target listed");
    assert!(plan_html.contains(&c.1));
    let inbox_html =
        client_b.get(app.url("/quan-tri/hop-thu")).send().await.expect("inbox").text().await.expect("html");
    assert!(inbox_html.contains("Báo cáo năm 2026"), "the annual report in the inbox");
    assert!(inbox_html.contains("Đã gửi, chờ xem xét"));
}

/// Reviewing on the page: a refused review names the comment beside the buttons and in a
/// summary at the top; a done one redirects (no POST left in the history) and says so once.
async fn a_review_on_the_page_redirects_and_names_a_missing_comment(app: &TestApp) {
    let Setup { plan, communes, .. } = setup(app).await;
    let a = &communes[0];
    app.user("xa@coso.test", Role::Official, &a.0).await;
    let commune = app.client_as("xa@coso.test").await;
    let (annual, _) = occurrence(&plan, "annual");
    let sent: Value = submit(app, &commune, &a.0, &report(&Template::default_grassroots(), annual, 3, 0.6))
        .await
        .json()
        .await
        .expect("json");
    let id = sent["id"].as_i64().expect("id");
    let reviewer = app.anonymous();
    let login = reviewer
        .post(app.url("/dang-nhap"))
        .form(&[("email", "tinh@coso.test"), ("password", PASSWORD)])
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), 303);
    let path = format!("/quan-tri/bao-cao/{id}");
    let page = reviewer.get(app.url(&path)).send().await.expect("page").text().await.expect("html");
    let csrf = attr(&page, "form.card input[name=csrf]", "value").expect("csrf");
    let review = format!("{path}/xem-xet");
    let silent = app.post_form(&reviewer, &review, &csrf, &[("decision", "return"), ("comment", "")]).await;
    assert_eq!(silent.status(), 422);
    let html = silent.text().await.expect("html");
    assert_eq!(attr(&html, ".error-summary a", "href").as_deref(), Some("#comment"));
    assert!(!texts(&html, "form.card #comment-err").is_empty(), "the message sits above the comment box");
    assert_eq!(attr(&html, "#comment", "aria-invalid").as_deref(), Some("true"));
    let done =
        app.post_form(&reviewer, &review, &csrf, &[("decision", "return"), ("comment", "Bổ sung số liệu")]).await;
    assert_eq!(done.status(), 303);
    assert_eq!(done.headers().get("location").and_then(|v| v.to_str().ok()), Some(path.as_str()));
    let after = reviewer.get(app.url(&path)).send().await.expect("page").text().await.expect("html");
    assert!(
        texts(&after, "[role=status]").iter().any(|t| t.contains("Đã trả lại báo cáo")),
        "the verdict is said once"
    );
    assert_eq!(texts(&after, "#trang-thai"), ["Đã trả lại"]);
}

async fn a_returned_report_is_corrected_and_every_version_kept(app: &TestApp) {
    let Setup { province, plan, communes } = setup(app).await;
    let a = &communes[0];
    app.user("xa@coso.test", Role::Official, &a.0).await;
    let commune = app.client_as("xa@coso.test").await;
    let (annual, _) = occurrence(&plan, "annual");
    let template = Template::default_grassroots();
    let first: Value =
        submit(app, &commune, &a.0, &report(&template, annual, 3, 0.6)).await.json().await.expect("json");
    let id = first["id"].as_i64().expect("id");
    // Sending again while it waits for review is refused.
    let again = submit(app, &commune, &a.0, &report(&template, annual, 4, 0.6)).await;
    assert_eq!(again.status(), 409);
    // The commune cannot review its own report; the province can, and must say why it returns it.
    let own = review(app, &commune, id, &json!({ "accept": true })).await;
    assert_eq!(own.status(), 403);
    let silent = review(app, &province, id, &json!({ "accept": false })).await;
    assert_eq!(silent.status(), 422);
    let body: Value = silent.json().await.expect("json");
    assert_eq!(body["error"]["fields"][0]["field"], "comment");
    let returned =
        review(app, &province, id, &json!({ "accept": false, "comment": "Bổ sung số cuộc đối thoại" })).await;
    assert_eq!(returned.status(), 200);
    let inbox: Value = inbox_of(app, &commune, &a.0).await;
    let item = inbox.as_array().expect("items").iter().find(|i| i["occurrence_id"] == annual).expect("item");
    assert_eq!(item["submission_status"], "returned");
    let second = submit(app, &commune, &a.0, &report(&template, annual, 7, 0.9)).await;
    assert_eq!(second.status(), 201);
    let second: Value = second.json().await.expect("json");
    assert_eq!(second["version"], 2);
    assert_eq!(second["first_submitted_on"], first["first_submitted_on"], "lateness is judged on the first submission");
    let accepted = review(app, &province, id, &json!({ "accept": true })).await;
    assert_eq!(accepted.status(), 200);
    let detail: Value = app.get_json(&province, &format!("/api/v1/submissions/{id}")).await;
    let versions = detail["versions"].as_array().expect("versions");
    assert_eq!(versions.len(), 2, "{detail}");
    assert_eq!(versions[0]["review"], "returned");
    assert_eq!(versions[0]["review_comment"], "Bổ sung số cuộc đối thoại");
    assert_eq!(versions[1]["review"], "accepted");
    assert_eq!(detail["submission"]["status"], "accepted");
    // Each change is in the audit log.
    let audit = app.store.audit_entries(None, Some(500)).await.expect("audit");
    let actions: Vec<&str> = audit.items.iter().map(|e| e.action.as_str()).collect();
    for wanted in ["plan.create", "submission.submit", "submission.return", "submission.resubmit", "submission.accept"]
    {
        assert!(actions.contains(&wanted), "{wanted} audited: {actions:?}");
    }
}

async fn bad_reports_are_refused_with_the_field_named_and_nothing_saved(app: &TestApp) {
    let Setup { plan, communes, .. } = setup(app).await;
    let a = &communes[0];
    app.user("xa@coso.test", Role::Official, &a.0).await;
    let commune = app.client_as("xa@coso.test").await;
    let (annual, _) = occurrence(&plan, "annual");
    let template = Template::default_grassroots();
    let first = &template.indicators[0];

    let mut negative = report(&template, annual, 3, 0.8);
    negative["indicators"][&first.code] = json!(-2);
    let res = submit(app, &commune, &a.0, &negative).await;
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.expect("json");
    let field = format!("indicators.{}", first.code);
    let err = body["error"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .find(|f| f["field"] == field.as_str())
        .unwrap_or_else(|| panic!("{field} named: {body}"));
    assert!(err["message"].as_str().expect("message").contains(&first.label), "the message names the indicator: {err}");

    let required = template.indicators.iter().find(|i| i.required).expect("a required indicator");
    let mut missing = report(&template, annual, 3, 0.8);
    missing["indicators"].as_object_mut().expect("object").remove(&required.code);
    let res = submit(app, &commune, &a.0, &missing).await;
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.expect("json");
    assert!(
        body["error"]["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .any(|f| f["field"] == format!("indicators.{}", required.code).as_str()),
        "{body}"
    );

    // Nothing was saved: the report is still to be sent.
    let inbox: Value = inbox_of(app, &commune, &a.0).await;
    let item = inbox.as_array().expect("items").iter().find(|i| i["occurrence_id"] == annual).expect("item");
    assert_eq!(item["submission_status"], Value::Null, "{item}");
}

async fn a_commune_cannot_see_or_answer_for_another_commune(app: &TestApp) {
    let Setup { plan, communes, .. } = setup(app).await;
    let (a, b) = (&communes[0], &communes[1]);
    app.user("xa@coso.test", Role::Official, &a.0).await;
    let commune = app.client_as("xa@coso.test").await;
    let (annual, _) = occurrence(&plan, "annual");
    let template = Template::default_grassroots();
    let inbox = commune.get(app.url(&format!("/api/v1/units/{}/inbox", b.0))).send().await.expect("inbox");
    assert_eq!(inbox.status(), 403);
    let res = submit(app, &commune, &b.0, &report(&template, annual, 1, 0.5)).await;
    assert_eq!(res.status(), 403);
    let view = commune
        .get(app.url(&format!("/api/v1/plans/{}/aggregate?occurrence={annual}", plan["id"])))
        .send()
        .await
        .expect("aggregate");
    assert_eq!(view.status(), 403, "the province's aggregate is not the commune's to read");
}

async fn task_progress_and_evidence_with_limits(app: &TestApp) {
    let Setup { province, plan, .. } = setup(app).await;
    let id = plan["id"].as_i64().expect("id");
    let task = plan["tasks"][0]["id"].as_i64().expect("a task");
    let res = province
        .patch(app.url(&format!("/api/v1/plans/{id}/tasks/{task}")))
        .json(&json!({ "progress": "120" }))
        .send()
        .await
        .expect("patch");
    assert_eq!(res.status(), 422, "progress over 100");
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["error"]["fields"][0]["field"], "progress");
    let res = province
        .patch(app.url(&format!("/api/v1/plans/{id}/tasks/{task}")))
        .json(&json!({ "progress": 100, "note": "Đã hoàn thành đợt tuyên truyền" }))
        .send()
        .await
        .expect("patch");
    assert_eq!(res.status(), 204);
    let after: Value =
        province.get(app.url(&format!("/api/v1/plans/{id}"))).send().await.expect("plan").json().await.expect("json");
    let t = after["tasks"].as_array().expect("tasks").iter().find(|t| t["id"] == task).expect("task");
    assert_eq!(t["progress"], 100);
    assert_eq!(t["status"], "done", "100% means done");

    // Too large: refused with the field named, nothing stored.
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    let res = province
        .post(app.url(&format!("/api/v1/plans/{id}/tasks/{task}/evidence?file_name=bien-ban.txt")))
        .body(big)
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["error"]["fields"][0]["field"], "file");
    assert!(body["error"]["fields"][0]["message"].as_str().expect("message").contains("tối đa 10 MB"), "{body}");
    // A program renamed to .pdf is refused by its content.
    let res = province
        .post(app.url(&format!("/api/v1/plans/{id}/tasks/{task}/evidence?file_name=bien-ban.pdf")))
        .body(b"MZ\x90\x00 not a pdf".to_vec())
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status(), 422);
    assert!(
        app.store.evidence_of_task(coso_domain::TaskId(task)).await.expect("list").is_empty(),
        "nothing was stored"
    );
    // A real PDF is kept with its checksum.
    let res = province
        .post(app.url(&format!("/api/v1/plans/{id}/tasks/{task}/evidence?file_name=Biên bản họp.pdf")))
        .body(b"%PDF-1.7\n%\xe2\xe3\n".to_vec())
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let files = app.store.evidence_of_task(coso_domain::TaskId(task)).await.expect("list");
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].file_name, "Biên bản họp.pdf");
    assert_eq!(files[0].content_type, "application/pdf");
}

async fn administrators_edit_the_report_template_with_checks(app: &TestApp) {
    let Setup { province, .. } = setup(app).await;
    app.user("admin@coso.test", Role::Admin, PROVINCE).await;
    let admin = app.client_as("admin@coso.test").await;
    let list: Value =
        admin.get(app.url("/api/v1/report-templates")).send().await.expect("list").json().await.expect("json");
    let row = &list[0];
    let id = row["id"].as_i64().expect("id");
    let mut definition = row["definition"].clone();
    // Officials may read but not edit.
    let res = province
        .put(app.url(&format!("/api/v1/report-templates/{id}")))
        .json(&json!({ "name": "x", "definition": definition, "version": row["version"] }))
        .send()
        .await
        .expect("put");
    assert_eq!(res.status(), 403);
    // Two indicators with the same code are refused, naming the path.
    let first = definition["indicators"][0].clone();
    definition["indicators"].as_array_mut().expect("indicators").push(first);
    let res = admin
        .put(app.url(&format!("/api/v1/report-templates/{id}")))
        .json(&json!({ "name": "Mẫu", "definition": definition, "version": row["version"] }))
        .send()
        .await
        .expect("put");
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.expect("json");
    assert!(
        body["error"]["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .any(|f| f["field"].as_str().is_some_and(|p| p.starts_with("indicators"))),
        "{body}"
    );
    // A good change is saved once; the same stale version again is a conflict.
    let mut good = row["definition"].clone();
    good["indicators"][0]["label"] = json!("Số lần công khai thông tin (đã sửa)");
    let res = admin
        .put(app.url(&format!("/api/v1/report-templates/{id}")))
        .json(&json!({ "name": "Mẫu báo cáo", "definition": good, "version": row["version"] }))
        .send()
        .await
        .expect("put");
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    let res = admin
        .put(app.url(&format!("/api/v1/report-templates/{id}")))
        .json(&json!({ "name": "Mẫu báo cáo", "definition": good, "version": row["version"] }))
        .send()
        .await
        .expect("put");
    assert_eq!(res.status(), 409);
}

async fn an_implementing_plan_links_the_cascade_both_ways(app: &TestApp) {
    let Setup { plan, communes, .. } = setup(app).await;
    let a = &communes[0];
    app.user("xa@coso.test", Role::Official, &a.0).await;
    let commune = app.client_as("xa@coso.test").await;
    // The commune issues its own plan for its villages (none in the official list: a chosen list
    // of no units is refused, so it targets by code what it has: itself is not below itself).
    let draft = json!({
        "number": "05/KH-UBND", "issued_on": "2026-02-01", "title": "Thực hiện dân chủ ở cơ sở năm 2026 của xã",
        "year": 2026, "legal_bases": [], "sections": [], "tasks": [], "obligations": []
    });
    let res = app.post_json(&commune, "/api/v1/plans", &json!({ "unit": a.0, "targets": a.0, "draft": draft })).await;
    assert_eq!(res.status(), 422, "a plan cannot target its own issuer");
    let village = app.store.unit_by_code(&a.0).await.expect("q").expect("commune");
    let created = app
        .store
        .create_units(
            &village,
            &[(
                1,
                coso_domain::unit::NewUnit::parse(
                    &coso_domain::unit::UnitInput {
                        code: format!("{}-T01", a.0),
                        name: "Thôn Một".into(),
                        kind: "village".into(),
                        ..Default::default()
                    },
                    Some(village.unit_kind()),
                    day("2026-01-01"),
                )
                .expect("unit"),
            )],
            &coso_store::Actor::system("test"),
        )
        .await
        .expect("village");
    let res = app
        .post_json(
            &commune,
            "/api/v1/plans",
            &json!({ "unit": a.0, "targets": created[0].code, "draft": draft, "parent_plan_id": plan["id"] }),
        )
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let own: Value = res.json().await.expect("json");
    let implementing = plan["obligations"]
        .as_array()
        .expect("obligations")
        .iter()
        .find(|o| o["kind"] == "implementing_plan")
        .expect("an implementing-plan obligation");
    let occurrence = implementing["occurrences"][0]["id"].as_i64().expect("id");
    let res =
        submit(app, &commune, &a.0, &json!({ "occurrence_id": occurrence, "implementing_plan_id": own["id"] })).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    // Down: the province plan lists the commune's plan; up: the commune's plan names its parent.
    let children =
        app.store.child_plans(coso_domain::PlanId(plan["id"].as_i64().expect("id"))).await.expect("children");
    assert_eq!(children.iter().map(|c| c.id).collect::<Vec<_>>(), vec![own["id"].as_i64().expect("id")]);
    let mine: Value = app.get_json(&commune, &format!("/api/v1/plans/{}", own["id"])).await;
    assert_eq!(mine["parent_plan_id"], plan["id"]);
}

/// The inbox page is kept for a few seconds, but every change made through the web is seen on
/// the next load, and a kept inbox is shown only to those who may read it.
async fn the_kept_inbox_page_follows_every_change_and_stays_private(app: &TestApp) {
    let Setup { province, plan, communes } = setup(app).await;
    let (a, other) = (&communes[0], &communes[1]);
    app.user("xa@coso.test", Role::Official, &a.0).await;
    app.user("khac@coso.test", Role::Official, &other.0).await;
    let commune = app.client_as("xa@coso.test").await;
    let stranger = app.client_as("khac@coso.test").await;
    let page = |c: reqwest::Client, code: String| {
        let url = app.url(&format!("/quan-tri/hop-thu?don-vi={code}&tat-ca=1"));
        async move { c.get(url).send().await.expect("inbox") }
    };
    let status_of = |html: &str, what: &str| -> Vec<String> {
        texts(html, "ul.inbox li").into_iter().filter(|r| r.contains(what)).collect()
    };

    let before = page(commune.clone(), a.0.clone()).await.text().await.expect("html");
    let rows = status_of(&before, "Báo cáo năm 2026");
    assert!(!rows.is_empty() && rows.iter().all(|r| r.contains("Chưa gửi")), "{rows:?}");
    // Another commune's official cannot read it, even while it is kept.
    assert_eq!(page(stranger.clone(), a.0.clone()).await.status(), 403);

    let (annual, _) = occurrence(&plan, "annual");
    let template = Template::default_grassroots();
    let sent: Value = submit(app, &commune, &a.0, &report(&template, annual, 3, 0.6)).await.json().await.expect("json");
    let after = page(commune.clone(), a.0.clone()).await.text().await.expect("html");
    assert!(
        status_of(&after, "Báo cáo năm 2026").iter().any(|r| r.contains("Đã gửi, chờ xem xét")),
        "the sent report shows at once"
    );

    let id = sent["id"].as_i64().expect("id");
    let returned = review(app, &province, id, &json!({ "accept": false, "comment": "Bổ sung số liệu" })).await;
    assert_eq!(returned.status(), 200);
    let again = page(commune.clone(), a.0.clone()).await.text().await.expect("html");
    assert!(
        status_of(&again, "Báo cáo năm 2026").iter().any(|r| r.contains("Bị trả lại, cần gửi lại")),
        "the return shows at once"
    );
    assert_eq!(page(stranger, a.0.clone()).await.status(), 403);
}

async fn the_inbox_and_the_aggregate_count_lateness_the_same_way(app: &TestApp) {
    let Setup { province, plan, communes } = setup(app).await;
    let (annual, annual_due) = occurrence(&plan, "annual");
    assert_eq!(annual_due, "2026-12-14");
    let (code, name) = &communes[0];
    app.user(&format!("xa{code}@coso.test"), Role::Official, code).await;
    let commune = app.client_as(&format!("xa{code}@coso.test")).await;
    // Not sent by Monday 28 December: 14 calendar days after Monday 14 December (10 working days).
    app.state.clock.set_today(day("2026-12-28"));
    let inbox: Value = inbox_of(app, &commune, code).await;
    let item = inbox.as_array().expect("array").iter().find(|i| i["occurrence_id"] == annual).expect("annual").clone();
    assert_eq!(item["days_text"], "Quá hạn 14 ngày", "{item}");
    assert_eq!(item["days_late"], 14, "{item}");
    assert_eq!(item["overdue"], true);
    let view: Value =
        app.get_json(&province, &format!("/api/v1/plans/{}/aggregate?occurrence={annual}", plan["id"])).await;
    let row =
        view["rows"].as_array().expect("rows").iter().find(|r| r["unit_code"] == code.as_str()).expect("row").clone();
    assert_eq!(row["days"], item["days_late"], "{row}");
    assert_eq!(row["status_label"], "Chưa nộp (quá hạn 14 ngày)", "{row}");
    // The pages say the same.
    let inbox_page = commune.get(app.url(&format!("/quan-tri/hop-thu?don-vi={code}"))).send().await.expect("page");
    let inbox_html = inbox_page.text().await.expect("html");
    assert!(texts(&inbox_html, ".inbox .tag").contains(&"Quá hạn 14 ngày".to_string()), "{inbox_html}");
    let aggregate_page = province
        .get(app.url(&format!("/quan-tri/ke-hoach/{}/tong-hop?ky={annual}", plan["id"])))
        .send()
        .await
        .expect("page");
    let aggregate_html = aggregate_page.text().await.expect("html");
    let cells = texts(&aggregate_html, "table.aggregate tbody tr");
    let line = cells.iter().find(|r| r.starts_with(name.as_str())).expect("the commune's row");
    assert!(line.contains("Chưa nộp (quá hạn 14 ngày)"), "{line}");
}

async fn more_resolved_than_received_is_refused_on_the_form_and_the_api(app: &TestApp) {
    let Setup { plan, communes, .. } = setup(app).await;
    let code = &communes[0].0;
    app.user("xa@coso.test", Role::Official, code).await;
    let commune = app.client_as("xa@coso.test").await;
    let (annual, _) = occurrence(&plan, "annual");
    let template = Template::default_grassroots();
    let form_path = format!("/quan-tri/hop-thu/{annual}?don-vi={code}");
    let html = commune.get(app.url(&form_path)).send().await.expect("form").text().await.expect("html");
    let csrf = coso_test_support::attr(&html, "input[name=csrf]", "value").expect("csrf");
    let res = app
        .post_form(
            &commune,
            &form_path,
            &csrf,
            &[("i_complaints_received", "720"), ("i_complaints_resolved_on_time", "765")],
        )
        .await;
    let html = res.text().await.expect("html");
    let error = texts(&html, "#i_complaints_resolved_on_time-err").join("");
    assert_eq!(
        error, "«Số đơn khiếu nại giải quyết đúng hạn» (765) không được lớn hơn «Số đơn khiếu nại tiếp nhận» (720).",
        "{html}"
    );
    assert_eq!(coso_test_support::attr(&html, "#i_complaints_resolved_on_time", "value").as_deref(), Some("765"));

    let mut body = report(&template, annual, 3, 0.8);
    body["indicators"]["complaints_received"] = json!(720);
    body["indicators"]["complaints_resolved_on_time"] = json!(765);
    let res =
        commune.post(app.url(&format!("/api/v1/units/{code}/submissions"))).json(&body).send().await.expect("api");
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.expect("json");
    let fields = body["error"]["fields"].as_array().expect("fields");
    assert_eq!(fields.len(), 1, "{body}");
    assert_eq!(fields[0]["field"], "indicators.complaints_resolved_on_time");
    assert!(fields[0]["message"].as_str().is_some_and(|m| m.contains("tiếp nhận")), "{body}");
    // Equal counts are fine.
    let mut body = report(&template, annual, 3, 0.8);
    body["indicators"]["complaints_received"] = json!(720);
    body["indicators"]["complaints_resolved_on_time"] = json!(720);
    let res =
        commune.post(app.url(&format!("/api/v1/units/{code}/submissions"))).json(&body).send().await.expect("api");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
}

on_both! {
    app:
    a_province_plan_is_reported_on_and_aggregated => a_province_plan_is_reported_on_and_aggregated,
    a_returned_report_is_corrected_and_every_version_kept => a_returned_report_is_corrected_and_every_version_kept,
    a_review_on_the_page_redirects_and_names_a_missing_comment => a_review_on_the_page_redirects_and_names_a_missing_comment,
    bad_reports_are_refused_with_the_field_named_and_nothing_saved => bad_reports_are_refused_with_the_field_named_and_nothing_saved,
    a_commune_cannot_see_or_answer_for_another_commune => a_commune_cannot_see_or_answer_for_another_commune,
    task_progress_and_evidence_with_limits => task_progress_and_evidence_with_limits,
    administrators_edit_the_report_template_with_checks => administrators_edit_the_report_template_with_checks,
    an_implementing_plan_links_the_cascade_both_ways => an_implementing_plan_links_the_cascade_both_ways,
    the_kept_inbox_page_follows_every_change_and_stays_private => the_kept_inbox_page_follows_every_change_and_stays_private,
    the_inbox_and_the_aggregate_count_lateness_the_same_way => the_inbox_and_the_aggregate_count_lateness_the_same_way,
    more_resolved_than_received_is_refused_on_the_form_and_the_api => more_resolved_than_received_is_refused_on_the_form_and_the_api,
}
