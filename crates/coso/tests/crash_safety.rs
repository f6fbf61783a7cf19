//! Nothing half-written: a large household import killed with SIGKILL at any moment leaves
//! the register with none of its rows or all of them, and an acknowledged import survives.

#[expect(dead_code, reason = "this test uses only a part of the shared test support")]
mod support;

use std::time::{Duration, Instant};

use coso_domain::unit::UnitKind;
use support::{Env, Server, client, household_count, sign_in, wait_healthy};

const ROWS: usize = 100_000;

/// Villages of the first two communes of Hà Tĩnh (the demo creates 6 to 12 in each).
async fn villages(env: &Env) -> Vec<String> {
    let store = env.store().await;
    let today = store.clock().today();
    let province = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let mut out = Vec::new();
    for commune in store
        .children(province.unit_id(), today)
        .await
        .expect("children")
        .iter()
        .filter(|c| c.kind == "commune")
        .take(2)
    {
        out.extend(store.children(commune.unit_id(), today).await.expect("villages").into_iter().map(|v| v.code));
    }
    store.close().await;
    out
}

/// Posts a 100,000-row import into `village`; returns whether it was acknowledged with 200.
async fn import(url: &str, village: &str, seed: u64) -> tokio::task::JoinHandle<bool> {
    let rows = coso_demo::households::generate_households(seed, "Thôn mẫu", UnitKind::Village, 1_000_000, ROWS);
    let body = coso_demo::households::to_csv(&rows);
    let c = client();
    let csrf = sign_in(&c, url, "quantri@coso.example").await;
    let url = format!("{url}/api/v1/units/{village}/households/import");
    tokio::spawn(async move {
        let sent = c.post(url).header("content-type", "text/csv").header("x-csrf-token", csrf).body(body).send().await;
        matches!(sent, Ok(r) if r.status() == 200)
    })
}

async fn count(env: &Env, village: &str) -> i64 {
    let store = env.store().await;
    let n = household_count(&store, village).await;
    store.close().await;
    n
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_import_leaves_none_or_all_of_its_rows() {
    let env = Env::sqlite();
    let mut server = Server::start(&env, &["--demo"]);
    wait_healthy(&client(), &server.url, Duration::from_secs(10)).await;
    let villages = villages(&env).await;
    assert!(villages.len() >= 9, "{villages:?}");

    // First an import that is left to finish: how long one takes, and "all of them".
    let before = count(&env, &villages[0]).await;
    let started = Instant::now();
    assert!(import(&server.url, &villages[0], 0).await.await.expect("join"), "a complete import is acknowledged");
    let full = started.elapsed();
    assert_eq!(count(&env, &villages[0]).await, before + ROWS as i64);

    // Then imports killed at fractions of that duration, up to just past the commit.
    let mut outcomes = Vec::new();
    for (round, percent) in [10u32, 50, 90, 98, 110].into_iter().enumerate() {
        let village = &villages[round + 1];
        let before = count(&env, village).await;
        let request = import(&server.url, village, round as u64 + 1).await;
        tokio::time::sleep(full * percent / 100).await;
        server.child.kill().expect("SIGKILL");
        server.child.wait().expect("reaped");
        let acknowledged = request.await.expect("join");

        server = Server::start(&env, &[]);
        wait_healthy(&client(), &server.url, Duration::from_secs(10)).await;
        let after = count(&env, village).await;
        let added = after - before;
        assert!(added == 0 || added == ROWS as i64, "killed at {percent}% of {full:?}: {added} of {ROWS} rows kept");
        if acknowledged {
            assert_eq!(added, ROWS as i64, "killed at {percent}%: an acknowledged import survives the crash");
        }
        outcomes.push((percent, acknowledged, added));
    }
    eprintln!("one import: {full:?}; (percent, acknowledged, rows kept): {outcomes:?}");
    assert!(outcomes.iter().any(|(_, _, added)| *added == 0), "at least one import was cut off: {outcomes:?}");
    server.terminate();
    assert_eq!(server.wait(Duration::from_secs(10)).and_then(|s| s.code()), Some(0));
}
