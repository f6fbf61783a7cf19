//! Who may read a plan, send for a unit, review what a unit receives; and the web face of the
//! reporting errors.

use coso_domain::authz::Action;
use coso_reporting::OccurrenceDetail;
use coso_reporting::ReportingError;
use coso_store::{PlanRow, UnitRow};

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use crate::views::UnitChoice;

impl From<ReportingError> for AppError {
    fn from(e: ReportingError) -> Self {
        match e {
            ReportingError::NotFound => AppError::NotFound,
            ReportingError::Invalid(fields) => AppError::Fields(fields),
            ReportingError::Conflict(m) => AppError::Conflict { field: "status", message: m },
            ReportingError::BadInput(m) => AppError::BadRequest(m),
            ReportingError::Store(s) => s.into(),
            ReportingError::Export(m) => AppError::Internal(anyhow::anyhow!(m)),
        }
    }
}

pub async fn unit_by_id(state: &AppState, id: i64) -> Result<UnitRow, AppError> {
    state.store().unit_by_id(coso_domain::UnitId(id)).await?.ok_or(AppError::NotFound)
}

/// The plan and its issuing unit, if the user may read it: they read plans at the issuer, or
/// they work at one of its target units.
pub async fn readable_plan(state: &AppState, user: &CurrentUser, plan_id: i64) -> Result<(PlanRow, UnitRow), AppError> {
    let plan = state.store().plan(plan_id).await?.ok_or(AppError::NotFound)?;
    let issuer = unit_by_id(state, plan.unit_id).await?;
    if user.authorize(&issuer.unit_path(), Action::ReadPlans).is_ok() {
        return Ok((plan, issuer));
    }
    let targets = state.store().plan_targets(plan_id).await?;
    let mine = user.grants.iter().any(|g| {
        targets.contains(&g.unit_id)
            && g.grant().is_some_and(|g| coso_domain::authz::role_allows(g.role, Action::ReadPlans))
    });
    if mine { Ok((plan, issuer)) } else { Err(AppError::Forbidden) }
}

/// The occurrence, if the user may send for `unit` and `unit` is a target of its plan: what a
/// unit is not asked to send (another unit's plan, with its number, title, due date and
/// template) does not exist for it. Every page and API call that reads an occurrence for a
/// unit loads it here.
pub async fn sendable(
    state: &AppState,
    user: &CurrentUser,
    occurrence_id: i64,
    unit: &UnitRow,
) -> Result<OccurrenceDetail, AppError> {
    user.authorize(&unit.unit_path(), Action::SubmitReports)?;
    let occurrence =
        coso_reporting::occurrence_detail(state.store(), occurrence_id).await?.ok_or(AppError::NotFound)?;
    if !state.store().targets_unit(occurrence.plan_id, unit.id).await? {
        return Err(AppError::NotFound);
    }
    Ok(occurrence)
}

/// The submission and its occurrence, if the user may review it: the user reviews reports
/// at the occurrence's receiving unit.
pub async fn reviewable(
    state: &AppState,
    user: &CurrentUser,
    submission_id: i64,
) -> Result<(coso_store::SubmissionRow, OccurrenceDetail), AppError> {
    let row = state.store().submission(submission_id).await?.ok_or(AppError::NotFound)?;
    let occ = coso_reporting::occurrence_detail(state.store(), row.occurrence_id).await?.ok_or(AppError::NotFound)?;
    let receiver = unit_by_id(state, occ.receiver_unit_id).await?;
    user.authorize(&receiver.unit_path(), Action::ReviewReports)?;
    Ok((row, occ))
}

/// The unit a reporting screen opens on: the one asked for, or the user's first granted unit.
pub fn chosen_code(user: &CurrentUser, asked: &str) -> Result<String, AppError> {
    if !asked.is_empty() {
        return Ok(asked.to_string());
    }
    user.grants.first().map(|g| g.unit_code.clone()).ok_or(AppError::Forbidden)
}

/// The units the user acts for, each granted unit once in grant order, for the unit picker.
/// Built from the session's grants: no database round.
pub fn unit_choices(user: &CurrentUser, selected: &str) -> Vec<UnitChoice> {
    let mut out: Vec<UnitChoice> = Vec::new();
    for g in &user.grants {
        if !out.iter().any(|u| u.code == g.unit_code) {
            out.push(UnitChoice {
                code: g.unit_code.clone(),
                name: g.unit_name.clone(),
                selected: g.unit_code == selected,
            });
        }
    }
    out
}
