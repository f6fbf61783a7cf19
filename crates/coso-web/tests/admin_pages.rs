//! Officials' admin pages: the accounts table and its unit picker, issuing a plan from a form,
//! the implementing-plan choice of the report form, and the report template form editor.

use coso_domain::authz::Role;
use coso_test_support::{PASSWORD, TestApp, attr, attrs, on_both, texts};

/// Signs in through the login form with a client that does not follow redirects.
async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let c = app.anonymous();
    let res =
        c.post(app.url("/dang-nhap")).form(&[("email", email), ("password", PASSWORD)]).send().await.expect("post");
    assert_eq!(res.status(), 303);
    c
}

fn location(res: &reqwest::Response) -> String {
    res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
}

async fn html(c: &reqwest::Client, app: &TestApp, path: &str) -> String {
    let res = c.get(app.url(path)).send().await.expect("get");
    assert_eq!(res.status(), 200, "{path}");
    res.text().await.expect("html")
}

/// The href of the first link whose text is `text`.
fn link(page: &str, text: &str) -> Option<String> {
    let hrefs = attrs(page, "main a[href]", "href");
    texts(page, "main a[href]").into_iter().zip(hrefs).find(|(t, _)| t == text).map(|(_, h)| h)
}

async fn the_issue_form_is_linked_from_the_plans_list_and_issues_a_plan(app: &TestApp) {
    app.user("tinh@coso.test", Role::Official, "42").await;
    let c = signed_in(app, "tinh@coso.test").await;
    let list = html(&c, app, "/quan-tri/ke-hoach?don-vi=42").await;
    let href = link(&list, "Ban hành kế hoạch mới").expect("a link to the issue form beside the import");
    let form = html(&c, app, &href).await;
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
    let page = html(&c, app, &plan).await;
    assert!(page.contains("Kế hoạch thực hiện dân chủ ở cơ sở năm 2026"));
    assert!(page.contains("Niêm yết công khai kế hoạch tại trụ sở"));
    let list = html(&c, app, "/quan-tri/ke-hoach?don-vi=42").await;
    assert!(texts(&list, "main table a").iter().any(|t| t.contains("12/KH-UBND")), "the plan is listed");
}

on_both! {
    app:
    the_issue_form_is_linked_from_the_plans_list_and_issues_a_plan => the_issue_form_is_linked_from_the_plans_list_and_issues_a_plan,
}
