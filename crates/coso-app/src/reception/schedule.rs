//! The reception schedule: kept by the unit's officials, published on its public page.

use coso_calendar::HolidayCalendar;
use coso_domain::authz::Action;
use coso_domain::reception::{ScheduleEntry, ScheduleInput, ScheduleKind, Upcoming, upcoming};
use coso_store::{ReceptionScheduleRow, UnitRow};

use super::{day_off, require_reception};
use crate::{Actor, App, Error, Result};

/// How far ahead the next sessions are listed.
pub const DAYS_AHEAD: u64 = 28;

/// What the public page shows: the regular lines and the next sessions, no personal data.
#[derive(Debug, Clone)]
pub struct PublicSchedule {
    pub regular: Vec<ScheduleEntry>,
    pub upcoming: Vec<Upcoming>,
}

impl PublicSchedule {
    pub fn is_empty(&self) -> bool {
        self.regular.is_empty() && self.upcoming.is_empty()
    }
}

/// The published schedule of `unit` from today on.
pub async fn public(app: &App, unit: &UnitRow, calendar: &HolidayCalendar) -> Result<PublicSchedule> {
    let rows = app.store().reception_schedule(unit).await?;
    let entries: Vec<ScheduleEntry> = rows.iter().map(ReceptionScheduleRow::entry).collect();
    let upcoming = upcoming(&entries, app.today(), DAYS_AHEAD, &day_off(calendar));
    let regular = entries.into_iter().filter(|e| e.kind == ScheduleKind::Weekly).collect();
    Ok(PublicSchedule { regular, upcoming })
}

/// What the schedule's admin page shows.
pub struct ScheduleView {
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub rows: Vec<ReceptionScheduleRow>,
    pub upcoming: Vec<Upcoming>,
}

pub async fn view(app: &App, actor: &Actor, code: &str, calendar: &HolidayCalendar) -> Result<ScheduleView> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::ManageReception)?;
    require_reception(&unit)?;
    let (ancestors, rows) = tokio::try_join!(app.store().ancestors(&unit), app.store().reception_schedule(&unit))?;
    let entries: Vec<ScheduleEntry> = rows.iter().map(ReceptionScheduleRow::entry).collect();
    let upcoming = upcoming(&entries, app.today(), DAYS_AHEAD, &day_off(calendar));
    Ok(ScheduleView { unit, ancestors, rows, upcoming })
}

/// Adds a line to the unit's schedule.
pub async fn add(app: &App, actor: &Actor, unit: &UnitRow, input: &ScheduleInput) -> Result<i64> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageReception)?;
    require_reception(unit)?;
    let entry = ScheduleEntry::parse(input, app.today()).map_err(Error::Validation)?;
    Ok(app.store().add_schedule_entry(&permit, unit, &entry, actor.audit()).await?)
}

/// Removes a line of the unit's schedule.
pub async fn remove(app: &App, actor: &Actor, unit: &UnitRow, id: i64) -> Result<()> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageReception)?;
    Ok(app.store().remove_schedule_entry(&permit, unit, id, actor.audit()).await?)
}
