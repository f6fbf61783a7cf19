//! Notifications (reminders and overdue notices written by the jobs), for a user and a unit.

use coso_domain::UnitId;
use coso_store::{NotificationRow, UnitRow};

use crate::{Actor, App, Error, Result};

/// The signed-in actor's notifications, newest first.
pub async fn of_user(app: &App, actor: &Actor) -> Result<Vec<NotificationRow>> {
    let user = actor.user_id().ok_or(Error::Forbidden)?;
    Ok(app.store().notifications_for_user(user, false).await?)
}

/// Marks the actor's notification `id` read; false when it was read already or is not theirs.
pub async fn mark_read(app: &App, actor: &Actor, id: i64) -> Result<bool> {
    let user = actor.user_id().ok_or(Error::Forbidden)?;
    Ok(app.store().mark_read(user, id, app.now()).await?)
}

/// The notifications sent to a unit, newest first (the caller checked the unit is readable).
pub(crate) async fn of_unit(app: &App, unit: &UnitRow) -> Result<Vec<NotificationRow>> {
    Ok(app.store().notifications_of_unit(UnitId(unit.id)).await?)
}
