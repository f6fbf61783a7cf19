//! The yearly staff conference of an agency: recorded by its officials, judged by the domain
//! (AG-4), its deadline from the legal calendar (AG-3, `staff_conference.deadline` counted from
//! the work year's last day).

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_domain::UnitId;
use coso_domain::agency::{
    DEADLINE_RULE, DUE_RULE, ResolutionOutcome, StaffConferenceData, StaffConferenceInput, judge, work_year_end,
};
use coso_domain::authz::Action;
use coso_store::{ResolutionRow, StaffConferenceRow, UnitRow};
use serde::Serialize;

use super::access::{require_agency, require_read};
use crate::elections::deadlines::calendar_due;
use crate::{Actor, App, Error, Result};

/// A conference with its deadline and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffConferenceView {
    pub id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub work_year: i32,
    pub held_on: Option<NaiveDate>,
    pub staff: u32,
    pub present: u32,
    pub minutes: Option<String>,
    /// The last day to hold it (AG-3).
    pub due: NaiveDate,
    /// Held after its deadline.
    pub late: bool,
    /// `staff_conference.due`.
    pub deadlines: Vec<StaffConferenceDeadline>,
    /// The fewest present that make it valid.
    pub quorum: u32,
    pub valid: bool,
    pub passed: bool,
    pub reason: String,
    pub resolutions: Vec<ResolutionOutcome>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffConferenceDeadline {
    pub rule: &'static str,
    pub due: NaiveDate,
    pub explanation: String,
    pub citation: String,
}

fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

fn data(c: &StaffConferenceRow, resolutions: &[ResolutionRow]) -> StaffConferenceData {
    StaffConferenceData {
        work_year: i32::try_from(c.work_year).unwrap_or_default(),
        held_on: c.held_on,
        staff: count(c.staff),
        present: count(c.present),
        resolutions: resolutions
            .iter()
            .filter(|r| r.conference_id == c.id)
            .map(|r| coso_domain::agency::conference::ResolutionData { title: r.title.clone(), yes: count(r.yes) })
            .collect(),
        minutes: c.minutes.clone(),
    }
}

fn view(
    calendar: &HolidayCalendar,
    unit: &UnitRow,
    c: StaffConferenceRow,
    resolutions: &[ResolutionRow],
) -> Result<StaffConferenceView> {
    let d = data(&c, resolutions);
    let year_end = work_year_end(d.work_year).ok_or_else(|| Error::internal("work year out of range"))?;
    let deadline = calendar_due(calendar, DEADLINE_RULE, year_end)?;
    let outcome = judge(&d);
    Ok(StaffConferenceView {
        id: c.id,
        unit_code: unit.code.clone(),
        unit_name: unit.name.clone(),
        work_year: d.work_year,
        held_on: d.held_on,
        staff: d.staff,
        present: d.present,
        minutes: d.minutes,
        due: deadline.due,
        late: d.held_on.is_some_and(|h| h > deadline.due),
        deadlines: vec![StaffConferenceDeadline {
            rule: DUE_RULE,
            due: deadline.due,
            explanation: deadline.explanation.to_vietnamese_text_for_people(),
            citation: deadline.citation,
        }],
        quorum: outcome.quorum,
        valid: outcome.valid,
        passed: outcome.passed,
        reason: outcome.reason,
        resolutions: outcome.resolutions,
    })
}

/// Records a staff conference of the agency `code`: its officials, or those above it. Bad input
/// (more present than staff, more yes than present) changes nothing.
pub async fn record(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    code: &str,
    input: &StaffConferenceInput,
) -> Result<StaffConferenceView> {
    let unit = crate::units::by_code(app, code).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::HoldConferences)?;
    require_agency(&unit)?;
    let data = StaffConferenceData::parse(input).map_err(Error::Validation)?;
    let id = app.store().create_staff_conference(&permit, &unit, &data, actor.audit()).await?;
    read(app, calendar, &unit, id).await
}

async fn read(app: &App, calendar: &HolidayCalendar, unit: &UnitRow, id: i64) -> Result<StaffConferenceView> {
    let row = app.store().staff_conference(id).await?.ok_or(Error::NotFound)?;
    let resolutions = app.store().staff_conference_resolutions(&[id]).await?;
    view(calendar, unit, row, &resolutions)
}

/// A conference, for the agency's officials and staff.
pub async fn get(app: &App, actor: &Actor, calendar: &HolidayCalendar, id: i64) -> Result<StaffConferenceView> {
    let row = app.store().staff_conference(id).await?.ok_or(Error::NotFound)?;
    let unit = crate::units::by_id(app, UnitId(row.unit_id)).await?;
    require_read(actor, &unit)?;
    let resolutions = app.store().staff_conference_resolutions(&[id]).await?;
    view(calendar, &unit, row, &resolutions)
}

/// The conferences of the agency `code`, the latest work year first.
pub async fn list(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    code: &str,
) -> Result<(UnitRow, Vec<StaffConferenceView>)> {
    let unit = crate::units::by_code(app, code).await?;
    require_read(actor, &unit)?;
    require_agency(&unit)?;
    let rows = app.store().staff_conferences_of_unit(unit.id).await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let resolutions = app.store().staff_conference_resolutions(&ids).await?;
    let list = rows.into_iter().map(|c| view(calendar, &unit, c, &resolutions)).collect::<Result<Vec<_>>>()?;
    Ok((unit, list))
}
