//! Signing in with backoff instead of a lock, and a forgotten password reset by mail.

use std::net::IpAddr;

use chrono::Duration;
use coso_app::accounts::{self, SignIn};
use coso_domain::authz::Role;
use coso_test_support::{PASSWORD, TestApp, attr, on_both, texts};
use coso_web::WebSettings;
use serde_json::Value;

/// The same app without the per-minute limit of the address, which would hide the backoff.
async fn without_rate_limit(app: &TestApp) -> TestApp {
    app.with_settings(WebSettings { login_attempts_per_minute: 10_000, ..WebSettings::default() }).await
}

/// Signs in through the API; the status, the error's code and message, and `Retry-After`.
async fn api_sign_in(app: &TestApp, email: &str, password: &str) -> (u16, String, String, Option<String>) {
    let res = app
        .post_json(&app.anonymous(), "/api/v1/session", &serde_json::json!({ "email": email, "password": password }))
        .await;
    let status = res.status().as_u16();
    let retry_after = res.headers().get("retry-after").map(|v| v.to_str().expect("ascii").to_string());
    let body: Value = res.json().await.expect("json");
    let code = body["error"]["code"].as_str().unwrap_or("").to_string();
    let message = body["error"]["message"].as_str().unwrap_or("").to_string();
    (status, code, message, retry_after)
}

fn ip(text: &str) -> IpAddr {
    text.parse().expect("ip")
}

async fn wrong_credentials_answer_401_then_the_wait_doubles_and_the_count_resets(app: &TestApp) {
    let app = without_rate_limit(app).await;
    app.user("v@coso.test", Role::Viewer, "42").await;
    for _ in 0..5 {
        let (status, code, message, _) = api_sign_in(&app, "v@coso.test", "sai-mat-khau").await;
        assert_eq!(
            (status, code.as_str(), message.as_str()),
            (401, "invalid_credentials", accounts::WRONG_CREDENTIALS)
        );
    }
    let (status, code, message, retry) = api_sign_in(&app, "v@coso.test", PASSWORD).await;
    assert_eq!((status, code.as_str()), (429, "rate_limited"), "even the right password waits: {message}");
    assert!(message.contains("thử lại sau 1 phút"), "{message}");
    assert!(retry.is_some_and(|s| (1..=60).contains(&s.parse::<i64>().expect("seconds"))));

    app.state.clock.advance(Duration::seconds(61));
    assert_eq!(api_sign_in(&app, "v@coso.test", "sai-mat-khau").await.0, 401, "the wait is over: one more try");
    let (status, _, message, _) = api_sign_in(&app, "v@coso.test", PASSWORD).await;
    assert!(status == 429 && message.contains("2 phút"), "the wait doubles: {status} {message}");
    app.state.clock.advance(Duration::seconds(61));
    assert_eq!(api_sign_in(&app, "v@coso.test", PASSWORD).await.0, 429, "still waiting");
    app.state.clock.advance(Duration::seconds(60));
    assert_eq!(api_sign_in(&app, "v@coso.test", "sai-mat-khau").await.0, 401);
    let (status, _, message, _) = api_sign_in(&app, "v@coso.test", PASSWORD).await;
    assert!(status == 429 && message.contains("4 phút"), "{status} {message}");

    app.state.clock.advance(Duration::minutes(16));
    for _ in 0..4 {
        assert_eq!(api_sign_in(&app, "v@coso.test", "sai-mat-khau").await.0, 401, "the count started again");
    }
    assert_eq!(api_sign_in(&app, "v@coso.test", PASSWORD).await.0, 200, "no relock after the window");
    for _ in 0..4 {
        assert_eq!(api_sign_in(&app, "v@coso.test", "sai-mat-khau").await.0, 401, "success reset the count");
    }
    assert_eq!(api_sign_in(&app, "v@coso.test", PASSWORD).await.0, 200);
}

async fn unknown_emails_get_the_same_answers_as_real_ones(app: &TestApp) {
    let app = without_rate_limit(app).await;
    app.user("that@coso.test", Role::Viewer, "42").await;
    let mut answers = Vec::new();
    for email in ["that@coso.test", "nobody@coso.test"] {
        let mut seen = Vec::new();
        for _ in 0..6 {
            let (status, code, message, retry) = api_sign_in(&app, email, "sai-mat-khau").await;
            seen.push((status, code, message.split(" (từ").next().unwrap_or("").to_string(), retry.is_some()));
        }
        let page = app
            .anonymous()
            .post(app.url("/dang-nhap"))
            .form(&[("email", email), ("password", "sai-mat-khau")])
            .send()
            .await
            .expect("page");
        let status = page.status().as_u16();
        let alert = texts(&page.text().await.expect("html"), "[role=alert]").join(" ");
        seen.push((status, String::new(), alert.split(" (từ").next().unwrap_or("").to_string(), false));
        answers.push(seen);
    }
    assert_eq!(answers[0], answers[1], "a real and an unknown e-mail cannot be told apart");
    assert_eq!(answers[0][4].0, 401);
    assert_eq!(answers[0][5].0, 429);
    assert!(!answers[0][6].2.contains("tài khoản"), "the refusal names no account: {:?}", answers[0][6]);
}

async fn an_attackers_address_does_not_lock_out_the_real_user(app: &TestApp) {
    app.user("chutich@coso.test", Role::Viewer, "42").await;
    let a = &app.state.app;
    let attacker = ip("203.0.113.7");
    for _ in 0..60 {
        let _ = accounts::sign_in(a, "chutich@coso.test", "doan-mo-123", attacker).await.expect("attempt");
    }
    let waiting = accounts::sign_in(a, "chutich@coso.test", PASSWORD, attacker).await.expect("attempt");
    assert!(matches!(waiting, SignIn::Wait { .. }), "the attacker's address waits");
    let real = accounts::sign_in(a, "chutich@coso.test", PASSWORD, ip("198.51.100.2")).await.expect("attempt");
    assert!(matches!(real, SignIn::SignedIn(_)), "the real user signs in from elsewhere: {real:?}");

    // Spread over many addresses, guesses reach the looser limit of the account…
    for n in 1..=5 {
        for _ in 0..5 {
            let from = ip(&format!("192.0.2.{n}"));
            let _ = accounts::sign_in(a, "chutich@coso.test", "doan-mo-123", from).await.expect("attempt");
        }
    }
    let elsewhere = accounts::sign_in(a, "chutich@coso.test", PASSWORD, ip("198.51.100.2")).await.expect("attempt");
    assert!(matches!(elsewhere, SignIn::Wait { .. }), "every address waits once the account's limit is passed");
    // …but only for a while: the wait is capped.
    app.state.clock.advance(Duration::minutes(16));
    let later = accounts::sign_in(a, "chutich@coso.test", PASSWORD, ip("198.51.100.2")).await.expect("attempt");
    assert!(matches!(later, SignIn::SignedIn(_)), "{later:?}");
}

async fn the_login_page_keeps_the_form_with_the_error(app: &TestApp) {
    app.user("v@coso.test", Role::Viewer, "42").await;
    let page = app.anonymous().get(app.url("/dang-nhap")).send().await.expect("page").text().await.expect("html");
    assert_eq!(attr(&page, "a[href='/quen-mat-khau']", "href").as_deref(), Some("/quen-mat-khau"));
    let wrong = app
        .anonymous()
        .post(app.url("/dang-nhap"))
        .form(&[("email", "v@coso.test"), ("password", "sai-mat-khau")])
        .send()
        .await
        .expect("post");
    assert_eq!(wrong.status(), 200);
    let html = wrong.text().await.expect("html");
    assert_eq!(attr(&html, "#email", "value").as_deref(), Some("v@coso.test"));
    assert_eq!(texts(&html, ".error-summary li"), [accounts::WRONG_CREDENTIALS]);
}

/// Asks for a reset link from a fresh client; the confirmation page's text.
async fn ask_for_a_link(app: &TestApp, email: &str) -> (u16, String) {
    let res = app.anonymous().post(app.url("/quen-mat-khau")).form(&[("email", email)]).send().await.expect("ask");
    let status = res.status().as_u16();
    (status, texts(&res.text().await.expect("html"), "main p").join(" "))
}

fn link_path(body: &str) -> String {
    let at = body.find(accounts::RESET_PATH).expect("a reset link in the mail");
    body[at..].split_whitespace().next().expect("link").to_string()
}

async fn a_forgotten_password_is_reset_by_a_single_use_link(app: &TestApp) {
    app.user("v@coso.test", Role::Viewer, "42").await;
    let old_session = app.client_as("v@coso.test").await;
    assert_eq!(old_session.get(app.url("/api/v1/notifications")).send().await.expect("q").status(), 200);

    let form = app.anonymous().get(app.url("/quen-mat-khau")).send().await.expect("form").text().await.expect("html");
    assert_eq!(texts(&form, "form label"), ["E-mail"]);
    let known = ask_for_a_link(app, "V@coso.test").await;
    let unknown = ask_for_a_link(app, "ai-do@coso.test").await;
    assert_eq!(known, unknown, "the same confirmation whether the e-mail has an account or not");
    assert!(known.0 == 200 && known.1.contains("Nếu e-mail có tài khoản, chúng tôi đã gửi liên kết"), "{known:?}");

    let mails = app.queued_mails().await;
    assert_eq!(mails.len(), 1, "one mail, to the real account only: {mails:?}");
    assert_eq!(mails[0].0, "v@coso.test");
    let path = link_path(&mails[0].1);
    assert!(mails[0].1.contains("30 phút"), "{}", mails[0].1);
    let token = path.trim_start_matches(accounts::RESET_PATH);
    let stored: Vec<String> =
        app.store.audit_entries(None, Some(500)).await.expect("audit").items.iter().map(|e| format!("{e:?}")).collect();
    assert!(!stored.iter().any(|e| e.contains(token)), "the token is not logged in the audit");

    let page = app.anonymous().get(app.url(&path)).send().await.expect("page");
    assert_eq!(page.status(), 200);
    let c = app.anonymous();
    for (password, confirm, field) in [
        ("1111111111", "1111111111", "password"),
        ("ngắn", "ngắn", "password"),
        ("mật-khẩu-mới-đủ-dài", "khác", "password_confirm"),
    ] {
        let res = c.post(app.url(&path)).form(&[("password", password), ("password_confirm", confirm)]).send().await;
        let res = res.expect("post");
        assert_eq!(res.status(), 422, "{password}");
        let html = res.text().await.expect("html");
        assert_eq!(attr(&html, &format!("#{field}"), "aria-invalid").as_deref(), Some("true"), "{password}");
        assert_eq!(texts(&html, &format!("#{field}-err")).len(), 1, "{password}");
    }
    let new_password = "mật-khẩu-mới-đủ-dài";
    let done = c
        .post(app.url(&path))
        .form(&[("password", new_password), ("password_confirm", new_password)])
        .send()
        .await
        .expect("post");
    assert_eq!(done.status(), 303);
    let to = done.headers().get("location").expect("location").to_str().expect("ascii").to_string();
    assert!(to.starts_with("/dang-nhap"), "{to}");
    let login = c.get(app.url(&to)).send().await.expect("login").text().await.expect("html");
    assert!(texts(&login, "p.notice")[0].contains("Đã đặt mật khẩu mới"), "{login}");

    assert_eq!(
        old_session.get(app.url("/api/v1/notifications")).send().await.expect("q").status(),
        401,
        "the sessions opened before the reset are over"
    );
    assert_eq!(api_sign_in(app, "v@coso.test", PASSWORD).await.0, 401, "the old password is gone");
    assert_eq!(api_sign_in(app, "v@coso.test", new_password).await.0, 200);

    let again =
        c.post(app.url(&path)).form(&[("password", "lại-một-mật-khẩu"), ("password_confirm", "lại-một-mật-khẩu")]);
    assert_eq!(again.send().await.expect("post").status(), 404, "a link works once");
    assert_eq!(c.get(app.url(&path)).send().await.expect("page").status(), 404);

    let audit = app.store.audit_entries(Some("user"), Some(50)).await.expect("audit").items;
    let reset = audit.iter().find(|e| e.action == "user.password_reset").expect("the reset is audited");
    assert_eq!(reset.actor, "v@coso.test");
}

async fn an_expired_link_is_refused(app: &TestApp) {
    app.user("v@coso.test", Role::Viewer, "42").await;
    ask_for_a_link(app, "v@coso.test").await;
    let path = link_path(&app.queued_mails().await[0].1);
    app.state.clock.advance(Duration::minutes(31));
    let c = app.anonymous();
    assert_eq!(c.get(app.url(&path)).send().await.expect("page").status(), 404);
    let res = c
        .post(app.url(&path))
        .form(&[("password", "mật-khẩu-mới-đủ-dài"), ("password_confirm", "mật-khẩu-mới-đủ-dài")]);
    let res = res.send().await.expect("post");
    assert_eq!(res.status(), 404);
    assert!(texts(&res.text().await.expect("html"), "[role=alert]")[0].contains("hết hạn"));
    assert_eq!(api_sign_in(app, "v@coso.test", PASSWORD).await.0, 200, "the password did not change");
}

async fn reset_requests_are_limited_per_account_and_per_address(app: &TestApp) {
    app.user("v@coso.test", Role::Viewer, "42").await;
    for _ in 0..5 {
        assert_eq!(ask_for_a_link(app, "v@coso.test").await.0, 200, "the answer does not change");
    }
    assert_eq!(app.queued_mails().await.len(), 3, "three mails an hour to one account");
    app.state.clock.advance(Duration::minutes(61));
    ask_for_a_link(app, "v@coso.test").await;
    assert_eq!(app.queued_mails().await.len(), 1, "an hour later, one more");

    let limited = app.with_settings(WebSettings { password_resets_per_ip_per_hour: 2, ..WebSettings::default() }).await;
    let mut seen = Vec::new();
    for _ in 0..3 {
        seen.push(ask_for_a_link(&limited, "ai-do@coso.test").await.0);
    }
    assert_eq!(seen, [200, 200, 429], "per address");
}

async fn a_malformed_email_is_named(app: &TestApp) {
    let res = app.anonymous().post(app.url("/quen-mat-khau")).form(&[("email", "khong-phai-email")]).send().await;
    let res = res.expect("post");
    assert_eq!(res.status(), 422);
    let html = res.text().await.expect("html");
    assert_eq!(attr(&html, "#email", "value").as_deref(), Some("khong-phai-email"));
    assert!(texts(&html, "#email-err")[0].contains("không hợp lệ"));
}

async fn cross_site_reset_forms_are_refused(app: &TestApp) {
    app.user("v@coso.test", Role::Viewer, "42").await;
    let c = app.anonymous();
    for (path, fields) in [
        ("/quen-mat-khau", vec![("email", "v@coso.test")]),
        (
            "/dat-lai-mat-khau/abc",
            vec![("password", "mật-khẩu-mới-đủ-dài"), ("password_confirm", "mật-khẩu-mới-đủ-dài")],
        ),
    ] {
        for (name, value) in [("sec-fetch-site", "cross-site"), ("origin", "https://evil.example")] {
            let res = c.post(app.url(path)).header(name, value).form(&fields).send().await.expect("post");
            assert_eq!(res.status(), 403, "{path} {name}");
        }
    }
    assert!(app.queued_mails().await.is_empty(), "no mail for a forged request");
}

on_both! {
    app:
    wrong_credentials_answer_401_then_the_wait_doubles_and_the_count_resets => wrong_credentials_answer_401_then_the_wait_doubles_and_the_count_resets,
    unknown_emails_get_the_same_answers_as_real_ones => unknown_emails_get_the_same_answers_as_real_ones,
    an_attackers_address_does_not_lock_out_the_real_user => an_attackers_address_does_not_lock_out_the_real_user,
    the_login_page_keeps_the_form_with_the_error => the_login_page_keeps_the_form_with_the_error,
    a_forgotten_password_is_reset_by_a_single_use_link => a_forgotten_password_is_reset_by_a_single_use_link,
    an_expired_link_is_refused => an_expired_link_is_refused,
    reset_requests_are_limited_per_account_and_per_address => reset_requests_are_limited_per_account_and_per_address,
    a_malformed_email_is_named => a_malformed_email_is_named,
    cross_site_reset_forms_are_refused => cross_site_reset_forms_are_refused,
}

#[tokio::test]
async fn public_intake_is_limited_per_address() {
    let app = TestApp::spawn_with(WebSettings { intake_per_ip_per_minute: 2, ..WebSettings::default() }).await;
    let (a, b) = (ip("203.0.113.9"), ip("198.51.100.3"));
    assert!(app.state.check_intake(a).is_ok() && app.state.check_intake(a).is_ok());
    let refused = app.state.check_intake(a).expect_err("a third submission in a minute");
    assert_eq!(refused.status(), 429);
    assert!(app.state.check_intake(b).is_ok(), "another address is not affected");
}
