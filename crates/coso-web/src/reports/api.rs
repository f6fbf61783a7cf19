//! `/api/v1` for a unit's inbox, submissions, reviews and notifications.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::StatusCode;
use coso_domain::authz::Action;
use coso_domain::report::{ReportInput, ScoreInput};
use coso_reporting::inbox::InboxEntry;
use coso_reporting::{inbox, submit, templates};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::actions;
use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::extract::{Json, Path};
use crate::reporting::access;
use crate::state::AppState;

/// What the unit must send: due items by due date, with working days left and the calendar's
/// explanation.
#[utoipa::path(get, path = "/api/v1/units/{code}/inbox", tag = "plans", params(("code" = String, Path)),
    responses((status = 200, body = Object), (status = 403, body = ErrorBody)))]
pub async fn unit_inbox(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> ApiResult<Json<Vec<InboxEntry>>> {
    let unit = actions::unit_or_not_found(&state, &code).await?;
    user.authorize(&unit.unit_path(), Action::ReadPlans)?;
    let calendar = crate::calendar::current(&state).await?;
    Ok(Json(inbox::inbox(state.store(), &calendar, unit.id, state.clock.today()).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct AssessmentLine {
    pub code: String,
    #[schema(value_type = Object)]
    pub points: serde_json::Value,
    #[serde(default)]
    pub evidence: String,
}

#[derive(Deserialize, ToSchema)]
pub struct SubmissionCreate {
    pub occurrence_id: i64,
    /// Indicator code → number (a JSON number or a string as typed).
    #[serde(default)]
    #[schema(value_type = Object)]
    pub indicators: BTreeMap<String, serde_json::Value>,
    /// Narrative section code → text.
    #[serde(default)]
    pub narrative: BTreeMap<String, String>,
    #[serde(default)]
    pub assessment: Vec<AssessmentLine>,
    /// For an implementing-plan obligation: the unit's own plan.
    pub implementing_plan_id: Option<i64>,
}

/// A submission as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct Submission {
    pub id: i64,
    pub occurrence_id: i64,
    pub unit_code: String,
    /// submitted | accepted | returned
    pub status: String,
    pub version: i64,
    pub first_submitted_on: String,
    pub score: Option<f64>,
    pub rank: Option<String>,
}

fn as_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Sends the unit's report (validated against the template) or implementing plan. Sending
/// again is allowed only after the report was returned; every version is kept.
#[utoipa::path(post, path = "/api/v1/units/{code}/submissions", tag = "plans", params(("code" = String, Path)), request_body = SubmissionCreate,
    responses((status = 201, body = Submission), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn submit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<SubmissionCreate>,
) -> ApiResult<(StatusCode, Json<Submission>)> {
    let unit = actions::unit_or_not_found(&state, &code).await?;
    let occurrence = access::sendable(&state, &user, b.occurrence_id, &unit).await?;
    let actor = user.actor();
    let sending = submit::Sending {
        occurrence: &occurrence,
        unit: &unit,
        actor: &actor,
        now: state.clock.now(),
        today: state.clock.today(),
    };
    let row = if occurrence.kind == "implementing_plan" {
        let plan_id = b.implementing_plan_id.ok_or_else(|| {
            AppError::Fields(vec![coso_domain::PathError {
                field: "implementing_plan_id".into(),
                message: "Chưa chọn kế hoạch thực hiện của đơn vị.".into(),
            }])
        })?;
        submit::submit_implementing_plan(state.store(), sending, plan_id).await?
    } else {
        let template_id = occurrence.template_id.ok_or(AppError::NotFound)?;
        let template = templates::load(state.store(), template_id).await?;
        let input = ReportInput {
            indicators: b.indicators.iter().map(|(k, v)| (k.clone(), as_text(v))).collect(),
            narrative: b.narrative,
            assessment: b
                .assessment
                .iter()
                .map(|a| (a.code.clone(), ScoreInput { points: as_text(&a.points), evidence: a.evidence.clone() }))
                .collect(),
        };
        submit::submit_report(state.store(), &template, sending, &input).await?
    };
    Ok((StatusCode::CREATED, Json(submission_wire(row, &unit.code))))
}

fn submission_wire(row: coso_store::SubmissionRow, unit_code: &str) -> Submission {
    Submission {
        id: row.id,
        occurrence_id: row.occurrence_id,
        unit_code: unit_code.to_string(),
        status: row.status,
        version: row.version,
        first_submitted_on: row.first_submitted_on.to_string(),
        score: row.score,
        rank: row.rank,
    }
}

/// A submission with every kept version.
#[utoipa::path(get, path = "/api/v1/submissions/{id}", tag = "plans", params(("id" = i64, Path)),
    responses((status = 200, body = Object), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_submission(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<serde_json::Value>> {
    let (row, unit, occurrence) = readable_submission(&state, &user, id).await?;
    let versions = state.store().submission_versions(id).await?;
    Ok(Json(serde_json::json!({
        "submission": submission_wire(row, &unit.code),
        "plan_id": occurrence.plan_id,
        "period_key": occurrence.period_key,
        "versions": versions,
    })))
}

/// The submission, if the user may read it: at the sending unit, or at the receiving unit.
pub async fn readable_submission(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
) -> Result<(coso_store::SubmissionRow, coso_store::UnitRow, coso_reporting::OccurrenceDetail), AppError> {
    let row = state.store().submission(id).await?.ok_or(AppError::NotFound)?;
    let unit = access::unit_by_id(state, row.unit_id).await?;
    let occurrence =
        coso_reporting::occurrence_detail(state.store(), row.occurrence_id).await?.ok_or(AppError::NotFound)?;
    let receiver = access::unit_by_id(state, occurrence.receiver_unit_id).await?;
    let ok = user.authorize(&unit.unit_path(), Action::ReadPlans).is_ok()
        || user.authorize(&receiver.unit_path(), Action::ReviewReports).is_ok();
    if ok { Ok((row, unit, occurrence)) } else { Err(AppError::Forbidden) }
}

#[derive(Deserialize, ToSchema)]
pub struct ReviewBody {
    /// true: accept; false: return for correction (a comment is then required).
    pub accept: bool,
    #[serde(default)]
    pub comment: String,
}

/// The receiving unit accepts a submission, or returns it with a comment.
#[utoipa::path(post, path = "/api/v1/submissions/{id}/review", tag = "plans", params(("id" = i64, Path)), request_body = ReviewBody,
    responses((status = 200, body = Submission), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn review(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<ReviewBody>,
) -> ApiResult<Json<Submission>> {
    let (row, _) = access::reviewable(&state, &user, id).await?;
    let unit = access::unit_by_id(&state, row.unit_id).await?;
    let row = submit::review(state.store(), id, b.accept, &b.comment, state.clock.now(), &user.actor()).await?;
    Ok(Json(submission_wire(row, &unit.code)))
}

/// The signed-in user's notifications (reminders, overdue notices), newest first.
#[utoipa::path(get, path = "/api/v1/notifications", tag = "plans", responses((status = 200, body = Object), (status = 401, body = ErrorBody)))]
pub async fn notifications(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Vec<coso_store::NotificationRow>>> {
    Ok(Json(state.store().notifications_for_user(user.id, false).await?))
}
