//! The overview of a province's overdue findings and commitments
//! (`coso_app::boards::overdue_overview`): every commune of Hà Tĩnh with its People's Inspection
//! Board and 40 findings sent over a year, and one dialogue with 40 commitments due over a year,
//! a quarter of each still open past its deadline; the whole overview (the two lists and the two
//! counts per commune, one query each over the subtree) is timed. On SQLite and on PostgreSQL
//! when `PG_DATABASE_URL` is set. The target is < 200 ms.
//! Run on purpose: `cargo bench -p coso-app --bench board_overdue`.

#[path = "support/databases.rs"]
mod databases;

use std::time::Instant;

use chrono::{Days, NaiveDate};
use coso_app::{Actor, App};
use coso_domain::authz::{Action, Grant, Role, authorize};
use coso_domain::board::{BoardKind, MemberRole, MemberSource, ReportCadence};
use coso_domain::dialogue::{CommitmentStatus, DialogueData, ProgressData};
use coso_store::{NewBoard, NewCommitment, NewFinding, NewMember, Store, UnitRow};
use criterion::{Criterion, criterion_group, criterion_main};

/// Findings per commune, and commitments of its dialogue.
const PER_COMMUNE: u64 = 40;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// Loads a dialogue of the commune with its commitments, three in four done; returns how many
/// are overdue on `today`.
async fn load_commitments(store: &Store, grants: &[Grant], commune: &UnitRow, today: NaiveDate) -> usize {
    let actor = coso_store::Actor::system("bench");
    let permit = authorize(grants, &commune.unit_path(), Action::HoldDialogues).expect("permit");
    let data = DialogueData {
        topic: Some("Đối thoại định kỳ năm 2025".into()),
        villages: vec![],
        held_on: date(2025, 1, 8),
        place: Some("Hội trường Ủy ban nhân dân xã".into()),
        online: false,
        voters: Some(5000),
    };
    let dialogue = store.create_dialogue(&permit, commune, &data, &[], None, &actor).await.expect("dialogue");
    store.announce_dialogue(&permit, commune, dialogue, date(2025, 1, 1), &actor).await.expect("announce");
    let mut overdue = 0;
    for n in 0..PER_COMMUNE {
        let due_on = date(2025, 2, 1).checked_add_days(Days::new(n * 9)).expect("date");
        let new = NewCommitment {
            owner_unit_id: commune.id,
            body: format!("Cam kết số {n} của {}", commune.name),
            due_on,
            question_id: None,
        };
        let id = store.add_dialogue_commitment(&permit, commune, dialogue, &new, &actor).await.expect("commitment");
        if n % 4 == 0 {
            if due_on < today {
                overdue += 1;
            }
        } else {
            let done = ProgressData { status: CommitmentStatus::Done, percent: 100, note: "Đã hoàn thành.".into() };
            store.update_commitment_progress(&permit, commune, id, &done, due_on, &actor).await.expect("progress");
        }
    }
    overdue
}

/// Loads a board per commune with its findings, and a dialogue with its commitments; returns
/// how many findings and how many commitments are overdue on `today`.
async fn load(store: &Store, today: NaiveDate) -> (usize, usize) {
    let actor = coso_store::Actor::system("bench");
    store.load_official_units(&actor).await.expect("units");
    let province = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let communes = store.children(province.unit_id(), today).await.expect("communes");
    let grants = [Grant { role: Role::Admin, unit: province.unit_path() }];
    let mut overdue = 0;
    let mut commitments = 0;
    for commune in &communes {
        commitments += load_commitments(store, &grants, commune, today).await;
        let permit = authorize(&grants, &commune.unit_path(), Action::ManageBoards).expect("permit");
        let members = (0..5)
            .map(|i| NewMember {
                name: format!("Thành viên {i}"),
                role: if i == 0 { MemberRole::Head } else { MemberRole::Member },
                source: MemberSource::Resident,
                village_id: None,
                user_id: None,
            })
            .collect();
        let new = NewBoard {
            kind: BoardKind::Inspection,
            reports: ReportCadence::Quarterly,
            elected_by: "Biên bản hội nghị".into(),
            elected_on: date(2025, 1, 5),
            project: None,
            members,
        };
        let board = store.create_board(&permit, commune, &new, &actor).await.expect("board");
        for n in 0..PER_COMMUNE {
            let sent_on = date(2025, 1, 10).checked_add_days(Days::new(n * 9)).expect("date");
            let due_on = sent_on.checked_add_days(Days::new(15)).expect("date");
            let finding = NewFinding {
                activity_id: None,
                to_unit_id: commune.id,
                subject: format!("Kiến nghị số {n} của {}", commune.name),
                body: "Đề nghị công khai và trả lời.".into(),
                sent_on,
                due_on,
            };
            let id = store.send_finding(&permit, commune, board, &finding, &actor).await.expect("finding");
            if n % 4 == 0 {
                if due_on < today {
                    overdue += 1;
                }
            } else {
                store.answer_finding(&permit, commune, id, "Đã trả lời.", due_on, &actor).await.expect("answer");
            }
        }
    }
    (overdue, commitments)
}

fn bench_backend(c: &mut Criterion, name: &str, url: &str) {
    let today = date(2026, 3, 2);
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    let (app, overdue) = rt.block_on(async {
        let s = Store::connect(url).await.expect("connect");
        s.migrate().await.expect("migrate");
        let started = Instant::now();
        let overdue = load(&s, today).await;
        println!(
            "{name}: boards, findings, dialogues and commitments loaded in {:.1} s, {} findings and {} commitments overdue",
            started.elapsed().as_secs_f64(),
            overdue.0,
            overdue.1
        );
        (App::new(s), overdue)
    });
    app.clock().set_today(today);
    let actor = Actor::system("bench");
    let province = rt.block_on(coso_app::units::by_code(&app, "42")).expect("province");
    let listed = rt.block_on(coso_app::boards::overdue_overview(&app, &actor, &province)).expect("overview");
    let limit = usize::try_from(coso_app::boards::view::OVERVIEW_LIMIT).expect("limit");
    assert_eq!(listed.findings.len(), overdue.0.min(limit));
    assert_eq!(listed.commitments.len(), overdue.1.min(limit));
    assert_eq!(listed.findings_total(), i64::try_from(overdue.0).expect("count"));
    assert_eq!(listed.commitments_total(), i64::try_from(overdue.1).expect("count"));
    let mut g = c.benchmark_group(format!("board_overdue/{name}"));
    g.sample_size(20);
    g.bench_function("province's overdue findings and commitments", |b| {
        b.iter(|| rt.block_on(coso_app::boards::overdue_overview(&app, &actor, &province)).expect("overview"))
    });
    g.finish();
    rt.block_on(app.store().close());
}

fn benches(c: &mut Criterion) {
    databases::each("coso_bench_boards", |backend, url| bench_backend(c, backend, url));
}

criterion_group!(group, benches);
criterion_main!(group);
