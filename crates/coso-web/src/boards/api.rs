//! `/api/v1/…boards…`: record a board (422 naming the broken rule), read one, send findings,
//! answer and close them, send the board's reports and download one as DOCX or PDF.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use coso_app::boards;
use coso_domain::board::{AnswerInput, BoardInput, FindingInput, MemberInput, ProjectInput};

use super::wire::{AnswerCreate, Board, BoardCreate, Finding, FindingCreate, ReportCreate};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, ErrorBody};
use crate::extract::{Json, Path};
use crate::plans::api::{DOCX, download, pdf};
use crate::state::AppState;
use crate::wire::Created;

/// Records a board of the unit with its members (officials who manage boards there).
#[utoipa::path(post, path = "/api/v1/units/{code}/boards", tag = "boards", params(("code" = String, Path)), request_body = BoardCreate,
    responses((status = 201, body = Created), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<BoardCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let input = BoardInput {
        kind: b.kind,
        members: b
            .members
            .into_iter()
            .map(|m| MemberInput { name: m.name, role: m.role, village: m.village, from: m.from, account: m.account })
            .collect(),
        elected_by: b.elected_by,
        elected_on: b.elected_on,
        reports: b.reports,
        project: b.project.map(|p| ProjectInput {
            name: p.name,
            investor: p.investor,
            budget: p.budget,
            contributions: p.contributions,
            starts_on: p.starts_on,
            ends_on: p.ends_on,
        }),
    };
    let id = boards::create(&state.app, &user.actor(), &unit, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// A board with its members, findings (with their deadlines) and the reports it owes; for the
/// officials who manage boards on its unit and for its own members.
#[utoipa::path(get, path = "/api/v1/boards/{id}", tag = "boards", params(("id" = i64, Path)),
    responses((status = 200, body = Board), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Json<Board>> {
    let v = boards::board_view(&state.app, &user.actor(), id).await?;
    Ok(Json((&v).into()))
}

/// Sends a finding of the board to a unit of its subtree.
#[utoipa::path(post, path = "/api/v1/boards/{id}/findings", tag = "boards", params(("id" = i64, Path)), request_body = FindingCreate,
    responses((status = 201, body = Created), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn send_finding(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<FindingCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let input = FindingInput {
        subject: b.subject,
        body: b.body,
        to_unit: b.to_unit,
        due_on: b.due_on,
        activity_id: b.activity_id,
    };
    let id = boards::send(&state.app, &user.actor(), id, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// One finding, for its board and for the officials of the unit that received it.
#[utoipa::path(get, path = "/api/v1/findings/{id}", tag = "boards", params(("id" = i64, Path)),
    responses((status = 200, body = Finding), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn finding(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<Finding>> {
    let f = boards::finding(&state.app, &user.actor(), id).await?;
    Ok(Json((&f).into()))
}

/// The answer of the unit that received the finding (its officials).
#[utoipa::path(post, path = "/api/v1/findings/{id}/answer", tag = "boards", params(("id" = i64, Path)), request_body = AnswerCreate,
    responses((status = 200, body = Finding), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn answer(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<AnswerCreate>,
) -> ApiResult<Json<Finding>> {
    let actor = user.actor();
    boards::answer(&state.app, &actor, id, &AnswerInput { answer: b.answer }).await?;
    let f = boards::finding(&state.app, &actor, id).await?;
    Ok(Json((&f).into()))
}

/// Closes an answered finding (the board).
#[utoipa::path(post, path = "/api/v1/findings/{id}/close", tag = "boards", params(("id" = i64, Path)),
    responses((status = 200, body = Finding), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn close(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Json<Finding>> {
    let actor = user.actor();
    boards::close(&state.app, &actor, id).await?;
    let f = boards::finding(&state.app, &actor, id).await?;
    Ok(Json((&f).into()))
}

/// Sends the board's report for a period to the commune Front.
#[utoipa::path(post, path = "/api/v1/boards/{id}/reports", tag = "boards", params(("id" = i64, Path)), request_body = ReportCreate,
    responses((status = 201, body = Created), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn send_report(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<ReportCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let id = boards::send_report(&state.app, &user.actor(), id, &b.period).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// The board's report for a period, DOCX.
#[utoipa::path(get, path = "/api/v1/boards/{id}/reports/{period}/report.docx", tag = "boards", params(("id" = i64, Path), ("period" = String, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn report_docx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, period)): Path<(i64, String)>,
) -> ApiResult<Response> {
    let doc = boards::report_document(&state.app, &user.actor(), id, &period).await?;
    Ok(download(coso_app::plans::summary::docx(&doc)?, DOCX, &format!("bao-cao-ban-giam-sat-{id}-{period}.docx")))
}

/// The same report as PDF (501 in a build without PDF output).
#[utoipa::path(get, path = "/api/v1/boards/{id}/reports/{period}/report.pdf", tag = "boards", params(("id" = i64, Path), ("period" = String, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody), (status = 501, body = ErrorBody)))]
pub async fn report_pdf(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, period)): Path<(i64, String)>,
) -> ApiResult<Response> {
    let doc = boards::report_document(&state.app, &user.actor(), id, &period).await?;
    Ok(download(pdf(doc).await?, "application/pdf", &format!("bao-cao-ban-giam-sat-{id}-{period}.pdf")))
}
