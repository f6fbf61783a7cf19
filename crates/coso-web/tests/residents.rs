//! The residents' front door: signing up with a verified e-mail, and a resident account linked
//! to its household by the village head.

use chrono::Duration;
use coso_app::accounts;
use coso_domain::UserId;
use coso_domain::authz::Role;
use coso_test_support::{PASSWORD, TestApp, attr, attrs, on_both, texts};
use coso_web::WebSettings;
use serde_json::{Value, json};

use crate::common::province_admin;

const PROVINCE: &str = "42";
const NEW_PASSWORD: &str = "mật-khẩu-người-dân";

/// Villages `V1` and `V2` under the first commune, each with a household `H1`; a village head
/// for each. Returns the commune's code.
async fn two_villages(app: &TestApp) -> String {
    let admin = province_admin(app).await;
    let commune = app.first_commune(PROVINCE).await;
    for (village, name, representative, address) in
        [("V1", "Thôn Một", "Nguyễn Văn An", "Xóm Đình, Thôn Một"), ("V2", "Thôn Hai", "Trần Thị Bình", "Xóm Chợ")]
    {
        app.add_unit(&admin, &commune, village, name, "village").await;
        let household =
            json!({ "code": "H1", "address": address, "representative": representative, "member_count": 4 });
        app.add_household(&admin, village, household).await;
    }
    app.user("truong-thon-1@coso.test", Role::VillageHead, "V1").await;
    app.user("truong-thon-2@coso.test", Role::VillageHead, "V2").await;
    commune
}

/// A client that does not follow redirects, signed in through the login page, with the
/// CSRF token its pages carry.
async fn signed_in(app: &TestApp, email: &str, password: &str) -> (reqwest::Client, String) {
    let c = app.anonymous();
    let res = c.post(app.url("/dang-nhap")).form(&[("email", email), ("password", password)]).send().await;
    assert_eq!(res.expect("sign in").status(), 303, "sign in of {email}");
    let html = c.get(app.url("/cua-toi")).send().await.expect("page").text().await.expect("html");
    (c, attr(&html, "input[name=csrf]", "value").expect("a form with the CSRF token"))
}

fn link_path(body: &str) -> String {
    let at = body.find(accounts::VERIFY_PATH).expect("a verification link in the mail");
    body[at..].split_whitespace().next().expect("link").to_string()
}

/// Posts the sign-up form from a fresh client: the status and where it redirects.
async fn sign_up(app: &TestApp, fields: &[(&str, &str)]) -> (u16, String, String) {
    let res = app.anonymous().post(app.url("/dang-ky")).form(fields).send().await.expect("sign up");
    let status = res.status().as_u16();
    let location = res.headers().get("location").map(|l| l.to_str().expect("ascii").to_string()).unwrap_or_default();
    (status, location, res.text().await.expect("html"))
}

fn complete<'a>(email: &'a str, unit: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("display_name", "Lê Thị Cúc"),
        ("email", email),
        ("password", NEW_PASSWORD),
        ("password_confirm", NEW_PASSWORD),
        ("unit_code", unit),
        ("consent", "yes"),
    ]
}

async fn audit_actions(app: &TestApp) -> Vec<String> {
    app.store.audit_entries(None, Some(500)).await.expect("audit").items.into_iter().map(|e| e.action).collect()
}

async fn sign_up_verify_by_mail_then_signed_in(app: &TestApp) {
    two_villages(app).await;
    let form = app.anonymous().get(app.url("/dang-ky")).send().await.expect("form");
    assert_eq!(form.status(), 200);
    let html = form.text().await.expect("html");
    assert!(texts(&html, "form label").iter().any(|l| l == "Họ và tên"), "{html}");
    assert!(texts(&html, "legend").iter().any(|l| l.starts_with("Nơi sinh sống")));

    let (status, location, _) = sign_up(app, &complete("cuc@coso.test", "V1")).await;
    assert_eq!((status, location.as_str()), (303, "/dang-ky/da-gui"));
    let sent = app.anonymous().get(app.url(&location)).send().await.expect("sent").text().await.expect("html");
    assert_eq!(texts(&sent, "h1"), ["Kiểm tra hộp thư của bạn"]);

    let mails = app.queued_mails().await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0].0, "cuc@coso.test");
    assert!(mails[0].1.contains("48 giờ"), "{}", mails[0].1);
    let path = link_path(&mails[0].1);

    // Before the link is opened, the right password is refused with a way to get the mail again.
    let c = app.anonymous();
    let res = c.post(app.url("/dang-nhap")).form(&[("email", "cuc@coso.test"), ("password", NEW_PASSWORD)]).send();
    let res = res.await.expect("sign in");
    assert_eq!(res.status(), 403);
    let html = res.text().await.expect("html");
    assert_eq!(texts(&html, ".error-summary li"), [accounts::UNVERIFIED]);
    assert_eq!(
        attr(&html, "form[action='/gui-lai-xac-minh'] input[name=email]", "value").as_deref(),
        Some("cuc@coso.test")
    );
    let api =
        app.post_json(&c, "/api/v1/session", &json!({ "email": "cuc@coso.test", "password": NEW_PASSWORD })).await;
    assert_eq!(api.status(), 403);
    assert_eq!(api.json::<Value>().await.expect("json")["error"]["code"], "email_unverified");

    // Opening the link shows a button; pressing it verifies and signs in.
    let page = c.get(app.url(&path)).send().await.expect("page");
    assert_eq!(page.status(), 200);
    assert!(texts(&page.text().await.expect("html"), "button").iter().any(|b| b == "Xác minh và đăng nhập"));
    let done = c.post(app.url(&path)).send().await.expect("verify");
    assert_eq!(done.status(), 303);
    assert_eq!(done.headers().get("location").expect("location"), "/cua-toi");
    let home = c.get(app.url("/cua-toi")).send().await.expect("home");
    assert_eq!(home.status(), 200, "signed in by the link");
    let html = home.text().await.expect("html");
    assert!(texts(&html, "p.notice")[0].contains("Đã xác minh e-mail"), "{html}");
    assert!(texts(&html, "dd a").iter().any(|u| u == "Thôn Một"), "the resident lives in the village chosen");

    // The link is single-use; the password now signs in.
    assert_eq!(app.anonymous().post(app.url(&path)).send().await.expect("again").status(), 404);
    assert_eq!(app.anonymous().get(app.url(&path)).send().await.expect("again").status(), 404);
    signed_in(app, "cuc@coso.test", NEW_PASSWORD).await;

    let actions = audit_actions(app).await;
    for action in ["user.sign_up", "user.email_verified"] {
        assert!(actions.iter().any(|a| a == action), "{action} in {actions:?}");
    }
    let token = path.trim_start_matches(accounts::VERIFY_PATH);
    let stored: Vec<String> =
        app.store.audit_entries(None, Some(500)).await.expect("audit").items.iter().map(|e| format!("{e:?}")).collect();
    assert!(!stored.iter().any(|e| e.contains(token)), "the token is not in the audit log");
}

async fn an_expired_link_is_refused_and_a_new_one_can_be_sent(app: &TestApp) {
    two_villages(app).await;
    sign_up(app, &complete("cuc@coso.test", "V1")).await;
    let old = link_path(&app.queued_mails().await[0].1);
    app.state.clock.advance(Duration::hours(49));
    let c = app.anonymous();
    assert_eq!(c.get(app.url(&old)).send().await.expect("page").status(), 404);
    let res = c.post(app.url(&old)).send().await.expect("verify");
    assert_eq!(res.status(), 404);
    assert!(texts(&res.text().await.expect("html"), "[role=alert]")[0].contains("hết hạn"));

    let res = c.post(app.url("/gui-lai-xac-minh")).form(&[("email", "cuc@coso.test")]).send().await.expect("resend");
    assert_eq!(res.status(), 200);
    assert!(texts(&res.text().await.expect("html"), "p.notice")[0].contains("gửi lại thư xác minh"));
    let fresh = link_path(&app.queued_mails().await[0].1);
    assert_ne!(fresh, old);
    assert_eq!(c.post(app.url(&fresh)).send().await.expect("verify").status(), 303);
    assert!(audit_actions(app).await.iter().any(|a| a == "user.verification_resent"));

    // A verified account gets nothing more, with the same answer.
    let res = c.post(app.url("/gui-lai-xac-minh")).form(&[("email", "cuc@coso.test")]).send().await.expect("resend");
    assert_eq!(res.status(), 200);
    assert!(app.queued_mails().await.is_empty());
}

async fn a_password_reset_link_also_proves_the_address(app: &TestApp) {
    two_villages(app).await;
    sign_up(app, &complete("cuc@coso.test", "V1")).await;
    app.queued_mails().await;
    let res = app.anonymous().post(app.url("/quen-mat-khau")).form(&[("email", "cuc@coso.test")]).send().await;
    assert_eq!(res.expect("ask").status(), 200);
    let body = &app.queued_mails().await[0].1;
    let at = body.find(accounts::RESET_PATH).expect("a reset link");
    let path = body[at..].split_whitespace().next().expect("link");
    let fresh = "mật-khẩu-mới-của-cúc";
    let res = app.anonymous().post(app.url(path)).form(&[("password", fresh), ("password_confirm", fresh)]).send();
    assert_eq!(res.await.expect("reset").status(), 303);
    signed_in(app, "cuc@coso.test", fresh).await;
}

async fn an_existing_email_gets_the_same_answer_and_its_owner_a_mail(app: &TestApp) {
    two_villages(app).await;
    let new = sign_up(app, &complete("moi@coso.test", "V1")).await;
    let taken = sign_up(app, &complete("Truong-Thon-1@coso.test", "V2")).await;
    assert_eq!((new.0, &new.1), (taken.0, &taken.1), "the same answer for a new and a taken e-mail");
    let mails = app.queued_mails().await;
    assert_eq!(mails.len(), 2, "{mails:?}");
    let owner = mails.iter().find(|(to, _)| to == "truong-thon-1@coso.test").expect("a mail to the owner");
    assert!(owner.1.contains("đã có tài khoản"), "{}", owner.1);
    assert!(!owner.1.contains(accounts::VERIFY_PATH), "no link that would verify anything");
    let user = app.store.user_by_email("truong-thon-1@coso.test").await.expect("q").expect("the owner");
    let grants = app.store.grants_of(user.user_id()).await.expect("grants");
    assert_eq!(grants.len(), 1, "the existing account is unchanged: {grants:?}");
    assert!(user.is_verified(), "accounts made by administrators are verified");
    signed_in(app, "truong-thon-1@coso.test", PASSWORD).await;
    assert!(audit_actions(app).await.iter().any(|a| a == "user.sign_up_existing"));
}

/// Posts a sign-up that must be refused: each named field is marked, with a message that
/// names it.
async fn refused(app: &TestApp, fields: &[(&str, &str)], expected: &[(&str, &str)]) {
    let (status, _, html) = sign_up(app, fields).await;
    assert_eq!(status, 422, "{fields:?}");
    for (field, words) in expected {
        let message = texts(&html, &format!("#{field}-err")).join(" ");
        assert!(message.contains(words), "{field}: «{message}» should name «{words}»");
        assert_eq!(attr(&html, &format!("#{field}"), "aria-invalid").as_deref(), Some("true"), "{field}");
    }
    let summary = texts(&html, ".error-summary li");
    assert_eq!(summary.len(), expected.len(), "{summary:?}");
}

async fn sign_up_field_errors_are_vietnamese_and_name_the_field(app: &TestApp) {
    let commune = two_villages(app).await;
    refused(
        app,
        &[
            ("display_name", "Lê Cúc"),
            ("email", "khong-phai-email"),
            ("password", "ngắn"),
            ("password_confirm", "ngắn"),
        ],
        &[
            ("email", "e-mail"),
            ("password", "Mật khẩu phải có ít nhất 10"),
            ("unit_code", "Nơi sinh sống"),
            ("consent", "Đồng ý"),
        ],
    )
    .await;
    let mismatch = [
        ("display_name", "Lê Cúc"),
        ("email", "cuc@coso.test"),
        ("password", NEW_PASSWORD),
        ("password_confirm", "mật-khẩu-khác-hẳn"),
        ("unit_code", "V1"),
        ("consent", "yes"),
    ];
    refused(app, &mismatch, &[("password_confirm", "Nhập lại mật khẩu")]).await;
    let commune_fields = complete("cuc@coso.test", &commune);
    refused(app, &commune_fields, &[("unit_code", "hãy chọn thôn hoặc tổ dân phố")]).await;
    // What was typed stays, except the passwords.
    let (_, _, html) = sign_up(app, &mismatch).await;
    assert_eq!(attr(&html, "#email", "value").as_deref(), Some("cuc@coso.test"));
    assert_eq!(attr(&html, "#password", "value").as_deref(), Some(""));
    assert_eq!(attr(&html, "input[name=unit_code][value=V1]", "checked").as_deref(), Some(""));
    // Searching the commune's name offers its villages, never the commune itself.
    let name = app.store.unit_by_code(&commune).await.expect("q").expect("commune").name;
    let query: String = form_urlencoded::Serializer::new(String::new()).append_pair("tim-don-vi", &name).finish();
    let search = app.anonymous().get(app.url(&format!("/dang-ky?{query}"))).send();
    let html = search.await.expect("search").text().await.expect("html");
    let offered = attrs(&html, "input[name=unit_code]", "value");
    assert!(offered.contains(&"V1".to_string()) && offered.contains(&"V2".to_string()), "{offered:?}");
    assert!(!offered.contains(&commune), "{offered:?}");
    assert!(app.queued_mails().await.is_empty(), "nothing was sent");
    assert!(app.store.user_by_email("cuc@coso.test").await.expect("q").is_none(), "nothing was created");
}

async fn sign_up_is_limited_per_address(app: &TestApp) {
    two_villages(app).await;
    let limited = app.with_settings(WebSettings { intake_per_ip_per_minute: 2, ..WebSettings::default() }).await;
    let mut seen = Vec::new();
    for n in 0..3 {
        let email = format!("dan{n}@coso.test");
        let res = limited.anonymous().post(limited.url("/dang-ky")).form(&complete(&email, "V1")).send().await;
        let res = res.expect("sign up");
        seen.push((res.status().as_u16(), res.headers().get("retry-after").is_some()));
    }
    assert_eq!(seen, [(303, false), (303, false), (429, true)]);
    assert!(app.store.user_by_email("dan2@coso.test").await.expect("q").is_none());
}

/// Asks for the household link from the resident's page: the status and the page's HTML.
async fn ask(app: &TestApp, c: &reqwest::Client, csrf: &str, code: &str, name: &str) -> (u16, String) {
    let res =
        app.post_form(c, "/cua-toi/ho-gia-dinh", csrf, &[("household_code", code), ("representative", name)]).await;
    let status = res.status().as_u16();
    (status, res.text().await.expect("html"))
}

/// The id of the pending request shown first on the village head's page of `village`.
async fn first_request(app: &TestApp, head: &reqwest::Client, village: &str) -> String {
    let page = head.get(app.url(&format!("/quan-tri/don-vi/{village}/ho-gia-dinh/yeu-cau-lien-ket"))).send();
    let html = page.await.expect("page").text().await.expect("html");
    let action = attr(&html, "form[action*='/yeu-cau-lien-ket/']", "action").expect("a pending request");
    action.rsplit('/').next().expect("id").to_string()
}

async fn decide(
    app: &TestApp,
    head: &(reqwest::Client, String),
    village: &str,
    id: &str,
    decision: &str,
    note: &str,
) -> reqwest::Response {
    let path = format!("/quan-tri/don-vi/{village}/ho-gia-dinh/yeu-cau-lien-ket/{id}");
    let note_field = format!("note-{id}");
    app.post_form(&head.0, &path, &head.1, &[("decision", decision), (note_field.as_str(), note)]).await
}

async fn a_village_head_confirms_a_resident_as_household_representative(app: &TestApp) {
    two_villages(app).await;
    app.user("dan@coso.test", Role::Resident, "V1").await;
    let (resident, csrf) = signed_in(app, "dan@coso.test", PASSWORD).await;

    // A name that is not the register's is refused without showing the register.
    let (status, html) = ask(app, &resident, &csrf, "H1", "Nguyễn Văn Bình").await;
    assert_eq!(status, 422);
    assert!(texts(&html, "#household_code-err")[0].contains("không khớp"), "{html}");
    assert!(!html.contains("Nguyễn Văn An") && !html.contains("Xóm Đình"), "the register is not shown");
    let (status, _) = ask(app, &resident, &csrf, "H1", "Trần Thị Bình").await;
    assert_eq!(status, 422, "a household of another village is not found");

    let (status, _) = ask(app, &resident, &csrf, " h1 ", "nguyen  van an").await;
    assert_eq!(status, 422, "codes are compared as stored");
    let (status, _) = ask(app, &resident, &csrf, "H1", "nguyen  van an").await;
    assert_eq!(status, 303, "the name is compared without diacritics, case or extra spaces");
    let html = resident.get(app.url("/cua-toi")).send().await.expect("home").text().await.expect("html");
    assert!(texts(&html, "p.notice")[0].contains("Đã gửi yêu cầu"), "{html}");
    assert!(html.contains("Đang chờ trưởng thôn xác nhận"), "{html}");
    assert!(!html.contains("Xóm Đình"), "nothing of the register before confirmation");
    let (status, html) = ask(app, &resident, &csrf, "H1", "Nguyễn Văn An").await;
    assert_eq!(status, 422, "one open request per account");
    assert!(texts(&html, ".error-summary a[href='#ho-gia-dinh']")[0].contains("đang chờ"), "{html}");

    // The village head of another village neither sees nor decides it.
    let other = signed_in(app, "truong-thon-2@coso.test", PASSWORD).await;
    let head = signed_in(app, "truong-thon-1@coso.test", PASSWORD).await;
    let id = first_request(app, &head.0, "V1").await;
    let foreign = other.0.get(app.url("/quan-tri/don-vi/V1/ho-gia-dinh/yeu-cau-lien-ket")).send().await.expect("page");
    assert_eq!(foreign.status(), 403);
    let own = other.0.get(app.url("/quan-tri/don-vi/V2/ho-gia-dinh/yeu-cau-lien-ket")).send().await.expect("page");
    let own = own.text().await.expect("html");
    assert!(!own.contains("dan@coso.test"), "another village's requests are not listed");
    assert_eq!(decide(app, &other, "V2", &id, "xac-nhan", "").await.status(), 404);
    assert_eq!(decide(app, &other, "V1", &id, "xac-nhan", "").await.status(), 403);

    // The village head of the village sees the register's row beside it and confirms.
    let page = head.0.get(app.url("/quan-tri/don-vi/V1/ho-gia-dinh/yeu-cau-lien-ket")).send().await.expect("page");
    let html = page.text().await.expect("html");
    assert!(html.contains("dan@coso.test") && html.contains("Xóm Đình, Thôn Một"), "{html}");
    let res = decide(app, &head, "V1", &id, "tu-choi", "").await;
    assert_eq!(res.status(), 422, "a refusal needs a note");
    assert!(texts(&res.text().await.expect("html"), &format!("#note-{id}-err"))[0].contains("lý do"));
    let res = decide(app, &head, "V1", &id, "xac-nhan", "Đã đối chiếu căn cước.").await;
    assert_eq!(res.status(), 303);

    let html = resident.get(app.url("/cua-toi")).send().await.expect("home").text().await.expect("html");
    assert!(html.contains("Đã xác nhận") && html.contains("Xóm Đình, Thôn Một"), "{html}");
    assert!(texts(&html, "dd").iter().any(|d| d == "H1"));
    let titles = texts(&html, "#thong-bao + ul li strong");
    assert!(titles.iter().any(|t| t.contains("đại diện hộ H1")), "{titles:?}");
    let user = app.store.user_by_email("dan@coso.test").await.expect("q").expect("resident").user_id();
    let represented = coso_app::households::representative_of(&app.state.app, user).await.expect("q");
    assert_eq!(represented.map(|r| (r.household_code, r.village_code)), Some(("H1".to_string(), "V1".to_string())));

    // The village head reads the notice of the decision; the notification to the resident is
    // theirs alone, not the village's.
    let after = head.0.get(app.url("/quan-tri/don-vi/V1/ho-gia-dinh/yeu-cau-lien-ket")).send().await.expect("page");
    let after = after.text().await.expect("html");
    assert!(texts(&after, "p.notice")[0].contains("Đã xác nhận dan@coso.test là người đại diện hộ H1"), "{after}");
    let inbox = head.0.get(app.url("/quan-tri/hop-thu?don-vi=V1")).send().await.expect("inbox");
    assert_eq!(inbox.status(), 200);
    assert!(!inbox.text().await.expect("html").contains("đại diện hộ H1"), "not in the village's inbox");

    // The notification is marked read from the page.
    let notification = attr(&html, "form[action^='/cua-toi/thong-bao/']", "action").expect("a mark-as-read form");
    assert_eq!(app.post_form(&resident, &notification, &csrf, &[]).await.status(), 303);
    let html = resident.get(app.url("/cua-toi")).send().await.expect("home").text().await.expect("html");
    assert!(attr(&html, "form[action^='/cua-toi/thong-bao/']", "action").is_none(), "read");

    // A second account for the same household is refused while the first holds it.
    app.user("con@coso.test", Role::Resident, "V1").await;
    let (second, second_csrf) = signed_in(app, "con@coso.test", PASSWORD).await;
    assert_eq!(ask(app, &second, &second_csrf, "H1", "Nguyễn Văn An").await.0, 303);
    let second_id = first_request(app, &head.0, "V1").await;
    let res = decide(app, &head, "V1", &second_id, "xac-nhan", "").await;
    assert_eq!(res.status(), 409);
    assert!(texts(&res.text().await.expect("html"), ".error-summary li")[0].contains("đã có một tài khoản đại diện"));
    let second_user = app.store.user_by_email("con@coso.test").await.expect("q").expect("second").user_id();
    assert!(coso_app::households::representative_of(&app.state.app, second_user).await.expect("q").is_none());

    // Once the first ends the link, the second may be confirmed.
    assert_eq!(app.post_form(&resident, "/cua-toi/ho-gia-dinh/ket-thuc", &csrf, &[]).await.status(), 303);
    assert!(coso_app::households::representative_of(&app.state.app, user).await.expect("q").is_none());
    assert_eq!(decide(app, &head, "V1", &second_id, "xac-nhan", "").await.status(), 303);
    assert_eq!(representative(app, second_user).await.as_deref(), Some("H1"));

    let actions = audit_actions(app).await;
    for action in ["household_link.request", "household_link.confirm", "household_link.end"] {
        assert!(actions.iter().any(|a| a == action), "{action} in {actions:?}");
    }
}

async fn representative(app: &TestApp, user: UserId) -> Option<String> {
    coso_app::households::representative_of(&app.state.app, user).await.expect("q").map(|r| r.household_code)
}

async fn an_official_of_the_commune_decides_and_a_refusal_is_told_with_its_note(app: &TestApp) {
    let commune = two_villages(app).await;
    app.user("xa@coso.test", Role::Official, &commune).await;
    app.user("dan@coso.test", Role::Resident, "V2").await;
    let (resident, csrf) = signed_in(app, "dan@coso.test", PASSWORD).await;
    assert_eq!(ask(app, &resident, &csrf, "H1", "Trần Thị Bình").await.0, 303);
    let official = signed_in(app, "xa@coso.test", PASSWORD).await;
    let id = first_request(app, &official.0, &commune).await;
    let res = decide(app, &official, &commune, &id, "tu-choi", "Chủ hộ là bà Bình, không phải bạn.").await;
    assert_eq!(res.status(), 303);
    let html = resident.get(app.url("/cua-toi")).send().await.expect("home").text().await.expect("html");
    assert!(texts(&html, "p.warning")[0].contains("Chủ hộ là bà Bình"), "{html}");
    assert!(attr(&html, "form[action='/cua-toi/ho-gia-dinh']", "action").is_some(), "a new request may be made");
    assert!(audit_actions(app).await.iter().any(|a| a == "household_link.refuse"));
}

on_both! {
    app:
    sign_up_verify_by_mail_then_signed_in => sign_up_verify_by_mail_then_signed_in,
    an_expired_link_is_refused_and_a_new_one_can_be_sent => an_expired_link_is_refused_and_a_new_one_can_be_sent,
    an_existing_email_gets_the_same_answer_and_its_owner_a_mail => an_existing_email_gets_the_same_answer_and_its_owner_a_mail,
    a_password_reset_link_also_proves_the_address => a_password_reset_link_also_proves_the_address,
    sign_up_field_errors_are_vietnamese_and_name_the_field => sign_up_field_errors_are_vietnamese_and_name_the_field,
    sign_up_is_limited_per_address => sign_up_is_limited_per_address,
    a_village_head_confirms_a_resident_as_household_representative => a_village_head_confirms_a_resident_as_household_representative,
    an_official_of_the_commune_decides_and_a_refusal_is_told_with_its_note => an_official_of_the_commune_decides_and_a_refusal_is_told_with_its_note,
}
