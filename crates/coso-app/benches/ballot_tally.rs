//! Tallying a commune-wide household ballot of 20,000 households (20 villages of 1,000): the
//! ballots issued and back counted, the two entries read and compared, and the outcome judged
//! against all the households (`coso_app::decisions::ballots::progress` then `judge`). On SQLite
//! and on PostgreSQL when `PG_DATABASE_URL` is set. The target is < 100 ms.
//! Run on purpose: `cargo bench -p coso-app --bench ballot_tally`.

#[path = "support/databases.rs"]
mod databases;

use std::time::Instant;

use chrono::NaiveDate;
use coso_app::App;
use coso_app::decisions::ballots;
use coso_domain::authz::{Action, Grant, Role, authorize};
use coso_domain::decision::ballot::{BallotCode, BallotPlan, EntrySlot, TallyCounts};
use coso_domain::decision::{Comparison, DecisionData, DecisionForm, Matter, judge};
use coso_domain::household::HouseholdData;
use coso_domain::unit::{NewUnit, UnitInput, UnitKind};
use coso_store::{NewUser, Store};
use criterion::{Criterion, criterion_group, criterion_main};

const VILLAGES: u64 = 20;
const PER_VILLAGE: u64 = 1_000;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// A commune with 20,000 households and a ballot of all of them, every ballot back and the two
/// entries agreeing but the decision left open; returns its id.
async fn load(store: &Store) -> i64 {
    let system = coso_store::Actor::system("bench");
    store.load_official_units(&system).await.expect("units");
    let province = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let commune = store.children(province.unit_id(), date(2026, 1, 1)).await.expect("communes").remove(0);
    let grants = [Grant { role: Role::Official, unit: commune.unit_path() }];
    let mut villages = Vec::new();
    for v in 0..VILLAGES {
        let input = UnitInput {
            code: format!("B{v:02}"),
            name: format!("Thôn {v}"),
            kind: "village".into(),
            ..Default::default()
        };
        let unit = NewUnit::parse(&input, Some(UnitKind::Commune), date(2020, 1, 1)).expect("village");
        let village = store.create_units(&commune, &[(2, unit)], &system).await.expect("village").remove(0);
        let permit = authorize(&grants, &village.unit_path(), Action::ManageHouseholds).expect("permit");
        let rows = (1..=PER_VILLAGE).map(|i| {
            let h = HouseholdData {
                code: format!("H{i:05}"),
                address: format!("Số {i}"),
                representative: format!("Nguyễn Văn {i}"),
                member_count: 4,
                phone: None,
                valid_from: date(2020, 1, 1),
                valid_to: None,
            };
            (i + 1, h)
        });
        store.import_households(&permit, &village, rows.collect(), &system).await.expect("households");
        villages.push(village.id);
    }
    let users: Vec<coso_store::Actor> = counting_team(store, &commune).await;
    let permit = authorize(&grants, &commune.unit_path(), Action::ManageDecisions).expect("permit");
    let data = DecisionData {
        matter: Matter::Contributions,
        form: DecisionForm::Ballot,
        title: "Đóng góp làm đường liên thôn".into(),
        held_on: date(2026, 3, 1),
        ends_on: date(2100, 3, 8),
        villages: Vec::new(),
    };
    let id = store
        .open_decision(&permit, &commune, &data, Comparison::MoreThanHalf, &villages, &users[0])
        .await
        .expect("open");
    let total = usize::try_from(VILLAGES * PER_VILLAGE).expect("size");
    let codes: Vec<String> = (0..total)
        .map(|i| {
            let b = u32::try_from(i).expect("index").to_be_bytes();
            BallotCode::from_bytes([7, b[0], b[1], b[2], b[3]]).display()
        })
        .collect();
    let plan = BallotPlan {
        purpose: "Lấy ý kiến".into(),
        content: "Đồng ý mức đóng góp?".into(),
        participants: "Các hộ của xã".into(),
        starts_on: date(2026, 3, 1),
        ends_on: date(2100, 3, 8),
    };
    store.issue_ballots(&permit, &commune, id, &plan, &codes, &users[0]).await.expect("issue");
    store.collect_ballots(&permit, &commune, id, &codes[..19_000], date(2026, 3, 8), &users[0]).await.expect("collect");
    let counts = TallyCounts { yes: 11_000, no: 7_800, invalid: 200 };
    store.record_tally_entry(&permit, &commune, id, EntrySlot::First, counts, 19_000, &users[0]).await.expect("first");
    store
        .record_tally_entry(&permit, &commune, id, EntrySlot::Second, counts, 19_000, &users[1])
        .await
        .expect("second");
    id
}

/// The two members of the counting team.
async fn counting_team(store: &Store, commune: &coso_store::UnitRow) -> Vec<coso_store::Actor> {
    let mut out = Vec::new();
    for n in 1..=2 {
        let user = NewUser {
            email: format!("kiem-phieu-{n}@coso.test"),
            display_name: format!("Thành viên {n}"),
            password_hash: "x".into(),
            grants: vec![(Role::Official, commune.unit_id())],
        };
        let id = store.create_user(&user, &coso_store::Actor::system("bench")).await.expect("user");
        out.push(coso_store::Actor { user_id: Some(id), label: user.email, request_id: None });
    }
    out
}

fn bench_backend(c: &mut Criterion, name: &str, url: &str) {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    let (app, id) = rt.block_on(async {
        let s = Store::connect(url).await.expect("connect");
        s.migrate().await.expect("migrate");
        let started = Instant::now();
        let id = load(&s).await;
        println!("{name}: 20,000 households and their ballots loaded in {:.1} s", started.elapsed().as_secs_f64());
        (App::new(s), id)
    });
    let tally = || async {
        let progress = ballots::progress(&app, id).await.expect("progress");
        let counts = progress.tally.result().expect("the entries agree");
        judge(20_000, None, Some(counts.yes), Comparison::MoreThanHalf).expect("judged")
    };
    let judged = rt.block_on(tally());
    assert_eq!(judged.required, 10_001);
    c.bench_function(&format!("ballot_tally_20000_households_{name}"), |b| b.iter(|| rt.block_on(tally())));
}

fn ballot_tally(c: &mut Criterion) {
    databases::each("coso_bench_ballots", |name, url| bench_backend(c, name, url));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = ballot_tally
}
criterion_main!(benches);
