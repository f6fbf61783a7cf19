//! `/api/v1` for plans, their aggregate views and their exports.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use coso_app::plans;
use coso_app::reports::{self, PlanView, exports};
use coso_app::units;
use coso_domain::plan::PlanDraft;
use coso_domain::{OccurrenceId, PlanId};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::wire::Plan;
use super::wire::aggregate::Aggregate;
use super::wire::draft::{ParsedPlan, PlanDraftBody};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::extract::{FileBody, Json, Path, Query};
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
    responses((status = 201, body = Plan, description = "the plan, as `coso plan import --json` prints it"), (status = 403, body = ErrorBody),
              (status = 415, body = ErrorBody), (status = 422, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub async fn import_plan(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<ImportQuery>,
    FileBody(body): FileBody,
) -> ApiResult<(StatusCode, Json<Plan>)> {
    let issuer = units::by_code(&state.app, &q.unit).await?;
    let actor = user.actor();
    plans::may_read_document(&actor, Some(&issuer))?;
    let doc = super::documents::read(&state, q.file_name.as_deref().unwrap_or(""), body, q.year).await?;
    let imported = plans::import_document(&state.app, &actor, &issuer, &q.targets, q.year, doc).await?;
    Ok((StatusCode::CREATED, Json(imported.plan.into())))
}

#[derive(Deserialize, ToSchema)]
pub struct PlanCreate {
    /// Code of the issuing unit.
    pub unit: String,
    /// `children`, or unit codes separated by commas.
    pub targets: String,
    /// The reviewed plan: number, date, title, year, tasks, obligations, and the issuing body
    /// `issuer` (`people_committee`, the default, `steering_committee` or `party_committee`).
    #[schema(value_type = PlanDraftBody)]
    pub draft: PlanDraft,
    /// For an implementing plan: the plan it implements.
    pub parent_plan_id: Option<i64>,
    /// The code of the report template its agency targets report on (`qcdc-trong-co-quan`, or
    /// another template's code from `GET /api/v1/report-templates`); absent or empty: the
    /// agencies' default. Agencies are never scored on the template of communes.
    #[serde(default)]
    pub agency_template: Option<String>,
}

/// Issues a plan from a reviewed draft (the form, or `POST /api/v1/plans/parse` corrected).
#[utoipa::path(post, path = "/api/v1/plans", tag = "plans", request_body = PlanCreate,
    responses((status = 201, body = Plan), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_plan(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(b): Json<PlanCreate>,
) -> ApiResult<(StatusCode, Json<Plan>)> {
    let issuer = units::by_code(&state.app, &b.unit).await?;
    let plan = plans::create_from_draft(
        &state.app,
        &user.actor(),
        &issuer,
        &b.targets,
        &b.draft,
        b.parent_plan_id.map(PlanId),
        b.agency_template.as_deref().unwrap_or(""),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(plan.into())))
}

#[derive(Deserialize, IntoParams)]
pub struct ParseQuery {
    pub year: Option<i32>,
    pub file_name: Option<String>,
}

/// Reads a plan document and returns what was understood, for review; saves nothing. For those
/// who manage plans somewhere; a few documents are read at a time (503 with `Retry-After` when
/// the readers are busy).
#[utoipa::path(post, path = "/api/v1/plans/parse", tag = "plans", params(ParseQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 200, body = ParsedPlan), (status = 400, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 415, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub async fn parse_plan(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<ParseQuery>,
    FileBody(body): FileBody,
) -> ApiResult<Json<ParsedPlan>> {
    plans::may_read_document(&user.actor(), None)?;
    let doc = super::documents::read(&state, q.file_name.as_deref().unwrap_or(""), body, q.year).await?;
    let draft = plans::import::draft_of(&doc, q.year);
    Ok(Json(ParsedPlan { draft: PlanDraftBody::from(&draft), warnings: doc.warnings }))
}

/// A plan with its tasks, obligations and, per occurrence, the count of target units on
/// time, late, missing and not yet due.
#[utoipa::path(get, path = "/api/v1/plans/{id}", tag = "plans", params(("id" = i64, Path)),
    responses((status = 200, body = Plan), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_plan(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Json<Plan>> {
    Ok(Json(plans::get(&state.app, &user.actor(), PlanId(id)).await?.into()))
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
    Ok(reports::view(&state.app, &user.actor(), PlanId(plan_id), Some(OccurrenceId(q.occurrence)), q.unit.as_deref())
        .await?)
}

/// Every target unit for one period: timing, indicators, score and rank; totals up the tree.
#[utoipa::path(get, path = "/api/v1/plans/{id}/aggregate", tag = "plans", params(("id" = i64, Path), AggregateQuery),
    responses((status = 200, body = Aggregate), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn aggregate_view(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<AggregateQuery>,
) -> ApiResult<Json<Aggregate>> {
    Ok(Json(load_view(&state, &user, id, &q).await?.view.into()))
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
