//! `/api/v1/consultations…`: open a consultation on checked sections, read it, comment, close,
//! answer, and download the report on how opinions were taken into account.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use coso_app::consultations::{self, CommentPlace};
use coso_domain::consultation::{AnswerInput, CommentInput, ConsultationInput, DraftSection};

use super::wire::{AnswerCreate, CommentCreate, Consultation, ConsultationCreate, StatusBody};
use crate::auth::{CurrentUser, MaybeUser};
use crate::error::{ApiResult, ErrorBody};
use crate::extract::{Json, Path};
use crate::plans::api::{DOCX, download, pdf};
use crate::state::AppState;
use crate::wire::Created;

/// Opens a consultation at once on the sections given (officials of the unit). The review step
/// of an uploaded draft is the web form's.
#[utoipa::path(post, path = "/api/v1/consultations", tag = "consultations", request_body = ConsultationCreate,
    responses((status = 201, body = Created), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(b): Json<ConsultationCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let unit = coso_app::units::by_code(&state.app, &b.unit).await?;
    let input = ConsultationInput {
        title: b.title,
        kind: b.kind,
        audience: b.audience,
        villages: b.villages,
        opens_on: b.opens_on,
        closes_on: b.closes_on,
    };
    let sections: Vec<DraftSection> =
        b.sections.into_iter().map(|s| DraftSection { heading: s.heading, body: s.body }).collect();
    let id = consultations::create_open(&state.app, &user.actor(), &unit, &input, &sections).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// A consultation with its sections, the first 20 comments of each and the counts villages
/// brought; public, like its page (a draft is not found).
#[utoipa::path(get, path = "/api/v1/consultations/{id}", tag = "consultations", params(("id" = i64, Path)),
    responses((status = 200, body = Consultation), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<Consultation>> {
    let actor = user.as_ref().map(CurrentUser::actor);
    let v = consultations::public_view(&state.app, actor.as_ref(), id, None).await?;
    Ok(Json((&v).into()))
}

/// A comment of a signed-in resident of the audience, while the consultation is open.
#[utoipa::path(post, path = "/api/v1/consultations/{id}/comments", tag = "consultations", params(("id" = i64, Path)), request_body = CommentCreate,
    responses((status = 201, body = Created), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn comment(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<CommentCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let place = b.section.map_or(CommentPlace::Whole, CommentPlace::Section);
    let id = consultations::comment(&state.app, &user.actor(), id, place, &CommentInput { body: b.body }).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// Closes an open consultation (officials of the unit): no more comments. A commune's results
/// become a disclosure of its register (item 9), whose id the answer gives.
#[utoipa::path(post, path = "/api/v1/consultations/{id}/close", tag = "consultations", params(("id" = i64, Path)),
    responses((status = 200, body = StatusBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn close(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<StatusBody>> {
    let unit = consultations::unit_of(&state.app, id).await?;
    let disclosure = consultations::close(&state.app, &user.actor(), &unit.code, id).await?;
    Ok(Json(StatusBody { status: "closed".into(), disclosure }))
}

/// Answers one comment or a group of a closed consultation. When every visible comment has
/// its answer the consultation is `answered`.
#[utoipa::path(post, path = "/api/v1/consultations/{id}/answers", tag = "consultations", params(("id" = i64, Path)), request_body = AnswerCreate,
    responses((status = 200, body = StatusBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn answers(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<AnswerCreate>,
) -> ApiResult<Json<StatusBody>> {
    let unit = consultations::unit_of(&state.app, id).await?;
    let input = AnswerInput { comments: b.comments, kind: b.kind, reason: b.reason };
    let done = consultations::answer(&state.app, &user.actor(), &unit.code, id, &input).await?;
    Ok(Json(StatusBody { status: if done { "answered" } else { "closed" }.into(), disclosure: None }))
}

async fn report(state: &AppState, user: &CurrentUser, id: i64) -> ApiResult<coso_documents::Document> {
    let unit = consultations::unit_of(&state.app, id).await?;
    Ok(consultations::report_document(&state.app, &user.actor(), &unit.code, id).await?)
}

/// The report on how opinions were taken into account (báo cáo tiếp thu, giải trình), DOCX.
#[utoipa::path(get, path = "/api/v1/consultations/{id}/report.docx", tag = "consultations", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn report_docx(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Response> {
    let doc = report(&state, &user, id).await?;
    Ok(download(coso_app::plans::summary::docx(&doc)?, DOCX, &format!("bao-cao-tiep-thu-giai-trinh-{id}.docx")))
}

/// The same report as PDF (501 in a build without PDF output).
#[utoipa::path(get, path = "/api/v1/consultations/{id}/report.pdf", tag = "consultations", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 501, body = ErrorBody)))]
pub async fn report_pdf(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Response> {
    let doc = report(&state, &user, id).await?;
    Ok(download(pdf(doc).await?, "application/pdf", &format!("bao-cao-tiep-thu-giai-trinh-{id}.pdf")))
}
