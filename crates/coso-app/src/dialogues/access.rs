//! Which dialogue a path names.

use coso_domain::UnitId;
use coso_store::{DialogueRow, UnitRow};

use crate::{App, Error, Result};

/// The dialogue `id` of the unit `code`; one of another unit is not found.
pub async fn dialogue_of_unit(app: &App, code: &str, id: i64) -> Result<(UnitRow, DialogueRow)> {
    let unit = crate::units::by_code(app, code).await?;
    let d = app.store().dialogue(id).await?.filter(|d| d.unit_id == unit.id).ok_or(Error::NotFound)?;
    Ok((unit, d))
}

/// The unit a dialogue belongs to (for the API, which names the dialogue alone).
pub async fn unit_of(app: &App, id: i64) -> Result<(UnitRow, DialogueRow)> {
    let d = app.store().dialogue(id).await?.ok_or(Error::NotFound)?;
    Ok((crate::units::by_id(app, UnitId(d.unit_id)).await?, d))
}
