//! Steering committees on both databases: a plan issued by the province's steering committee
//! cascades to a commune like the people's committee's, and its issuing body shows on the plan
//! page, in the API and in the rendered document's header; a committee member with an account
//! sees the overdue obligation of the village they follow and nothing of another village, and
//! only the areas inside their own rights; a member with a bad area is refused, nothing saved;
//! the register of commendations and models is filtered by unit and year, exported as CSV
//! (formulas neutralised) and XLSX, refuses bad input naming the field, and a village's public
//! page lists its models.

use chrono::NaiveDate;
use coso_domain::authz::Role;
use coso_test_support::{TestApp, attr, on_both};
use serde_json::{Value, json};

use crate::common::{Commune, commune_with_villages, docx_xml, province_admin};

const PROVINCE: &str = "42";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn draft(number: &str, title: &str, issuer: &str, obligations: Value) -> Value {
    json!({
        "number": number, "issued_on": "2026-01-20", "title": title, "issuer": issuer, "year": 2026,
        "legal_bases": [], "sections": [], "tasks": [], "obligations": obligations
    })
}

async fn a_steering_committee_plan_cascades_to_a_commune(app: &TestApp) {
    app.state.clock.set_today(day("2026-01-20"));
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let province = app.client_as("tinh@coso.test").await;
    let codes = app.communes(PROVINCE, 2).await;
    let commune = &codes[0];
    let implementing = json!([{ "kind": "implementing_plan", "period": null, "due": "2026-02-28", "raw": "" }]);
    let res = province
        .post(app.url("/api/v1/plans"))
        .json(&json!({
            "unit": PROVINCE, "targets": codes.join(","),
            "draft": draft("03/KH-BCĐ", "Thực hiện dân chủ ở cơ sở năm 2026", "steering_committee", implementing)
        }))
        .send()
        .await
        .expect("create");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let plan: Value = res.json().await.expect("json");
    assert_eq!(plan["issuer"], "steering_committee");
    assert_eq!(plan["issuer_name"], "Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh Hà Tĩnh");

    // The commune sees the steering committee's request in its inbox and answers it with its
    // own plan, issued by its people's committee.
    app.user("xa@coso.test", Role::Official, commune).await;
    let client = app.client_as("xa@coso.test").await;
    let inbox: Value = app.get_json(&client, &format!("/api/v1/units/{commune}/inbox")).await;
    assert!(inbox.to_string().contains("03/KH-BCĐ"), "{inbox}");
    let occurrence = plan["obligations"][0]["occurrences"][0]["id"].as_i64().expect("occurrence");
    let admin = province_admin(app).await;
    app.add_unit(&admin, commune, "V1", "Thôn Một", "village").await;
    let res = client
        .post(app.url("/api/v1/plans"))
        .json(&json!({
            "unit": commune, "targets": "children", "parent_plan_id": plan["id"],
            "draft": draft("07/KH-UBND", "Thực hiện dân chủ ở cơ sở năm 2026 của xã", "people_committee", json!([]))
        }))
        .send()
        .await
        .expect("create");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let own: Value = res.json().await.expect("json");
    assert_eq!(own["parent_plan_id"], plan["id"]);
    assert_eq!(own["issuer"], "people_committee");
    let res = app
        .post_json(
            &client,
            &format!("/api/v1/units/{commune}/submissions"),
            &json!({ "occurrence_id": occurrence, "implementing_plan_id": own["id"] }),
        )
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let children = app.store.child_plans(coso_domain::PlanId(plan["id"].as_i64().expect("id"))).await.expect("kids");
    assert_eq!(children.iter().map(|c| c.id).collect::<Vec<_>>(), vec![own["id"].as_i64().expect("id")]);

    // The plan page names the body; the document's header carries it in capitals.
    let page = app.get_text(&province, &format!("/quan-tri/ke-hoach/{}", plan["id"])).await;
    assert!(page.contains("Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh Hà Tĩnh"), "{page}");
    // It asks only for implementing plans: nothing to aggregate, so no link that would answer 400.
    assert!(!page.contains("/tong-hop?ky="), "an implementing plan's period links no aggregate");
    assert!(page.contains("Không có số liệu"));
    let res =
        province.get(app.url(&format!("/quan-tri/ke-hoach/{}/van-ban.docx", plan["id"]))).send().await.expect("docx");
    assert_eq!(res.status(), 200);
    let xml = docx_xml(&res.bytes().await.expect("bytes"));
    assert!(xml.contains("BAN CHỈ ĐẠO"), "the issuer line names the steering committee");
    assert!(xml.contains("TRƯỞNG BAN"), "its head signs");
    assert!(!xml.contains("TM. ỦY BAN NHÂN DÂN"));
}

async fn an_unknown_issuing_body_is_refused_and_nothing_saved(app: &TestApp) {
    app.state.clock.set_today(day("2026-01-20"));
    app.user("tinh@coso.test", Role::Official, PROVINCE).await;
    let province = app.client_as("tinh@coso.test").await;
    let res = province
        .post(app.url("/api/v1/plans"))
        .json(&json!({
            "unit": PROVINCE, "targets": "children",
            "draft": draft("04/KH", "Kế hoạch", "ban_chi_dao", json!([]))
        }))
        .send()
        .await
        .expect("create");
    assert_eq!(res.status(), 422, "{}", res.text().await.unwrap_or_default());
    let unit = app.store.unit_by_code(PROVINCE).await.expect("read").expect("province");
    assert!(app.store.plans_of_unit(unit.unit_id(), None).await.expect("plans").is_empty());
}

/// A commune with two villages whose plan asks each for a report due on 10/02/2026, seen on
/// 01/03/2026: both are overdue. Returns the commune's code, the other commune's code and the
/// province official's client.
async fn commune_with_an_overdue_report(app: &TestApp) -> (String, String, reqwest::Client) {
    app.state.clock.set_today(day("2026-01-20"));
    let Commune { code: commune, admin } = commune_with_villages(app, &[("V1", "Thôn Một"), ("V2", "Thôn Hai")]).await;
    let other = app.communes(PROVINCE, 2).await.remove(1);
    app.user("xa@coso.test", Role::Official, &commune).await;
    let official = app.client_as("xa@coso.test").await;
    let report = json!([{ "kind": "report", "period": "ad_hoc", "due": "2026-02-10", "raw": "" }]);
    let res = official
        .post(app.url("/api/v1/plans"))
        .json(&json!({
            "unit": commune, "targets": "V1,V2",
            "draft": draft("09/KH-UBND", "Báo cáo kết quả tuyên truyền", "people_committee", report)
        }))
        .send()
        .await
        .expect("plan");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    app.state.clock.set_today(day("2026-03-01"));
    (commune, other, admin)
}

async fn a_member_sees_the_overdue_report_of_their_village_only(app: &TestApp) {
    let (commune, other_commune, admin) = commune_with_an_overdue_report(app).await;
    // The province's committee; its member reads plans on the commune only.
    app.user("bcd@coso.test", Role::Viewer, &commune).await;
    let res = admin
        .put(app.url(&format!("/api/v1/units/{PROVINCE}/steering-committee")))
        .json(&json!({ "name": "Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh Hà Tĩnh" }))
        .send()
        .await
        .expect("committee");
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    let res = admin
        .post(app.url(&format!("/api/v1/units/{PROVINCE}/steering-committee/members")))
        .json(&json!({ "name": "Trần Văn Bình", "position": "Phó Trưởng ban", "account": "bcd@coso.test",
            "areas": ["V1", other_commune] }))
        .send()
        .await
        .expect("member");
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());

    let member = app.client_as("bcd@coso.test").await;
    let followed: Value =
        member.get(app.url("/api/v1/followed-areas")).send().await.expect("followed").json().await.expect("json");
    let areas = followed["areas"].as_array().expect("areas");
    assert_eq!(areas.len(), 1, "only the village inside the member's rights: {followed}");
    assert_eq!(areas[0]["code"], "V1");
    assert_eq!(followed["hidden"], 1, "the other commune is assigned but not readable");
    let inbox = areas[0]["inbox"].as_array().expect("inbox");
    assert!(inbox.iter().any(|e| e["overdue"] == true && e["plan"].as_str().is_some_and(|p| p.contains("09/KH-UBND"))));
    assert!(areas[0]["overdue_count"].as_u64().is_some_and(|n| n >= 1), "{followed}");

    let page = member.get(app.url("/quan-tri/theo-doi")).send().await.expect("page");
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("html");
    assert!(html.contains("Thôn Một"), "{html}");
    assert!(html.contains("Quá hạn"), "the overdue report is flagged: {html}");
    assert!(!html.contains("Thôn Hai"), "another village is not shown");

    // Someone who follows nothing sees an empty page.
    app.user("khac@coso.test", Role::Viewer, &commune).await;
    let other = app.client_as("khac@coso.test").await;
    let html = other.get(app.url("/quan-tri/theo-doi")).send().await.expect("page").text().await.expect("html");
    assert!(html.contains("chưa được phân công"), "{html}");
    assert!(!html.contains("Thôn Một"));
}

async fn a_member_with_a_bad_area_is_refused_and_nothing_saved(app: &TestApp) {
    let (commune, other_commune, admin) = commune_with_an_overdue_report(app).await;
    app.user("xa2@coso.test", Role::Official, &commune).await;
    let official = app.client_as("xa2@coso.test").await;
    // A member before the committee exists is refused.
    let res = app
        .post_json(
            &official,
            &format!("/api/v1/units/{commune}/steering-committee/members"),
            &json!({ "name": "Lê Thị Cúc", "position": "Thành viên", "areas": ["V1"] }),
        )
        .await;
    assert_eq!(res.status(), 422);
    let res = official
        .put(app.url(&format!("/api/v1/units/{commune}/steering-committee")))
        .json(&json!({ "name": "Ban Chỉ đạo xã" }))
        .send()
        .await
        .expect("committee");
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    // An area outside the commune, and no position: both named, nothing saved.
    let res = app
        .post_json(
            &official,
            &format!("/api/v1/units/{commune}/steering-committee/members"),
            &json!({ "name": "Lê Thị Cúc", "position": "", "areas": [other_commune] }),
        )
        .await;
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.expect("json");
    let fields: Vec<&str> =
        body["error"]["fields"].as_array().expect("fields").iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, ["position"], "{body}");
    let res = app
        .post_json(
            &official,
            &format!("/api/v1/units/{commune}/steering-committee/members"),
            &json!({ "name": "Lê Thị Cúc", "position": "Thành viên", "areas": [other_commune] }),
        )
        .await;
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["error"]["fields"][0]["field"], "areas", "{body}");
    assert!(body.to_string().contains("không thuộc"), "{body}");
    // The form names the field too, in Vietnamese.
    let form_page =
        official.get(app.url(&format!("/quan-tri/don-vi/{commune}/ban-chi-dao"))).send().await.expect("page");
    let token = attr(&form_page.text().await.expect("html"), "input[name=csrf]", "value").expect("csrf");
    let fields = [("name", "Lê Thị Cúc"), ("position", "Thành viên"), ("areas", "")];
    let page =
        app.post_form(&official, &format!("/quan-tri/don-vi/{commune}/ban-chi-dao/thanh-vien"), &token, &fields).await;
    assert_eq!(page.status(), 422);
    let html = page.text().await.expect("html");
    assert!(html.contains("Chưa chọn địa bàn theo dõi"), "{html}");
    let committee: Value = app.get_json(&official, &format!("/api/v1/units/{commune}/steering-committee")).await;
    assert_eq!(committee["members"], json!([]), "nothing saved: {committee}");
    // A good member is saved and audited; an official of another commune may not read it.
    let res = app
        .post_json(
            &official,
            &format!("/api/v1/units/{commune}/steering-committee/members"),
            &json!({ "name": "Lê Thị Cúc", "position": "Thành viên", "areas": ["V1", "V2"] }),
        )
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    let committee: Value = app.get_json(&official, &format!("/api/v1/units/{commune}/steering-committee")).await;
    assert_eq!(committee["members"][0]["areas"].as_array().map(Vec::len), Some(2), "{committee}");
    let page = official.get(app.url(&format!("/quan-tri/don-vi/{commune}/ban-chi-dao"))).send().await.expect("page");
    let html = page.text().await.expect("html");
    assert!(html.contains("Lê Thị Cúc") && html.contains("Thôn Hai"), "{html}");
    app.user("xakhac@coso.test", Role::Official, &other_commune).await;
    let outsider = app.client_as("xakhac@coso.test").await;
    let res = outsider.get(app.url(&format!("/api/v1/units/{commune}/steering-committee"))).send().await.expect("get");
    assert_eq!(res.status(), 403);
    drop(admin);
}

async fn the_register_of_commendations_and_models(app: &TestApp) {
    let (commune, _, _) = commune_with_an_overdue_report(app).await;
    app.user("xa3@coso.test", Role::Official, &commune).await;
    let official = app.client_as("xa3@coso.test").await;
    let post = |path: &'static str, body: Value| {
        let official = official.clone();
        let url = app.url(&format!("/api/v1/units/{commune}/{path}"));
        async move { official.post(url).json(&body).send().await.expect("post") }
    };
    // Bad input: every field named, nothing saved.
    let res = post("commendations", json!({ "form": "huy_chuong", "year": 1999, "decided_on": "31/02/2026" })).await;
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.expect("json");
    let fields: Vec<&str> =
        body["error"]["fields"].as_array().expect("fields").iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, ["form", "recipient_person", "year", "reason", "decision_number", "decided_on"], "{body}");
    let res =
        post("models", json!({ "name": "Camera an ninh", "unit": "KHONGCO", "year": 2026, "description": "x" })).await;
    assert_eq!(res.status(), 422);
    assert_eq!(res.json::<Value>().await.expect("json")["error"]["fields"][0]["field"], "unit");
    let list: Value = app.get_json(&official, &format!("/api/v1/units/{commune}/commendations")).await;
    assert_eq!(list, json!([]), "nothing saved");

    for body in [
        json!({ "form": "merit", "recipient_unit": "V1", "year": 2025, "reason": "=SUM(1;2) Làm tốt dân chủ ở cơ sở",
            "decision_number": "12/QĐ-UBND", "decided_on": "2026-01-15" }),
        json!({ "form": "certificate", "recipient_person": "Nguyễn Thị Lan, Trưởng thôn Hai", "year": 2026,
            "reason": "Vận động hiến đất làm đường", "decision_number": "40/QĐ-UBND", "decided_on": "2026-02-20" }),
    ] {
        let res = post("commendations", body).await;
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    }
    for body in [
        json!({ "name": "Camera an ninh do dân góp", "unit": "V1", "year": 2026, "description": "Mỗi hộ góp 100.000 đồng.",
            "status": "recognised" }),
        json!({ "name": "Tổ hòa giải điện tử", "unit": "V1", "year": 2025, "description": "Nhóm Zalo của thôn.",
            "status": "stopped" }),
    ] {
        let res = post("models", body).await;
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    }

    // Filters: by year, and by unit (the person's commendation belongs to the commune).
    let get = |query: &'static str| {
        let official = official.clone();
        let url = app.url(&format!("/api/v1/units/{commune}/commendations{query}"));
        async move { official.get(url).send().await.expect("get").json::<Value>().await.expect("json") }
    };
    assert_eq!(get("").await.as_array().map(Vec::len), Some(2));
    let of_2025 = get("?year=2025").await;
    assert_eq!(of_2025.as_array().map(Vec::len), Some(1));
    assert_eq!(of_2025[0]["form_label"], "Bằng khen");
    assert_eq!(get("?unit=V1").await.as_array().map(Vec::len), Some(1));
    assert_eq!(get("?unit=V2").await, json!([]));

    // The page, and its downloads.
    let html = app.get_text(&official, &format!("/quan-tri/don-vi/{commune}/khen-thuong?nam=2026")).await;
    assert!(html.contains("Nguyễn Thị Lan") && !html.contains("12/QĐ-UBND"), "{html}");
    assert!(html.contains("Camera an ninh do dân góp") && !html.contains("Tổ hòa giải điện tử"));
    let csv = official
        .get(app.url(&format!("/quan-tri/don-vi/{commune}/khen-thuong/khen-thuong.csv")))
        .send()
        .await
        .expect("csv");
    assert_eq!(csv.status(), 200);
    let csv = csv.text().await.expect("csv");
    assert!(csv.contains("Bằng khen") && csv.contains("Giấy khen"), "{csv}");
    assert!(csv.contains("'=SUM(1;2)"), "a formula is neutralised: {csv}");
    // It names persons: the download is in the log, with its rows and without the names.
    let audit = app.store.audit_entries(Some("commendation"), Some(50)).await.expect("audit").items;
    let export = audit.iter().find(|a| a.action == "commendation.export").expect("the download is logged");
    assert_eq!(export.entity_id, commune);
    let after = export.after_json.as_deref().unwrap_or("");
    let logged: Value = serde_json::from_str(after).expect("json");
    assert_eq!((logged["rows"].as_i64(), logged["format"].as_str()), (Some(2), Some("csv")), "{after}");
    assert!(!after.contains("Nguyễn Thị Lan"), "{after}");
    let xlsx = official
        .get(app.url(&format!("/quan-tri/don-vi/{commune}/khen-thuong/mo-hinh.xlsx?nam=2026")))
        .send()
        .await
        .expect("xlsx");
    assert_eq!(xlsx.status(), 200);
    assert!(xlsx.bytes().await.expect("bytes").starts_with(b"PK"), "an XLSX is a ZIP");
    let audit = app.store.audit_entries(Some("commendation"), Some(50)).await.expect("audit").items;
    assert_eq!(audit.iter().filter(|a| a.action == "commendation.export").count(), 1, "the models name no one");
    let page =
        official.get(app.url(&format!("/quan-tri/don-vi/{commune}/khen-thuong?nam=20x6"))).send().await.expect("page");
    assert_eq!(page.status(), 422);
    assert!(page.text().await.expect("html").contains("Năm lọc không hợp lệ"));

    // The form refuses bad input naming the field.
    let token = attr(&html, "input[name=csrf]", "value").expect("csrf");
    let fields = [("model.name", ""), ("model.year", "2026"), ("model.description", "Mô tả")];
    let res =
        app.post_form(&official, &format!("/quan-tri/don-vi/{commune}/khen-thuong/mo-hinh"), &token, &fields).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    assert!(html.contains("Tên mô hình, điển hình không được để trống"), "{html}");
    assert!(html.contains("href=\"#model.name\""), "the summary links to the field");

    // The village's public page lists its working models, at 360 px without script.
    let public = app.anonymous().get(app.url("/don-vi/V1/mo-hinh")).send().await.expect("public");
    assert_eq!(public.status(), 200);
    let html = public.text().await.expect("html");
    assert!(html.contains("Camera an ninh do dân góp") && html.contains("Đã được công nhận"), "{html}");
    assert!(!html.contains("Tổ hòa giải điện tử"), "a stopped model is not shown");
    assert!(!html.contains("<script"));
}

on_both! {
    app:
    a_steering_committee_plan_cascades_to_a_commune => a_steering_committee_plan_cascades_to_a_commune,
    an_unknown_issuing_body_is_refused_and_nothing_saved => an_unknown_issuing_body_is_refused_and_nothing_saved,
    a_member_sees_the_overdue_report_of_their_village_only => a_member_sees_the_overdue_report_of_their_village_only,
    a_member_with_a_bad_area_is_refused_and_nothing_saved => a_member_with_a_bad_area_is_refused_and_nothing_saved,
    the_register_of_commendations_and_models => the_register_of_commendations_and_models,
}
