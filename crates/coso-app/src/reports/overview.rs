//! A unit's inbox page in one read: what it must send, what it received to review, and its
//! latest notifications. The same for every official of the unit, so the web may keep it a
//! few seconds; what each one may see is decided when it is shown.

use coso_calendar::HolidayCalendar;
use coso_domain::authz::Action;
use coso_store::{NotificationRow, ReceivedItem, UnitRow};

use super::inbox::{InboxEntry, entries};
use crate::{Actor, App, Result, notifications};

/// Notifications an inbox shows.
pub const NOTIFICATIONS_SHOWN: usize = 20;

pub struct InboxOverview {
    pub unit: UnitRow,
    pub entries: Vec<InboxEntry>,
    received: Vec<ReceivedItem>,
    pub notifications: Vec<NotificationRow>,
}

impl InboxOverview {
    /// Fails unless the actor reads plans at the unit (checked again on a kept copy).
    pub fn check_readable(&self, actor: &Actor) -> Result<()> {
        actor.authorize(&self.unit.unit_path(), Action::ReadPlans).map(|_| ())
    }

    /// The reports waiting for review at the unit, for those who review there.
    pub fn received_for(&self, actor: &Actor) -> &[ReceivedItem] {
        if actor.may(&self.unit.unit_path(), Action::ReviewReports) { &self.received } else { &[] }
    }
}

/// The inbox page of `unit`; nothing is read for someone who may not see it.
pub async fn overview(app: &App, actor: &Actor, calendar: &HolidayCalendar, unit: UnitRow) -> Result<InboxOverview> {
    actor.authorize(&unit.unit_path(), Action::ReadPlans)?;
    let (entries, received, mut notifications) = tokio::try_join!(
        entries(app, calendar, unit.id),
        async { Ok(app.store().received(unit.unit_id()).await?) },
        notifications::of_unit(app, &unit),
    )?;
    notifications.truncate(NOTIFICATIONS_SHOWN);
    Ok(InboxOverview { unit, entries, received, notifications })
}
