//! Household CSV import throughput on SQLite: parse 100,000 rows and store them through the
//! store API (one transaction), as `coso units import-households` and the web import do.
//! Run with `cargo bench -p coso-demo --bench import` (or `bench/import.sh`).

use std::time::{Duration, Instant};

use coso_domain::authz::{Action, Grant, Role, authorize};
use coso_domain::household_import::parse_csv;
use coso_domain::unit::{NewUnit, UnitCode, UnitKind};
use coso_store::{Actor, Store, UnitRow};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const ROWS: usize = 100_000;

fn import(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let actor = Actor::system("bench");
    let (store, commune) = rt.block_on(async {
        let store = Store::connect(&url).await.expect("open");
        store.migrate().await.expect("migrate");
        store.load_official_units(&actor).await.expect("official units");
        let commune = store.unit_by_code("18766").await.expect("q").expect("Xã Kỳ Xuân");
        (store, commune)
    });
    let rows = coso_demo::households::generate_households(1, "Thôn Trung Hòa", UnitKind::Village, 1, ROWS);
    let csv = coso_demo::households::to_csv(&rows);
    let today = coso_demo::DEMO_VALID_FROM;
    let mut n = 0u32;

    let mut group = c.benchmark_group("household_import");
    group.sample_size(10).measurement_time(Duration::from_secs(30)).throughput(Throughput::Elements(ROWS as u64));
    group.bench_function("sqlite_100k_rows", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                // A new, empty village each time (not timed), so every run inserts every row.
                let village = rt.block_on(new_village(&store, &commune, n, &actor));
                let start = Instant::now();
                let parsed = parse_csv(csv.as_bytes(), today).expect("valid CSV");
                let grants = [Grant { role: Role::Admin, unit: village.unit_path() }];
                let permit = authorize(&grants, &village.unit_path(), Action::ManageHouseholds).expect("permit");
                let report =
                    rt.block_on(store.import_households(&permit, &village, parsed.rows, &actor)).expect("import");
                total += start.elapsed();
                assert_eq!(report.inserted, ROWS);
            }
            total
        });
    });
    group.finish();
    rt.block_on(store.close());
}

async fn new_village(store: &Store, commune: &UnitRow, n: u32, actor: &Actor) -> UnitRow {
    let unit = NewUnit {
        code: UnitCode::parse(&format!("BENCH-{n}")).expect("code"),
        name: format!("Thôn Thử Nghiệm {n}"),
        kind: UnitKind::Village,
        valid_from: coso_demo::DEMO_VALID_FROM,
        valid_to: None,
    };
    store.create_units(commune, &[(2, unit)], actor).await.expect("village").remove(0)
}

criterion_group!(benches, import);
criterion_main!(benches);
