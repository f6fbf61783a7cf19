//! Which decision a path names, and the permit to manage it.

use coso_domain::UnitId;
use coso_domain::authz::{Action, Permit};
use coso_store::{DecisionRow, UnitRow};

use crate::{Actor, App, Error, Result};

/// The unit a decision belongs to (for the API, which names the decision alone).
pub async fn unit_of(app: &App, id: i64) -> Result<(UnitRow, DecisionRow)> {
    let d = app.store().decision(id).await?.ok_or(Error::NotFound)?;
    let unit = crate::units::by_id(app, UnitId(d.unit_id)).await?;
    Ok((unit, d))
}

/// The decision `id` of the unit `code`; one of another unit is not found.
pub async fn decision_of_unit(app: &App, code: &str, id: i64) -> Result<(UnitRow, DecisionRow)> {
    let unit = crate::units::by_code(app, code).await?;
    let d = app.store().decision(id).await?.filter(|d| d.unit_id == unit.id).ok_or(Error::NotFound)?;
    Ok((unit, d))
}

/// The permit to manage the decisions of `unit`: officials of the unit or above, its village head.
pub fn manage_permit(actor: &Actor, unit: &UnitRow) -> Result<Permit> {
    actor.authorize(&unit.unit_path(), Action::ManageDecisions)
}
