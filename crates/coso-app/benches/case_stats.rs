//! The statistics of a province's citizen cases for a year, with 100,000 cases in the database:
//! per kind, one line per commune, satisfaction and hot spots (`coso_app::cases::stats`), on
//! SQLite and on PostgreSQL when `PG_DATABASE_URL` is set. The target is < 200 ms. Run on
//! purpose: `cargo bench -p coso-app --bench case_stats`.

#[path = "support/cases_100k.rs"]
mod cases_100k;

#[path = "support/databases.rs"]
mod databases;

use std::time::Instant;

use chrono::NaiveDate;
use coso_app::{Actor, App, cases};
use coso_store::Store;
use criterion::{Criterion, criterion_group, criterion_main};

const YEAR: i32 = 2026;

fn bench_backend(c: &mut Criterion, name: &str, url: &str) {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    let (app, province) = rt.block_on(async {
        let s = Store::connect(url).await.expect("connect");
        s.migrate().await.expect("migrate");
        let started = Instant::now();
        let province = cases_100k::load(&s, "42", YEAR).await;
        println!("{name}: {} cases loaded in {:.1} s", cases_100k::CASES, started.elapsed().as_secs_f64());
        (App::new(s), province)
    });
    app.clock().set_today(NaiveDate::from_ymd_opt(YEAR, 12, 31).expect("date"));
    let (from, to) =
        (NaiveDate::from_ymd_opt(YEAR, 1, 1).expect("date"), NaiveDate::from_ymd_opt(YEAR, 12, 31).expect("date"));
    let actor = Actor::system("bench");
    let stats = rt.block_on(cases::stats(&app, &actor, &province, from, to)).expect("stats");
    let received: i64 = stats.kinds.iter().map(|k| k.received).sum();
    assert_eq!(received as usize, cases_100k::CASES, "every case counted");
    println!(
        "{name}: {} lines, {} rated (average {:.2}), first hot category {:?}",
        stats.lines.len(),
        stats.satisfaction.rated,
        stats.satisfaction.average.unwrap_or_default(),
        stats.hot_categories.first().map(|h| (&h.name, h.cases))
    );
    // The query alone, once, to see where the time goes.
    let t = Instant::now();
    let groups = rt.block_on(app.store().case_groups(&province, from, to, to)).expect("groups");
    println!("{name}: the query alone: {:?} ({} groups)", t.elapsed(), groups.len());
    let mut g = c.benchmark_group(format!("case_stats/{name}"));
    g.sample_size(20);
    g.bench_function("province, one year, 100,000 cases", |b| {
        b.iter(|| rt.block_on(cases::stats(&app, &actor, &province, from, to)).expect("stats"))
    });
    g.bench_function("xlsx of the province's lines", |b| b.iter(|| cases::stats_xlsx(&stats).expect("xlsx")));
    g.finish();
    rt.block_on(app.store().close());
}

fn benches(c: &mut Criterion) {
    databases::each("coso_bench_cases", |backend, url| bench_backend(c, backend, url));
}

criterion_group!(group, benches);
criterion_main!(group);
