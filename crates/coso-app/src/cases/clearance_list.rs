//! Who holds a clearance to read denouncers, for the administrators' list of accounts.

use coso_domain::UserId;
use coso_store::ClearanceRow;

use crate::{Actor, App, Result};

/// The clearances of each of `users` (administrators only), in the order given.
pub async fn clearances_of_users(app: &App, actor: &Actor, users: &[i64]) -> Result<Vec<(i64, Vec<ClearanceRow>)>> {
    actor.require_admin()?;
    let mut out = Vec::with_capacity(users.len());
    for id in users {
        out.push((*id, app.store().clearances_of(UserId(*id)).await?));
    }
    Ok(out)
}
