//! What a village's public page shows of its decisions: those under way or to come, and the
//! results of the last 90 days, with no household's name.

use chrono::Days;
use coso_domain::decision::{DecisionForm, DecisionStatus, Outcome};
use coso_domain::unit::UnitKind;
use coso_store::UnitRow;
use serde::Serialize;

use crate::{App, Result};

/// How far back a result stays on the public page.
const RESULTS_DAYS: u64 = 90;

/// A decision as the public reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicDecision {
    pub title: String,
    pub form: DecisionForm,
    pub held_on: chrono::NaiveDate,
    pub ends_on: chrono::NaiveDate,
    pub status: DecisionStatus,
    pub outcome: Option<Outcome>,
    pub reason: Option<String>,
}

/// The decisions of a village or residential group (none for other units).
pub async fn for_village(app: &App, unit: &UnitRow) -> Result<Vec<PublicDecision>> {
    if !matches!(unit.kind, UnitKind::Village | UnitKind::ResidentialGroup) {
        return Ok(vec![]);
    }
    let since = app.today().checked_sub_days(Days::new(RESULTS_DAYS)).unwrap_or(app.today());
    let rows = app.store().decisions_of_units_since(&[unit.id], since).await?;
    Ok(rows
        .into_iter()
        .map(|d| PublicDecision {
            title: d.decision.title,
            form: d.decision.form,
            held_on: d.decision.held_on,
            ends_on: d.decision.ends_on,
            status: d.decision.status,
            outcome: d.decision.outcome,
            reason: d.decision.reason,
        })
        .collect())
}
