//! `/api/v1` for plans, inboxes, submissions, reviews, aggregate views and their exports.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use coso_app::plans::{self, PlanJson};
use coso_app::reports::aggregate::AggregateView;
use coso_app::reports::inbox::InboxEntry;
use coso_app::reports::{self, PlanView, Sent, exports};
use coso_app::{notifications, units};
use coso_domain::plan::PlanDraft;
use coso_domain::report::{ReportInput, ScoreInput, Verdict};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::state::AppState;

#[derive(Deserialize, IntoParams)]
pub struct ImportQuery {
    /// Code of the issuing unit.
    pub unit: String,
    /// `children`, or unit codes separated by commas.
    pub targets: String,
    /// The year the plan's reports are counted in; read from the document when absent.
    pub year: Option<i32>,
    /// The file's name, for its format (`.docx`, `.md`, `.txt`).
    pub file_name: Option<String>,
}

/// Imports a plan document and issues it at once, without the review step.
#[utoipa::path(post, path = "/api/v1/plans/import", tag = "plans", params(ImportQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = Object, description = "the plan, as `coso plan import --json` prints it"), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn import_plan(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<ImportQuery>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<PlanJson>)> {
    let issuer = units::by_code(&state.app, &q.unit).await?;
    let file_name = q.file_name.as_deref().unwrap_or("");
    let imported =
        plans::import_document(&state.app, &user.actor(), &issuer, &q.targets, q.year, file_name, &body).await?;
    Ok((StatusCode::CREATED, Json(imported.plan)))
}

#[derive(Deserialize, ToSchema)]
pub struct PlanCreate {
    /// Code of the issuing unit.
    pub unit: String,
    /// `children`, or unit codes separated by commas.
    pub targets: String,
    /// The reviewed plan: number, date, title, year, tasks, obligations.
    #[schema(value_type = Object)]
    pub draft: PlanDraft,
    /// For an implementing plan: the plan it implements.
    pub parent_plan_id: Option<i64>,
}

/// Issues a plan from a reviewed draft (the form, or `POST /api/v1/plans/parse` corrected).
#[utoipa::path(post, path = "/api/v1/plans", tag = "plans", request_body = PlanCreate,
    responses((status = 201, body = Object), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_plan(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(b): Json<PlanCreate>,
) -> ApiResult<(StatusCode, Json<PlanJson>)> {
    let issuer = units::by_code(&state.app, &b.unit).await?;
    let plan =
        plans::create_from_draft(&state.app, &user.actor(), &issuer, &b.targets, &b.draft, b.parent_plan_id).await?;
    Ok((StatusCode::CREATED, Json(plan)))
}

#[derive(Deserialize, IntoParams)]
pub struct ParseQuery {
    pub year: Option<i32>,
    pub file_name: Option<String>,
}

/// Reads a plan document and returns what was understood, for review; saves nothing.
#[utoipa::path(post, path = "/api/v1/plans/parse", tag = "plans", params(ParseQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 200, body = Object, description = "`{draft, warnings}`"), (status = 400, body = ErrorBody)))]
pub async fn parse_plan(
    _user: CurrentUser,
    Query(q): Query<ParseQuery>,
    body: Bytes,
) -> ApiResult<Json<serde_json::Value>> {
    let doc = plans::import::read_document(q.file_name.as_deref().unwrap_or(""), &body, q.year)?;
    let draft = plans::import::draft_of(&doc, q.year);
    Ok(Json(serde_json::json!({ "draft": draft, "warnings": doc.warnings })))
}

/// A plan with its tasks, obligations and, per occurrence, the count of target units on
/// time, late, missing and not yet due.
#[utoipa::path(get, path = "/api/v1/plans/{id}", tag = "plans", params(("id" = i64, Path)),
    responses((status = 200, body = Object), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_plan(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<PlanJson>> {
    Ok(Json(plans::get(&state.app, &user.actor(), id).await?))
}

/// What the unit must send: due items by due date, with working days left and the calendar's
/// explanation.
#[utoipa::path(get, path = "/api/v1/units/{code}/inbox", tag = "plans", params(("code" = String, Path)),
    responses((status = 200, body = Object), (status = 403, body = ErrorBody)))]
pub async fn unit_inbox(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> ApiResult<Json<Vec<InboxEntry>>> {
    let unit = units::by_code(&state.app, &code).await?;
    let calendar = crate::calendar::current(&state).await?;
    Ok(Json(reports::inbox(&state.app, &user.actor(), &calendar, &unit).await?))
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
    let row = reports::send(&state.app, &user.actor(), &unit, b.occurrence_id, &sent).await?;
    Ok((StatusCode::CREATED, Json(wire(row, &unit.code))))
}

fn wire(row: coso_store::SubmissionRow, unit_code: &str) -> Submission {
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
    let d = reports::detail(&state.app, &user.actor(), id).await?;
    Ok(Json(serde_json::json!({
        "submission": wire(d.row, &d.unit.code),
        "plan_id": d.occurrence.plan_id,
        "period_key": d.occurrence.period_key,
        "versions": d.versions,
    })))
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
    let (row, unit) = reports::review(&state.app, &user.actor(), id, verdict, &b.comment).await?;
    Ok(Json(wire(row, &unit.code)))
}

#[derive(Deserialize, IntoParams)]
pub struct AggregateQuery {
    /// The occurrence (period) to aggregate.
    pub occurrence: i64,
    /// Drill down: see the rows from this unit (at or below the issuer).
    pub unit: Option<String>,
}

/// Loads the aggregate view, if the user may read it at the chosen scope.
pub async fn load_view(state: &AppState, user: &CurrentUser, plan_id: i64, q: &AggregateQuery) -> ApiResult<PlanView> {
    Ok(reports::view(&state.app, &user.actor(), plan_id, Some(q.occurrence), q.unit.as_deref()).await?)
}

/// Every target unit for one period: timing, indicators, score and rank; totals up the tree.
#[utoipa::path(get, path = "/api/v1/plans/{id}/aggregate", tag = "plans", params(("id" = i64, Path), AggregateQuery),
    responses((status = 200, body = Object), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn aggregate_view(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<AggregateQuery>,
) -> ApiResult<Json<AggregateView>> {
    Ok(Json(load_view(&state, &user, id, &q).await?.view))
}

/// A file download with a Vietnamese name that survives every browser.
pub fn download(bytes: Vec<u8>, content_type: &'static str, file_name: &str) -> Response {
    let ascii: String = coso_text::fold(file_name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '-' })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"");
    ([(header::CONTENT_TYPE, content_type.to_string()), (header::CONTENT_DISPOSITION, disposition)], bytes)
        .into_response()
}

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The aggregate table as XLSX.
#[utoipa::path(get, path = "/api/v1/plans/{id}/aggregate.xlsx", tag = "plans", params(("id" = i64, Path), AggregateQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>)))]
pub async fn aggregate_xlsx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<AggregateQuery>,
) -> ApiResult<Response> {
    let pv = load_view(&state, &user, id, &q).await?;
    let bytes = exports::xlsx(&pv.view, &pv.title())?;
    Ok(download(bytes, XLSX, &format!("tong-hop-{}-{}.xlsx", id, pv.view.period_key)))
}

/// The aggregate table as CSV (UTF-8 with BOM).
#[utoipa::path(get, path = "/api/v1/plans/{id}/aggregate.csv", tag = "plans", params(("id" = i64, Path), AggregateQuery),
    responses((status = 200, content_type = "text/csv", body = String)))]
pub async fn aggregate_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<AggregateQuery>,
) -> ApiResult<Response> {
    let pv = load_view(&state, &user, id, &q).await?;
    let bytes = exports::csv(&pv.view, &pv.title())?;
    Ok(download(bytes, "text/csv; charset=utf-8", &format!("tong-hop-{}-{}.csv", id, pv.view.period_key)))
}

/// The summary report (báo cáo tổng hợp) in the official format, DOCX.
#[utoipa::path(get, path = "/api/v1/plans/{id}/summary.docx", tag = "plans", params(("id" = i64, Path), AggregateQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = Vec<u8>)))]
pub async fn summary_docx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<AggregateQuery>,
) -> ApiResult<Response> {
    let pv = load_view(&state, &user, id, &q).await?;
    let bytes = plans::summary::docx(&pv.summary(&state.app))?;
    Ok(download(bytes, DOCX, &format!("bao-cao-tong-hop-{}-{}.docx", id, pv.view.period_key)))
}

/// The summary report as PDF (501 when this build has no PDF output).
#[utoipa::path(get, path = "/api/v1/plans/{id}/summary.pdf", tag = "plans", params(("id" = i64, Path), AggregateQuery),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 501, body = ErrorBody)))]
pub async fn summary_pdf(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<AggregateQuery>,
) -> ApiResult<Response> {
    let pv = load_view(&state, &user, id, &q).await?;
    let bytes = pdf(pv.summary(&state.app)).await?;
    Ok(download(bytes, "application/pdf", &format!("bao-cao-tong-hop-{}-{}.pdf", id, pv.view.period_key)))
}

/// A document as PDF.
#[cfg(feature = "pdf")]
pub async fn pdf(doc: coso_documents::Document) -> Result<Vec<u8>, AppError> {
    Ok(plans::summary::pdf(doc).await?)
}

/// This build has no PDF output: the answer says so.
#[cfg(not(feature = "pdf"))]
pub async fn pdf(_doc: coso_documents::Document) -> Result<Vec<u8>, AppError> {
    Err(AppError::NoPdf)
}

/// The signed-in user's notifications (reminders, overdue notices), newest first.
#[utoipa::path(get, path = "/api/v1/notifications", tag = "plans", responses((status = 200, body = Object), (status = 401, body = ErrorBody)))]
pub async fn notifications(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Vec<coso_store::NotificationRow>>> {
    Ok(Json(notifications::of_user(&state.app, &user.actor()).await?))
}
