//! The annual community conference of a village (Law 10/2022 Art. 33, Decree 59/2023
//! Art. 10–11): recorded by the village head or the commune with its plan, notice and minutes,
//! each requirement judged (CONF-2, CONF-3); and the compliance of a commune: the villages with
//! no conference in the year's configured window (CONF-1, default October–December).

mod compliance;

pub use compliance::{ComplianceView, VillageCompliance, compliance, compliance_csv, compliance_table};

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_domain::UnitId;
use coso_domain::authz::Action;
use coso_domain::conference::{Check, ConferenceData, ConferenceInput, NOTICE_RULE, checks};
use coso_domain::unit::UnitKind;
use coso_store::{ConferenceRow, UnitRow};
use serde::Serialize;

use crate::elections::deadlines::calendar_due;
use crate::{Actor, App, Error, Result};

/// A conference with its deadline and its requirements judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConferenceView {
    pub id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub held_on: NaiveDate,
    pub place: Option<String>,
    pub plan_sent_on: Option<NaiveDate>,
    pub notice_on: Option<NaiveDate>,
    pub minutes: Option<String>,
    /// `conference.notice` (CONF-3), from the calendar's `community_conference.notice`.
    pub deadlines: Vec<ConferenceDeadline>,
    pub checks: Vec<CheckView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConferenceDeadline {
    pub rule: &'static str,
    pub due: NaiveDate,
    pub explanation: String,
    pub citation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckView {
    pub rule: &'static str,
    pub state: coso_domain::election::StepState,
    pub state_label: &'static str,
    pub reason: String,
}

fn view(app: &App, calendar: &HolidayCalendar, unit: &UnitRow, c: ConferenceRow) -> Result<ConferenceView> {
    let d = calendar_due(calendar, NOTICE_RULE, c.held_on)?;
    let judged = checks(&c.data(), d.due, app.today());
    Ok(ConferenceView {
        id: c.id,
        unit_code: unit.code.clone(),
        unit_name: unit.name.clone(),
        held_on: c.held_on,
        place: c.place,
        plan_sent_on: c.plan_sent_on,
        notice_on: c.notice_on,
        minutes: c.minutes,
        deadlines: vec![ConferenceDeadline {
            rule: "conference.notice",
            due: d.due,
            explanation: d.explanation.to_vietnamese_text_for_people(),
            citation: d.citation,
        }],
        checks: judged
            .into_iter()
            .map(|Check { rule, state, reason }| CheckView { rule, state, state_label: state.label(), reason })
            .collect(),
    })
}

/// Records a conference of the village `code`: its village head, or an official above it.
pub async fn record(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    code: &str,
    input: &ConferenceInput,
) -> Result<ConferenceView> {
    let unit = crate::units::by_code(app, code).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::HoldConferences)?;
    if !matches!(unit.kind, UnitKind::Village | UnitKind::ResidentialGroup) {
        return Err(Error::BadRequest(format!(
            "{} không phải thôn, tổ dân phố: hội nghị định kỳ là của cộng đồng dân cư thôn, tổ dân phố.",
            unit.name
        )));
    }
    let data = ConferenceData::parse(input).map_err(Error::Validation)?;
    let id = app.store().create_conference(&permit, &unit, &data, actor.audit()).await?;
    let row = app.store().conference(id).await?.ok_or(Error::NotFound)?;
    view(app, calendar, &unit, row)
}

/// A conference, for those who see its village in the admin area.
pub async fn get(app: &App, actor: &Actor, calendar: &HolidayCalendar, id: i64) -> Result<ConferenceView> {
    let row = app.store().conference(id).await?.ok_or(Error::NotFound)?;
    let unit = crate::units::by_id(app, UnitId(row.unit_id)).await?;
    actor.authorize(&unit.unit_path(), Action::ViewAdmin)?;
    view(app, calendar, &unit, row)
}

/// The conferences of the village `code`, latest first.
pub async fn list_for_unit(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    code: &str,
) -> Result<(UnitRow, Vec<ConferenceView>)> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::ViewAdmin)?;
    let rows = app.store().conferences_of_unit(unit.id).await?;
    let list = rows.into_iter().map(|c| view(app, calendar, &unit, c)).collect::<Result<Vec<_>>>()?;
    Ok((unit, list))
}
