//! Deterministic demo data for coso.
//!
//! On a database that holds the official units, [`load_demo`] fills one real province,
//! Hà Tĩnh (code `42`): villages (thôn) under every commune, residential groups (tổ dân phố)
//! under every ward, household registers in a few of them, one account for each role, and the
//! demo resident linked to a household of its village (a second one waiting for the village head).
//! A seeded generator makes the data the same on every run. Every demo account has the
//! password [`DEMO_PASSWORD`].

mod accounts;
mod agency;
mod boards;
pub mod cases;
mod consultations;
mod conventions;
mod decision_votes;
mod decisions;
mod dialogues;
mod disclosures;
mod dissemination;
mod elections;
mod error;
pub mod households;
mod inspections;
mod links;
mod names;
mod plans;
mod reception;
mod report;
mod rng;
mod steering;
mod villages;

use std::collections::HashSet;

use chrono::NaiveDate;
use coso_app::{Actor, App};
use coso_domain::authz::{Action, Role};
use coso_domain::unit::{NewUnit, UnitKind};
use coso_store::{NewUser, UnitRow};

pub use accounts::DemoAccount;
pub use error::DemoError;
pub use links::WAITING_RESIDENT;
pub use report::DemoReport;
pub use villages::plan_children;

/// The one password of every demo account. Demo databases only: never in production.
pub const DEMO_PASSWORD: &str = "coso-demo-2025";

/// The province the demo data fills: Hà Tĩnh.
pub const DEMO_PROVINCE: &str = "42";

/// The start of validity of every demo unit and household (the two-tier reform).
pub const DEMO_VALID_FROM: NaiveDate = coso_domain::unit::TWO_TIER_START;

/// Communes whose villages get household registers, and how many villages each.
const REGISTER_COMMUNES: usize = 3;
const REGISTERS_PER_COMMUNE: usize = 3;
/// Residential groups of the first ward that get household registers.
const REGISTERS_IN_WARD: usize = 2;
/// Communes that get a case in every state of every kind (the first is the accounts' own).
const CASE_ANCHORS: usize = 2;

/// Loads the demo data. Refuses a database that already holds accounts, households or
/// units created by users unless `force`; with `force`, only what is missing is added.
pub async fn load_demo(app: &App, force: bool) -> Result<DemoReport, DemoError> {
    let store = app.store();
    if !force && store.has_user_data().await? {
        return Err(DemoError::NotEmpty);
    }
    let actor = Actor::system("demo");
    let province = store.unit_by_code(DEMO_PROVINCE).await?.ok_or(DemoError::OfficialUnitsMissing(DEMO_PROVINCE))?;
    let on = app.today();
    let mut report = DemoReport::default();
    let mut communes: Vec<(UnitRow, Vec<UnitRow>)> = Vec::new();
    let mut wards: Vec<(UnitRow, Vec<UnitRow>)> = Vec::new();
    for parent in store.children(province.unit_id(), on).await? {
        let kind = parent.kind;
        if !kind.is_commune_level() {
            continue;
        }
        let children = ensure_children(app, &parent, kind, &actor, &mut report).await?;
        if kind == UnitKind::Ward {
            wards.push((parent, children));
        } else {
            communes.push((parent, children));
        }
    }
    let mut registers: Vec<&UnitRow> = spread(&communes, REGISTER_COMMUNES)
        .into_iter()
        .flat_map(|(_, villages)| villages.iter().take(REGISTERS_PER_COMMUNE))
        .collect();
    registers.extend(wards.first().into_iter().flat_map(|(_, groups)| groups.iter().take(REGISTERS_IN_WARD)));
    for village in &registers {
        let permit = actor
            .authorize(&village.unit_path(), Action::ManageHouseholds)
            .map_err(|_| DemoError::Forbidden(village.code.clone()))?;
        let kind = village.kind;
        let rows = households::households_for(&village.code, &village.name, kind);
        let r = store.import_households(&permit, village, rows, actor.audit()).await?;
        report.households += r.inserted;
        report.registers.push(village.code.clone());
    }
    let (Some((commune, _)), Some(village)) = (spread(&communes, REGISTER_COMMUNES).first(), registers.first()) else {
        return Err(DemoError::OfficialUnitsMissing(DEMO_PROVINCE));
    };
    let anchors = accounts::Anchors { province: &province.code, commune: &commune.code, village: &village.code };
    report.accounts = accounts::demo_accounts(&anchors);
    report.accounts_created = create_accounts(app, &report.accounts, &actor).await?;
    let resident = report.accounts.iter().find(|a| a.role == Role::Resident).map(|a| a.email.clone());
    if let Some(resident) = resident {
        links::load(app, village, &resident, &actor).await?;
    }
    let commune_units: Vec<UnitRow> = communes.iter().chain(wards.iter()).map(|(c, _)| c.clone()).collect();
    report.reports_sent = plans::load(app, &province, &commune_units, &commune.code, &actor).await?;
    report.reception_sessions = reception::load(app, &commune_units, &commune.code, &actor).await?;
    let news = dissemination::load(app, &province, &commune_units, &commune.code, &actor).await?;
    // The accounts' commune first: its official holds the clearance of the demo's denouncer.
    let case_units: Vec<(UnitRow, Vec<UnitRow>)> = communes.iter().chain(wards.iter()).cloned().collect();
    report.cases = cases::load(app, &province, &case_units, CASE_ANCHORS, &actor).await?;
    let commune_villages = communes.iter().find(|(c, _)| c.code == commune.code).map_or(&[][..], |(_, v)| v.as_slice());
    let residents = report.accounts.iter().filter(|a| a.role == Role::Resident).map(|a| a.email.as_str());
    let residents: Vec<&str> = residents.chain([links::WAITING_RESIDENT]).collect();
    consultations::load(app, commune, commune_villages, &residents, &actor).await?;
    let dialogues = dialogues::load(app, commune, commune_villages, &actor).await?;
    // Decisions before conventions: they load only into a village with none, and the convention
    // in force adds the meeting that adopted it.
    decisions::load(app, commune_villages, &actor).await?;
    conventions::load(app, commune_villages, &actor).await?;
    elections::load(app, commune_villages, &actor).await?;
    report.disclosures = disclosures::load(app, &case_units, &actor).await?;
    dialogues::disclose(app, commune).await?;
    boards::load(app, commune, commune_villages, &actor).await?;
    elections::load_board_election(app, &case_units, commune, &actor).await?;
    inspections::load(app, commune, commune_villages, &actor).await?;
    let province_official = report.accounts.iter().find(|a| a.role == Role::Official && a.unit_code == province.code);
    let province_official = province_official.map(|a| a.email.clone()).unwrap_or_default();
    steering::load(app, &province, &commune_units, commune, commune_villages, &province_official, &actor).await?;
    agency::load(app, &actor).await?;
    decision_votes::load(app, village, &actor).await?;
    tracing::info!(
        villages = report.villages,
        residential_groups = report.residential_groups,
        households = report.households,
        accounts = report.accounts_created,
        cases = report.cases,
        news,
        dialogues,
        "demo data loaded"
    );
    Ok(report)
}

/// Creates the planned villages or residential groups of `parent` that are not there yet and
/// returns all of them, in plan order.
async fn ensure_children(
    app: &App,
    parent: &UnitRow,
    kind: UnitKind,
    actor: &Actor,
    report: &mut DemoReport,
) -> Result<Vec<UnitRow>, DemoError> {
    let planned = villages::plan_children(&parent.code, kind);
    let existing: Vec<UnitRow> = app.store().children(parent.unit_id(), app.today()).await?;
    let present: HashSet<&str> = existing.iter().map(|u| u.code.as_str()).collect();
    let missing: Vec<(u64, NewUnit)> = planned
        .iter()
        .enumerate()
        .filter(|(_, u)| !present.contains(u.code.as_str()))
        .map(|(i, u)| (i as u64 + 2, u.clone()))
        .collect();
    let created =
        if missing.is_empty() { Vec::new() } else { app.store().create_units(parent, &missing, actor.audit()).await? };
    for u in &created {
        match u.kind {
            UnitKind::ResidentialGroup => report.residential_groups += 1,
            _ => report.villages += 1,
        }
    }
    let mut all: Vec<UnitRow> = existing.into_iter().chain(created).collect();
    let order = |u: &UnitRow| planned.iter().position(|p| p.code.as_str() == u.code);
    all.retain(|u| order(u).is_some());
    all.sort_by_key(|u| order(u));
    Ok(all)
}

/// `n` elements spread over the list (first, a third of the way, two thirds).
fn spread<T>(items: &[T], n: usize) -> Vec<&T> {
    if items.is_empty() {
        return Vec::new();
    }
    let mut idx: Vec<usize> = (0..n).map(|i| i * items.len() / n).collect();
    idx.dedup();
    idx.into_iter().filter_map(|i| items.get(i)).collect()
}

async fn create_accounts(app: &App, accounts: &[DemoAccount], actor: &Actor) -> Result<usize, DemoError> {
    let store = app.store();
    // Hashing is slow on purpose: hash the one password once and share the hash.
    let mut hash: Option<String> = None;
    let mut created = 0;
    for a in accounts {
        if store.user_by_email(&a.email).await?.is_some() {
            continue;
        }
        let Some(unit) = store.unit_by_code(&a.unit_code).await? else {
            return Err(DemoError::OfficialUnitsMissing(DEMO_PROVINCE));
        };
        let password_hash = match &hash {
            Some(h) => h.clone(),
            None => {
                let h = coso_app::accounts::hash_password(DEMO_PASSWORD.to_string())
                    .await
                    .map_err(|e| DemoError::Hash(e.to_string()))?;
                hash = Some(h.clone());
                h
            }
        };
        let user = NewUser {
            email: a.email.clone(),
            display_name: a.display_name.clone(),
            password_hash,
            grants: vec![(a.role, unit.unit_id())],
        };
        store.create_user(&user, actor.audit()).await?;
        created += 1;
    }
    Ok(created)
}
