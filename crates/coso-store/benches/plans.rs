//! Plan benchmarks: the aggregate of a report over all 3,321 communes (90% of them sent,
//! 12 indicators each) and a commune's inbox with 10,000 obligations stored. On SQLite, and
//! on PostgreSQL when `PG_DATABASE_URL` is set (in a throwaway database).
//! Run on purpose: `cargo bench -p coso-store --bench plans`.

use std::time::Instant;

use chrono::{DateTime, NaiveDate};
use coso_domain::plan::{ObligationKind, PeriodKey, ReportPeriod};
use coso_domain::{OccurrenceId, UnitId};
use coso_store::{Actor, NewObligation, NewPlan, NewSubmission, NewTask, PlanId, Store};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;

/// Extra plans stored for the inbox: 4 obligations each, 10,000 in all.
const PLANS: usize = 2_500;
/// Communes each extra plan targets.
const PLAN_TARGETS: usize = 30;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

struct Fixture {
    plan: i64,
    occurrence: i64,
    commune: i64,
}

fn report(period: &str, receiver: i64, occurrences: &[(&str, NaiveDate)]) -> NewObligation {
    NewObligation {
        kind: ObligationKind::Report,
        period: ReportPeriod::parse(period),
        due_date: None,
        due_recurring: None,
        receiver_unit_id: receiver,
        template_id: None,
        raw: "Báo cáo định kỳ.".into(),
        occurrences: occurrences.iter().map(|(k, d)| (PeriodKey::parse(k).expect("period key"), Some(*d))).collect(),
    }
}

fn plan(unit: i64, title: String, targets: Vec<i64>, obligations: Vec<NewObligation>) -> NewPlan {
    NewPlan {
        unit_id: unit,
        parent_plan_id: None,
        issuer: Default::default(),
        agency_template_id: None,
        number: Some("01/KH-UBND".into()),
        issued_on: Some(date(2026, 1, 5)),
        title,
        year: 2026,
        legal_bases: json!([]),
        sections: json!([]),
        document: None,
        tasks: vec![NewTask { text: "Tuyên truyền".into(), ..Default::default() }],
        target_unit_ids: targets,
        obligations,
    }
}

async fn fixture(store: &Store) -> Fixture {
    let actor = Actor::system("bench");
    let today = date(2026, 1, 1);
    store.load_official_units(&actor).await.expect("load");
    let provinces = store.roots(today).await.expect("roots");
    let mut by_province = Vec::new();
    for p in &provinces {
        by_province.push(
            store.children(p.unit_id(), today).await.expect("communes").into_iter().map(|c| c.id).collect::<Vec<_>>(),
        );
    }
    let all: Vec<i64> = by_province.iter().flatten().copied().collect();
    assert_eq!(all.len(), 3_321);
    let issuer = provinces[0].id;
    let t = Instant::now();
    let national = plan(
        issuer,
        "Kế hoạch thực hiện dân chủ ở cơ sở năm 2026".into(),
        all.clone(),
        vec![
            report("six_month", issuer, &[("2026-H1", date(2026, 6, 14)), ("2026", date(2026, 12, 14))]),
            report("quarterly", issuer, &[("2026-Q1", date(2026, 3, 14)), ("2026-Q3", date(2026, 9, 14))]),
        ],
    );
    let PlanId(plan_id) = store.create_plan(&national, &actor).await.expect("plan");
    eprintln!("create_plan, 3,321 targets: {:?}", t.elapsed());
    let occurrence = store.obligations(PlanId(plan_id)).await.expect("obligations")[0].occurrences[0].id;
    let t = Instant::now();
    let mut sent = 0;
    for (i, unit) in all.iter().enumerate() {
        if i % 10 == 0 {
            continue;
        }
        let values: serde_json::Map<String, serde_json::Value> =
            (1..=12).map(|k| (format!("chi_tieu_{k:02}"), json!(i * k))).collect();
        let values = serde_json::Value::Object(values);
        let s = NewSubmission {
            occurrence_id: occurrence,
            unit_id: *unit,
            content: json!({ "values": values, "narrative": "Kết quả thực hiện 6 tháng đầu năm." }),
            indicator_values: values,
            score: Some((i % 100) as f64),
            rank: Some("Khá".into()),
            implementing_plan_id: None,
            submitted_on: date(2026, 6, 10),
            now: DateTime::parse_from_rfc3339("2026-06-10T03:00:00Z").expect("time").to_utc(),
        };
        store.submit(&s, &actor).await.expect("submit");
        sent += 1;
    }
    eprintln!("{sent} submissions: {:?}", t.elapsed());
    let t = Instant::now();
    for k in 0..PLANS {
        let communes = &by_province[k % by_province.len()];
        let start = (k / by_province.len()) * 7;
        let targets = (0..PLAN_TARGETS.min(communes.len())).map(|j| communes[(start + j) % communes.len()]).collect();
        let quarters = [("2026-Q1", date(2026, 3, 20)), ("2026-Q2", date(2026, 6, 20))];
        let obligations = vec![
            report("quarterly", provinces[k % provinces.len()].id, &quarters),
            report(
                "six_month",
                provinces[k % provinces.len()].id,
                &[("2026-H1", date(2026, 6, 15)), ("2026", date(2026, 12, 15))],
            ),
            report(
                "annual",
                provinces[k % provinces.len()].id,
                &[("2026", date(2026, 12, 10)), ("2027", date(2027, 12, 10))],
            ),
            report(
                "ad_hoc",
                provinces[k % provinces.len()].id,
                &[("", date(2026, 4, 30)), ("2026-09", date(2026, 9, 30))],
            ),
        ];
        store
            .create_plan(
                &plan(provinces[k % provinces.len()].id, format!("Kế hoạch số {k}"), targets, obligations),
                &actor,
            )
            .await
            .expect("plan");
    }
    eprintln!("{PLANS} plans with 4 obligations: {:?}", t.elapsed());
    Fixture { plan: plan_id, occurrence, commune: by_province[0][0] }
}

fn bench_store(c: &mut Criterion, rt: &tokio::runtime::Runtime, name: &str, store: &Store) {
    let f = rt.block_on(fixture(store));
    let today = date(2026, 5, 1);
    let rows = rt.block_on(store.aggregate(PlanId(f.plan), OccurrenceId(f.occurrence))).expect("aggregate");
    let items = rt.block_on(store.inbox(UnitId(f.commune), today)).expect("inbox");
    eprintln!(
        "{name}: aggregate {} rows ({} sent); inbox {} items",
        rows.len(),
        rows.iter().filter(|r| r.status.is_some()).count(),
        items.len()
    );
    let mut g = c.benchmark_group(name);
    g.sample_size(20);
    g.bench_function("aggregate_3321_communes", |b| {
        b.to_async(rt).iter(|| store.aggregate(PlanId(f.plan), OccurrenceId(f.occurrence)))
    });
    g.bench_function("aggregate_3321_communes_parsed", |b| {
        b.to_async(rt).iter(|| async {
            let rows = store.aggregate(PlanId(f.plan), OccurrenceId(f.occurrence)).await.expect("aggregate");
            rows.iter()
                .filter_map(|r| r.indicator_values.as_deref())
                .map(|v| {
                    serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(v).map(|m| m.len()).unwrap_or(0)
                })
                .sum::<usize>()
        })
    });
    g.bench_function("inbox_10k_obligations", |b| b.to_async(rt).iter(|| store.inbox(UnitId(f.commune), today)));
    g.finish();
}

fn plans(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir().expect("dir");
    let sqlite = rt.block_on(async {
        let store = Store::connect(&format!("sqlite://{}", dir.path().join("bench.db").display())).await.expect("open");
        store.migrate().await.expect("migrate");
        store
    });
    bench_store(c, &rt, "plans_sqlite", &sqlite);
    let Ok(base) = std::env::var("PG_DATABASE_URL") else {
        eprintln!("PG_DATABASE_URL is not set: PostgreSQL not measured");
        return;
    };
    let name = format!("coso_bench_{}", std::process::id());
    let (admin, pg) = rt.block_on(async {
        let admin = Store::connect(&base).await.expect("connect");
        admin.execute_admin(&format!("CREATE DATABASE {name}")).await.expect("create database");
        let url = format!("{}/{name}", &base[..base.rfind('/').expect("database part")]);
        let pg = Store::connect(&url).await.expect("connect bench database");
        pg.migrate().await.expect("migrate");
        (admin, pg)
    });
    bench_store(c, &rt, "plans_postgres", &pg);
    rt.block_on(async {
        pg.close().await;
        admin.execute_admin(&format!("DROP DATABASE {name}")).await.expect("drop database");
    });
}

criterion_group!(benches, plans);
criterion_main!(benches);
