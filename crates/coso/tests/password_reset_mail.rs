//! `coso serve` with its jobs and a fake SMTP server: the limits of `[limits]` apply, and a
//! forgotten password is reset by the link that arrives by mail.

use crate::support;

use std::time::{Duration, Instant};

use coso_test_support::smtp::FakeSmtp;
use support::{Env, Server, client, wait_healthy};

const EMAIL: &str = "an@example.vn";
const NEW_PASSWORD: &str = "mật-khẩu-mới-của-An";

async fn api_sign_in(c: &reqwest::Client, url: &str, password: &str) -> u16 {
    let res = c
        .post(format!("{url}/api/v1/session"))
        .json(&serde_json::json!({ "email": EMAIL, "password": password }))
        .send()
        .await
        .expect("sign in");
    res.status().as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_link_arrives_by_mail_and_sets_a_new_password() {
    let env = Env::sqlite();
    env.run(&["units", "load-official"]).ok();
    let create = ["user", "create", "--email", EMAIL, "--password-stdin", "--role", "viewer", "--unit", "42"];
    env.run_with_stdin(&create, "mat-khau-rat-dai\n").ok();
    let smtp = FakeSmtp::start(Duration::ZERO).await;
    env.file(
        "coso.toml",
        &format!(
            "[mail]\nsmtp_host = \"127.0.0.1\"\nsmtp_port = {}\nbase_url = \"https://coso.example.vn/\"\n\n\
             [jobs]\ntick_seconds = 1\n\n\
             [limits]\nsign_in_failures_per_address = 2\nsign_in_failures_per_account = 6\npassword_reset_link_minutes = 10\n",
            smtp.port
        ),
    );
    let server = Server::start(&env, &[]);
    let url = server.url.clone();
    let c = client();
    wait_healthy(&c, &url, Duration::from_secs(20)).await;

    let statuses = [api_sign_in(&c, &url, "sai-mat-khau").await, api_sign_in(&c, &url, "sai-mat-khau").await];
    assert_eq!(statuses, [401, 401]);
    assert_eq!(api_sign_in(&c, &url, "mat-khau-rat-dai").await, 429, "waiting after the configured 2 failures");

    let asked = c.post(format!("{url}/quen-mat-khau")).form(&[("email", EMAIL)]).send().await.expect("ask");
    assert_eq!(asked.status(), 200);
    assert!(asked.text().await.expect("html").contains("Nếu e-mail có tài khoản, chúng tôi đã gửi liên kết"));
    let started = Instant::now();
    while smtp.count() == 0 {
        assert!(started.elapsed() < Duration::from_secs(30), "no mail; log:\n{}", server.log_text());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mail = smtp.messages().remove(0);
    assert_eq!(mail.to, [EMAIL]);
    assert_eq!(mail.subject(), "Đặt lại mật khẩu coso");
    let body = mail.body();
    assert!(body.contains("10 phút"), "{body}");
    let at = body.find("https://coso.example.vn/dat-lai-mat-khau/").expect("a complete link");
    let link = body[at..].split_whitespace().next().expect("link");
    let path = link.trim_start_matches("https://coso.example.vn");

    let done = c
        .post(format!("{url}{path}"))
        .form(&[("password", NEW_PASSWORD), ("password_confirm", NEW_PASSWORD)])
        .send()
        .await
        .expect("reset");
    assert_eq!(done.status(), 200, "followed to the login page");
    assert!(done.url().path().ends_with("/dang-nhap"), "{}", done.url());
    assert!(done.text().await.expect("html").contains("Đã đặt mật khẩu mới"));
    assert_eq!(api_sign_in(&c, &url, NEW_PASSWORD).await, 200, "the reset also ended the wait");
    assert_eq!(smtp.count(), 1, "one mail");
}
