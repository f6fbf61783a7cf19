//! The aggregate view of a national plan: all 3,321 communes, the default template's
//! indicators, two report periods, 90% of the communes sent. Times the whole view (query,
//! timing, totals, ranks) and the XLSX export of its 3,321 rows, on SQLite and on PostgreSQL
//! when `PG_DATABASE_URL` is set. Run on purpose: `cargo bench -p coso-app`.

#[path = "support/databases.rs"]
mod databases;

use chrono::{DateTime, NaiveDate, Utc};
use coso_app::reports::{aggregate, exports};
use coso_app::{App, templates};
use coso_domain::plan::{ObligationKind, PeriodKey, ReportPeriod};
use coso_domain::report::Template;
use coso_domain::{OccurrenceId, PlanId};
use coso_store::{Actor, NewObligation, NewPlan, NewSubmission, Store};
use criterion::{Criterion, criterion_group, criterion_main};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

struct Fixture {
    plan: i64,
    occurrence: i64,
    template: Template,
}

/// When every bench report was stamped.
fn sent_at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-20T03:00:00Z").expect("time").to_utc()
}

async fn fixture(app: &App) -> Fixture {
    let store = app.store();
    let actor = Actor::system("bench");
    let today = date(2026, 12, 31);
    store.load_official_units(&actor).await.expect("load");
    let provinces = store.roots(today).await.expect("roots");
    let mut communes = Vec::new();
    for p in &provinces {
        communes.extend(store.children(p.unit_id(), today).await.expect("children").into_iter().map(|u| u.id));
    }
    assert_eq!(communes.len(), 3_321, "every commune-level unit");
    let template_id = templates::ensure_default(app).await.expect("template");
    let template = templates::load(app, template_id).await.expect("template");
    let report = |period: &str, key: &str, due: NaiveDate| NewObligation {
        kind: ObligationKind::Report,
        period: ReportPeriod::parse(period),
        due_date: None,
        due_recurring: Some(due.format("%m-%d").to_string()),
        receiver_unit_id: provinces[0].id,
        template_id: Some(template_id.0),
        raw: String::new(),
        occurrences: vec![(PeriodKey::parse(key).expect("period key"), Some(due))],
    };
    let plan = NewPlan {
        unit_id: provinces[0].id,
        parent_plan_id: None,
        issuer: Default::default(),
        agency_template_id: None,
        number: Some("01/KH-BCĐ".into()),
        issued_on: Some(date(2026, 1, 5)),
        title: "Thực hiện dân chủ ở cơ sở năm 2026".into(),
        year: 2026,
        legal_bases: serde_json::json!([]),
        sections: serde_json::json!([]),
        document: None,
        tasks: vec![],
        target_unit_ids: communes.clone(),
        obligations: vec![
            report("six_month", "2026-H1", date(2026, 6, 14)),
            report("annual", "2026", date(2026, 12, 14)),
        ],
    };
    let plan = store.create_plan(&plan, &actor).await.expect("plan").0;
    let obligations = store.obligations(PlanId(plan)).await.expect("obligations");
    let occurrences: Vec<(i64, NaiveDate)> =
        obligations.iter().flat_map(|o| o.occurrences.iter().map(|oc| (oc.id, oc.due_date.expect("due")))).collect();
    for (i, commune) in communes.iter().enumerate() {
        for (occ, due) in &occurrences {
            if i % 10 == 9 {
                continue;
            }
            let values: serde_json::Map<String, serde_json::Value> = template
                .indicators
                .iter()
                .enumerate()
                .map(|(k, ind)| (ind.code.clone(), serde_json::json!(((i * 7 + k * 3) % 40) as f64)))
                .collect();
            let score = 40.0 + (i % 60) as f64;
            let new = NewSubmission {
                occurrence_id: *occ,
                unit_id: *commune,
                content: serde_json::json!({ "indicators": values }),
                indicator_values: serde_json::Value::Object(values),
                score: Some(score),
                rank: coso_domain::report::rank_for(score, &template.rank_bands).map(str::to_string),
                implementing_plan_id: None,
                submitted_on: *due - chrono::Duration::days((i % 5) as i64)
                    + chrono::Duration::days(if i % 7 == 0 { 3 } else { 0 }),
                now: sent_at(),
            };
            store.submit(&new, &actor).await.expect("submit");
        }
    }
    Fixture { plan, occurrence: occurrences[1].0, template }
}

fn bench_backend(c: &mut Criterion, name: &str, url: &str) {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    let app = rt.block_on(async {
        let s = Store::connect(url).await.expect("connect");
        s.migrate().await.expect("migrate");
        App::new(s)
    });
    let f = rt.block_on(fixture(&app));
    let today = date(2026, 12, 31);
    let view = rt
        .block_on(aggregate::aggregate(&app, &f.template, PlanId(f.plan), OccurrenceId(f.occurrence), None, today))
        .expect("view");
    assert_eq!(view.rows.len(), 3_321);
    assert!(view.counts.on_time > 2_000 && view.counts.missing > 300, "{:?}", view.counts);
    let mut g = c.benchmark_group(format!("aggregate/{name}"));
    g.sample_size(20);
    g.bench_function("view of 3,321 communes", |b| {
        b.iter(|| {
            rt.block_on(aggregate::aggregate(
                &app,
                &f.template,
                PlanId(f.plan),
                OccurrenceId(f.occurrence),
                None,
                today,
            ))
            .expect("view")
        })
    });
    g.bench_function("xlsx of 3,321 rows", |b| b.iter(|| exports::xlsx(&view, "Tổng hợp").expect("xlsx")));
    g.finish();
    rt.block_on(app.store().close());
}

fn benches(c: &mut Criterion) {
    databases::each("coso_bench_agg", |backend, url| bench_backend(c, backend, url));
}

criterion_group!(group, benches);
criterion_main!(group);
