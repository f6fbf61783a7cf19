//! `/api/v1/units/{code}/conventions` and `/api/v1/conventions/{id}…`: propose a village
//! convention, read it in the shape of a community decision, take it through each step, and
//! compare two versions. Every step answers the convention as it then stands.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use coso_app::conventions;
use coso_domain::convention::{AdoptionInput, DatedInput, OpinionInput, ProposalInput, RecognitionInput, VersionInput};

use super::wire::{
    AdoptionCreate, AdoptionFromDecision, Convention, ConventionCreate, DatedStep, Diff, DiffQuery, OpinionsCreate,
    RecognitionCreate, VersionCreate,
};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, ErrorBody};
use crate::extract::{Json, Path, Query};
use crate::plans::api::{DOCX, download, pdf};
use crate::state::AppState;
use crate::wire::Created;

async fn answer(state: &AppState, user: &CurrentUser, code: &str, id: i64) -> ApiResult<Json<Convention>> {
    let calendar = crate::calendar::current(state).await?;
    let v = conventions::view(&state.app, &user.actor(), &calendar, code, id).await?;
    Ok(Json(Convention::of(&v, state.app.today())))
}

async fn code_of(state: &AppState, id: i64) -> ApiResult<String> {
    Ok(conventions::unit_of(&state.app, id).await?.code)
}

/// Proposes a convention for a village or residential group (its head, officials of the
/// village or above), its basic contents as version 1.
#[utoipa::path(post, path = "/api/v1/units/{code}/conventions", tag = "conventions", params(("code" = String, Path)),
    request_body = ConventionCreate,
    responses((status = 201, body = Created), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<ConventionCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let input = ProposalInput { kind: b.kind, title: b.title, text: b.text };
    let id = conventions::propose(&state.app, &user.actor(), &code, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// A convention: its state, its last vote judged against all households (`households`,
/// `present`, `yes`, `required`, `outcome`, `reason`) and its `deadlines`.
#[utoipa::path(get, path = "/api/v1/conventions/{id}", tag = "conventions", params(("id" = i64, Path)),
    responses((status = 200, body = Convention), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Json<Convention>> {
    let code = code_of(&state, id).await?;
    answer(&state, &user, &code, id).await
}

/// A new version of the text (a convention in force starts its amendment).
#[utoipa::path(post, path = "/api/v1/conventions/{id}/versions", tag = "conventions", params(("id" = i64, Path)),
    request_body = VersionCreate,
    responses((status = 200, body = Convention), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn version(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<VersionCreate>,
) -> ApiResult<Json<Convention>> {
    let code = code_of(&state, id).await?;
    conventions::edit(&state.app, &user.actor(), &code, id, &VersionInput { text: b.text, note: b.note }).await?;
    answer(&state, &user, &code, id).await
}

/// Posts the current draft for the community's opinions (`note`: where); a vote comes at
/// least 30 days later (PUB-7).
#[utoipa::path(post, path = "/api/v1/conventions/{id}/posting", tag = "conventions", params(("id" = i64, Path)),
    request_body = DatedStep,
    responses((status = 200, body = Convention), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn post(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<DatedStep>,
) -> ApiResult<Json<Convention>> {
    let code = code_of(&state, id).await?;
    conventions::post(&state.app, &user.actor(), &code, id, &DatedInput { date: b.date, note: b.note }).await?;
    answer(&state, &user, &code, id).await
}

/// Records opinions collected while the draft is posted.
#[utoipa::path(post, path = "/api/v1/conventions/{id}/opinions", tag = "conventions", params(("id" = i64, Path)),
    request_body = OpinionsCreate,
    responses((status = 200, body = Convention), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn opinions(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<OpinionsCreate>,
) -> ApiResult<Json<Convention>> {
    let code = code_of(&state, id).await?;
    let input =
        OpinionInput { received_on: b.received_on, count: b.count.to_string(), source: b.source, summary: b.summary };
    conventions::record_opinions(&state.app, &user.actor(), &code, id, &input).await?;
    answer(&state, &user, &code, id).await
}

/// Records the vote of a meeting or a household ballot, judged against all households
/// (HU-5). Refused before the posting period ends, with the first day allowed (422, field
/// `date`); a ballot only after a meeting that lacked more than half of the households.
#[utoipa::path(post, path = "/api/v1/conventions/{id}/adoption", tag = "conventions", params(("id" = i64, Path)),
    request_body = AdoptionCreate,
    responses((status = 200, body = Convention), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn adoption(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<AdoptionCreate>,
) -> ApiResult<Json<Convention>> {
    let code = code_of(&state, id).await?;
    let calendar = crate::calendar::current(&state).await?;
    let input = AdoptionInput {
        form: b.form,
        date: b.date,
        households: b.households.to_string(),
        present: b.present.to_string(),
        yes: b.yes.to_string(),
    };
    conventions::record_vote(&state.app, &user.actor(), &calendar, &code, id, &input).await?;
    answer(&state, &user, &code, id).await
}

/// Takes the vote from a community decision of matter 3 of the same village whose result is
/// recorded (HU-5), judged as a typed vote and linked to the convention; refused before the
/// posting period ends, counted from the decision's first day (422, field `decision`).
#[utoipa::path(post, path = "/api/v1/conventions/{id}/adoption-decision", tag = "conventions", params(("id" = i64, Path)),
    request_body = AdoptionFromDecision,
    responses((status = 200, body = Convention), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn adoption_decision(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<AdoptionFromDecision>,
) -> ApiResult<Json<Convention>> {
    let code = code_of(&state, id).await?;
    let calendar = crate::calendar::current(&state).await?;
    let decision = b.decision.to_string();
    conventions::record_vote_from_decision(&state.app, &user.actor(), &calendar, &code, id, &decision).await?;
    answer(&state, &user, &code, id).await
}

/// Sends the dossier to the commune (within 5 working days of the adoption, HU-6), or again
/// after a return.
#[utoipa::path(post, path = "/api/v1/conventions/{id}/dossier", tag = "conventions", params(("id" = i64, Path)),
    request_body = DatedStep,
    responses((status = 200, body = Convention), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn dossier(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<DatedStep>,
) -> ApiResult<Json<Convention>> {
    let code = code_of(&state, id).await?;
    conventions::submit(&state.app, &user.actor(), &code, id, &DatedInput { date: b.date, note: b.note }).await?;
    answer(&state, &user, &code, id).await
}

/// The commune recognises the adopted text (officials of the commune or above): in force
/// from the decision's date (within 5 working days of a complete dossier, HU-6).
#[utoipa::path(post, path = "/api/v1/conventions/{id}/recognition", tag = "conventions", params(("id" = i64, Path)),
    request_body = RecognitionCreate,
    responses((status = 200, body = Convention), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn recognition(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<RecognitionCreate>,
) -> ApiResult<Json<Convention>> {
    let code = code_of(&state, id).await?;
    let input = RecognitionInput { date: b.date, decision_number: b.decision_number };
    conventions::recognise(&state.app, &user.actor(), &code, id, &input).await?;
    answer(&state, &user, &code, id).await
}

/// The commune returns the dossier, with its reason in `note`.
#[utoipa::path(post, path = "/api/v1/conventions/{id}/return", tag = "conventions", params(("id" = i64, Path)),
    request_body = DatedStep,
    responses((status = 200, body = Convention), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn return_dossier(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<DatedStep>,
) -> ApiResult<Json<Convention>> {
    let code = code_of(&state, id).await?;
    conventions::return_dossier(&state.app, &user.actor(), &code, id, &DatedInput { date: b.date, note: b.note })
        .await?;
    answer(&state, &user, &code, id).await
}

/// The yearly review of the text in force (HU-7), its conclusions in `note`.
#[utoipa::path(post, path = "/api/v1/conventions/{id}/review", tag = "conventions", params(("id" = i64, Path)),
    request_body = DatedStep,
    responses((status = 200, body = Convention), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn review(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<DatedStep>,
) -> ApiResult<Json<Convention>> {
    let code = code_of(&state, id).await?;
    conventions::review(&state.app, &user.actor(), &code, id, &DatedInput { date: b.date, note: b.note }).await?;
    answer(&state, &user, &code, id).await
}

/// The lines that turn version `from` into version `to`.
#[utoipa::path(get, path = "/api/v1/conventions/{id}/diff", tag = "conventions", params(("id" = i64, Path), DiffQuery),
    responses((status = 200, body = Diff), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn diff(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<DiffQuery>,
) -> ApiResult<Json<Diff>> {
    let code = code_of(&state, id).await?;
    let d = conventions::diff(&state.app, &user.actor(), &code, id, q.from, q.to).await?;
    Ok(Json((&d).into()))
}

async fn dossier_document(state: &AppState, user: &CurrentUser, id: i64) -> ApiResult<coso_documents::Document> {
    let code = code_of(state, id).await?;
    let calendar = crate::calendar::current(state).await?;
    Ok(conventions::dossier_document(&state.app, &user.actor(), &calendar, &code, id).await?)
}

/// The dossier sent to the commune (HU-6): the request for recognition (Mẫu 01), the minutes
/// of the vote (Mẫu 02) and the adopted text, DOCX in the Decree 30 layout; 409 before the
/// community adopted it.
#[utoipa::path(get, path = "/api/v1/conventions/{id}/dossier.docx", tag = "conventions", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = Vec<u8>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn dossier_docx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    let doc = dossier_document(&state, &user, id).await?;
    Ok(download(coso_app::plans::summary::docx(&doc)?, DOCX, &format!("ho-so-huong-uoc-{id}.docx")))
}

/// The same dossier as PDF (501 in a build without PDF output).
#[utoipa::path(get, path = "/api/v1/conventions/{id}/dossier.pdf", tag = "conventions", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 501, body = ErrorBody)))]
pub async fn dossier_pdf(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Response> {
    let doc = dossier_document(&state, &user, id).await?;
    Ok(download(pdf(doc).await?, "application/pdf", &format!("ho-so-huong-uoc-{id}.pdf")))
}
