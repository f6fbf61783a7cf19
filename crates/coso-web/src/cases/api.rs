//! `/api/v1/cases`: register, read, and each step of handling; every answer is the case.

use axum::extract::State;
use axum::http::StatusCode;
use coso_app::cases::{self, CaseCommand, InboxFilter};
use coso_app::units;
use serde::Deserialize;
use utoipa::IntoParams;

use super::wire::{
    AnswerBody, AssignBody, CaseBody, CaseCreate, CaseInbox, CloseBody, ExtendBody, FileBody as FileMetaBody,
    FileQuery, ForwardBody, OnBody, RefuseBody, ReopenBody,
};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, ErrorBody};
use axum::response::Response;

use crate::extract::{FileBody, Json, Path, Query};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
pub struct InboxQuery {
    /// The code of the unit; its subtree's cases are listed.
    pub unit: String,
    /// A status; default: the open ones (received, forwarded, accepted).
    pub status: Option<String>,
    /// `petition`, `complaint`, `denunciation` or `information`.
    pub kind: Option<String>,
    /// From 1; 50 cases a page.
    pub page: Option<i64>,
}

/// The inbox of a unit: the open cases of its subtree, the nearest due date first (overdue
/// first), with working days left or calendar days late.
#[utoipa::path(get, path = "/api/v1/cases", tag = "cases", params(InboxQuery),
    responses((status = 200, body = CaseInbox), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<InboxQuery>,
) -> ApiResult<Json<CaseInbox>> {
    let unit = units::by_code(&state.app, &q.unit).await?;
    let calendar = crate::calendar::current(&state).await?;
    let filter = InboxFilter { status: q.status, kind: q.kind, page: q.page };
    Ok(Json(cases::inbox(&state.app, &user.actor(), &calendar, &unit, &filter).await?.into()))
}

/// Registers a case for a unit. A denunciation marked anonymous, or without the denouncer's
/// name and address, is recorded as information (`kind: information`).
#[utoipa::path(post, path = "/api/v1/cases", tag = "cases", request_body = CaseCreate,
    responses((status = 201, body = CaseBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "a field is wrong; nothing saved")))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(body): Json<CaseCreate>,
) -> ApiResult<(StatusCode, Json<CaseBody>)> {
    let calendar = crate::calendar::current(&state).await?;
    let view = cases::register(&state.app, &user.actor(), &calendar, &body.into()).await?;
    Ok((StatusCode::CREATED, Json(view.into())))
}

/// A case with its deadlines and timeline; `sender` only for those entitled to it (for a
/// denunciation: a clearance on the unit or above; the read is audited).
#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "cases", params(("id" = i64, Path)),
    responses((status = 200, body = CaseBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Json<CaseBody>> {
    let calendar = crate::calendar::current(&state).await?;
    Ok(Json(cases::get(&state.app, &user.actor(), &calendar, id).await?.into()))
}

async fn act(state: &AppState, user: &CurrentUser, id: i64, command: CaseCommand) -> ApiResult<Json<CaseBody>> {
    let calendar = crate::calendar::current(state).await?;
    Ok(Json(cases::act(&state.app, &user.actor(), &calendar, id, command).await?.into()))
}

/// Accepts the case (*thụ lý*) on `on`.
#[utoipa::path(post, path = "/api/v1/cases/{id}/accept", tag = "cases", params(("id" = i64, Path)), request_body = OnBody,
    responses((status = 200, body = CaseBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn accept(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<OnBody>,
) -> ApiResult<Json<CaseBody>> {
    act(&state, &user, id, CaseCommand::Accept { on: b.on }).await
}

/// Refuses the case, with its ground.
#[utoipa::path(post, path = "/api/v1/cases/{id}/refuse", tag = "cases", params(("id" = i64, Path)), request_body = RefuseBody,
    responses((status = 200, body = CaseBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn refuse(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<RefuseBody>,
) -> ApiResult<Json<CaseBody>> {
    act(&state, &user, id, CaseCommand::Refuse { on: b.on, ground: b.ground, note: b.note }).await
}

/// Forwards the case to the competent unit; the sender is told by mail when they gave one.
#[utoipa::path(post, path = "/api/v1/cases/{id}/forward", tag = "cases", params(("id" = i64, Path)), request_body = ForwardBody,
    responses((status = 200, body = CaseBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn forward(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<ForwardBody>,
) -> ApiResult<Json<CaseBody>> {
    act(&state, &user, id, CaseCommand::Forward { on: b.on, to_unit: b.to_unit, note: b.note }).await
}

/// Gives the case to an official of its unit.
#[utoipa::path(post, path = "/api/v1/cases/{id}/assign", tag = "cases", params(("id" = i64, Path)), request_body = AssignBody,
    responses((status = 200, body = CaseBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn assign(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<AssignBody>,
) -> ApiResult<Json<CaseBody>> {
    act(&state, &user, id, CaseCommand::Assign { handler: b.handler }).await
}

/// Records a request for verification.
#[utoipa::path(post, path = "/api/v1/cases/{id}/verify", tag = "cases", params(("id" = i64, Path)), request_body = OnBody,
    responses((status = 200, body = CaseBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn verify(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<OnBody>,
) -> ApiResult<Json<CaseBody>> {
    act(&state, &user, id, CaseCommand::RequestVerification { on: b.on, note: b.note }).await
}

/// Extends the resolution of a denunciation (complex: once; especially complex: twice).
#[utoipa::path(post, path = "/api/v1/cases/{id}/extend", tag = "cases", params(("id" = i64, Path)), request_body = ExtendBody,
    responses((status = 200, body = CaseBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn extend(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<ExtendBody>,
) -> ApiResult<Json<CaseBody>> {
    act(&state, &user, id, CaseCommand::Extend { on: b.on, days: b.days, note: b.note }).await
}

/// Answers the case (for a complaint: the first-instance decision).
#[utoipa::path(post, path = "/api/v1/cases/{id}/answer", tag = "cases", params(("id" = i64, Path)), request_body = AnswerBody,
    responses((status = 200, body = CaseBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn answer(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<AnswerBody>,
) -> ApiResult<Json<CaseBody>> {
    act(&state, &user, id, CaseCommand::Answer { on: b.on, public_answer: b.public_answer, note: b.note }).await
}

/// Closes an answered or refused case.
#[utoipa::path(post, path = "/api/v1/cases/{id}/close", tag = "cases", params(("id" = i64, Path)), request_body = CloseBody,
    responses((status = 200, body = CaseBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn close(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<CloseBody>,
) -> ApiResult<Json<CaseBody>> {
    act(&state, &user, id, CaseCommand::Close { on: b.on, note: b.note }).await
}

/// Records that the complainant withdrew the complaint (KN-7).
#[utoipa::path(post, path = "/api/v1/cases/{id}/withdraw", tag = "cases", params(("id" = i64, Path)), request_body = OnBody,
    responses((status = 200, body = CaseBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn withdraw(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<OnBody>,
) -> ApiResult<Json<CaseBody>> {
    act(&state, &user, id, CaseCommand::Withdraw { on: b.on, note: b.note }).await
}

/// Registers a second complaint about a first decision (KN-4); answers the new case, refused
/// outside the window with its last day.
#[utoipa::path(post, path = "/api/v1/cases/{id}/reopen", tag = "cases", params(("id" = i64, Path)), request_body = ReopenBody,
    responses((status = 200, body = CaseBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn reopen(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<ReopenBody>,
) -> ApiResult<Json<CaseBody>> {
    act(&state, &user, id, CaseCommand::Reopen { on: b.on, to_unit: b.to_unit }).await
}

/// Adds a file to the case (PDF, JPEG, PNG or DOCX, the content as its name says); images are
/// stored without their metadata.
#[utoipa::path(post, path = "/api/v1/cases/{id}/files", tag = "cases", params(("id" = i64, Path), FileQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = FileMetaBody), (status = 403, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_file(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<FileQuery>,
    FileBody(body): FileBody,
) -> ApiResult<(StatusCode, Json<FileMetaBody>)> {
    let meta = cases::attach_file(&state.app, &user.actor(), id, &q.file_name, &body, q.identity, q.public).await?;
    Ok((StatusCode::CREATED, Json(meta.into())))
}

/// A file of the case; a denouncer's handwriting only for cleared users (audited).
#[utoipa::path(get, path = "/api/v1/cases/{id}/files/{file}", tag = "cases", params(("id" = i64, Path), ("file" = i64, Path)),
    responses((status = 200, content((Vec<u8> = "application/pdf"), (Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png"), (Vec<u8> = "application/octet-stream"))),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn download_file(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, file)): Path<(i64, i64)>,
) -> ApiResult<Response> {
    let f = cases::file(&state.app, &user.actor(), id, file).await?;
    let content_type: &'static str = match f.meta.content_type.as_str() {
        "application/pdf" => "application/pdf",
        "image/jpeg" => "image/jpeg",
        "image/png" => "image/png",
        _ => "application/octet-stream",
    };
    Ok(crate::plans::api::download(f.data, content_type, &f.meta.file_name))
}
