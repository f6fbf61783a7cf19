//! Store benchmarks on SQLite: unit search over the full official list, and household import.
//! Run on purpose: `cargo bench -p coso-store`.

use std::time::Instant;

use chrono::NaiveDate;
use coso_domain::authz::{Action, Grant, Role, authorize};
use coso_domain::household_import;
use coso_domain::unit::{NewUnit, UnitInput, UnitKind};
use coso_store::{Actor, Store, UnitSearch};
use criterion::{Criterion, criterion_group, criterion_main};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime")
}

async fn store(dir: &tempfile::TempDir) -> Store {
    let store = Store::connect(&format!("sqlite://{}", dir.path().join("bench.db").display())).await.expect("open");
    store.migrate().await.expect("migrate");
    let t = Instant::now();
    store.load_official_units(&Actor::system("bench")).await.expect("load");
    eprintln!("load_official_units: {:?}", t.elapsed());
    store
}

fn unit_search(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir().expect("dir");
    let store = rt.block_on(store(&dir));
    let mut g = c.benchmark_group("unit_search");
    for q in ["ha tinh", "duong", "xa thach"] {
        g.bench_function(q, |b| {
            b.to_async(&rt).iter(|| async {
                store
                    .search_units(&UnitSearch { q: Some(q.to_string()), limit: Some(50), ..Default::default() })
                    .await
                    .expect("search")
            })
        });
    }
    g.finish();
}

fn household_import(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir().expect("dir");
    let store = rt.block_on(store(&dir));
    let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    const ROWS: usize = 50_000;
    let mut csv = String::from("ma ho,dia chi,dai dien ho,so nhan khau,dien thoai\n");
    for i in 0..ROWS {
        csv.push_str(&format!("H{i:06},Xóm {},Nguyễn Văn Hộ {i},{},09{:08}\n", i % 12, 1 + i % 7, i));
    }
    let mut n = 0;
    let mut g = c.benchmark_group("household_import");
    g.sample_size(10);
    g.throughput(criterion::Throughput::Elements(ROWS as u64));
    g.bench_function("50k_rows_new_village", |b| {
        b.to_async(&rt).iter(|| {
            n += 1;
            let code = format!("BV{n}");
            let csv = csv.clone();
            let store = store.clone();
            async move {
                let commune = store.unit_by_code("42").await.expect("q").expect("42");
                let commune = store.children(commune.unit_id(), today).await.expect("c").remove(0);
                let input = UnitInput { code, name: "Thôn Đo".into(), kind: "village".into(), ..Default::default() };
                let v = NewUnit::parse(&input, Some(UnitKind::Commune), today).expect("valid");
                let village =
                    store.create_units(&commune, &[(1, v)], &Actor::system("bench")).await.expect("village").remove(0);
                let permit = authorize(
                    &[Grant { role: Role::Admin, unit: village.unit_path() }],
                    &village.unit_path(),
                    Action::ManageHouseholds,
                )
                .expect("permit");
                let rows = household_import::parse_csv(csv.as_bytes(), today).expect("valid").rows;
                store.import_households(&permit, &village, rows, &Actor::system("bench")).await.expect("import")
            }
        })
    });
    g.finish();
}

criterion_group!(benches, unit_search, household_import);
criterion_main!(benches);
