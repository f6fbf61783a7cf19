//! Nothing half-written: a large household import killed with SIGKILL halfway leaves the
//! register with none of its rows or all of them, and an acknowledged import survives.

mod support;

use std::time::Duration;

use coso_domain::unit::UnitKind;
use support::{Env, Server, client, household_count, sign_in, wait_healthy};

const ROWS: usize = 100_000;

async fn first_register(env: &Env) -> String {
    let store = env.store().await;
    let today = chrono::Utc::now().date_naive();
    let province = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let communes = store.children(province.unit_id(), today).await.expect("children");
    let first = communes.iter().find(|c| c.kind == "commune").expect("a commune");
    let villages = store.children(first.unit_id(), today).await.expect("villages");
    store.close().await;
    villages.first().expect("a village").code.clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_import_leaves_none_or_all_of_its_rows() {
    let env = Env::sqlite();
    let mut server = Server::start(&env, &["--demo"]);
    let c = client();
    wait_healthy(&c, &server.url, Duration::from_secs(10)).await;
    let village = first_register(&env).await;
    let store = env.store().await;
    let base = household_count(&store, &village).await;
    assert!(base > 0, "the demo register has households");
    store.close().await;

    let mut expected = base;
    let mut outcomes = Vec::new();
    for (round, delay_ms) in [50u64, 150, 300, 700, 1500].into_iter().enumerate() {
        // Each round brings new household codes, so a complete import always adds ROWS.
        let first_code = 1_000_000 * (round + 1);
        let rows = coso_demo::households::generate_households(round as u64, "Thôn mẫu", UnitKind::Village, first_code, ROWS);
        let body = coso_demo::households::to_csv(&rows);
        let c = client();
        sign_in(&c, &server.url, "quantri@coso.example").await;
        let url = format!("{}/api/v1/units/{village}/households/import", server.url);
        let request = tokio::spawn(async move { c.post(url).header("content-type", "text/csv").body(body).send().await });
        tokio::time::sleep(Duration::from_millis(delay_ms)).await;
        server.child.kill().expect("SIGKILL");
        server.child.wait().expect("reaped");
        let acknowledged = matches!(request.await.expect("join"), Ok(r) if r.status() == 200);

        server = Server::start(&env, &[]);
        wait_healthy(&client(), &server.url, Duration::from_secs(10)).await;
        let store = env.store().await;
        let now = household_count(&store, &village).await;
        store.close().await;
        assert!(now == expected || now == expected + ROWS as i64, "round {round} ({delay_ms} ms): {now} households, expected {expected} or {}", expected + ROWS as i64);
        if acknowledged {
            assert_eq!(now, expected + ROWS as i64, "round {round}: an acknowledged import survives the crash");
        }
        outcomes.push((delay_ms, acknowledged, now - expected));
        expected = now;
    }
    eprintln!("(delay ms, acknowledged, rows added): {outcomes:?}");
    assert!(outcomes.iter().any(|(_, _, added)| *added == 0), "at least one import was cut off: {outcomes:?}");
    server.terminate();
    assert_eq!(server.wait(Duration::from_secs(10)).and_then(|s| s.code()), Some(0));
}
