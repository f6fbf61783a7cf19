//! Clearances to read the identity of denouncers on a unit's subtree: granted and revoked by
//! an administrator (or the system, from the command line), audited.

use coso_domain::FieldError;
use coso_store::{UnitRow, UserRow};

use crate::{Actor, App, Error, Result};

/// The one kind of clearance: the identity of denouncers.
pub const CLEARANCE_DENUNCIATION: &str = "denunciation";

async fn user_and_unit(app: &App, email: &str, unit: &str) -> Result<(UserRow, UnitRow)> {
    let user = app.store().user_by_email(&email.trim().to_lowercase()).await?;
    let unit_row = app.store().unit_by_code(unit.trim()).await?;
    match (user, unit_row) {
        (Some(user), Some(unit_row)) => Ok((user, unit_row)),
        (user, unit_row) => {
            let mut errors = Vec::new();
            if user.is_none() {
                errors.push(FieldError::new("email", format!("Không có người dùng «{}».", email.trim())));
            }
            if unit_row.is_none() {
                errors.push(FieldError::new("unit", format!("Không có đơn vị mã «{}».", unit.trim())));
            }
            Err(Error::Validation(errors))
        }
    }
}

/// Lets the user `email` read the identity of denouncers of the unit `unit` and below.
pub async fn grant_clearance(app: &App, actor: &Actor, email: &str, unit: &str) -> Result<()> {
    actor.require_admin()?;
    let (user, unit) = user_and_unit(app, email, unit).await?;
    Ok(app.store().grant_clearance(user.user_id(), CLEARANCE_DENUNCIATION, unit.unit_id(), actor.audit()).await?)
}

/// Takes the clearance back.
pub async fn revoke_clearance(app: &App, actor: &Actor, email: &str, unit: &str) -> Result<()> {
    actor.require_admin()?;
    let (user, unit) = user_and_unit(app, email, unit).await?;
    Ok(app.store().revoke_clearance(user.user_id(), CLEARANCE_DENUNCIATION, unit.unit_id(), actor.audit()).await?)
}
