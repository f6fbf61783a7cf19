//! Units: looking them up, what a unit's pages show, adding villages, residential groups,
//! agencies and departments by form or CSV, and loading the official list.

use coso_domain::authz::Action;
use coso_domain::unit::{NewUnit, UnitInput};
use coso_domain::{FieldError, UnitId, unit_import};
use coso_store::{LoadReport, StoreError, Succession, UnitRow};

use crate::{Actor, App, Error, Result};

pub async fn by_code(app: &App, code: &str) -> Result<UnitRow> {
    app.store().unit_by_code(code.trim()).await?.ok_or(Error::NotFound)
}

pub async fn by_id(app: &App, id: UnitId) -> Result<UnitRow> {
    app.store().unit_by_id(id).await?.ok_or(Error::NotFound)
}

/// The units directly below `unit` in force today, in Vietnamese order.
pub async fn children_today(app: &App, unit: &UnitRow) -> Result<Vec<UnitRow>> {
    Ok(app.store().children(unit.unit_id(), app.today()).await?)
}

/// The provinces in force today.
pub async fn roots_today(app: &App) -> Result<Vec<UnitRow>> {
    Ok(app.store().roots(app.today()).await?)
}

/// What the public page of a unit shows.
pub struct UnitOverview {
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub children: Vec<UnitRow>,
    pub household_count: i64,
    /// The units that took over, for a unit that ceased.
    pub successors: Vec<Succession>,
}

pub async fn overview(app: &App, code: &str) -> Result<UnitOverview> {
    let unit = by_code(app, code).await?;
    let store = app.store();
    let (ancestors, children, household_count) = tokio::try_join!(
        store.ancestors(&unit),
        store.children(unit.unit_id(), app.today()),
        store.household_count(&unit)
    )?;
    let successors = if unit.valid_to.is_some() { store.successors(&unit).await? } else { vec![] };
    Ok(UnitOverview { unit, ancestors, children, household_count, successors })
}

/// What the admin page of a unit shows, for those who may see it there.
pub struct AdminUnitView {
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub children: Vec<UnitRow>,
    /// Whether the actor may add units under it.
    pub can_manage: bool,
    /// Whether the unit is in a remote area (*vùng sâu, vùng xa*; KN-3, KN-4, KN-6).
    pub remote: bool,
    /// Whether the actor may change that flag (an administrator).
    pub can_set_remote: bool,
}

pub async fn admin_view(app: &App, actor: &Actor, code: &str) -> Result<AdminUnitView> {
    let unit = by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::ViewAdmin)?;
    let can_manage = actor.may(&unit.unit_path(), Action::ManageUnits);
    let (ancestors, children, remote) = tokio::try_join!(
        app.store().ancestors(&unit),
        app.store().children(unit.unit_id(), app.today()),
        app.store().unit_remote(unit.unit_id())
    )?;
    Ok(AdminUnitView { unit, ancestors, children, can_manage, remote, can_set_remote: can_manage && actor.is_admin() })
}

/// Marks `unit` as in a remote, hard-to-reach area or not (an administrator who manages the
/// unit; audited). The
/// cases registered there afterwards get the remote periods of KN-3, KN-4 and KN-6 by default;
/// the cases already registered keep theirs.
/// `None`: the form said neither yes nor no.
pub async fn set_remote(app: &App, actor: &Actor, unit: &UnitRow, remote: Option<bool>) -> Result<()> {
    actor.authorize(&unit.unit_path(), Action::ManageUnits)?;
    actor.require_admin()?;
    let remote = remote.ok_or_else(|| Error::field("remote", "Chọn “Có” hoặc “Không” cho vùng sâu, vùng xa."))?;
    Ok(app.store().set_unit_remote(unit.unit_id(), remote, actor.audit()).await?)
}

/// Creates one unit under `parent` (a village, residential group, agency or department).
pub async fn create(app: &App, actor: &Actor, parent: &UnitRow, input: &UnitInput) -> Result<UnitRow> {
    actor.authorize(&parent.unit_path(), Action::ManageUnits)?;
    let new = NewUnit::parse(input, Some(parent.kind), app.today()).map_err(Error::Validation)?;
    if !new.kind.created_by_officials() {
        return Err(Error::Validation(vec![FieldError::new(
            "kind",
            "Chỉ tạo được thôn, tổ dân phố, cơ quan, phòng ban.",
        )]));
    }
    let created = app.store().create_units(parent, &[(1, new)], actor.audit()).await.map_err(|e| match e {
        StoreError::Rows(rows) => {
            Error::Validation(rows.into_iter().map(|r| FieldError::new("code", r.message)).collect())
        }
        other => other.into(),
    })?;
    created.into_iter().next().ok_or(Error::NotFound)
}

/// Creates the units of a CSV file under `parent`: all rows or none.
pub async fn import(app: &App, actor: &Actor, parent: &UnitRow, bytes: &[u8]) -> Result<Vec<UnitRow>> {
    actor.authorize(&parent.unit_path(), Action::ManageUnits)?;
    let kind = parent.kind;
    let rows = unit_import::parse_csv(bytes, kind, app.today()).map_err(Error::Rows)?;
    Ok(app.store().create_units(parent, &rows, actor.audit()).await?)
}

/// Loads the official 34 provinces and 3,321 communes; running it again changes nothing.
pub async fn load_official(app: &App, actor: &Actor) -> Result<LoadReport> {
    actor.require_admin()?;
    Ok(app.store().load_official_units(actor.audit()).await?)
}

/// Loads the official units when the database has none; returns how many were inserted.
pub async fn ensure_official(app: &App, actor: &Actor) -> Result<u64> {
    let counts = app.store().count_units_by_kind().await?;
    if counts.iter().any(|(kind, n)| kind == "province" && *n > 0) {
        return Ok(0);
    }
    Ok(load_official(app, actor).await?.inserted)
}
