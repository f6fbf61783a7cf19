//! `coso serve` as a process: fast start on a fresh database, the demo data served, and a
//! graceful stop on SIGTERM that lets an in-flight request finish.

use crate::support;

use std::time::{Duration, Instant};

use coso_domain::unit::UnitKind;
use support::{Env, Server, client, household_count, sign_in, wait_healthy};

/// The first register of the demo data and a CSV of `n` new households for it.
fn big_import(n: usize) -> String {
    let rows = coso_demo::households::generate_households(7, "Thôn mẫu", UnitKind::Village, 500_001, n);
    coso_demo::households::to_csv(&rows)
}

async fn first_register(env: &Env) -> String {
    let store = env.store().await;
    let commune = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let communes = store.children(commune.unit_id(), store.clock().today()).await.expect("children");
    let first = communes.iter().find(|c| c.kind == "commune").expect("a commune");
    store.close().await;
    // The demo keeps registers in the first villages of its plan (codes `<commune>-T01`…).
    format!("{}-T01", first.code)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_the_demo_quickly_and_stops_gracefully_on_sigterm() {
    let env = Env::sqlite();
    let spawned = Instant::now();
    let mut server = Server::start(&env, &["--demo"]);
    let c = client();
    wait_healthy(&c, &server.url, Duration::from_secs(10)).await;
    let ready = spawned.elapsed();
    assert!(ready < Duration::from_secs(5), "healthy after {ready:?} (including the demo data)");

    let page = c.get(format!("{}/don-vi/42", server.url)).send().await.expect("unit page");
    assert_eq!(page.status(), 200);
    assert!(page.text().await.expect("body").contains("Hà Tĩnh"));

    // A slow request (a large import) is in flight when SIGTERM arrives: it must finish.
    let csrf = sign_in(&c, &server.url, "quantri@coso.example").await;
    let village = first_register(&env).await;
    let store = env.store().await;
    let before = household_count(&store, &village).await;
    let n = 40_000;
    let request = {
        let c = c.clone();
        let url = format!("{}/api/v1/units/{village}/households/import", server.url);
        let body = big_import(n);
        tokio::spawn(async move {
            c.post(url).header("content-type", "text/csv").header("x-csrf-token", csrf).body(body).send().await
        })
    };
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert!(!server.log_text().contains(coso_demo::DEMO_PASSWORD), "no password in the logs");
    assert!(!request.is_finished(), "the import is still running when the signal is sent");
    server.terminate();
    let response = request.await.expect("join").expect("the in-flight request is answered, not cut");
    assert_eq!(response.status(), 200, "{}", response.text().await.unwrap_or_default());
    let report: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(report["inserted"], n);
    let status = server.wait(Duration::from_secs(30)).expect("stopped after SIGTERM");
    assert_eq!(status.code(), Some(0), "clean exit; log:\n{}", server.log_text());
    assert_eq!(household_count(&store, &village).await, before + n as i64, "the acknowledged import is stored");
    store.close().await;
    assert!(server.log_text().contains("SIGTERM"), "{}", server.log_text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn starts_within_a_second_on_a_fresh_database_and_again_without_reloading() {
    let env = Env::sqlite();
    let spawned = Instant::now();
    let mut server = Server::start(&env, &[]);
    let c = client();
    wait_healthy(&c, &server.url, Duration::from_secs(5)).await;
    let ready = spawned.elapsed();
    assert!(ready < Duration::from_millis(1500), "healthz after {ready:?} on a fresh database (official units loaded)");
    let r = c.get(format!("{}/api/v1/units?q=ha%20tinh", server.url)).send().await.expect("search");
    assert_eq!(r.status(), 200);
    assert!(r.text().await.expect("body").contains("Tỉnh Hà Tĩnh"));
    server.terminate();
    assert_eq!(server.wait(Duration::from_secs(10)).and_then(|s| s.code()), Some(0));

    // Restarting with --demo on a database that already has users must not duplicate anything.
    env.run_with_stdin(
        &["user", "create", "--email", "a@example.vn", "--password-stdin", "--role", "admin", "--unit", "42"],
        "mat-khau-rat-dai",
    )
    .ok();
    let mut again = Server::start(&env, &["--demo"]);
    wait_healthy(&c, &again.url, Duration::from_secs(5)).await;
    assert!(again.log_text().contains("demo data not loaded"), "{}", again.log_text());
    again.terminate();
    assert_eq!(again.wait(Duration::from_secs(10)).and_then(|s| s.code()), Some(0));
    let store = env.store().await;
    assert!(store.user_by_email("quantri@coso.example").await.expect("q").is_none());
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_on_postgresql_too() {
    let Some(env) = Env::postgres().await else { return };
    let mut server = Server::start(&env, &["--demo"]);
    let c = client();
    wait_healthy(&c, &server.url, Duration::from_secs(10)).await;
    let health: serde_json::Value =
        c.get(format!("{}/healthz", server.url)).send().await.expect("healthz").json().await.expect("JSON");
    assert_eq!(health["backend"], "postgres", "{health}");
    let page = c.get(format!("{}/don-vi/42", server.url)).send().await.expect("unit page");
    assert!(page.text().await.expect("body").contains("Hà Tĩnh"));
    sign_in(&c, &server.url, "quantri@coso.example").await;
    server.terminate();
    assert_eq!(server.wait(Duration::from_secs(10)).and_then(|s| s.code()), Some(0), "{}", server.log_text());
}
