//! `/api/v1/…inspections…`: plan an inspection, read it, record findings and their evidence,
//! conclude and download the conclusion as DOCX or PDF, set and finish remediation tasks,
//! publish the result and close the inspection.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use coso_app::inspections;
use coso_domain::inspection::{
    ConclusionInput, DoneInput, FindingInput, InspectionInput, RemediationInput, TeamMemberInput,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::wire::{ConclusionCreate, FindingCreate, Inspection, InspectionCreate, RemediationCreate, RemediationDone};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, ErrorBody};
use crate::extract::{FileBody, Json, Path, Query};
use crate::plans::api::{DOCX, download, pdf};
use crate::state::AppState;
use crate::wire::Created;

async fn current(state: &AppState, user: &CurrentUser, id: i64) -> ApiResult<Json<Inspection>> {
    let v = inspections::view(&state.app, &user.actor(), id).await?;
    Ok(Json((&v).into()))
}

/// Plans an inspection by the unit: scheduled or surprise of a unit below it, or a
/// self-inspection; its team and its checklist from a report template's criteria.
#[utoipa::path(post, path = "/api/v1/units/{code}/inspections", tag = "inspections", params(("code" = String, Path)), request_body = InspectionCreate,
    responses((status = 201, body = Created), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<InspectionCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let input = InspectionInput {
        kind: b.kind,
        target: b.target,
        subject: b.subject,
        starts_on: b.starts_on,
        ends_on: b.ends_on,
        team: b.team.into_iter().map(|m| TeamMemberInput { name: m.name, role: m.role, account: m.account }).collect(),
        template: b.template.map(|t| t.to_string()).unwrap_or_default(),
    };
    let id = inspections::plan(&state.app, &user.actor(), &unit, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// An inspection with its team, checklist and findings, conclusion and remediation tasks (with
/// their `deadlines`); for the officials who manage inspections on the inspecting unit.
#[utoipa::path(get, path = "/api/v1/inspections/{id}", tag = "inspections", params(("id" = i64, Path)),
    responses((status = 200, body = Inspection), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Json<Inspection>> {
    current(&state, &user, id).await
}

/// Records (or corrects) the finding on a criterion of the checklist.
#[utoipa::path(post, path = "/api/v1/inspections/{id}/findings", tag = "inspections", params(("id" = i64, Path)), request_body = FindingCreate,
    responses((status = 200, body = Inspection), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_finding(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<FindingCreate>,
) -> ApiResult<Json<Inspection>> {
    let input = FindingInput { criterion: b.criterion, verdict: b.verdict, note: b.note };
    inspections::record_finding(&state.app, &user.actor(), id, &input).await?;
    current(&state, &user, id).await
}

#[derive(Deserialize, IntoParams)]
pub struct FileQuery {
    /// The file's name, e.g. `bien-ban-kiem-tra.pdf`.
    pub file_name: String,
}

/// Attaches an evidence file (PDF, JPEG, PNG, DOCX, XLSX, text; within the evidence size
/// limit) to the finding on a criterion.
#[utoipa::path(post, path = "/api/v1/inspections/{id}/findings/{criterion}/evidence", tag = "inspections", params(("id" = i64, Path), ("criterion" = String, Path), FileQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = Created), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn finding_evidence(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, criterion)): Path<(i64, String)>,
    Query(q): Query<FileQuery>,
    FileBody(body): FileBody,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let file = inspections::add_evidence(&state.app, &user.actor(), id, &criterion, &q.file_name, &body).await?;
    Ok((StatusCode::CREATED, Json(Created { id: file })))
}

/// Concludes the inspection once every criterion has its finding.
#[utoipa::path(post, path = "/api/v1/inspections/{id}/conclusion", tag = "inspections", params(("id" = i64, Path)), request_body = ConclusionCreate,
    responses((status = 200, body = Inspection), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn conclude(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<ConclusionCreate>,
) -> ApiResult<Json<Inspection>> {
    inspections::conclude(&state.app, &user.actor(), id, &ConclusionInput { conclusion: b.conclusion }).await?;
    current(&state, &user, id).await
}

/// The conclusion (*thông báo kết luận kiểm tra*), DOCX in the Decree 30 layout.
#[utoipa::path(get, path = "/api/v1/inspections/{id}/conclusion.docx", tag = "inspections", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = Vec<u8>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn conclusion_docx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    let doc = inspections::conclusion_document(&state.app, &user.actor(), id).await?;
    Ok(download(coso_app::plans::summary::docx(&doc)?, DOCX, &format!("ket-luan-kiem-tra-{id}.docx")))
}

/// The same conclusion as PDF (501 in a build without PDF output).
#[utoipa::path(get, path = "/api/v1/inspections/{id}/conclusion.pdf", tag = "inspections", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 501, body = ErrorBody)))]
pub async fn conclusion_pdf(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    let doc = inspections::conclusion_document(&state.app, &user.actor(), id).await?;
    Ok(download(pdf(doc).await?, "application/pdf", &format!("ket-luan-kiem-tra-{id}.pdf")))
}

/// Sets a remediation task of a concluded inspection, led by a unit with a deadline.
#[utoipa::path(post, path = "/api/v1/inspections/{id}/remediation", tag = "inspections", params(("id" = i64, Path)), request_body = RemediationCreate,
    responses((status = 201, body = Created), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_task(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<RemediationCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let input = RemediationInput { title: b.title, lead_unit: b.lead_unit, due_on: b.due_on };
    let task = inspections::add_task(&state.app, &user.actor(), id, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id: task })))
}

/// Records a remediation task done.
#[utoipa::path(post, path = "/api/v1/inspections/{id}/remediation/{task}/done", tag = "inspections", params(("id" = i64, Path), ("task" = i64, Path)), request_body = RemediationDone,
    responses((status = 200, body = Inspection), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn finish_task(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, task)): Path<(i64, i64)>,
    Json(b): Json<RemediationDone>,
) -> ApiResult<Json<Inspection>> {
    inspections::finish_task(&state.app, &user.actor(), id, task, &DoneInput { note: b.note }).await?;
    current(&state, &user, id).await
}

/// Attaches an evidence file to a remediation task.
#[utoipa::path(post, path = "/api/v1/inspections/{id}/remediation/{task}/evidence", tag = "inspections", params(("id" = i64, Path), ("task" = i64, Path), FileQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = Created), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn task_evidence(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, task)): Path<(i64, i64)>,
    Query(q): Query<FileQuery>,
    FileBody(body): FileBody,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let file = inspections::add_task_evidence(&state.app, &user.actor(), id, task, &q.file_name, &body).await?;
    Ok((StatusCode::CREATED, Json(Created { id: file })))
}

/// Downloads an evidence file of the inspection.
#[utoipa::path(get, path = "/api/v1/inspections/{id}/evidence/{file}", tag = "inspections", params(("id" = i64, Path), ("file" = i64, Path)),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn evidence(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, file)): Path<(i64, i64)>,
) -> ApiResult<Response> {
    let f = inspections::evidence_file(&state.app, &user.actor(), id, file).await?;
    let ct: &'static str = match f.meta.content_type.as_str() {
        "application/pdf" => "application/pdf",
        "image/jpeg" => "image/jpeg",
        "image/png" => "image/png",
        _ => "application/octet-stream",
    };
    Ok(download(f.data, ct, &f.meta.file_name))
}

/// Publishes the concluded inspection's result in the commune's disclosure register; answers
/// the disclosure's id.
#[utoipa::path(post, path = "/api/v1/inspections/{id}/publish", tag = "inspections", params(("id" = i64, Path)),
    responses((status = 201, body = Created), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn publish(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let disclosure = inspections::publish(&state.app, &user.actor(), id).await?;
    Ok((StatusCode::CREATED, Json(Created { id: disclosure })))
}

/// Closes a concluded inspection whose remediation tasks are all done.
#[utoipa::path(post, path = "/api/v1/inspections/{id}/close", tag = "inspections", params(("id" = i64, Path)),
    responses((status = 200, body = Inspection), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn close(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<Inspection>> {
    inspections::close(&state.app, &user.actor(), id).await?;
    current(&state, &user, id).await
}
