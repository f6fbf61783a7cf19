//! Who holds a clearance to read denouncers, for the administrators' pages.

use coso_store::ClearanceHolder;

use crate::{Actor, App, Result};

/// Every clearance with its holder and unit (administrators only).
pub async fn clearance_holders(app: &App, actor: &Actor) -> Result<Vec<ClearanceHolder>> {
    actor.require_admin()?;
    Ok(app.store().clearance_holders().await?)
}
