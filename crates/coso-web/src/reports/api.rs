//! `/api/v1` for a unit's inbox, submissions, reviews and notifications.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::StatusCode;
use coso_app::reports::{self, Sent};
use coso_app::{notifications, units};
use coso_domain::report::{ReportInput, ScoreInput, Verdict};
use coso_domain::{OccurrenceId, SubmissionId};
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa::openapi::schema::{Object, ObjectBuilder, Schema};

use super::wire::{DueReport, Notification, Submission, SubmissionDetail, submission_wire};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, ErrorBody};
use crate::extract::{Json, Path};
use crate::state::AppState;

/// What the unit must send: due items by due date, with working days left and the calendar's
/// explanation.
#[utoipa::path(get, path = "/api/v1/units/{code}/inbox", tag = "plans", params(("code" = String, Path)),
    responses((status = 200, body = Vec<DueReport>, description = "the due items"), (status = 403, body = ErrorBody)))]
pub async fn unit_inbox(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> ApiResult<Json<Vec<DueReport>>> {
    let unit = units::by_code(&state.app, &code).await?;
    let calendar = crate::calendar::current(&state).await?;
    let inbox = reports::inbox(&state.app, &user.actor(), &calendar, &unit).await?;
    Ok(Json(inbox.into_iter().map(DueReport::from).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct AssessmentLine {
    pub code: String,
    #[schema(schema_with = crate::wire::number_or_text)]
    pub points: serde_json::Value,
    #[serde(default)]
    pub evidence: String,
}

/// Indicator code → value, each a number or the text typed.
fn indicator_values() -> Object {
    ObjectBuilder::new().additional_properties(Some(Schema::Object(crate::wire::number_or_text()))).build()
}

#[derive(Deserialize, ToSchema)]
pub struct SubmissionCreate {
    pub occurrence_id: i64,
    /// Indicator code → number (a JSON number or a string as typed).
    #[serde(default)]
    #[schema(schema_with = indicator_values)]
    pub indicators: BTreeMap<String, serde_json::Value>,
    /// Narrative section code → text.
    #[serde(default)]
    pub narrative: BTreeMap<String, String>,
    #[serde(default)]
    pub assessment: Vec<AssessmentLine>,
    /// For an implementing-plan obligation: the unit's own plan.
    pub implementing_plan_id: Option<i64>,
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
    let unit = units::by_code(&state.app, &code).await?;
    let sent = Sent {
        report: ReportInput {
            indicators: b.indicators.iter().map(|(k, v)| (k.clone(), as_text(v))).collect(),
            narrative: b.narrative,
            assessment: b
                .assessment
                .iter()
                .map(|a| (a.code.clone(), ScoreInput { points: as_text(&a.points), evidence: a.evidence.clone() }))
                .collect(),
        },
        implementing_plan_id: b.implementing_plan_id,
    };
    let row = reports::send(&state.app, &user.actor(), &unit, OccurrenceId(b.occurrence_id), &sent).await?;
    Ok((StatusCode::CREATED, Json(submission_wire(row, &unit.code))))
}

/// A submission with every kept version.
#[utoipa::path(get, path = "/api/v1/submissions/{id}", tag = "plans", params(("id" = i64, Path)),
    responses((status = 200, body = SubmissionDetail), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_submission(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<SubmissionDetail>> {
    let d = reports::detail(&state.app, &user.actor(), SubmissionId(id)).await?;
    Ok(Json(SubmissionDetail {
        submission: submission_wire(d.row, &d.unit.code),
        plan_id: d.occurrence.plan_id.0,
        period_key: d.occurrence.period_key.to_string(),
        versions: d.versions.into_iter().map(Into::into).collect(),
    }))
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
    let verdict = Verdict::from_accept(b.accept);
    let (row, unit) = reports::review(&state.app, &user.actor(), SubmissionId(id), verdict, &b.comment).await?;
    Ok(Json(submission_wire(row, &unit.code)))
}

/// The signed-in user's notifications (reminders, overdue notices), newest first.
#[utoipa::path(get, path = "/api/v1/notifications", tag = "plans", responses((status = 200, body = Vec<Notification>), (status = 401, body = ErrorBody)))]
pub async fn notifications(State(state): State<AppState>, user: CurrentUser) -> ApiResult<Json<Vec<Notification>>> {
    Ok(Json(notifications::of_user(&state.app, &user.actor()).await?.into_iter().map(Notification::from).collect()))
}
