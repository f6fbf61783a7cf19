//! `/api/v1/…dialogues…`: set up a dialogue, read it with its deadlines and commitments,
//! announce it, send a question, answer, record commitments and progress, publish the results,
//! and record a voters' request.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use coso_app::dialogues::{self, Asker};
use coso_domain::authz::Action;
use coso_domain::dialogue::{
    AnswerInput, CommitmentInput, DialogueInput, ProgressInput, QuestionInput, RequestInput, ResultsInput,
};

use super::wire::{
    AnswerCreate, CommitmentCreate, Dialogue, DialogueCreate, ProgressCreate, QuestionCreate, RequestBody,
    RequestCreate, ResultsCreate,
};
use crate::auth::{CurrentUser, MaybeUser};
use crate::error::{ApiResult, ErrorBody};
use crate::extract::{Json, Path};
use crate::state::AppState;
use crate::wire::Created;

async fn read(state: &AppState, user: Option<&CurrentUser>, id: i64) -> ApiResult<Dialogue> {
    let (unit, _) = dialogues::unit_of(&state.app, id).await?;
    let calendar = crate::calendar::current(state).await?;
    let actor = user.map(CurrentUser::actor);
    let v = match &actor {
        Some(a) if a.may(&unit.unit_path(), Action::HoldDialogues) => {
            dialogues::dialogue_view(&state.app, a, &calendar, &unit.code, id).await?
        }
        _ => dialogues::public_view(&state.app, &calendar, &unit.code, id).await?,
    };
    Ok((&v).into())
}

/// Sets up a dialogue of a commune, planned (officials of the commune or above). The answer
/// is the dialogue with its deadlines: the notice 7 days before, the results 10 days after.
#[utoipa::path(post, path = "/api/v1/units/{code}/dialogues", tag = "dialogues", params(("code" = String, Path)), request_body = DialogueCreate,
    responses((status = 201, body = Dialogue), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<DialogueCreate>,
) -> ApiResult<(StatusCode, Json<Dialogue>)> {
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let input = DialogueInput {
        topic: b.topic,
        villages: b.villages,
        held_on: b.date,
        place: b.place,
        online: if b.online { "true".into() } else { String::new() },
        voters: b.voters.map(|v| v.to_string()).unwrap_or_default(),
    };
    let calendar = crate::calendar::current(&state).await?;
    let id = dialogues::create(&state.app, &user.actor(), &calendar, &unit, &input, b.request).await?;
    Ok((StatusCode::CREATED, Json(read(&state, Some(&user), id).await?)))
}

/// A dialogue with its deadlines `[{rule, due}]`, questions and commitments. Public once
/// announced; a planned one only for its officials.
#[utoipa::path(get, path = "/api/v1/dialogues/{id}", tag = "dialogues", params(("id" = i64, Path)),
    responses((status = 200, body = Dialogue), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<Dialogue>> {
    Ok(Json(read(&state, user.as_ref(), id).await?))
}

/// Announces a planned dialogue today (DLG-3): it must have a place or be online.
#[utoipa::path(post, path = "/api/v1/dialogues/{id}/announce", tag = "dialogues", params(("id" = i64, Path)),
    responses((status = 200, body = Dialogue), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn announce(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<Dialogue>> {
    let (unit, _) = dialogues::unit_of(&state.app, id).await?;
    dialogues::announce(&state.app, &user.actor(), &unit.code, id).await?;
    Ok(Json(read(&state, Some(&user), id).await?))
}

/// A resident's question before the day, with or without an account; limited per address
/// like the petition form (429 with `Retry-After`).
#[utoipa::path(post, path = "/api/v1/dialogues/{id}/questions", tag = "dialogues", params(("id" = i64, Path)), request_body = QuestionCreate,
    responses((status = 201, body = Created), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn ask(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<i64>,
    Json(b): Json<QuestionCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    state.check_intake(addr.ip())?;
    let input = QuestionInput { body: b.body, name: b.name };
    let actor = user.as_ref().map(CurrentUser::actor);
    let request_id = crate::request_id::current();
    let who = match &actor {
        Some(a) => Asker::Account(a),
        None => Asker::Public { request_id: Some(&request_id) },
    };
    let id = dialogues::ask(&state.app, who, id, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// The answer given on the day to a question (officials of the commune or above).
#[utoipa::path(post, path = "/api/v1/dialogues/{id}/answers", tag = "dialogues", params(("id" = i64, Path)), request_body = AnswerCreate,
    responses((status = 200, body = Dialogue), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn answer(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<AnswerCreate>,
) -> ApiResult<Json<Dialogue>> {
    let (unit, _) = dialogues::unit_of(&state.app, id).await?;
    let input = AnswerInput { answer: b.answer };
    dialogues::answer(&state.app, &user.actor(), &unit.code, id, b.question, &input).await?;
    Ok(Json(read(&state, Some(&user), id).await?))
}

/// A commitment made at the dialogue; without an owner unit or a due date it is refused
/// naming the field, and nothing is saved.
#[utoipa::path(post, path = "/api/v1/dialogues/{id}/commitments", tag = "dialogues", params(("id" = i64, Path)), request_body = CommitmentCreate,
    responses((status = 201, body = Created), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn commit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<CommitmentCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let (unit, _) = dialogues::unit_of(&state.app, id).await?;
    let input = CommitmentInput {
        body: b.body,
        owner: b.owner,
        due_on: b.due_on,
        question: b.question.map(|q| q.to_string()).unwrap_or_default(),
    };
    let id = dialogues::add_commitment(&state.app, &user.actor(), &unit.code, id, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// Progress on one of the dialogue's commitments, dated today.
#[utoipa::path(post, path = "/api/v1/dialogues/{id}/progress", tag = "dialogues", params(("id" = i64, Path)), request_body = ProgressCreate,
    responses((status = 200, body = Dialogue), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn progress(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<ProgressCreate>,
) -> ApiResult<Json<Dialogue>> {
    let (unit, _) = dialogues::unit_of(&state.app, id).await?;
    let input = ProgressInput { status: b.status, percent: b.percent.to_string(), note: b.note };
    dialogues::update_progress(&state.app, &user.actor(), &unit.code, id, b.commitment, &input).await?;
    Ok(Json(read(&state, Some(&user), id).await?))
}

/// Publishes the results once the dialogue has been held (DLG-4).
#[utoipa::path(post, path = "/api/v1/dialogues/{id}/results", tag = "dialogues", params(("id" = i64, Path)), request_body = ResultsCreate,
    responses((status = 200, body = Dialogue), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn results(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<ResultsCreate>,
) -> ApiResult<Json<Dialogue>> {
    let (unit, _) = dialogues::unit_of(&state.app, id).await?;
    let calendar = crate::calendar::current(&state).await?;
    let input = ResultsInput { results: b.results };
    dialogues::publish_results(&state.app, &user.actor(), &calendar, &unit.code, id, &input).await?;
    Ok(Json(read(&state, Some(&user), id).await?))
}

/// Records a request signed by voters: at a tenth of the commune's voters or more, a
/// dialogue is `required` (DLG-2).
#[utoipa::path(post, path = "/api/v1/units/{code}/dialogue-requests", tag = "dialogues", params(("code" = String, Path)), request_body = RequestCreate,
    responses((status = 201, body = RequestBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn request(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<RequestCreate>,
) -> ApiResult<(StatusCode, Json<RequestBody>)> {
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let input = RequestInput { signatures: b.signatures.to_string(), voters: b.voters.to_string(), subject: b.subject };
    let outcome = dialogues::record_request(&state.app, &user.actor(), &unit, &input).await?;
    Ok((StatusCode::CREATED, Json(outcome.into())))
}
