//! Pages, parsed as HTML and checked by selector.

use coso_domain::authz::Role;
use coso_test_support::{PASSWORD, TestApp, attr, on_both, texts};

async fn the_public_unit_page_works_without_javascript(app: &TestApp) {
    let html = app.anonymous().get(app.url("/don-vi/42")).send().await.expect("page").text().await.expect("html");
    assert_eq!(texts(&html, "h1"), ["Tỉnh Hà Tĩnh"]);
    let children = texts(&html, "main ul.grid li a");
    assert!(children.len() > 50);
    assert!(children.iter().all(|c| c.starts_with("Xã ") || c.starts_with("Phường ")));
    assert!(!html.contains("<script"), "no JavaScript needed");
    assert_eq!(attr(&html, "html", "lang").as_deref(), Some("vi"));
    assert_eq!(texts(&html, "a.skip").len(), 1, "a skip link for keyboard users");
    let search = app.get_text(&app.anonymous(), "/don-vi/42/tim?q=thach").await;
    let found = texts(&search, "main ul.list li a");
    assert!(!found.is_empty() && found.iter().all(|n| coso_text::fold(n).contains("thach")), "{found:?}");
}

async fn unknown_pages_show_the_error_page_with_a_request_id(app: &TestApp) {
    let res = app.anonymous().get(app.url("/don-vi/khong-co")).send().await.expect("page");
    assert_eq!(res.status(), 404);
    let id = res.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let html = res.text().await.expect("html");
    assert_eq!(texts(&html, "h1"), ["Không tìm thấy"]);
    assert!(!id.is_empty() && texts(&html, "code").contains(&id), "the page shows the request id {id}");
}

async fn a_failed_form_keeps_what_was_typed_and_names_the_field(app: &TestApp) {
    app.user("o@coso.test", Role::Official, "42").await;
    let c = app.client_as("o@coso.test").await;
    let page = c.get(app.url("/quan-tri/don-vi/42")).send().await.expect("admin").text().await.expect("html");
    let csrf = attr(&page, "form.card input[name=csrf]", "value").expect("csrf field");
    let res = app
        .post_form(
            &c,
            "/quan-tri/don-vi/42/them",
            &csrf,
            &[("code", "bad code!"), ("name", "Sở Nội vụ"), ("kind", "agency")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    assert_eq!(attr(&html, "#name", "value").as_deref(), Some("Sở Nội vụ"), "typed value kept");
    assert_eq!(attr(&html, "#code", "aria-invalid").as_deref(), Some("true"));
    assert!(texts(&html, "#code-err")[0].contains("Mã đơn vị"));
    let ok = app
        .post_form(
            &c,
            "/quan-tri/don-vi/42/them",
            &csrf,
            &[("code", "SNV-42"), ("name", "Sở Nội vụ"), ("kind", "agency")],
        )
        .await;
    assert_eq!(ok.status(), 200);
    assert!(texts(&ok.text().await.expect("html"), "p.notice")[0].contains("Sở Nội vụ"));
}

async fn login_form_signs_in_and_out(app: &TestApp) {
    app.user("v@coso.test", Role::Viewer, "42").await;
    let c = app.anonymous();
    let wrong = c
        .post(app.url("/dang-nhap"))
        .form(&[("email", "v@coso.test"), ("password", "sai-mat-khau")])
        .send()
        .await
        .expect("post");
    assert_eq!(wrong.status(), 200, "the form again, with the error");
    let html = wrong.text().await.expect("html");
    assert_eq!(attr(&html, "#email", "value").as_deref(), Some("v@coso.test"));
    assert!(texts(&html, "[role=alert]")[0].contains("không đúng"));
    let ok = c
        .post(app.url("/dang-nhap"))
        .form(&[("email", "v@coso.test"), ("password", PASSWORD)])
        .send()
        .await
        .expect("post");
    assert_eq!(ok.status(), 303);
    let admin = c.get(app.url("/quan-tri")).send().await.expect("admin").text().await.expect("html");
    assert!(texts(&admin, "main li a").iter().any(|t| t == "Tỉnh Hà Tĩnh"));
    let csrf = attr(&admin, "header form input[name=csrf]", "value").expect("csrf");
    let out = app.post_form(&c, "/dang-xuat", &csrf, &[]).await;
    assert_eq!(out.status(), 303);
    let after = c.get(app.url("/quan-tri")).send().await.expect("admin");
    assert_eq!(after.status(), 303, "signed out: back to the login page");
}

on_both! {
    app:
    the_public_unit_page_works_without_javascript => the_public_unit_page_works_without_javascript,
    unknown_pages_show_the_error_page_with_a_request_id => unknown_pages_show_the_error_page_with_a_request_id,
    a_failed_form_keeps_what_was_typed_and_names_the_field => a_failed_form_keeps_what_was_typed_and_names_the_field,
    login_form_signs_in_and_out => login_form_signs_in_and_out,
}

/// The codes of the first `n` communes of province `42`.
async fn communes(app: &TestApp, n: usize) -> Vec<(String, String)> {
    let list: serde_json::Value =
        app.get_json(&app.anonymous(), &format!("/api/v1/units?parent=42&kind=commune&limit={n}")).await;
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|u| (u["code"].as_str().expect("code").to_string(), u["name"].as_str().expect("name").to_string()))
        .collect()
}

#[tokio::test]
async fn search_results_name_their_commune_and_province_and_read_abbreviations() {
    let app = TestApp::spawn().await;
    app.user("root@coso.test", Role::Admin, "42").await;
    let admin = app.client_as("root@coso.test").await;
    let found = communes(&app, 2).await;
    assert_eq!(found.len(), 2);
    for (n, (commune, _)) in found.iter().enumerate() {
        app.add_unit(&admin, commune, &format!("HL{n}"), "Thôn Hồng Lĩnh", "village").await;
    }
    let search = |q: &'static str| {
        let c = app.anonymous();
        let url = app.url(&format!("/don-vi?q={q}"));
        async move { c.get(url).send().await.expect("search").text().await.expect("html") }
    };
    let html = search("thon%20hong%20linh").await;
    let items = texts(&html, "main ul.list li");
    for (commune, name) in &found {
        let line = items.iter().find(|i| i.contains(&format!("— {name}, Tỉnh Hà Tĩnh"))).unwrap_or_else(|| {
            panic!("a village under {commune} ({name}) shown with its commune and province: {items:?}")
        });
        assert!(line.starts_with("Thôn Hồng Lĩnh"), "{line}");
    }
    for (q, name) in [
        ("hn", "Thành phố Hà Nội"),
        ("HN", "Thành phố Hà Nội"),
        ("tphcm", "Thành phố Hồ Chí Minh"),
        ("hcm", "Thành phố Hồ Chí Minh"),
        ("tp.hcm", "Thành phố Hồ Chí Minh"),
        ("dn", "Thành phố Đà Nẵng"),
        ("brvt", "Phường Vũng Tàu"),
    ] {
        let html = search(q).await;
        let names = texts(&html, "main ul.list li a");
        assert!(names.iter().any(|n| n == name), "«{q}» finds {name}: {names:?}");
    }
    let api: serde_json::Value = app.get_json(&app.anonymous(), "/api/v1/units?q=hn&kind=province").await;
    assert_eq!(api["items"][0]["name"], "Thành phố Hà Nội", "{api}");
}

/// Uploads `csv` as the file of the page form at `path`, with the session's `csrf` token.
async fn upload_csv(app: &TestApp, c: &reqwest::Client, path: &str, csrf: &str, csv: &str) -> (u16, String) {
    let form = format!(
        "--zz\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tep.csv\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n--zz--\r\n"
    );
    let res = c
        .post(app.url(path))
        .header("content-type", "multipart/form-data; boundary=zz")
        .body(form)
        .send()
        .await
        .expect("upload");
    (res.status().as_u16(), res.text().await.expect("html"))
}

#[tokio::test]
async fn imports_read_vietnamese_kinds_and_name_columns_and_roles_in_vietnamese() {
    let app = TestApp::spawn().await;
    app.user("root@coso.test", Role::Admin, "42").await;
    let admin = app.client_as("root@coso.test").await;
    let home = admin.get(app.url("/quan-tri")).send().await.expect("home").text().await.expect("html");
    let grants = texts(&home, "main li").join(" ");
    assert!(grants.contains("vai trò: Quản trị hệ thống") && !grants.contains("admin"), "{grants}");
    let plans =
        admin.get(app.url("/quan-tri/ke-hoach?don-vi=42")).send().await.expect("plans").text().await.expect("html");
    assert_eq!(attr(&plans, "#targets", "value").as_deref(), Some("tất cả đơn vị trực thuộc"));
    assert!(!texts(&plans, "#targets-hint").join("").contains("children"));
    let (commune, _) = communes(&app, 1).await.remove(0);
    let page = app.get_text(&admin, &format!("/quan-tri/don-vi/{commune}")).await;
    let csrf = attr(&page, "input[name=csrf]", "value").expect("csrf");
    let units = "Mã,Tên,Loại\nT1,Thôn Một,Thôn\nT2,Tổ Hai,tổ dân phố\nT3,Ấp Ba,AP\n";
    let (status, html) = upload_csv(&app, &admin, &format!("/quan-tri/don-vi/{commune}/nhap"), &csrf, units).await;
    assert!(status < 400, "{status}: {html}");
    let unit: serde_json::Value =
        admin.get(app.url("/api/v1/units/T2")).send().await.expect("unit").json().await.expect("json");
    assert_eq!(unit["kind"], "residential_group", "{unit}");
    let households = "Mã hộ,Địa chỉ,Đại diện hộ,Số nhân khẩu,Điện thoại\nH1,Xóm 1,Nguyễn Văn An,nhiều,abc\n";
    let (status, html) = upload_csv(&app, &admin, "/quan-tri/don-vi/T1/ho-gia-dinh/nhap", &csrf, households).await;
    assert_eq!(status, 422, "{html}");
    let columns: Vec<String> = texts(&html, ".error-summary table tbody tr td:nth-child(2)");
    assert_eq!(columns, ["Số nhân khẩu", "Điện thoại"], "{html}");
    let missing = "Mã hộ,Địa chỉ,Đại diện hộ\nH1,Xóm 1,An\n";
    let (_, html) = upload_csv(&app, &admin, "/quan-tri/don-vi/T1/ho-gia-dinh/nhap", &csrf, missing).await;
    assert_eq!(texts(&html, ".error-summary table tbody tr td:nth-child(3)"), ["Thiếu cột «Số nhân khẩu»."]);
}
