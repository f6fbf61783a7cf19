//! Which convention a path names, and who may take it through its life: the village head and
//! the officials of the village or above; the commune's officials recognise it.

use coso_domain::UnitId;
use coso_domain::authz::{Action, Permit};
use coso_domain::unit::UnitKind;
use coso_store::{ConventionRow, UnitRow};

use crate::{Actor, App, Error, Result};

/// The convention `id` of the unit `code`; one of another unit is not found.
pub async fn convention_of_unit(app: &App, code: &str, id: i64) -> Result<(UnitRow, ConventionRow)> {
    let unit = crate::units::by_code(app, code).await?;
    let c = app.store().convention(id).await?.filter(|c| c.unit_id == unit.id).ok_or(Error::NotFound)?;
    Ok((unit, c))
}

/// The unit a convention belongs to (for the API, which names the convention alone).
pub async fn unit_of(app: &App, id: i64) -> Result<UnitRow> {
    let c = app.store().convention(id).await?.ok_or(Error::NotFound)?;
    crate::units::by_id(app, UnitId(c.unit_id)).await
}

/// Whether the actor may take the conventions of `unit` through their life.
pub fn may_manage(actor: &Actor, unit: &UnitRow) -> bool {
    actor.authorize(&unit.unit_path(), Action::ManageConventions).is_ok()
}

/// The permit to manage a convention of `unit`, which must be a village or residential group.
pub(crate) fn permit(actor: &Actor, unit: &UnitRow) -> Result<Permit> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageConventions)?;
    if !matches!(unit.kind, UnitKind::Village | UnitKind::ResidentialGroup) {
        return Err(Error::BadRequest("Hương ước, quy ước là của thôn, tổ dân phố.".into()));
    }
    Ok(permit)
}

/// The permit of the commune above the village, which recognises or returns its convention.
pub(crate) async fn commune_permit(app: &App, actor: &Actor, unit: &UnitRow) -> Result<Permit> {
    let parent = unit.parent_id.ok_or(Error::NotFound)?;
    let commune = crate::units::by_id(app, UnitId(parent)).await?;
    actor.authorize(&commune.unit_path(), Action::ManageConventions)
}
