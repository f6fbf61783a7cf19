//! The officials' inbox of citizen cases with 100,000 cases spread over the 3,321 communes
//! (70 % open): a commune's inbox, a province's inbox, and a province's inbox searched without
//! diacritics, each the whole use case (query, count, categories, days left). Prints the first
//! (cold) run, then p50 and p99 over 200 runs of a warm server, on SQLite and on PostgreSQL when
//! `PG_DATABASE_URL` is set. Run on purpose: `cargo bench -p coso-app --bench case_inbox`.

#[path = "support/databases.rs"]
mod databases;

use std::time::{Duration, Instant};

use coso_app::cases::{self, InboxQuery};
use coso_app::{Actor, App};
use coso_calendar::HolidayCalendar;
use coso_store::Store;

const CASES: i64 = 100_000;
const RUNS: usize = 200;
/// Runs before the measured ones: the first of a query reads its pages from the disk and, on
/// PostgreSQL, plans it; a server does that once, not once in a hundred requests.
const WARM_UP: usize = 5;

/// The communes (children of the provinces) numbered from 0.
const COMMUNES: &str = "c AS (SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS rn, id FROM unit \
     WHERE parent_id IN (SELECT id FROM unit WHERE parent_id IS NULL)), k AS (SELECT COUNT(*) AS total FROM c)";
const COLUMNS: &str = "code, unit_id, kind, status, channel, category, received_on, content, search_text, remote, \
     complexity, crowded, over_level, publish, instance, extensions, due_on, created_at, updated_at";
const KIND: &str = "CASE i % 3 WHEN 0 THEN 'petition' WHEN 1 THEN 'complaint' ELSE 'denunciation' END";
const STATUS: &str = "CASE WHEN i % 10 < 7 THEN CASE i % 3 WHEN 0 THEN 'received' WHEN 1 THEN 'accepted' \
     ELSE 'forwarded' END ELSE 'closed' END";

fn fill_sql(postgres: bool) -> String {
    if postgres {
        format!(
            "WITH {COMMUNES} INSERT INTO citizen_case ({COLUMNS}) \
             SELECT 'BENCH-' || i, c.id, {KIND}, {STATUS}, 'desk', 'khac', DATE '2026-01-01' + (i % 330), \
             'Nội dung đơn số ' || i || ' về đường sạt lở', ' noi dung don so ' || i || ' ve duong sat lo', FALSE, \
             'normal', FALSE, FALSE, FALSE, 1, 0, DATE '2026-01-15' + (i % 330), now(), now() \
             FROM generate_series(0, {last}) AS i JOIN c ON c.rn = i % (SELECT total FROM k); ANALYZE",
            last = CASES - 1
        )
    } else {
        format!(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {last}), {COMMUNES} \
             INSERT INTO citizen_case ({COLUMNS}) \
             SELECT 'BENCH-' || i, c.id, {KIND}, {STATUS}, 'desk', 'khac', date('2026-01-01', '+' || (i % 330) || ' days'), \
             'Nội dung đơn số ' || i || ' về đường sạt lở', ' noi dung don so ' || i || ' ve duong sat lo', 0, \
             'normal', 0, 0, 0, 1, 0, date('2026-01-15', '+' || (i % 330) || ' days'), \
             '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' \
             FROM n JOIN c ON c.rn = n.i % (SELECT total FROM k); ANALYZE",
            last = CASES - 1
        )
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

/// What `measure` prints for one query.
struct Measured {
    first: Duration,
    p50: Duration,
    p99: Duration,
    max: Duration,
    /// Runs over the 50 ms target.
    slow: usize,
    total: i64,
}

/// The first run, then p50, p99 and the slowest of the runs after the warm-up, and the cases
/// found.
async fn measure(app: &App, unit: &str, q: &InboxQuery) -> Measured {
    let calendar = HolidayCalendar::builtin();
    let actor = Actor::system("bench");
    let unit = cases::inbox_unit(app, &actor, Some(unit)).await.expect("unit");
    let mut first = None;
    for _ in 0..WARM_UP {
        let started = Instant::now();
        cases::worklist(app, &actor, calendar, unit.clone(), q).await.expect("inbox");
        first.get_or_insert(started.elapsed());
    }
    let mut times = Vec::with_capacity(RUNS);
    let mut total = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let inbox = cases::worklist(app, &actor, calendar, unit.clone(), q).await.expect("inbox");
        times.push(started.elapsed());
        total = inbox.total;
    }
    times.sort();
    Measured {
        first: first.unwrap_or_default(),
        p50: percentile(&times, 0.5),
        p99: percentile(&times, 0.99),
        max: times.last().copied().unwrap_or_default(),
        slow: times.iter().filter(|t| **t > Duration::from_millis(50)).count(),
        total,
    }
}

async fn bench_backend(name: &str, url: &str, postgres: bool) {
    let store = Store::connect(url).await.expect("connect");
    store.migrate().await.expect("migrate");
    let app = App::new(store);
    let actor = coso_store::Actor::system("bench");
    app.store().load_official_units(&actor).await.expect("units");
    let started = Instant::now();
    app.store().execute_admin(&fill_sql(postgres)).await.expect("cases");
    if postgres {
        // A server's table is kept vacuumed by autovacuum; right after 100,000 rows written at
        // once it is not, and autovacuum would work on it during the measured runs.
        app.store().execute_admin("VACUUM (ANALYZE) citizen_case").await.expect("vacuum");
    }
    println!("case_inbox/{name}: {CASES} cases written in {:?}", started.elapsed());
    let province = app.store().unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let commune = app.store().children(province.unit_id(), app.today()).await.expect("children");
    let commune = commune.first().map_or_else(|| "42".to_string(), |c| c.code.clone());
    let open = InboxQuery { page: 1, ..InboxQuery::default() };
    let searched = InboxQuery { q: "sat lo".into(), page: 3, ..InboxQuery::default() };
    for (what, unit, q) in [
        ("commune inbox", commune.as_str(), &open),
        ("province inbox", "42", &open),
        ("province search p3", "42", &searched),
    ] {
        let m = measure(&app, unit, q).await;
        println!(
            "case_inbox/{name}: {what} ({} cases): first {:?}, then p50 {:?}, p99 {:?}, slowest {:?}, {} of {RUNS} over 50 ms",
            m.total, m.first, m.p50, m.p99, m.max, m.slow
        );
    }
    app.store().close().await;
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    databases::each("coso_bench_cases", |backend, url| rt.block_on(bench_backend(backend, url, backend == "postgres")));
}
