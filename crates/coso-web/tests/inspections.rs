//! Inspections of how units carry out grassroots democracy, on both databases: a commune plans
//! an inspection of a village, records findings on the checklist built from the report
//! template's criteria with evidence, concludes (the conclusion read back from its DOCX), sets
//! remediation tasks that fall overdue and are done, publishes the result in its disclosure
//! register and closes the inspection; bad input is refused naming the field and saves nothing;
//! the pages walk the same steps.

use chrono::NaiveDate;
use coso_domain::authz::Role;
use coso_test_support::{TestApp, on_both};
use serde_json::{Value, json};

use crate::common::{Multipart, province_admin};

const PROVINCE: &str = "42";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// The first two communes of the province, the first with villages `V1` and `V2`, the second
/// with `W1`; an official on each. Returns the first commune's code.
async fn communes(app: &TestApp) -> String {
    app.state.clock.set_today(day("2026-05-04"));
    let admin = province_admin(app).await;
    let codes = app.communes(PROVINCE, 2).await;
    let (first, second) = (&codes[0], &codes[1]);
    for (parent, code, name) in [(first, "V1", "Thôn Một"), (first, "V2", "Thôn Hai"), (second, "W1", "Thôn Khác")]
    {
        app.add_unit(&admin, parent, code, name, "village").await;
    }
    app.user("xa@coso.test", Role::Official, first).await;
    app.user("xa-khac@coso.test", Role::Official, second).await;
    app.user("truong-thon@coso.test", Role::VillageHead, "V1").await;
    first.clone()
}

fn plan_body(target: &str) -> Value {
    json!({
        "kind": "scheduled",
        "target": target,
        "subject": "Kiểm tra việc thực hiện dân chủ ở cơ sở năm 2026",
        "starts_on": "2026-05-04",
        "ends_on": "2026-05-05",
        "team": [
            { "name": "Nguyễn Văn Hùng", "role": "head", "account": "xa@coso.test" },
            { "name": "Trần Thị Lan", "role": "member" }
        ]
    })
}

async fn post(c: &reqwest::Client, url: String, body: &Value) -> reqwest::Response {
    c.post(url).json(body).send().await.expect("post")
}

/// The fields named by a refusal.
async fn refused_fields(res: reqwest::Response) -> Vec<String> {
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.expect("json");
    body["error"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| format!("{}: {}", f["field"].as_str().unwrap_or(""), f["message"].as_str().unwrap_or("")))
        .collect()
}

async fn get(c: &reqwest::Client, url: String) -> Value {
    let res = c.get(url).send().await.expect("get");
    assert_eq!(res.status(), 200, "{}", res.url());
    res.json().await.expect("json")
}

/// Every text of a document read back by the documents crate: title, preamble, sections,
/// closing.
fn document_text(doc: &coso_documents::Document) -> String {
    fn section(s: &coso_documents::Section, out: &mut Vec<String>) {
        out.push(s.heading.clone());
        out.extend(s.paragraphs.iter().cloned());
        for c in &s.children {
            section(c, out);
        }
    }
    let mut out = vec![doc.title.clone().unwrap_or_default()];
    out.extend(doc.preamble.iter().cloned());
    for s in &doc.body {
        section(s, &mut out);
    }
    out.extend(doc.closing.iter().cloned());
    out.join("\n")
}

async fn inspections_of(app: &TestApp, code: &str) -> usize {
    let unit = app.state.app.store().unit_by_code(code).await.expect("q").expect("unit");
    app.state.app.store().inspections_of_unit(unit.id).await.expect("inspections").len()
}

async fn plan_checklist_findings_conclusion_remediation_done(app: &TestApp) {
    let commune = communes(app).await;
    let xa = app.client_as("xa@coso.test").await;

    let res = post(&xa, app.url(&format!("/api/v1/units/{commune}/inspections")), &plan_body("V1")).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let id = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    let url = |rest: &str| app.url(&format!("/api/v1/inspections/{id}{rest}"));

    // The checklist is the default template's criteria, none assessed yet.
    let v = get(&xa, url("")).await;
    assert_eq!(v["status"], "planned");
    assert_eq!(v["target"], "V1");
    let codes: Vec<&str> =
        v["checklist"].as_array().expect("checklist").iter().filter_map(|c| c["code"].as_str()).collect();
    assert_eq!(codes, ["leadership", "publicity", "discussion", "participation", "supervision", "reporting"]);
    assert!(v["checklist"].as_array().expect("list").iter().all(|c| c["verdict"].is_null()));

    // A finding on a criterion not in the checklist is refused naming it; nothing changes.
    let res = post(&xa, url("/findings"), &json!({ "criterion": "budget", "verdict": "met" })).await;
    let fields = refused_fields(res).await;
    assert!(fields[0].starts_with("criterion: ") && fields[0].contains("budget"), "{fields:?}");
    assert_eq!(get(&xa, url("")).await["status"], "planned");

    // Findings on every criterion: publicity not met, with evidence.
    let shortfall = "Chưa niêm yết dự toán ngân sách năm 2026 tại nhà văn hóa thôn.";
    for code in &codes {
        let body = if *code == "publicity" {
            json!({ "criterion": code, "verdict": "not_met", "note": shortfall })
        } else {
            json!({ "criterion": code, "verdict": "met" })
        };
        let res = post(&xa, url("/findings"), &body).await;
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    }
    let res = xa
        .post(url("/findings/publicity/evidence?file_name=anh-bang-tin.pdf"))
        .body(b"%PDF-1.7\n%\xe2\xe3\n".to_vec())
        .send()
        .await
        .expect("evidence");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let v = get(&xa, url("")).await;
    assert_eq!(v["status"], "in_progress");
    assert_eq!(v["checklist"][1]["verdict"], "not_met");
    assert_eq!(v["checklist"][1]["evidence"][0]["file_name"], "anh-bang-tin.pdf");

    // The conclusion, read back from its DOCX with the findings.
    let conclusion = "Thôn Một thực hiện cơ bản đầy đủ; cần khắc phục ngay việc công khai dự toán.";
    let res = post(&xa, url("/conclusion"), &json!({ "conclusion": conclusion })).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    let res = xa.get(url("/conclusion.docx")).send().await.expect("docx");
    assert_eq!(res.status(), 200);
    let doc = coso_documents::parse(&res.bytes().await.expect("bytes"), coso_documents::Format::Docx).expect("a DOCX");
    let text = document_text(&doc);
    for expected in [
        "Kết luận kiểm tra việc thực hiện dân chủ ở cơ sở tại Thôn Một",
        "Công khai thông tin để Nhân dân biết: Chưa đạt.",
        shortfall,
        "anh-bang-tin.pdf",
        conclusion,
    ] {
        assert!(text.contains(expected), "«{expected}» missing from:\n{text}");
    }

    // A remediation task without a lead unit or a deadline is refused naming both; none saved.
    let res = post(&xa, url("/remediation"), &json!({ "title": "Niêm yết dự toán ngân sách" })).await;
    let fields = refused_fields(res).await;
    assert!(fields[0].starts_with("lead_unit: ") && fields[1].starts_with("due_on: "), "{fields:?}");
    assert!(get(&xa, url("")).await["remediation"].as_array().expect("tasks").is_empty());

    let res = post(
        &xa,
        url("/remediation"),
        &json!({ "title": "Niêm yết dự toán ngân sách", "lead_unit": "V1", "due_on": "2026-05-31" }),
    )
    .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let task = res.json::<Value>().await.expect("json")["id"].as_i64().expect("task");
    let v = get(&xa, url("")).await;
    assert_eq!(v["deadlines"], json!([{ "rule": "inspection.remediation", "due": "2026-05-31" }]));
    assert_eq!(v["remediation"][0]["overdue"], false);

    // Past its deadline the task is overdue, and the inspection cannot be closed.
    app.state.clock.set_today(day("2026-06-02"));
    assert_eq!(get(&xa, url("")).await["remediation"][0]["overdue"], true);
    let res = xa.post(url("/close")).send().await.expect("close");
    assert_eq!(res.status(), 409);

    let res = xa
        .post(url(&format!("/remediation/{task}/evidence?file_name=bien-ban-niem-yet.pdf")))
        .body(b"%PDF-1.7\n%\xe2\xe3\n".to_vec())
        .send()
        .await
        .expect("evidence");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let res = post(&xa, url(&format!("/remediation/{task}/done")), &json!({ "note": "Đã niêm yết ngày 01/6." })).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    let v: Value = res.json().await.expect("json");
    assert_eq!(v["remediation"][0]["status"], "done");
    assert_eq!(v["remediation"][0]["done_late"], true);
    assert_eq!(v["remediation"][0]["evidence"][0]["file_name"], "bien-ban-niem-yet.pdf");
    assert_eq!(v["deadlines"], json!([]));

    // The result becomes a disclosure of the commune, once.
    let res = xa.post(url("/publish")).send().await.expect("publish");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let disclosure = res.json::<Value>().await.expect("json")["id"].as_i64().expect("disclosure");
    let public =
        app.anonymous().get(app.url(&format!("/don-vi/{commune}/cong-khai/{disclosure}"))).send().await.expect("page");
    assert_eq!(public.status(), 200);
    let html = public.text().await.expect("html");
    assert!(html.contains("Kết quả kiểm tra việc thực hiện dân chủ ở cơ sở tại Thôn Một"), "{html}");
    assert_eq!(xa.post(url("/publish")).send().await.expect("again").status(), 409);

    let res = xa.post(url("/close")).send().await.expect("close");
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.expect("json");
    assert_eq!(v["status"], "closed");
    assert_eq!(v["disclosure_id"], disclosure);

    // The inspection counts in the commune's report for the year.
    let unit = app.state.app.store().unit_by_code(&commune).await.expect("q").expect("commune");
    let held = coso_app::inspections::held_count(&app.state.app, &unit, day("2026-01-01"), day("2026-12-31"))
        .await
        .expect("count");
    assert_eq!(held, 1);
}

async fn bad_input_and_strangers_are_refused_and_nothing_is_saved(app: &TestApp) {
    let commune = communes(app).await;
    let xa = app.client_as("xa@coso.test").await;
    let create = app.url(&format!("/api/v1/units/{commune}/inspections"));

    // A village of another commune is outside the subtree: refused naming the field.
    let fields = refused_fields(post(&xa, create.clone(), &plan_body("W1")).await).await;
    assert!(fields[0].starts_with("target: ") && fields[0].contains("W1"), "{fields:?}");
    // The commune itself is not «below» it; a self-inspection is the way.
    let fields = refused_fields(post(&xa, create.clone(), &plan_body(&commune)).await).await;
    assert!(fields[0].starts_with("target: "), "{fields:?}");
    // A team without its head, an unknown kind.
    let mut body = plan_body("V1");
    body["kind"] = json!("audit");
    body["team"] = json!([{ "name": "Trần Thị Lan", "role": "member" }]);
    let fields = refused_fields(post(&xa, create.clone(), &body).await).await;
    assert!(fields[0].starts_with("kind: ") && fields[1].starts_with("team: "), "{fields:?}");
    assert_eq!(inspections_of(app, &commune).await, 0);

    // An official of another commune, a village head: forbidden; nothing saved.
    let other = app.client_as("xa-khac@coso.test").await;
    assert_eq!(post(&other, create.clone(), &plan_body("V1")).await.status(), 403);
    let head = app.client_as("truong-thon@coso.test").await;
    assert_eq!(
        post(
            &head,
            app.url("/api/v1/units/V1/inspections"),
            &json!({ "kind": "self", "subject": "Tự kiểm tra",
        "starts_on": "2026-05-04", "team": [{ "name": "Lê Văn Tâm", "role": "head" }] })
        )
        .await
        .status(),
        403
    );
    assert_eq!(inspections_of(app, &commune).await, 0);
    assert_eq!(inspections_of(app, "V1").await, 0);

    // A self-inspection of the commune, seen by its officials only.
    let mut body = plan_body("");
    body["kind"] = json!("self");
    let res = post(&xa, create, &body).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let id = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    assert_eq!(get(&xa, app.url(&format!("/api/v1/inspections/{id}"))).await["target"], commune.as_str());
    assert_eq!(other.get(app.url(&format!("/api/v1/inspections/{id}"))).send().await.expect("get").status(), 403);
    assert_eq!(head.get(app.url(&format!("/api/v1/inspections/{id}"))).send().await.expect("get").status(), 403);
    // Concluding before every criterion is assessed is refused.
    let res =
        post(&xa, app.url(&format!("/api/v1/inspections/{id}/conclusion")), &json!({ "conclusion": "Tốt." })).await;
    assert_eq!(res.status(), 409);
}

fn csrf(html: &str) -> String {
    coso_test_support::attr(html, "form input[name=csrf]", "value").expect("csrf field")
}

async fn the_pages_plan_assess_conclude_and_follow_remediation(app: &TestApp) {
    let commune = communes(app).await;
    let xa = app.client_as("xa@coso.test").await;
    let base = format!("/quan-tri/don-vi/{commune}/kiem-tra");
    let list = app.page(&xa, &base).await;
    assert!(list.contains("Chưa có cuộc kiểm tra nào."));
    let token = csrf(&list);

    // A plan without its head is refused on the page, naming the team.
    let plan = |team| {
        [
            ("kind", "surprise"),
            ("target", "V2"),
            ("subject", "Kiểm tra đột xuất"),
            ("starts_on", "04/05/2026"),
            ("team", team),
        ]
    };
    let res = app.post_form(&xa, &base, &token, &plan("Trần Thị Lan; Thành viên")).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.expect("html").contains("Đoàn kiểm tra phải có đúng một Trưởng đoàn"));
    assert_eq!(inspections_of(app, &commune).await, 0);

    let res = app.post_form(&xa, &base, &token, &plan("Nguyễn Văn Hùng; Trưởng đoàn\nTrần Thị Lan; Thành viên")).await;
    assert_eq!(res.status(), 200);
    let path = res.url().path().to_string();
    let html = res.text().await.expect("html");
    assert!(html.contains("Đã lập kế hoạch kiểm tra.") && html.contains("Kiểm tra đột xuất"), "{html}");
    assert!(html.contains("Công khai thông tin để Nhân dân biết") && html.contains("Chưa đánh giá"));

    for code in ["leadership", "publicity", "discussion", "participation", "supervision", "reporting"] {
        let (verdict, note) =
            if code == "discussion" { ("partly", "Biên bản họp thiếu chữ ký.") } else { ("met", "") };
        let res = app
            .post_form(
                &xa,
                &format!("{path}/danh-gia"),
                &token,
                &[("criterion", code), ("verdict", verdict), ("note", note)],
            )
            .await;
        assert_eq!(res.status(), 200);
    }
    let res =
        app.post_form(&xa, &format!("{path}/ket-luan"), &token, &[("conclusion", "Cần bổ sung biên bản họp.")]).await;
    let html = res.text().await.expect("html");
    assert!(html.contains("Đã ghi kết luận kiểm tra.") && html.contains("conclusion.docx"), "{html}");

    // A task refused without its deadline; then set, overdue, done.
    let res = app
        .post_form(&xa, &format!("{path}/khac-phuc"), &token, &[("title", "Bổ sung chữ ký"), ("lead_unit", "V2")])
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.expect("html").contains("Chưa có hạn hoàn thành khắc phục."));
    let res = app
        .post_form(
            &xa,
            &format!("{path}/khac-phuc"),
            &token,
            &[("title", "Bổ sung chữ ký"), ("lead_unit", "V2"), ("due_on", "15/05/2026")],
        )
        .await;
    assert!(res.text().await.expect("html").contains("Đã giao nhiệm vụ khắc phục."));
    app.state.clock.set_today(day("2026-05-20"));
    let html = app.page(&xa, &path).await;
    assert!(html.contains("Quá hạn") && html.contains("15/05/2026"), "{html}");
    let task = app
        .state
        .app
        .store()
        .inspection_remediations(path.rsplit('/').next().and_then(|i| i.parse().ok()).expect("id"))
        .await
        .expect("tasks")[0]
        .id;
    let res = app.post_form(&xa, &format!("{path}/khac-phuc/{task}"), &token, &[("note", "Đã bổ sung.")]).await;
    assert!(res.text().await.expect("html").contains("Hoàn thành (quá hạn)"));
    let res = app.post_form(&xa, &format!("{path}/buoc"), &token, &[("step", "close")]).await;
    let html = res.text().await.expect("html");
    assert!(html.contains("Đã kết thúc cuộc kiểm tra.") && html.contains("Đã kết thúc"), "{html}");
    assert!(!html.contains("<script"));
}

/// An evidence file posted as the inspected unit's form sends it.
async fn post_evidence(c: &reqwest::Client, url: String, token: &str, file: &str) -> reqwest::Response {
    Multipart::default()
        .text("csrf", token)
        .file("file", file, Some("application/pdf"), b"%PDF-1.7\n%\xe2\xe3\n")
        .post(c, url)
        .await
}

async fn the_inspected_village_sees_its_inspection_and_completes_its_task(app: &TestApp) {
    let commune = communes(app).await;
    let xa = app.client_as("xa@coso.test").await;
    let res = post(&xa, app.url(&format!("/api/v1/units/{commune}/inspections")), &plan_body("V1")).await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    let url = |rest: &str| app.url(&format!("/api/v1/inspections/{id}{rest}"));
    for code in ["leadership", "publicity", "discussion", "participation", "supervision", "reporting"] {
        let body = if code == "publicity" {
            json!({ "criterion": code, "verdict": "not_met", "note": "Chưa niêm yết dự toán." })
        } else {
            json!({ "criterion": code, "verdict": "met" })
        };
        assert_eq!(post(&xa, url("/findings"), &body).await.status(), 200);
    }
    let conclusion = "Thôn Một cần niêm yết dự toán ngân sách.";
    assert_eq!(post(&xa, url("/conclusion"), &json!({ "conclusion": conclusion })).await.status(), 200);
    let body = json!({ "title": "Niêm yết dự toán ngân sách", "lead_unit": "V1", "due_on": "2026-05-31" });
    let res = post(&xa, url("/remediation"), &body).await;
    assert_eq!(res.status(), 201);
    let task = res.json::<Value>().await.expect("json")["id"].as_i64().expect("task");

    // The village's head sees, from the village's pages, the inspection, its conclusion and the
    // task the village leads.
    let head = app.client_as("truong-thon@coso.test").await;
    let list = app.page(&head, "/quan-tri/don-vi/V1/duoc-kiem-tra").await;
    assert!(list.contains("Kiểm tra việc thực hiện dân chủ ở cơ sở năm 2026"), "{list}");
    assert!(list.contains("Niêm yết dự toán ngân sách") && list.contains("31/05/2026"), "{list}");
    let path = format!("/quan-tri/don-vi/V1/duoc-kiem-tra/{id}");
    let html = app.page(&head, &path).await;
    assert!(html.contains(conclusion) && html.contains("Chưa niêm yết dự toán."), "{html}");
    assert!(html.contains("ket-luan.docx") && html.contains("Báo cáo hoàn thành"), "{html}");
    let res = head.get(app.url(&format!("{path}/ket-luan.docx"))).send().await.expect("docx");
    assert_eq!(res.status(), 200);
    // It cannot change the findings or the conclusion.
    let res = post(&head, url("/findings"), &json!({ "criterion": "publicity", "verdict": "met" })).await;
    assert_eq!(res.status(), 403);
    assert_eq!(post(&head, url("/conclusion"), &json!({ "conclusion": "Đạt." })).await.status(), 403);

    // It reports evidence, then the task done; the inspecting commune sees both.
    let token = csrf(&html);
    let res =
        post_evidence(&head, app.url(&format!("{path}/khac-phuc/{task}/minh-chung")), &token, "bang-tin.pdf").await;
    assert_eq!(res.status(), 200, "{}", res.url());
    assert!(res.text().await.expect("html").contains("Đã gửi minh chứng khắc phục."));
    let res = app.post_form(&head, &format!("{path}/khac-phuc/{task}"), &token, &[("note", "Đã niêm yết.")]).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("html");
    assert!(
        html.contains("Đã báo cáo hoàn thành nhiệm vụ khắc phục.") && !html.contains("Báo cáo hoàn thành</button>")
    );
    let v = get(&xa, url("")).await;
    assert_eq!(v["remediation"][0]["status"], "done");
    assert_eq!(v["remediation"][0]["done_note"], "Đã niêm yết.");
    assert_eq!(v["remediation"][0]["evidence"][0]["file_name"], "bang-tin.pdf");

    // An official of an unrelated commune gets nothing: not its village, not its inspection.
    let other = app.client_as("xa-khac@coso.test").await;
    assert_eq!(other.get(app.url(&path)).send().await.expect("page").status(), 403);
    let res = other.get(app.url(&format!("/quan-tri/don-vi/W1/duoc-kiem-tra/{id}"))).send().await.expect("page");
    assert_eq!(res.status(), 404);
    let token = csrf(&app.page(&other, "/quan-tri/don-vi/W1/duoc-kiem-tra").await);
    let res = app
        .post_form(
            &other,
            &format!("/quan-tri/don-vi/W1/duoc-kiem-tra/{id}/khac-phuc/{task}"),
            &token,
            &[("note", "x")],
        )
        .await;
    assert_eq!(res.status(), 404);
}

on_both! {
    app:
    inspected_side => the_inspected_village_sees_its_inspection_and_completes_its_task,
    end_to_end => plan_checklist_findings_conclusion_remediation_done,
    bad_input => bad_input_and_strangers_are_refused_and_nothing_is_saved,
    pages => the_pages_plan_assess_conclude_and_follow_remediation,
}
