//! Reading decisions: one with its outcome, reason and deadlines (the API's shape), the list of
//! a unit and those below it, and the households of the snapshot with who attended.

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_domain::authz::Action;
use coso_domain::decision::{Comparison, DecisionForm, DecisionStatus, Matter, Outcome, VotingMethod, judge, required};
use coso_store::{DecisionHouseholdRow, DecisionListed, DecisionRow, UnitRow};
use serde::Serialize;

use super::access::manage_permit;
use super::deadlines::{DecisionDeadline, deadlines};
use crate::{Actor, App, Error, Result};

/// A decision as people and the API read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionView {
    pub id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub matter: Matter,
    pub form: DecisionForm,
    pub title: String,
    pub date: NaiveDate,
    pub ends_on: NaiveDate,
    pub status: DecisionStatus,
    pub comparison: Comparison,
    /// Whether the comparison rests on a number the sources did not confirm (matters 4–5).
    pub comparison_unverified: bool,
    /// The size of the snapshot: every household counts (DEC-6).
    pub households: i64,
    pub present: Option<i64>,
    pub yes: Option<i64>,
    pub no: Option<i64>,
    pub invalid: Option<i64>,
    /// How many households must agree.
    pub required: i64,
    /// The outcome: recorded once closed, computed from the counts while open; `None` while
    /// nothing settles it.
    pub outcome: Option<Outcome>,
    pub reason: Option<String>,
    /// Whether the household ballot is offered (attendance cannot reach the ratio).
    pub ballot_offered: bool,
    pub voting_method: Option<VotingMethod>,
    pub secretary: Option<String>,
    pub counting_board: Vec<String>,
    pub deadlines: Vec<DecisionDeadline>,
}

fn build(app: &App, calendar: &HolidayCalendar, unit: &UnitRow, d: DecisionRow) -> Result<DecisionView> {
    let rules = &app.settings().decisions;
    let households = u32::try_from(d.households.max(0)).unwrap_or(u32::MAX);
    let as_u32 = |v: Option<i64>| v.map(|n| u32::try_from(n.max(0)).unwrap_or(u32::MAX));
    let live = judge(households, as_u32(d.present), as_u32(d.yes_votes), d.comparison);
    let (outcome, reason) = match (&d.outcome, &live) {
        (Some(o), _) => (Some(*o), d.reason.clone()),
        (None, Some(j)) => (Some(j.outcome), Some(j.reason.clone())),
        (None, None) => (None, None),
    };
    let counting_board = d
        .counting_board
        .as_deref()
        .map(serde_json::from_str::<Vec<String>>)
        .transpose()
        .map_err(Error::internal)?
        .unwrap_or_default();
    Ok(DecisionView {
        deadlines: deadlines(calendar, rules, &d)?,
        id: d.id,
        unit_code: unit.code.clone(),
        unit_name: unit.name.clone(),
        matter: d.matter,
        form: d.form,
        title: d.title,
        date: d.held_on,
        ends_on: d.ends_on,
        status: d.status,
        comparison: d.comparison,
        comparison_unverified: rules.comparison_unverified(d.matter),
        households: d.households,
        present: d.present,
        yes: d.yes_votes,
        no: d.no_votes,
        invalid: d.invalid_votes,
        required: i64::from(required(households, d.comparison)),
        ballot_offered: outcome == Some(Outcome::RatioUnreachable),
        outcome,
        reason,
        voting_method: d.voting_method,
        secretary: d.secretary,
        counting_board,
    })
}

/// One decision, for those who may see the unit's administration.
pub async fn view(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    unit: &UnitRow,
    id: i64,
) -> Result<DecisionView> {
    actor.authorize(&unit.unit_path(), Action::ViewAdmin)?;
    let d = app.store().decision(id).await?.filter(|d| d.unit_id == unit.id).ok_or(Error::NotFound)?;
    build(app, calendar, unit, d)
}

/// The decisions of `unit` and the units below it, the latest first.
pub async fn list_for_unit(app: &App, actor: &Actor, unit: &UnitRow) -> Result<Vec<DecisionListed>> {
    actor.authorize(&unit.unit_path(), Action::ViewAdmin)?;
    Ok(app.store().decisions_in_subtree(unit).await?)
}

/// The households of a decision with who attended, for those who manage it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HouseholdsView {
    pub households: Vec<DecisionHouseholdRow>,
    pub attended: usize,
}

pub async fn households(app: &App, actor: &Actor, unit: &UnitRow, id: i64) -> Result<HouseholdsView> {
    let permit = manage_permit(actor, unit)?;
    let households = app.store().decision_households(&permit, unit, id).await?;
    let attended = households.iter().filter(|h| h.attended).count();
    Ok(HouseholdsView { households, attended })
}
