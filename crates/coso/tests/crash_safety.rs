//! Nothing half-written: a large household import killed with SIGKILL at any moment leaves
//! the register with none of its rows or all of them, and an acknowledged import survives;
//! under a mixed write load killed again and again, every acknowledged write survives.

use crate::support;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use coso_domain::unit::UnitKind;
use support::load::{Load, add};
use support::{Env, Server, client, household_count, sign_in, villages, wait_healthy};

const ROWS: usize = 100_000;

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

/// Kills of the server under the mixed load, per backend.
const KILLS: usize = 20;

/// The next number of a small xorshift generator: where the kills fall.
fn next_random(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// Every kind of write at once, the server killed with SIGKILL at random moments: after each
/// restart every acknowledged write is there, no write is there in part, and (SQLite) the
/// database passes its integrity check.
async fn a_mixed_write_load_survives_repeated_kills(env: Env, backend: &str) {
    let mut server = Server::start(&env, &["--demo"]);
    wait_healthy(&client(), &server.url, Duration::from_secs(30)).await;
    let load = Load::prepare(&env, &server.url).await;
    let seed =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64) | 1;
    let mut random = seed;
    let mut per_round = BTreeMap::new();
    let mut checked = 0;
    for round in 0..KILLS {
        let running = load.start(&server.url).await;
        let after = Duration::from_millis(100 + next_random(&mut random) % 700);
        tokio::time::sleep(after).await;
        server.child.kill().expect("SIGKILL");
        server.child.wait().expect("reaped");
        running.stop().await;

        server = Server::start(&env, &[]);
        wait_healthy(&client(), &server.url, Duration::from_secs(30)).await;
        if env.database_url.is_none() {
            let file = coso_store::sqlite_file::inspect(&env.sqlite_path()).await;
            assert!(file.is_ok(), "round {round}, killed after {after:?} (seed {seed}): {file:?}");
        }
        let attempts = load.attempts();
        let tally = Load::check(&env, &server.url, &attempts[checked..]).await;
        checked = attempts.len();
        add(&mut per_round, &tally);
    }
    // The writes of the first rounds survived the later kills too.
    let at_the_end = Load::check(&env, &server.url, &load.attempts()).await;
    assert_eq!(at_the_end, per_round, "what each restart found is still there at the end");
    eprintln!("{backend}: {KILLS} kills (seed {seed}); per kind, writes sent / acknowledged / found after restarts:");
    for (kind, t) in &at_the_end {
        eprintln!("  {kind:20} {:5} {:5} {:5}", t.sent, t.acknowledged, t.found);
        assert!(t.acknowledged > 0, "{backend}: no {kind} was acknowledged; the load did not exercise it");
    }
    let acknowledged: usize = at_the_end.values().map(|t| t.acknowledged).sum();
    let found: usize = at_the_end.values().map(|t| t.found).sum();
    eprintln!("  total: {acknowledged} acknowledged, {found} found");
    server.terminate();
    assert_eq!(server.wait(Duration::from_secs(10)).and_then(|s| s.code()), Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mixed_write_load_survives_kills_on_sqlite() {
    a_mixed_write_load_survives_repeated_kills(Env::sqlite(), "SQLite").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mixed_write_load_survives_kills_on_postgres() {
    let Some(env) = Env::postgres().await else {
        eprintln!("skipping: PG_DATABASE_URL is not set");
        return;
    };
    a_mixed_write_load_survives_repeated_kills(env, "PostgreSQL").await;
}
