//! "Đơn của tôi", on SQLite and on PostgreSQL: a signed-in resident sends a complaint and a
//! denunciation under the account's name from `/cua-toi/gui-don`, follows both from `/cua-toi`
//! and `/cua-toi/don`; another resident sees none of them, an official without clearance does
//! not see the denouncer, and a form missing what the law asks names the field and saves nothing.

use coso_domain::authz::Role;
use coso_test_support::{TestApp, attr, location, on_both, texts};

use crate::common::Multipart;

const PROVINCE: &str = "42";
const ADDRESS: &str = "Số 12, xóm Kiềng Zqv, Thôn Một";
const PHONE: &str = "0912 345 678";

/// A client that does not follow redirects, signed in through the sign-in page, with the CSRF
/// token of its pages.
async fn signed_in(app: &TestApp, email: &str) -> (reqwest::Client, String) {
    let c = app.browser_as(email).await;
    let html = app.page(&c, "/cua-toi").await;
    (c, attr(&html, "input[name=csrf]", "value").expect("the CSRF token"))
}

/// The send form posted as multipart; answers the status, the redirect and the body.
async fn send(app: &TestApp, c: &reqwest::Client, fields: &[(&str, &str)]) -> (u16, String, String) {
    let res = Multipart::default().texts(fields).post(c, app.url("/cua-toi/gui-don")).await;
    let status = res.status().as_u16();
    (status, location(&res), res.text().await.expect("body"))
}

fn case_fields<'a>(csrf: &'a str, kind: &'a str, unit: &'a str, content: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("kind", kind),
        ("unit", unit),
        ("category", "dat_dai"),
        ("content", content),
        ("address", ADDRESS),
        ("phone", PHONE),
    ]
}

/// Sends a case and follows the redirect to its tracking page; answers its code.
async fn sent(app: &TestApp, c: &reqwest::Client, fields: &[(&str, &str)]) -> String {
    let (status, location, body) = send(app, c, fields).await;
    assert_eq!(status, 303, "{body}");
    let code = location.strip_prefix("/theo-doi/").expect("to the tracking page").to_string();
    let html = app.page(c, &location).await;
    let notice = texts(&html, ".banner .notice").join(" ");
    assert!(notice.contains(&format!("Mã theo dõi của bạn: {code}")), "{notice}");
    code
}

async fn a_resident_sends_and_follows_their_own_cases(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    app.user("dan@coso.test", Role::Resident, &commune).await;
    app.user("hang-xom@coso.test", Role::Resident, &commune).await;
    app.user("xa@coso.test", Role::Official, &commune).await;
    let (c, csrf) = signed_in(app, "dan@coso.test").await;
    let form = app.page(&c, "/cua-toi/gui-don").await;
    assert!(form.contains("dan@coso.test"), "the sender is the account");

    let complaint = sent(
        app,
        &c,
        &case_fields(&csrf, "complaint", &commune, "Khiếu nại quyết định thu hồi đất của Ủy ban nhân dân xã."),
    )
    .await;
    let denunciation =
        sent(app, &c, &case_fields(&csrf, "denunciation", &commune, "Tố cáo cán bộ địa chính nhận tiền.")).await;

    // Both are the resident's, newest first, with their kind, unit, status and next due date.
    let list = app.page(&c, "/cua-toi/don").await;
    let lines = texts(&list, "ul.inbox li").join("\n");
    assert!(lines.contains(&complaint) && lines.contains(&denunciation), "{lines}");
    assert!(lines.contains("Khiếu nại") && lines.contains("Tố cáo") && lines.contains("Hạn xử lý"), "{lines}");
    let links: Vec<String> = coso_test_support::attrs(&list, "ul.inbox li a", "href");
    assert_eq!(links[0], format!("/theo-doi/{denunciation}"), "newest first: {links:?}");
    let home = app.page(&c, "/cua-toi").await;
    assert!(texts(&home, "h2").iter().any(|h| h == "Đơn của tôi"));
    assert!(home.contains(&complaint) && home.contains(&denunciation));

    // The identity is the case's sender, apart from the case.
    let stored = app.store.case_by_code(&denunciation).await.expect("q").expect("case");
    assert_eq!(stored.kind.as_str(), "denunciation", "an identified denouncer: not information");
    let sender = app.store.case_sender(stored.case_id()).await.expect("q").expect("sender");
    assert_eq!(
        (sender.email.as_deref(), sender.address.as_deref(), sender.phone.as_deref()),
        (Some("dan@coso.test"), Some(ADDRESS), Some(PHONE))
    );

    // Another resident sees none of it.
    let (other, _) = signed_in(app, "hang-xom@coso.test").await;
    for path in ["/cua-toi", "/cua-toi/don"] {
        let html = app.page(&other, path).await;
        assert!(!html.contains(&complaint) && !html.contains(&denunciation), "{path}");
    }

    // The commune's official handles the denunciation without its author.
    let official = app.client_as("xa@coso.test").await;
    let res = official.get(app.url(&format!("/api/v1/cases/{}", stored.id))).send().await.expect("case");
    assert_eq!(res.status(), 200);
    let text = res.text().await.expect("body");
    for secret in [ADDRESS, PHONE, "dan@coso.test"] {
        assert!(!text.contains(secret), "«{secret}» shown to an official without clearance: {text}");
    }
    let page_html = app.page(&official, &format!("/quan-tri/vu-viec/{}", stored.id)).await;
    for secret in [ADDRESS, PHONE, "dan@coso.test"] {
        assert!(!page_html.contains(secret), "«{secret}» on the case's page");
    }
    let audit = app.store.audit_entries(None, Some(100)).await.expect("audit");
    let submitted = audit.items.iter().find(|e| e.entity_id == stored.id.to_string()).expect("the audit row");
    assert_eq!(submitted.actor, "public:resident", "the audit row does not name the denouncer's account");
}

async fn missing_identity_names_the_field_and_saves_nothing(app: &TestApp) {
    let commune = app.first_commune(PROVINCE).await;
    app.user("dan@coso.test", Role::Resident, &commune).await;
    let (c, csrf) = signed_in(app, "dan@coso.test").await;
    let fields: Vec<(&str, &str)> = case_fields(&csrf, "denunciation", &commune, "Tố cáo lấn chiếm đất công.")
        .into_iter()
        .filter(|(name, _)| *name != "address")
        .collect();
    let (status, _, html) = send(app, &c, &fields).await;
    assert_eq!(status, 422);
    let summary = texts(&html, ".error-summary a").join(" | ");
    assert!(summary.contains("Hãy nhập địa chỉ người gửi đơn."), "{summary}");
    assert_eq!(attr(&html, ".error-summary a", "href").as_deref(), Some("#address"));
    assert_eq!(attr(&html, "textarea#content", "id").as_deref(), Some("content"), "the form again");
    assert!(html.contains("Tố cáo lấn chiếm đất công."), "what was typed stays");

    // Nor a wrong ID number, nor an unknown unit.
    let mut fields = case_fields(&csrf, "complaint", "KHONG-CO", "Khiếu nại.");
    fields.push(("id_number", "12ab"));
    let (status, _, html) = send(app, &c, &fields).await;
    assert_eq!(status, 422);
    let summary = texts(&html, ".error-summary a").join(" | ");
    assert!(summary.contains("Không có đơn vị mã «KHONG-CO»") && summary.contains("số căn cước"), "{summary}");

    let user = app.store.user_by_email("dan@coso.test").await.expect("q").expect("user");
    assert_eq!(app.store.cases_sent_by(user.user_id(), 10, 0).await.expect("q").total, 0, "nothing saved");
    let list = app.page(&c, "/cua-toi/don").await;
    assert!(list.contains("Bạn chưa gửi đơn nào."));
}

on_both! {
    app:
    a_resident_sends_and_follows_their_own_cases => a_resident_sends_and_follows_their_own_cases,
    missing_identity_names_the_field_and_saves_nothing => missing_identity_names_the_field_and_saves_nothing,
}
