//! Who may work on an inspection: the officials who manage inspections on the inspecting unit
//! (or above it). Anyone else is refused, whoever the inspected unit is.

use coso_domain::UnitId;
use coso_domain::authz::{Action, Permit};
use coso_store::{InspectionRow, UnitRow};

use crate::{Actor, App, Error, Result};

/// An inspection opened by someone allowed to work on it.
#[derive(Debug, Clone)]
pub struct Work {
    pub row: InspectionRow,
    /// The inspecting unit.
    pub unit: UnitRow,
    pub permit: Permit,
}

/// The inspection `id`, for an official managing inspections on its inspecting unit.
pub async fn for_work(app: &App, actor: &Actor, id: i64) -> Result<Work> {
    let row = app.store().inspection(id).await?.ok_or(Error::NotFound)?;
    let unit = crate::units::by_id(app, UnitId(row.unit_id)).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageInspections)?;
    Ok(Work { row, unit, permit })
}
