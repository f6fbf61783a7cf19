//! The disclosure compliance of a province for a year (`coso_app::disclosures::year`): every
//! commune of Hà Tĩnh with a year of disclosures (about 30 each, radio items with their three
//! broadcast days), read as one query over the subtree and rolled up per commune and item; and
//! its XLSX. On SQLite and on PostgreSQL when `PG_DATABASE_URL` is set. The target is < 200 ms.
//! Run on purpose: `cargo bench -p coso-app --bench disclosure_year`.

#[path = "support/databases.rs"]
mod databases;

use std::time::Instant;

use chrono::{Days, NaiveDate};
use coso_app::disclosures::year;
use coso_app::{Actor, App};
use coso_domain::authz::{Action, Grant, Role, authorize};
use coso_domain::disclosure::{DisclosureData, Form, Level};
use coso_store::Store;
use criterion::{Criterion, criterion_group, criterion_main};

const YEAR: i32 = 2026;
/// Disclosures per commune in the year.
const PER_COMMUNE: u64 = 30;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// Loads the province's year; returns the disclosures written.
async fn load(store: &Store) -> usize {
    let actor = coso_store::Actor::system("bench");
    store.load_official_units(&actor).await.expect("units");
    let province = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let communes = store.children(province.unit_id(), date(YEAR, 6, 1)).await.expect("communes");
    let items = store.disclosure_items("2022", Level::Commune).await.expect("items");
    let grants = [Grant { role: Role::Admin, unit: province.unit_path() }];
    let mut written = 0;
    for (c, commune) in communes.iter().enumerate() {
        let permit = authorize(&grants, &commune.unit_path(), Action::ManageDisclosures).expect("permit");
        for n in 0..PER_COMMUNE {
            // Every commune skips a few items: item 2 in every fifth commune.
            let item = &items[usize::try_from((n + c as u64) % 14).expect("index")];
            if item.number == 2 && c % 5 == 0 {
                continue;
            }
            let from = date(YEAR, 1, 2).checked_add_days(Days::new(n * 11)).expect("date");
            let radio = item.radio_required;
            let data = DisclosureData {
                item: u8::try_from(item.number).expect("item"),
                title: format!("Nội dung công khai số {n} của {}", commune.name),
                content: "Nội dung chi tiết được niêm yết tại trụ sở và nhà văn hóa các thôn.".into(),
                legal_basis: None,
                forms: if radio { vec![Form::Posting, Form::Radio] } else { vec![Form::Posting, Form::Portal] },
                other_form_basis: None,
                place: Some("Trụ sở UBND xã".into()),
                posted_from: from,
                posted_to: from.checked_add_days(Days::new(30)),
                broadcast_days: if radio {
                    (0..3).filter_map(|d| from.checked_add_days(Days::new(d))).collect()
                } else {
                    Vec::new()
                },
                convention_vote_on: None,
                adopted_on: None,
            };
            store.insert_disclosure(&permit, commune, item.id, &data, &[], &actor).await.expect("insert");
            written += 1;
        }
    }
    written
}

fn bench_backend(c: &mut Criterion, name: &str, url: &str) {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    let (app, written) = rt.block_on(async {
        let s = Store::connect(url).await.expect("connect");
        s.migrate().await.expect("migrate");
        let started = Instant::now();
        let written = load(&s).await;
        println!("{name}: {written} disclosures loaded in {:.1} s", started.elapsed().as_secs_f64());
        (App::new(s), written)
    });
    app.clock().set_today(date(YEAR, 12, 31));
    let actor = Actor::system("bench");
    let view = rt.block_on(year::year(&app, &actor, "42", YEAR)).expect("year");
    let counted: usize = view.communes.iter().flat_map(|c| c.items.values()).map(|d| d.times).sum();
    assert_eq!(counted, written, "every disclosure counted");
    let missing_budget = view.missing_item(2).len();
    println!("{name}: {} communes, {missing_budget} without their budget estimate", view.communes.len());
    let mut g = c.benchmark_group(format!("disclosure_year/{name}"));
    g.sample_size(20);
    g.bench_function("province, one year", |b| {
        b.iter(|| rt.block_on(year::year(&app, &actor, "42", YEAR)).expect("year"))
    });
    g.bench_function("xlsx of the province's year", |b| b.iter(|| year::xlsx(&view).expect("xlsx")));
    g.finish();
    rt.block_on(app.store().close());
}

fn benches(c: &mut Criterion) {
    databases::each("coso_bench_disclosures", |backend, url| bench_backend(c, backend, url));
}

criterion_group!(group, benches);
criterion_main!(group);
