//! The demo loader on a real database: SQLite always, PostgreSQL when `PG_DATABASE_URL` is set.

use std::time::Instant;

use coso_app::App;
use coso_demo::{DEMO_PASSWORD, DemoError, load_demo};
use coso_domain::authz::{Action, Grant, Role, authorize};
use coso_domain::case::{CaseKind, CaseStatus};
use coso_domain::reception::Receiver;
use coso_domain::unit::UnitKind;
use coso_store::{Actor, CaseListFilter, StatusFilter, Store, UnitRow, UnitSearch};

struct Db {
    store: Store,
    _dir: Option<tempfile::TempDir>,
}

async fn sqlite() -> Db {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::connect(&format!("sqlite://{}", dir.path().join("demo.db").display())).await.expect("open");
    store.migrate().await.expect("migrate");
    Db { store, _dir: Some(dir) }
}

async fn postgres() -> Option<Db> {
    let Ok(base) = std::env::var("PG_DATABASE_URL") else {
        assert!(std::env::var("CI").is_err(), "PG_DATABASE_URL must be set in CI");
        eprintln!("PG_DATABASE_URL is not set: skipping the PostgreSQL half of this test");
        return None;
    };
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    let name = format!("coso_demo_{}_{nanos}", std::process::id());
    let admin = Store::connect(&base).await.expect("connect to PostgreSQL");
    admin.execute_admin(&format!("CREATE DATABASE {name}")).await.expect("create database");
    admin.close().await;
    let url = format!("{}/{name}", &base[..base.rfind('/').expect("database part")]);
    let store = Store::connect(&url).await.expect("connect");
    store.migrate().await.expect("migrate");
    Some(Db { store, _dir: None })
}

/// One commune runs elections: one under way with a late step, one recognised; its villages
/// held the year's conference in part.
async fn elections_are_plausible(store: &Store, communes: &[coso_store::UnitRow]) {
    use coso_domain::election::ElectionStatus;
    let today = store.clock().today();
    let mut found = false;
    for c in communes {
        let kids = store.children(c.unit_id(), today).await.expect("children");
        let mut statuses = Vec::new();
        for k in &kids {
            statuses.extend(store.elections_of_unit(k.id).await.expect("elections").into_iter().map(|e| e.status));
        }
        if statuses.is_empty() {
            continue;
        }
        found = true;
        assert!(statuses.contains(&ElectionStatus::Preparing) && statuses.contains(&ElectionStatus::Recognised));
        let from = today.checked_sub_days(chrono::Days::new(400)).expect("date");
        let held = store.conferences_under(c.id, from, today).await.expect("conferences");
        assert!(!held.is_empty() && held.len() < kids.len(), "some villages held their conference, not all");
    }
    assert!(found, "a commune runs elections");
}

/// Loads everything and checks the shape; returns the households of the first register.
async fn loads_a_plausible_province(store: &Store) -> Vec<(String, String, i64)> {
    let started = Instant::now();
    store.load_official_units(&Actor::system("test")).await.expect("official units");
    let report = load_demo(&App::new(store.clone()), false).await.expect("demo");
    // How long it took is printed, not asserted: speed is measured on purpose, not by the suite.
    eprintln!("demo data loaded in {:?}", started.elapsed());

    let province = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let communes = store.children(province.unit_id(), store.clock().today()).await.expect("children");
    assert_eq!(communes.len(), 69);
    reception_is_plausible(store, &province, &communes, report.reception_sessions).await;
    conventions_in_force_draft_and_posted(store, &communes).await;
    // A year of disclosures, with gaps: some communes have not disclosed their budget estimate.
    assert!(report.disclosures >= 6, "{} disclosures", report.disclosures);
    let year_start = store.clock().today().checked_sub_days(chrono::Days::new(366)).expect("date");
    let rows = store.disclosed_in(&province, year_start, store.clock().today()).await.expect("disclosed");
    let with_budget: std::collections::HashSet<i64> =
        rows.iter().filter(|r| r.item_number == 2).map(|r| r.unit_id).collect();
    let registers: std::collections::HashSet<i64> = rows.iter().map(|r| r.unit_id).collect();
    assert!(!with_budget.is_empty() && with_budget.len() < registers.len(), "some budgets missing");
    elections_are_plausible(store, &communes).await;
    let mut formed = false;
    for c in &communes {
        formed |= store.boards_of_unit(c.id).await.expect("boards").iter().any(|b| b.election_id.is_some());
    }
    assert!(formed, "a People's Inspection Board formed from its recognised election");
    for c in &communes {
        let kids = store.children(c.unit_id(), store.clock().today()).await.expect("children");
        assert!((6..=12).contains(&kids.len()), "{} has {}", c.name, kids.len());
        let want = if c.kind == "ward" { "residential_group" } else { "village" };
        assert!(kids.iter().all(|k| k.kind == want), "{}", c.name);
    }
    assert_eq!(report.villages + report.residential_groups, count_created(store).await);
    let villages = store
        .search_units(&UnitSearch { kind: Some(UnitKind::Village), q: Some("thon trung".into()), ..Default::default() })
        .await
        .expect("search");
    assert!(villages.total > 0, "diacritics-insensitive search finds «Thôn Trung …»");

    assert!(report.registers.len() >= 3);
    let admin = [Grant { role: Role::Admin, unit: province.unit_path() }];
    let mut per_commune = std::collections::HashSet::new();
    let mut total = 0;
    let mut first = Vec::new();
    for code in &report.registers {
        let v = store.unit_by_code(code).await.expect("q").expect("register unit");
        per_commune.insert(v.parent_code.clone());
        let permit = authorize(&admin, &v.unit_path(), Action::ReadHouseholds).expect("permit");
        let page = store.households(&permit, &v, None, Some(200), None).await.expect("households");
        assert!((30..=120).contains(&page.total), "{code}: {}", page.total);
        total += page.total as usize;
        if first.is_empty() {
            first = page.items.iter().map(|h| (h.code.clone(), h.representative.clone(), h.member_count)).collect();
        }
    }
    assert!(per_commune.len() >= 3, "registers in several communes and a ward");
    assert_eq!(total, report.households);

    demo_cases_cover_every_state(store, report.cases).await;
    let official = report.accounts.iter().find(|a| a.email == "canbo.xa@coso.example").expect("the commune's official");
    dialogues_show_every_state(store, &official.unit_code).await;
    inspections_show_every_state(store, &official.unit_code).await;
    demo_decisions_cover_every_state(store, &province).await;

    assert_eq!(report.accounts.len(), 7);
    for role in Role::ALL {
        let a = report.accounts.iter().find(|a| a.role == role).expect("an account for each role");
        let user = store.user_by_email(&a.email).await.expect("q").expect("stored");
        let grants = store.grants_of(user.user_id()).await.expect("grants");
        assert_eq!((grants[0].role.as_str(), grants[0].unit_code.as_str()), (role.as_str(), a.unit_code.as_str()));
        assert!(user.password_hash.starts_with("$argon2id$"));
        let verified =
            coso_app::accounts::verify_password(DEMO_PASSWORD.to_string(), Some(user.password_hash.clone())).await;
        assert!(verified, "the demo password verifies");
    }

    // The demo resident represents a household of its village; a second resident waits for
    // the village head.
    let resident = store.user_by_email("nguoidan@coso.example").await.expect("q").expect("the demo resident");
    assert!(resident.is_verified());
    let village = &report.accounts.iter().find(|a| a.role == Role::Resident).expect("resident").unit_code;
    let represented = coso_app::households::representative_of(&App::new(store.clone()), resident.user_id())
        .await
        .expect("q")
        .expect("a confirmed household");
    assert_eq!(&represented.village_code, village);
    let head = [Grant {
        role: Role::VillageHead,
        unit: store.unit_by_code(village).await.expect("q").expect("v").unit_path(),
    }];
    let v = store.unit_by_code(village).await.expect("q").expect("village");
    let permit = authorize(&head, &v.unit_path(), Action::ManageHouseholds).expect("permit");
    let pending = store.pending_household_links(&permit, &v).await.expect("pending");
    assert_eq!(pending.iter().map(|l| l.email.as_str()).collect::<Vec<_>>(), [coso_demo::WAITING_RESIDENT]);

    assert!(
        matches!(load_demo(&App::new(store.clone()), false).await, Err(DemoError::NotEmpty)),
        "refuses a non-empty database"
    );
    let again = load_demo(&App::new(store.clone()), true).await.expect("forced");
    assert_eq!((again.villages, again.residential_groups, again.households, again.accounts_created), (0, 0, 0, 0));
    assert_eq!(again.reception_sessions, 0, "the reception log is not loaded twice");
    assert_eq!(again.cases, 0, "the demo cases are loaded once");
    first
}

/// Every commune and ward has a schedule and sessions over the last ten weeks; some weeks were
/// missed and some were held by a vice-chairman only.
async fn reception_is_plausible(store: &Store, province: &UnitRow, communes: &[UnitRow], sessions: usize) {
    for c in communes {
        assert_eq!(store.reception_schedule(c).await.expect("schedule").len(), 1, "{}", c.name);
    }
    assert!((communes.len() * 6..=communes.len() * 10).contains(&sessions), "{sessions} sessions");
    let today = store.clock().today();
    let from = today - chrono::Duration::days(80);
    let held = store.sessions_held_in_subtree(province, from, today).await.expect("held");
    assert_eq!(held.len(), sessions);
    assert!(held.iter().all(|h| h.held_on <= today && h.held_on > from));
    assert!(held.iter().any(|h| h.receiver_kind == Receiver::ViceChairman), "a vice-chairman received somewhere");
}

/// Every state and kind, some overdue, crowded and over-level cases, ratings, one protected
/// denouncer readable by the cleared demo account, one anonymous denunciation as information.
async fn demo_cases_cover_every_state(store: &Store, registered: usize) {
    let app = App::new(store.clone());
    let province = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let today = store.clock().today();
    let every = CaseListFilter { unit_path: province.path.clone(), status: StatusFilter::All, ..Default::default() };
    let mut all = store.case_list(&every, 200, 0).await.expect("cases");
    while all.items.len() < all.total as usize {
        let offset = all.items.len() as i64;
        let more = store.case_list(&every, 200, offset).await.expect("cases");
        all.items.extend(more.items);
    }
    assert_eq!(all.total as usize, registered);
    assert!(registered >= 60, "{registered} cases");
    for status in CaseStatus::ALL {
        assert!(all.items.iter().any(|c| c.status == status), "no case {status:?}");
    }
    for kind in CaseKind::ALL {
        assert!(all.items.iter().any(|c| c.kind == kind), "no case of kind {kind:?}");
    }
    for channel in ["web", "app", "desk", "letter", "village_head"] {
        assert!(all.items.iter().any(|c| c.channel.as_str() == channel), "no case by {channel}");
    }
    assert!(all.items.iter().any(|c| c.status.is_open() && c.due_on.is_some_and(|d| d < today)), "an overdue case");
    assert!(all.items.iter().any(|c| c.crowded) && all.items.iter().any(|c| c.over_level));
    assert!(all.items.iter().any(|c| c.publish && c.public_answer.is_some() && c.rating.is_some()));
    assert!(all.items.iter().all(|c| c.received_on <= today));
    let denunciations: Vec<_> = all.items.iter().filter(|c| c.kind == CaseKind::Denunciation).collect();
    assert_eq!(denunciations.len(), 1, "one denunciation with a protected sender");
    let sender = store.case_sender(denunciations[0].case_id()).await.expect("q").expect("the denouncer");
    assert!(sender.name.is_some() && sender.phone.is_some());
    let cleared = store.user_by_email(coso_demo::cases::CLEARED_ACCOUNT).await.expect("q").expect("the account");
    let units: Vec<_> = denunciations[0].unit_path().ids().collect();
    assert!(store.has_clearance(cleared.user_id(), "denunciation", &units).await.expect("q"));
    let stats = coso_app::cases::stats(
        &app,
        &coso_app::Actor::system("test"),
        &province,
        today - chrono::Days::new(366),
        today,
    )
    .await
    .expect("stats");
    assert_eq!(stats.kinds.iter().map(|k| k.received).sum::<i64>() as usize, registered);
}

/// The official's commune held a dialogue whose results are out, with commitments done and
/// late, and has one to come that voters asked for.
async fn dialogues_show_every_state(store: &Store, commune: &str) {
    use coso_domain::dialogue::{CommitmentStatus, DialogueStatus};
    let commune = store.unit_by_code(commune).await.expect("q").expect("commune");
    let dialogues = store.dialogues_of_unit(commune.id, true).await.expect("dialogues");
    let today = store.clock().today();
    assert_eq!(dialogues.len(), 2);
    assert!(
        dialogues.iter().any(|d| d.held_on > today && d.status == DialogueStatus::Announced && d.request_id.is_some())
    );
    let held = dialogues.iter().find(|d| d.held_on < today).expect("a dialogue held");
    assert_eq!(held.status, DialogueStatus::Published);
    let shown: Vec<CommitmentStatus> = store
        .dialogue_commitments(held.id)
        .await
        .expect("commitments")
        .iter()
        .map(|c| c.status.shown(c.due_on, today))
        .collect();
    assert_eq!(shown, [CommitmentStatus::Done, CommitmentStatus::Late, CommitmentStatus::InProgress]);
    assert_eq!(store.dialogue_questions(held.id).await.expect("questions").len(), 3);
    // The report's `dialogues` indicator counts the one held in the last two months.
    let since = today.checked_sub_days(chrono::Days::new(60)).expect("date");
    assert_eq!(store.dialogues_held(&commune, since, today).await.expect("held"), 1);
}

/// The commune's inspections: a village's concluded and published with one task done and one
/// overdue, another village's planned, and a self-inspection under way.
async fn inspections_show_every_state(store: &Store, commune: &str) {
    use coso_domain::inspection::{InspectionKind, InspectionStatus, RemediationStatus};
    let commune = store.unit_by_code(commune).await.expect("q").expect("commune");
    let rows = store.inspections_of_unit(commune.id).await.expect("inspections");
    let today = store.clock().today();
    let states: Vec<(InspectionKind, InspectionStatus)> = rows.iter().map(|i| (i.kind, i.status)).collect();
    for expected in [
        (InspectionKind::Scheduled, InspectionStatus::Concluded),
        (InspectionKind::Surprise, InspectionStatus::Planned),
        (InspectionKind::SelfInspection, InspectionStatus::InProgress),
    ] {
        assert!(states.contains(&expected), "{expected:?} in {states:?}");
    }
    let concluded = rows.iter().find(|i| i.status == InspectionStatus::Concluded).expect("concluded");
    assert!(concluded.disclosure_id.is_some(), "the result is published");
    let tasks = store.inspection_remediations(concluded.id).await.expect("tasks");
    assert!(tasks.iter().any(|t| t.status == RemediationStatus::Done));
    assert!(tasks.iter().any(|t| t.status == RemediationStatus::Open && t.due_on < today), "one overdue");
}

/// One village's convention in force, one in draft and one posted for opinions; the one in
/// force was adopted by its village's meeting on matter 3, a community decision (HU-5).
async fn conventions_in_force_draft_and_posted(store: &Store, communes: &[UnitRow]) {
    use coso_domain::convention::ConventionStatus;
    use coso_domain::decision::{Matter, Outcome};
    let mut conventions = Vec::new();
    for c in communes {
        for v in store.children(c.unit_id(), store.clock().today()).await.expect("children") {
            conventions.extend(store.conventions_of_unit(v.id).await.expect("conventions"));
        }
    }
    let mut statuses: Vec<ConventionStatus> = conventions.iter().map(|r| r.state.status).collect();
    statuses.sort_by_key(|s| s.as_str());
    assert_eq!(statuses, [ConventionStatus::Drafting, ConventionStatus::InForce, ConventionStatus::Posted]);
    let in_force = conventions.iter().find(|r| r.state.status == ConventionStatus::InForce).expect("in force");
    let decision_id = in_force.state.vote_decision_id.expect("adopted through a community decision");
    let decision = store.decision(decision_id).await.expect("decision").expect("the decision exists");
    assert_eq!(decision.matter, Matter::Convention);
    assert_eq!(decision.unit_id, in_force.unit_id);
    assert_eq!(decision.outcome, Some(Outcome::Adopted));
    assert_eq!(in_force.state.yes, decision.yes_votes, "the convention's vote is the decision's");
}

/// A meeting to come, meetings adopted, not adopted and closed short of the ratio, a ballot and
/// an online vote under way.
async fn demo_decisions_cover_every_state(store: &Store, province: &coso_store::UnitRow) {
    use coso_domain::decision::{DecisionForm, DecisionStatus, Outcome};
    let all = store.decisions_in_subtree(province).await.expect("decisions");
    let today = store.clock().today();
    assert!(all.iter().all(|d| d.decision.households > 0));
    assert!(all.iter().any(|d| d.decision.status == DecisionStatus::Open && d.decision.held_on > today));
    for outcome in Outcome::ALL {
        assert!(all.iter().any(|d| d.decision.outcome == Some(outcome)), "no decision {outcome:?}");
    }
    for form in DecisionForm::ALL {
        assert!(all.iter().any(|d| d.decision.form == form), "no decision by {form:?}");
    }
}

async fn count_created(store: &Store) -> usize {
    let mut n = 0;
    for kind in [UnitKind::Village, UnitKind::ResidentialGroup] {
        n += store
            .search_units(&UnitSearch { kind: Some(kind), limit: Some(1), ..Default::default() })
            .await
            .expect("search")
            .total as usize;
    }
    n
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_demo_is_plausible_and_the_same_every_time() {
    let a = sqlite().await;
    let b = sqlite().await;
    let first = loads_a_plausible_province(&a.store).await;
    let second = loads_a_plausible_province(&b.store).await;
    assert!(!first.is_empty());
    assert_eq!(first, second, "the same seed gives the same households");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_demo_is_plausible() {
    if let Some(db) = postgres().await {
        loads_a_plausible_province(&db.store).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_official_units_it_says_what_to_run() {
    let db = sqlite().await;
    let err = load_demo(&App::new(db.store.clone()), false).await.expect_err("no units");
    assert!(matches!(err, DemoError::OfficialUnitsMissing(_)));
    assert!(err.to_string().contains("coso units load-official"));
}
