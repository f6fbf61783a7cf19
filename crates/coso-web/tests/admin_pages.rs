//! Officials' admin pages: the accounts table and its unit picker, issuing a plan from a form,
//! the implementing-plan choice of the report form, the report template form editor, and a
//! unit's remote-area flag.

use coso_domain::authz::Role;
use coso_test_support::{TestApp, attr, attrs, location, on_both, plan_markdown, texts};

/// The href of the first link whose text is `text`.
fn link(page: &str, text: &str) -> Option<String> {
    let hrefs = attrs(page, "main a[href]", "href");
    texts(page, "main a[href]").into_iter().zip(hrefs).find(|(t, _)| t == text).map(|(_, h)| h)
}

async fn the_issue_form_is_linked_from_the_plans_list_and_issues_a_plan(app: &TestApp) {
    app.user("tinh@coso.test", Role::Official, "42").await;
    let c = app.browser_as("tinh@coso.test").await;
    let list = app.page(&c, "/quan-tri/ke-hoach?don-vi=42").await;
    let href = link(&list, "Ban hành kế hoạch mới").expect("a link to the issue form beside the import");
    let form = app.page(&c, &href).await;
    assert!(texts(&form, "h1").iter().any(|t| t.starts_with("Ban hành kế hoạch")), "{:?}", texts(&form, "h1"));
    let csrf = attr(&form, "#ban-hanh input[name=csrf]", "value").expect("csrf");
    let action = attr(&form, "#ban-hanh", "action").expect("action");
    let document = attr(&form, "#ban-hanh input[name=document]", "value").expect("document");

    let refused = app
        .post_form(&c, &action, &csrf, &[("document", &document), ("moi", "1"), ("title", ""), ("year", "2026")])
        .await;
    assert_eq!(refused.status(), 422);
    let refused = refused.text().await.expect("html");
    assert!(!texts(&refused, ".error-summary a").is_empty(), "the summary says what is missing");
    assert!(texts(&refused, "h1").iter().any(|t| t.starts_with("Ban hành kế hoạch")), "still the issue form");

    let fields = [
        ("document", document.as_str()),
        ("moi", "1"),
        ("number", "12/KH-UBND"),
        ("issued_on", "05/01/2026"),
        ("title", "Kế hoạch thực hiện dân chủ ở cơ sở năm 2026"),
        ("year", "2026"),
        ("targets", "tất cả đơn vị trực thuộc"),
        ("o0_kind", "report"),
        ("o0_period", "năm"),
        ("o0_due", "15/12/2026"),
        ("t0_text", "Niêm yết công khai kế hoạch tại trụ sở"),
        ("t0_lead", "Văn phòng"),
        ("t0_due", "31/01/2026"),
    ];
    let res = app.post_form(&c, &action, &csrf, &fields).await;
    assert_eq!(res.status(), 303, "Post/Redirect/Get");
    let plan = location(&res);
    assert!(plan.starts_with("/quan-tri/ke-hoach/"), "{plan}");
    let page = app.page(&c, &plan).await;
    assert!(page.contains("Kế hoạch thực hiện dân chủ ở cơ sở năm 2026"));
    assert!(page.contains("Niêm yết công khai kế hoạch tại trụ sở"));
    let list = app.page(&c, "/quan-tri/ke-hoach?don-vi=42").await;
    assert!(texts(&list, "main table a").iter().any(|t| t.contains("12/KH-UBND")), "the plan is listed");
}

/// The Bình Phước plan, imported by the province for its communes; returns the plan and the
/// first commune's code.
async fn province_plan(app: &TestApp) -> (serde_json::Value, String) {
    app.user("tinh@coso.test", Role::Official, "42").await;
    let province = app.client_as("tinh@coso.test").await;
    let plan =
        app.import_plan(&province, "unit=42&targets=children&year=2026&file_name=binh-phuoc.md", plan_markdown()).await;
    let communes: serde_json::Value = app.get_json(&province, "/api/v1/units?parent=42&kind=commune&limit=1").await;
    (plan, communes["items"][0]["code"].as_str().expect("a commune").to_string())
}

async fn the_implementing_plan_choice_lists_the_units_plans_or_says_how_to_make_one(app: &TestApp) {
    let (plan, commune) = province_plan(app).await;
    let occurrence = plan["obligations"]
        .as_array()
        .expect("obligations")
        .iter()
        .find(|o| o["kind"] == "implementing_plan")
        .and_then(|o| o["occurrences"][0]["id"].as_i64())
        .expect("an implementing-plan occurrence");
    app.user("xa@coso.test", Role::Official, &commune).await;
    let c = app.client_as("xa@coso.test").await;
    let form_path = format!("/quan-tri/hop-thu/{occurrence}?don-vi={commune}");

    let empty = app.page(&c, &form_path).await;
    assert!(texts(&empty, "select#implementing_plan_id").is_empty(), "never an empty select");
    assert!(!texts(&empty, ".empty").is_empty(), "an empty state says why");
    let issue = link(&empty, "ban hành kế hoạch thực hiện").expect("a link to the issue form");
    assert_eq!(issue, format!("/quan-tri/ke-hoach/ban-hanh?don-vi={commune}"));
    let plans = link(&empty, "Kế hoạch").expect("the page the hint mentions is linked");
    assert!(texts(&app.page(&c, &plans).await, "h1").iter().any(|t| t.starts_with("Kế hoạch")));
    assert!(texts(&app.page(&c, &issue).await, "h1").iter().any(|t| t.starts_with("Ban hành kế hoạch")));

    app.add_unit(&c, &commune, "T01", "Thôn Một", "village").await;
    let draft = serde_json::json!({
        "number": "05/KH-UBND", "issued_on": "2026-02-01", "title": "Thực hiện dân chủ ở cơ sở năm 2026 của xã",
        "year": 2026, "legal_bases": [], "sections": [], "tasks": [], "obligations": []
    });
    let res = app
        .post_json(&c, "/api/v1/plans", &serde_json::json!({ "unit": commune, "targets": "T01", "draft": draft }))
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());

    let form = app.page(&c, &form_path).await;
    let options = texts(&form, "select#implementing_plan_id option");
    assert_eq!(options.len(), 1, "{options:?}");
    assert!(options[0].contains("05/KH-UBND"), "{options:?}");
    assert!(link(&form, "Kế hoạch").is_some(), "the hint links to the plans page");
}

/// The radio buttons of the unit picker: (label text, code).
fn unit_hits(page: &str) -> Vec<(String, String)> {
    texts(page, ".unit-hits label").into_iter().zip(attrs(page, ".unit-hits input[type=radio]", "value")).collect()
}

async fn create_user(app: &TestApp, c: &reqwest::Client, name: &str, email: &str) -> reqwest::Response {
    let page = app.page(c, "/quan-tri/nguoi-dung?tim-don-vi=hong+linh").await;
    let csrf = attr(&page, "form.card input[name=csrf]", "value").expect("csrf");
    let (_, code) = unit_hits(&page).into_iter().find(|(l, _)| l.contains("Bắc Hồng Lĩnh")).expect("a unit found");
    let fields = [
        ("unit_code", code.as_str()),
        ("role", "official"),
        ("display_name", name),
        ("email", email),
        ("password", "mot-mat-khau-dai"),
    ];
    app.post_form(c, "/quan-tri/nguoi-dung", &csrf, &fields).await
}

async fn a_created_user_shows_with_role_and_unit_found_by_a_search_without_diacritics(app: &TestApp) {
    app.user("qt@coso.test", Role::Admin, "42").await;
    let c = app.browser_as("qt@coso.test").await;
    let page = app.page(&c, "/quan-tri/nguoi-dung?tim-don-vi=hong+linh").await;
    let hits = unit_hits(&page);
    assert!(hits.iter().any(|(l, _)| l.contains("Hồng Lĩnh") && l.contains("Tỉnh Hà Tĩnh")), "{hits:?}");
    assert_eq!(attr(&page, "#unit_code", "form").as_deref(), Some("tim-don-vi"), "the search is its own GET form");
    assert_eq!(attr(&page, "form#tim-don-vi", "method").as_deref(), Some("get"));
    let roles = texts(&page, "select#role option");
    assert!(roles.contains(&"Cán bộ, công chức".to_string()) && !roles.contains(&"official".to_string()), "{roles:?}");

    let res = create_user(app, &c, "Bùi Văn Bình", "binh@coso.test").await;
    assert_eq!(res.status(), 303, "Post/Redirect/Get");
    assert_eq!(location(&res), "/quan-tri/nguoi-dung");
    assert_eq!(create_user(app, &c, "Âu Thị Ánh", "anh@coso.test").await.status(), 303);

    let list = app.page(&c, "/quan-tri/nguoi-dung").await;
    assert_eq!(texts(&list, "thead th"), ["Họ tên", "E-mail", "Vai trò", "Đơn vị", "Trạng thái"]);
    assert_eq!(
        texts(&list, "tbody tr td:first-child"),
        ["Âu Thị Ánh", "Bùi Văn Bình", "qt@coso.test"],
        "Vietnamese alphabetical order"
    );
    let row = texts(&list, "tbody tr:nth-child(2) td");
    assert_eq!(row[1], "binh@coso.test");
    assert_eq!(row[2], "Cán bộ, công chức");
    assert!(row[3].contains("Phường Bắc Hồng Lĩnh") && row[3].contains("18115"), "{row:?}");
    assert!(attrs(&list, "tbody td a", "href").contains(&"/quan-tri/don-vi/18115".to_string()), "the unit is linked");

    let csrf = attr(&list, "form.card input[name=csrf]", "value").expect("csrf");
    let fields = [("role", "official"), ("display_name", "Lê Văn C"), ("email", "c@coso.test"), ("password", "ngan")];
    let refused = app.post_form(&c, "/quan-tri/nguoi-dung", &csrf, &fields).await;
    assert_eq!(refused.status(), 422);
    let refused = refused.text().await.expect("html");
    let summary = texts(&refused, ".error-summary a");
    assert!(summary.iter().any(|m| m.starts_with("Đơn vị được giao")), "the field is named: {summary:?}");
    assert!(attrs(&refused, ".error-summary a", "href").contains(&"#unit_code".to_string()));
    assert!(summary.iter().any(|m| m.contains("Mật khẩu")), "{summary:?}");
    assert_eq!(attr(&refused, "#display_name", "value").as_deref(), Some("Lê Văn C"), "the input is kept");
}

/// What a browser sends for the template editor's form as shown: every field, the checked
/// boxes and each select's chosen option.
fn editor_fields(page: &str) -> Vec<(String, String)> {
    let inputs = "#mau input:not([type=checkbox])";
    let mut out: Vec<(String, String)> =
        attrs(page, inputs, "name").into_iter().zip(attrs(page, inputs, "value")).collect();
    out.extend(attrs(page, "#mau input[type=checkbox][checked]", "name").into_iter().map(|n| (n, "on".to_string())));
    out.extend(attrs(page, "#mau textarea", "name").into_iter().zip(texts(page, "#mau textarea")));
    for name in attrs(page, "#mau select", "name") {
        let chosen = attr(page, &format!("select[name={name}] option[selected]"), "value").unwrap_or_default();
        out.push((name, chosen));
    }
    out
}

fn set(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    match fields.iter_mut().find(|(k, _)| k == name) {
        Some(f) => f.1 = value.to_string(),
        None => fields.push((name.to_string(), value.to_string())),
    }
}

async fn post_editor(
    c: &reqwest::Client,
    app: &TestApp,
    path: &str,
    fields: &[(String, String)],
    action: &str,
) -> reqwest::Response {
    let mut body = fields.to_vec();
    body.push(("hanh-dong".into(), action.into()));
    c.post(app.url(path)).form(&body).send().await.expect("post")
}

async fn a_field_added_in_the_template_form_shows_on_the_report_form(app: &TestApp) {
    let (plan, commune) = province_plan(app).await;
    app.user("qt@coso.test", Role::Admin, "42").await;
    let c = app.browser_as("qt@coso.test").await;
    let res = c.get(app.url("/quan-tri/mau-bao-cao")).send().await.expect("editor");
    let path = location(&res);
    let page = app.page(&c, &path).await;
    assert!(texts(&page, "#mau textarea.code").is_empty(), "no JSON to type");
    let mut fields = editor_fields(&page);
    let rows = attrs(&page, "#chi-tieu ~ div input[name$=_label]", "name").len();
    assert!(rows > 3, "the indicators are rows of the form: {rows}");
    set(&mut fields, "name", "Mẫu báo cáo dân chủ ở cơ sở (sửa)");

    let res = post_editor(&c, app, &path, &fields, "them-i").await;
    assert_eq!(res.status(), 200, "a row action shows the form again");
    let page = res.text().await.expect("html");
    assert_eq!(attr(&page, "#name", "value").as_deref(), Some("Mẫu báo cáo dân chủ ở cơ sở (sửa)"), "input kept");
    assert_eq!(attr(&page, &format!("#i{rows}_label"), "value").as_deref(), Some(""), "a new empty row");
    let mut fields = editor_fields(&page);
    set(&mut fields, &format!("i{rows}_label"), "Số buổi đối thoại đột xuất");

    let res = post_editor(&c, app, &path, &fields, "luu").await;
    assert_eq!(res.status(), 422, "no unit of measure");
    let page = res.text().await.expect("html");
    let summary = texts(&page, ".error-summary a");
    assert_eq!(summary, [format!("Chỉ tiêu dòng {}, «Đơn vị tính»: không được để trống.", rows + 1)]);
    assert_eq!(attrs(&page, ".error-summary a", "href"), [format!("#i{rows}_unit")]);
    assert_eq!(attr(&page, &format!("#i{rows}_code"), "value").as_deref(), Some("so_buoi_doi_thoai_dot_xuat"));

    let mut fields = editor_fields(&page);
    set(&mut fields, &format!("i{rows}_unit"), "buổi");
    let res = post_editor(&c, app, &path, &fields, &format!("len-i-{rows}")).await;
    let page = res.text().await.expect("html");
    let moved = rows - 1;
    assert_eq!(attr(&page, &format!("#i{moved}_label"), "value").as_deref(), Some("Số buổi đối thoại đột xuất"));
    assert_eq!(attr(&page, &format!("#i{moved}_unit"), "value").as_deref(), Some("buổi"));

    let res = post_editor(&c, app, &path, &editor_fields(&page), "luu").await;
    assert_eq!(res.status(), 303, "Post/Redirect/Get");
    assert_eq!(location(&res), path);
    let saved = app.page(&c, &path).await;
    assert!(texts(&saved, "[role=status]").iter().any(|t| t.contains("Đã lưu mẫu báo cáo")));
    assert_eq!(attr(&saved, &format!("#i{moved}_label"), "value").as_deref(), Some("Số buổi đối thoại đột xuất"));
    assert!(
        texts(&saved, "details#nang-cao pre").join("").contains("so_buoi_doi_thoai_dot_xuat"),
        "the JSON, read-only"
    );

    let occurrence = plan["obligations"]
        .as_array()
        .expect("obligations")
        .iter()
        .find(|o| o["kind"] == "report")
        .and_then(|o| o["occurrences"][0]["id"].as_i64())
        .expect("a report occurrence");
    app.user("xa@coso.test", Role::Official, &commune).await;
    let official = app.client_as("xa@coso.test").await;
    let form = app.page(&official, &format!("/quan-tri/hop-thu/{occurrence}?don-vi={commune}")).await;
    assert!(
        texts(&form, "#bao-cao label").iter().any(|l| l.starts_with("Số buổi đối thoại đột xuất")),
        "on the report form"
    );
}

/// The due date of `rule` among a case's deadlines (API body).
fn due(case: &serde_json::Value, rule: &str) -> String {
    let deadlines = case["deadlines"].as_array().expect("deadlines");
    let found = deadlines.iter().find(|d| d["rule"] == rule).and_then(|d| d["due"].as_str());
    found.unwrap_or_else(|| panic!("no {rule} in {case}")).to_string()
}

async fn an_administrator_marks_a_unit_remote_which_lengthens_later_complaints(app: &TestApp) {
    app.user("qt@coso.test", Role::Admin, "42").await;
    app.user("tinh@coso.test", Role::Official, "42").await;
    let commune: serde_json::Value =
        app.get_json(&app.anonymous(), "/api/v1/units?parent=42&kind=commune&limit=1").await;
    let commune = commune["items"][0]["code"].as_str().expect("a commune").to_string();
    let path = format!("/quan-tri/don-vi/{commune}");

    // An official who manages the unit sees the flag but no form, and may not post it.
    let official = app.browser_as("tinh@coso.test").await;
    let page = app.page(&official, &path).await;
    assert!(texts(&page, "main dl.summary dd").contains(&"Không".to_string()), "shown: {page}");
    assert!(attr(&page, "form[action$='/vung-sau']", "action").is_none(), "no form for an official");
    let csrf = attr(&page, "input[name=csrf]", "value").unwrap_or_default();
    let res = app.post_form(&official, &format!("{path}/vung-sau"), &csrf, &[("remote", "1")]).await;
    assert_eq!(res.status(), 403);

    let admin = app.browser_as("qt@coso.test").await;
    let page = app.page(&admin, &path).await;
    let csrf = attr(&page, "input[name=csrf]", "value").expect("csrf");
    assert!(attr(&page, "form[action$='/vung-sau'] select#remote", "name").is_some(), "the admin's form");
    let res = app.post_form(&admin, &format!("{path}/vung-sau"), &csrf, &[("remote", "1")]).await;
    assert_eq!((res.status().as_u16(), location(&res)), (303, path.clone()));
    let page = app.page(&admin, &path).await;
    assert!(texts(&page, ".notice, [role=status]").iter().any(|t| t.contains("vùng sâu, vùng xa")), "{page}");
    let shown = texts(&page, "main dl.summary dd");
    assert!(shown.iter().any(|t| t.starts_with("Có")), "{shown:?}");

    let audit = app.store.audit_entries(Some("unit"), Some(10)).await.expect("audit");
    let entry = audit.items.iter().find(|e| e.action == "unit.remote").expect("the change is audited");
    assert_eq!(
        (entry.before_json.as_deref(), entry.after_json.as_deref()),
        (Some(r#"{"remote":false}"#), Some(r#"{"remote":true}"#))
    );
    assert_eq!(entry.actor, "qt@coso.test");

    // A complaint registered there afterwards gets the remote periods by default (KN-3: 45
    // days instead of 30 for a normal case, to 19/04/2024 after the Hùng Kings' holiday).
    let api = app.client_as("tinh@coso.test").await;
    let post = |path: String, body: serde_json::Value| {
        let api = &api;
        async move {
            let res = api.post(app.url(&path)).json(&body).send().await.expect("post");
            let status = res.status().as_u16();
            let v: serde_json::Value = res.json().await.expect("json");
            assert!(status == 200 || status == 201, "{path}: {status} {v}");
            v
        }
    };
    let sender = serde_json::json!({ "name": "Trần Văn Nam", "address": "Thôn Một", "phone": "0912345678" });
    let body = serde_json::json!({ "unit": commune, "kind": "complaint", "received_on": "2024-03-04",
        "content": "Khiếu nại quyết định thu hồi đất.", "sender": sender });
    let case = post("/api/v1/cases".into(), body).await;
    let accepted =
        post(format!("/api/v1/cases/{}/accept", case["id"]), serde_json::json!({ "on": "2024-03-04" })).await;
    assert_eq!(due(&accepted, "complaint.first"), "2024-04-19", "{accepted}");

    // Back to "no"; a form that says neither is refused and changes nothing.
    let res = app.post_form(&admin, &format!("{path}/vung-sau"), &csrf, &[("remote", "0")]).await;
    assert_eq!(res.status(), 303);
    let res = app.post_form(&admin, &format!("{path}/vung-sau"), &csrf, &[("remote", "co")]).await;
    assert_eq!(res.status(), 422);
    let page = app.page(&admin, &path).await;
    assert!(texts(&page, "main dl.summary dd").contains(&"Không".to_string()));
    let audit = app.store.audit_entries(Some("unit"), Some(10)).await.expect("audit");
    assert_eq!(audit.items.iter().filter(|e| e.action == "unit.remote").count(), 2);
}

async fn a_units_page_links_its_capabilities_as_the_visitor_may_open_them(app: &TestApp) {
    app.user("root@coso.test", Role::Admin, "42").await;
    let admin = app.browser_as("root@coso.test").await;
    let list: serde_json::Value = app.get_json(&admin, "/api/v1/units?parent=42&kind=commune&limit=1").await;
    let commune = list["items"][0]["code"].as_str().expect("a commune").to_string();
    app.user("xa@coso.test", Role::Official, &commune).await;
    app.user("xem@coso.test", Role::Viewer, &commune).await;
    let page = format!("/quan-tri/don-vi/{commune}");

    let official = app.page(&app.browser_as("xa@coso.test").await, &page).await;
    for (text, path) in [
        ("Kiểm tra việc thực hiện dân chủ ở cơ sở", "kiem-tra"),
        ("Được kiểm tra: kết luận và nhiệm vụ khắc phục", "duoc-kiem-tra"),
        ("Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng", "ban-giam-sat"),
        ("Bầu thành viên ban giám sát", "bau-truong-thon"),
        ("Đối thoại với Nhân dân", "doi-thoai"),
        ("Nhân dân bàn và quyết định", "quyet-dinh"),
    ] {
        assert_eq!(link(&official, text), Some(format!("/quan-tri/don-vi/{commune}/{path}")), "{text}");
    }
    assert!(texts(&official, ".task-list .tag").iter().all(|t| t == "Quản lý"), "{official}");

    // A viewer reads: the links it may open, tagged to be read, and none of the managing ones.
    let viewer = app.page(&app.browser_as("xem@coso.test").await, &page).await;
    assert_eq!(link(&viewer, "Nhân dân bàn và quyết định"), Some(format!("/quan-tri/don-vi/{commune}/quyet-dinh")));
    for text in [
        "Kiểm tra việc thực hiện dân chủ ở cơ sở",
        "Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng",
        "Đối thoại với Nhân dân",
    ] {
        assert_eq!(link(&viewer, text), None, "{text}");
    }
    assert!(texts(&viewer, ".task-list .tag").iter().all(|t| t == "Xem"), "{viewer}");
    for path in ["kiem-tra", "ban-giam-sat", "doi-thoai"] {
        let res =
            app.browser_as("xem@coso.test").await.get(app.url(&format!("{page}/{path}"))).send().await.expect("get");
        assert_eq!(res.status(), 403, "{path}");
    }
}

on_both! {
    app:
    a_units_page_links_its_capabilities_as_the_visitor_may_open_them => a_units_page_links_its_capabilities_as_the_visitor_may_open_them,
    an_administrator_marks_a_unit_remote_which_lengthens_later_complaints => an_administrator_marks_a_unit_remote_which_lengthens_later_complaints,
    a_field_added_in_the_template_form_shows_on_the_report_form => a_field_added_in_the_template_form_shows_on_the_report_form,
    a_created_user_shows_with_role_and_unit_found_by_a_search_without_diacritics => a_created_user_shows_with_role_and_unit_found_by_a_search_without_diacritics,
    the_issue_form_is_linked_from_the_plans_list_and_issues_a_plan => the_issue_form_is_linked_from_the_plans_list_and_issues_a_plan,
    the_implementing_plan_choice_lists_the_units_plans_or_says_how_to_make_one => the_implementing_plan_choice_lists_the_units_plans_or_says_how_to_make_one,
}
