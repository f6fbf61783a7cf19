//! `/api/v1/units/{code}/elections`, `/api/v1/elections/{id}…` (the timeline's steps, the
//! count, the commune's decision), `/api/v1/units/{code}/dismissals`,
//! `/api/v1/units/{code}/conferences`, `/api/v1/conferences/{id}` and
//! `/api/v1/units/{code}/conference-compliance`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use coso_app::{conferences, elections};
use coso_domain::conference::ConferenceInput;
use coso_domain::election::{DismissalInput, ElectionInput, RecognitionInput, ResultInput, StepInput, VoteInput};

use super::wire::{
    Compliance, Conference, ConferenceCreate, Dismissal, DismissalCreate, Election, ElectionCreate, ElectionList,
    RecognitionCreate, ResultCreate, StepCreate, YearQuery,
};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, ErrorBody};
use crate::extract::{Json, Path, Query};
use crate::plans::api::{DOCX, download, pdf};
use crate::state::AppState;

/// Creates an election for its meeting day (officials of the commune or above): a village
/// head's, by the village; a board's members (`kind` inspection_board with its `seats`, or
/// investment_board with its `board` and up to 5 seats), by the commune.
#[utoipa::path(post, path = "/api/v1/units/{code}/elections", tag = "elections", params(("code" = String, Path)), request_body = ElectionCreate,
    responses((status = 201, body = Election), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<ElectionCreate>,
) -> ApiResult<(StatusCode, Json<Election>)> {
    let calendar = crate::calendar::current(&state).await?;
    let input = ElectionInput {
        title: b.title,
        meeting_on: b.meeting_on,
        dismissal: b.dismissal,
        kind: b.kind,
        seats: b.seats,
        board: b.board,
    };
    let v = elections::create(&state.app, &user.actor(), &calendar, &code, &input).await?;
    Ok((StatusCode::CREATED, Json((&v).into())))
}

/// The elections of a village, the latest meeting first (those who see its administration).
#[utoipa::path(get, path = "/api/v1/units/{code}/elections", tag = "elections", params(("code" = String, Path)),
    responses((status = 200, body = ElectionList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> ApiResult<Json<ElectionList>> {
    let (_, rows) = elections::list_for_unit(&state.app, &user.actor(), &code).await?;
    Ok(Json(ElectionList { items: rows.into_iter().map(Into::into).collect() }))
}

/// An election: its timeline with due, done, late and overdue steps, the candidates and team,
/// the count judged against the threshold, the commune's decision.
#[utoipa::path(get, path = "/api/v1/elections/{id}", tag = "elections", params(("id" = i64, Path)),
    responses((status = 200, body = Election), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Json<Election>> {
    let calendar = crate::calendar::current(&state).await?;
    let v = elections::get(&state.app, &user.actor(), &calendar, id).await?;
    Ok(Json((&v).into()))
}

/// Records a step of the timeline done (a late one is kept and flagged late).
#[utoipa::path(post, path = "/api/v1/elections/{id}/steps", tag = "elections", params(("id" = i64, Path)), request_body = StepCreate,
    responses((status = 200, body = Election), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn step(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<StepCreate>,
) -> ApiResult<Json<Election>> {
    let calendar = crate::calendar::current(&state).await?;
    let input = StepInput { step: b.step, done_on: b.done_on, people: b.people, villages: b.villages };
    let v = elections::record_step(&state.app, &user.actor(), &calendar, id, &input).await?;
    Ok(Json((&v).into()))
}

/// Records the meeting's count and the day the commune received it.
#[utoipa::path(post, path = "/api/v1/elections/{id}/result", tag = "elections", params(("id" = i64, Path)), request_body = ResultCreate,
    responses((status = 200, body = Election), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn result(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<ResultCreate>,
) -> ApiResult<Json<Election>> {
    let calendar = crate::calendar::current(&state).await?;
    let input = ResultInput {
        households: b.households,
        present: b.present,
        votes: b.votes.into_iter().map(|v| VoteInput { candidate: v.candidate, votes: v.votes }).collect(),
        received_on: b.received_on,
    };
    let v = elections::record_result(&state.app, &user.actor(), &calendar, id, &input).await?;
    Ok(Json((&v).into()))
}

/// The commune's decision on a held election: recognised, or to be held again (VH-6). A
/// board's election recognised forms the commune's People's Inspection Board (or renews its
/// members), or renews the residents' representatives of its investment board; a membership
/// breaking BTT-1, GS-2 or GS-3 is refused (422) naming the rule, and nothing changes.
#[utoipa::path(post, path = "/api/v1/elections/{id}/recognition", tag = "elections", params(("id" = i64, Path)), request_body = RecognitionCreate,
    responses((status = 200, body = Election), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn recognition(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<RecognitionCreate>,
) -> ApiResult<Json<Election>> {
    let calendar = crate::calendar::current(&state).await?;
    let input = RecognitionInput { decided_on: b.decided_on, recognised: b.recognised, head: b.head };
    let v = elections::decide(&state.app, &user.actor(), &calendar, id, &input).await?;
    Ok(Json((&v).into()))
}

/// Records a dismissal the commune recognised with its interim head; the new election is due
/// within 60 days (`election.new_after_dismissal`).
#[utoipa::path(post, path = "/api/v1/units/{code}/dismissals", tag = "elections", params(("code" = String, Path)), request_body = DismissalCreate,
    responses((status = 201, body = Dismissal), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn dismiss(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<DismissalCreate>,
) -> ApiResult<(StatusCode, Json<Dismissal>)> {
    let calendar = crate::calendar::current(&state).await?;
    let input = DismissalInput {
        head_name: b.head_name,
        recognised_on: b.recognised_on,
        interim_name: b.interim_name,
        interim_from: b.interim_from,
    };
    let v = elections::dismiss(&state.app, &user.actor(), &calendar, &code, &input).await?;
    Ok((StatusCode::CREATED, Json((&v).into())))
}

/// Records the village's annual conference (its village head, or an official above it).
#[utoipa::path(post, path = "/api/v1/units/{code}/conferences", tag = "conferences", params(("code" = String, Path)), request_body = ConferenceCreate,
    responses((status = 201, body = Conference), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_conference(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<ConferenceCreate>,
) -> ApiResult<(StatusCode, Json<Conference>)> {
    let calendar = crate::calendar::current(&state).await?;
    let input = ConferenceInput {
        held_on: b.held_on,
        place: b.place,
        plan_sent_on: b.plan_sent_on,
        notice_on: b.notice_on,
        minutes: b.minutes,
    };
    let v = conferences::record(&state.app, &user.actor(), &calendar, &code, &input).await?;
    Ok((StatusCode::CREATED, Json((&v).into())))
}

/// A conference with its notice deadline and its requirements judged.
#[utoipa::path(get, path = "/api/v1/conferences/{id}", tag = "conferences", params(("id" = i64, Path)),
    responses((status = 200, body = Conference), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn conference(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<Conference>> {
    let calendar = crate::calendar::current(&state).await?;
    let v = conferences::get(&state.app, &user.actor(), &calendar, id).await?;
    Ok(Json((&v).into()))
}

/// The villages of the unit with no conference in the year's window (default October–December).
#[utoipa::path(get, path = "/api/v1/units/{code}/conference-compliance", tag = "conferences", params(("code" = String, Path), YearQuery),
    responses((status = 200, body = Compliance), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn compliance(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<YearQuery>,
) -> ApiResult<Json<Compliance>> {
    let v = conferences::compliance(&state.app, &user.actor(), &code, q.year).await?;
    Ok(Json((&v).into()))
}

async fn candidates_minutes(state: &AppState, user: &CurrentUser, id: i64) -> ApiResult<coso_documents::Document> {
    let calendar = crate::calendar::current(state).await?;
    let v = elections::get(&state.app, &user.actor(), &calendar, id).await?;
    Ok(elections::documents::candidates_minutes(&state.app, &v).await?)
}

async fn conference_minutes(state: &AppState, user: &CurrentUser, id: i64) -> ApiResult<coso_documents::Document> {
    let calendar = crate::calendar::current(state).await?;
    let v = conferences::get(&state.app, &user.actor(), &calendar, id).await?;
    Ok(elections::documents::conference_minutes(&v)?)
}

/// Mẫu 05: the minutes of the meeting proposing the candidates, DOCX (409 before the list).
#[utoipa::path(get, path = "/api/v1/elections/{id}/mau-05.docx", tag = "elections", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn candidates_docx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    let doc = candidates_minutes(&state, &user, id).await?;
    Ok(download(coso_app::plans::summary::docx(&doc)?, DOCX, &format!("mau-05-bau-truong-thon-{id}.docx")))
}

/// Mẫu 05 as PDF (501 in a build without PDF output).
#[utoipa::path(get, path = "/api/v1/elections/{id}/mau-05.pdf", tag = "elections", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 501, body = ErrorBody)))]
pub async fn candidates_pdf(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    let doc = candidates_minutes(&state, &user, id).await?;
    Ok(download(pdf(doc).await?, "application/pdf", &format!("mau-05-bau-truong-thon-{id}.pdf")))
}

/// The minutes of a conference, DOCX (409 before they are recorded).
#[utoipa::path(get, path = "/api/v1/conferences/{id}/minutes.docx", tag = "conferences", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn minutes_docx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    let doc = conference_minutes(&state, &user, id).await?;
    Ok(download(coso_app::plans::summary::docx(&doc)?, DOCX, &format!("bien-ban-hoi-nghi-{id}.docx")))
}

/// The minutes of a conference as PDF (501 in a build without PDF output).
#[utoipa::path(get, path = "/api/v1/conferences/{id}/minutes.pdf", tag = "conferences", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 501, body = ErrorBody)))]
pub async fn minutes_pdf(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Response> {
    let doc = conference_minutes(&state, &user, id).await?;
    Ok(download(pdf(doc).await?, "application/pdf", &format!("bien-ban-hoi-nghi-{id}.pdf")))
}
