//! `/api/v1` for plans, their aggregate views and their exports.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use coso_domain::authz::Action;
use coso_domain::plan::{PlanDraft, TargetSpec};
use coso_reporting::aggregate::AggregateView;
use coso_reporting::plan_json::PlanJson;
use coso_reporting::{aggregate, exports, import, inbox, plan_json, summary, templates};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use crate::actions;
use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::extract::{FileBody, Json, Path, Query};
use crate::reporting::access;
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
    responses((status = 201, body = Object, description = "the plan, as `coso plan import --json` prints it"), (status = 403, body = ErrorBody),
              (status = 415, body = ErrorBody), (status = 422, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub async fn import_plan(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<ImportQuery>,
    FileBody(body): FileBody,
) -> ApiResult<(StatusCode, Json<PlanJson>)> {
    let issuer = actions::unit_or_not_found(&state, &q.unit).await?;
    user.authorize(&issuer.unit_path(), Action::ManagePlans)?;
    let spec = TargetSpec::parse(&q.targets).map_err(|e| AppError::Validation(vec![e]))?;
    let today = state.clock.today();
    let doc = super::documents::read(&state, q.file_name.as_deref().unwrap_or(""), body, q.year).await?;
    let draft = import::draft_of(&doc, q.year);
    let targets = import::resolve_targets(state.store(), &issuer, &spec, today).await?;
    let template_id = templates::ensure_default(state.store()).await?;
    let actor = user.actor();
    let req = import::Issue {
        issuer: &issuer,
        draft: &draft,
        document: Some(&doc),
        targets: &targets,
        template_id,
        parent_plan_id: None,
        actor: &actor,
    };
    let id = import::issue(state.store(), req).await?;
    Ok((StatusCode::CREATED, Json(plan_json::plan_json(state.store(), id, None).await?)))
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
    let issuer = actions::unit_or_not_found(&state, &b.unit).await?;
    user.authorize(&issuer.unit_path(), Action::ManagePlans)?;
    let spec = TargetSpec::parse(&b.targets).map_err(|e| AppError::Validation(vec![e]))?;
    let targets = import::resolve_targets(state.store(), &issuer, &spec, state.clock.today()).await?;
    if let Some(parent) = b.parent_plan_id {
        access::readable_plan(&state, &user, parent).await?;
    }
    let template_id = templates::ensure_default(state.store()).await?;
    let actor = user.actor();
    let req = import::Issue {
        issuer: &issuer,
        draft: &b.draft,
        document: None,
        targets: &targets,
        template_id,
        parent_plan_id: b.parent_plan_id,
        actor: &actor,
    };
    let id = import::issue(state.store(), req).await?;
    Ok((StatusCode::CREATED, Json(plan_json::plan_json(state.store(), id, None).await?)))
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
    responses((status = 200, body = Object, description = "`{draft, warnings}`"), (status = 400, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 415, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub async fn parse_plan(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<ParseQuery>,
    FileBody(body): FileBody,
) -> ApiResult<Json<serde_json::Value>> {
    if !coso_domain::authz::allows_somewhere(&user.domain_grants(), Action::ManagePlans) {
        return Err(AppError::Forbidden.into());
    }
    let doc = super::documents::read(&state, q.file_name.as_deref().unwrap_or(""), body, q.year).await?;
    let draft = import::draft_of(&doc, q.year);
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
    access::readable_plan(&state, &user, id).await?;
    Ok(Json(plan_json::plan_json(state.store(), id, Some(state.clock.today())).await?))
}

#[derive(Deserialize, IntoParams)]
pub struct AggregateQuery {
    /// The occurrence (period) to aggregate.
    pub occurrence: i64,
    /// Drill down: see the rows from this unit (at or below the issuer).
    pub unit: Option<String>,
}

/// Loads the aggregate view after checking the user may read it at the chosen scope.
pub async fn load_view(
    state: &AppState,
    user: &CurrentUser,
    plan_id: i64,
    q: &AggregateQuery,
) -> Result<(AggregateView, coso_store::PlanRow, coso_store::UnitRow), AppError> {
    let (plan, issuer) = access::readable_plan(state, user, plan_id).await?;
    let scope = match q.unit.as_deref().filter(|c| !c.is_empty()) {
        Some(code) => {
            let u = actions::unit_or_not_found(state, code).await?;
            if !issuer.unit_path().contains(&u.unit_path()) {
                return Err(AppError::NotFound);
            }
            u
        }
        None => issuer.clone(),
    };
    user.authorize(&scope.unit_path(), Action::ReadPlans)?;
    let occurrence = coso_reporting::occurrence_detail(state.store(), q.occurrence)
        .await?
        .filter(|o| o.plan_id == plan_id)
        .ok_or(AppError::NotFound)?;
    let template_id = occurrence
        .template_id
        .ok_or_else(|| AppError::BadRequest("Kỳ này là kế hoạch thực hiện, không có số liệu để tổng hợp.".into()))?;
    let template = templates::load(state.store(), template_id).await?;
    let view = aggregate::aggregate(state.store(), &template, plan_id, q.occurrence, Some(&scope), state.clock.today())
        .await?;
    Ok((view, plan, issuer))
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
    Ok(Json(load_view(&state, &user, id, &q).await?.0))
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

fn export_title(plan: &coso_store::PlanRow, view: &AggregateView) -> String {
    format!(
        "Tổng hợp {} — {}",
        inbox::what("report", &view.period_key).to_lowercase(),
        inbox::plan_label(plan.number.as_deref(), &plan.title)
    )
}

/// The aggregate table as XLSX.
#[utoipa::path(get, path = "/api/v1/plans/{id}/aggregate.xlsx", tag = "plans", params(("id" = i64, Path), AggregateQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>)))]
pub async fn aggregate_xlsx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<AggregateQuery>,
) -> ApiResult<Response> {
    let (view, plan, _) = load_view(&state, &user, id, &q).await?;
    let bytes = exports::xlsx(&view, &export_title(&plan, &view))?;
    Ok(download(bytes, XLSX, &format!("tong-hop-{}-{}.xlsx", id, view.period_key)))
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
    let (view, plan, _) = load_view(&state, &user, id, &q).await?;
    let bytes = exports::csv(&view, &export_title(&plan, &view))?;
    Ok(download(bytes, "text/csv; charset=utf-8", &format!("tong-hop-{}-{}.csv", id, view.period_key)))
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
    let (view, plan, issuer) = load_view(&state, &user, id, &q).await?;
    let doc = summary::summary_document(
        &issuer,
        &inbox::plan_label(plan.number.as_deref(), &plan.title),
        &view,
        state.clock.today(),
    );
    Ok(download(summary::docx(&doc)?, DOCX, &format!("bao-cao-tong-hop-{}-{}.docx", id, view.period_key)))
}

/// The summary report as PDF.
#[utoipa::path(get, path = "/api/v1/plans/{id}/summary.pdf", tag = "plans", params(("id" = i64, Path), AggregateQuery),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>)))]
pub async fn summary_pdf(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<AggregateQuery>,
) -> ApiResult<Response> {
    let (view, plan, issuer) = load_view(&state, &user, id, &q).await?;
    let doc = summary::summary_document(
        &issuer,
        &inbox::plan_label(plan.number.as_deref(), &plan.title),
        &view,
        state.clock.today(),
    );
    let bytes =
        tokio::task::spawn_blocking(move || summary::pdf(&doc)).await.map_err(|e| AppError::Internal(e.into()))??;
    Ok(download(bytes, "application/pdf", &format!("bao-cao-tong-hop-{}-{}.pdf", id, view.period_key)))
}
