//! Each role's home and menu: a signed-in user lands on a page made for them, sees only what
//! they may open, and keeps their header on error pages.

use coso_domain::authz::Role;
use coso_test_support::{TestApp, attr, attrs, location, on_both, texts};

const WARD: &str = "18754";

/// Follows the redirects from the page a sign-in leads to, and returns where it ends.
async fn landing(app: &TestApp, c: &reqwest::Client) -> (String, String) {
    let mut path = "/quan-tri".to_string();
    for _ in 0..3 {
        let res = c.get(app.url(&path)).send().await.expect("get");
        if res.status() == 303 {
            path = location(&res);
            continue;
        }
        assert_eq!(res.status(), 200, "{path}");
        return (path, res.text().await.expect("html"));
    }
    panic!("too many redirects from the landing page");
}

async fn every_menu_link_opens(app: &TestApp, c: &reqwest::Client, html: &str) {
    let links = attrs(html, "header nav a", "href");
    assert!(!links.is_empty());
    for href in links {
        let res = c.get(app.url(&href)).send().await.expect("menu link");
        assert_eq!(res.status(), 200, "{href}");
    }
}

async fn a_resident_lands_on_their_home_and_every_menu_link_opens(app: &TestApp) {
    app.user("dan@coso.test", Role::Resident, WARD).await;
    let c = app.browser_as("dan@coso.test").await;
    let (path, html) = landing(app, &c).await;
    assert_eq!(path, "/cua-toi");
    assert_eq!(texts(&html, "h1"), ["Của tôi"]);
    assert!(texts(&html, "main a").iter().any(|t| t == "Phường Sông Trí"), "the ward's public page is linked");
    let menu = texts(&html, "header nav a");
    assert!(menu.contains(&"Của tôi".to_string()) && menu.contains(&"Lịch".to_string()), "{menu:?}");
    assert!(!menu.iter().any(|t| t == "Quản trị" || t == "Hộp việc"), "nothing that answers 403: {menu:?}");
    assert_eq!(attr(&html, "header nav a[aria-current=page]", "href").as_deref(), Some("/cua-toi"));
    every_menu_link_opens(app, &c, &html).await;
}

async fn an_official_sees_the_inbox_in_the_menu_and_every_link_opens(app: &TestApp) {
    app.user("xa@coso.test", Role::Official, WARD).await;
    let c = app.browser_as("xa@coso.test").await;
    let (path, html) = landing(app, &c).await;
    assert_eq!(path, "/quan-tri");
    let menu = texts(&html, "header nav a");
    for entry in ["Hộp việc", "Kế hoạch", "Quản trị"] {
        assert!(menu.contains(&entry.to_string()), "{entry} in {menu:?}");
    }
    assert!(!menu.iter().any(|t| t == "Người dùng" || t == "Nhật ký"), "administrators only: {menu:?}");
    every_menu_link_opens(app, &c, &html).await;
    let inbox = c.get(app.url(&format!("/quan-tri/hop-thu?don-vi={WARD}"))).send().await.expect("inbox");
    let inbox = inbox.text().await.expect("html");
    assert_eq!(texts(&inbox, "header nav a[aria-current=page]"), ["Hộp việc"]);
    assert!(!texts(&inbox, "nav.crumbs li").is_empty(), "breadcrumbs");
}

async fn an_administrator_reaches_users_audit_and_the_style_page(app: &TestApp) {
    app.user("qt@coso.test", Role::Admin, "42").await;
    let c = app.browser_as("qt@coso.test").await;
    let (_, html) = landing(app, &c).await;
    let menu = texts(&html, "header nav a");
    assert!(menu.contains(&"Người dùng".to_string()) && menu.contains(&"Nhật ký".to_string()), "{menu:?}");
    every_menu_link_opens(app, &c, &html).await;
    for path in ["/quan-tri/nguoi-dung", "/quan-tri/nhat-ky"] {
        let page = c.get(app.url(path)).send().await.expect("page").text().await.expect("html");
        assert!(texts(&page, "nav.crumbs a").contains(&"Quản trị".to_string()), "breadcrumbs on {path}");
    }
    let style = c.get(app.url("/quan-tri/thiet-ke")).send().await.expect("style page");
    assert_eq!(style.status(), 200);
    let style = style.text().await.expect("html");
    assert_eq!(attr(&style, ".error-summary", "role").as_deref(), Some("alert"));
    assert_eq!(attr(&style, ".error-summary a", "href").as_deref(), Some("#vd-ten"));
    assert!(attr(&style, "#vd-ten", "aria-describedby").is_some_and(|d| d.contains("vd-ten-err")));
    assert!(!style.contains("<script"), "no JavaScript needed");
}

async fn error_pages_show_the_signed_in_visitor(app: &TestApp) {
    app.user("dan@coso.test", Role::Resident, WARD).await;
    let c = app.browser_as("dan@coso.test").await;
    for (path, status) in [("/quan-tri/nguoi-dung", 403), ("/quan-tri/thiet-ke", 403), ("/khong-co-trang-nay", 404)] {
        let res = c.get(app.url(path)).send().await.expect("page");
        assert_eq!(res.status(), status, "{path}");
        let html = res.text().await.expect("html");
        assert!(texts(&html, "header").iter().any(|t| t.contains("dan@coso.test")), "{path}: the visitor's name");
        assert!(texts(&html, "header button").contains(&"Đăng xuất".to_string()), "{path}");
        assert!(!html.contains("Đăng nhập"), "{path}: not shown as signed out");
    }
    let anonymous = app.anonymous().get(app.url("/khong-co-trang-nay")).send().await.expect("page");
    assert!(anonymous.text().await.expect("html").contains("Đăng nhập"));
}

async fn a_successful_form_redirects_and_shows_its_notice_once(app: &TestApp) {
    app.user("o@coso.test", Role::Official, "42").await;
    let c = app.browser_as("o@coso.test").await;
    let page = c.get(app.url("/quan-tri/don-vi/42")).send().await.expect("page").text().await.expect("html");
    let csrf = attr(&page, "form.card input[name=csrf]", "value").expect("csrf field");
    let res = app
        .post_form(
            &c,
            "/quan-tri/don-vi/42/them",
            &csrf,
            &[("code", "SNV-42"), ("name", "Sở Nội vụ"), ("kind", "agency")],
        )
        .await;
    assert_eq!(res.status(), 303, "Post/Redirect/Get");
    assert_eq!(location(&res), "/quan-tri/don-vi/42");
    let after = c.get(app.url("/quan-tri/don-vi/42")).send().await.expect("page").text().await.expect("html");
    assert!(texts(&after, "[role=status]").iter().any(|t| t.contains("Sở Nội vụ")));
    let again = c.get(app.url("/quan-tri/don-vi/42")).send().await.expect("page").text().await.expect("html");
    assert!(texts(&again, "[role=status]").is_empty(), "the notice is shown once");
}

async fn a_failed_form_starts_with_an_error_summary_linking_to_the_fields(app: &TestApp) {
    app.user("o@coso.test", Role::Official, "42").await;
    let c = app.browser_as("o@coso.test").await;
    let page = c.get(app.url("/quan-tri/don-vi/42")).send().await.expect("page").text().await.expect("html");
    let csrf = attr(&page, "form.card input[name=csrf]", "value").expect("csrf field");
    let res = app
        .post_form(&c, "/quan-tri/don-vi/42/them", &csrf, &[("code", "bad code!"), ("name", ""), ("kind", "agency")])
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    let links = attrs(&html, ".error-summary[role=alert] a", "href");
    assert!(links.contains(&"#code".to_string()) && links.contains(&"#name".to_string()), "{links:?}");
    assert!(attr(&html, ".error-summary", "autofocus").is_some(), "focus moves to the summary without a script");
}

on_both! {
    app:
    a_resident_lands_on_their_home_and_every_menu_link_opens => a_resident_lands_on_their_home_and_every_menu_link_opens,
    an_official_sees_the_inbox_in_the_menu_and_every_link_opens => an_official_sees_the_inbox_in_the_menu_and_every_link_opens,
    an_administrator_reaches_users_audit_and_the_style_page => an_administrator_reaches_users_audit_and_the_style_page,
    error_pages_show_the_signed_in_visitor => error_pages_show_the_signed_in_visitor,
    a_successful_form_redirects_and_shows_its_notice_once => a_successful_form_redirects_and_shows_its_notice_once,
    a_failed_form_starts_with_an_error_summary_linking_to_the_fields => a_failed_form_starts_with_an_error_summary_linking_to_the_fields,
}
