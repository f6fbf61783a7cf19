//! `/api/v1/decisions/{id}/…` for household ballots and online votes: the plan that issues the
//! ballots, their state, collection, the count's entries, the printed sheets, the distribution
//! list and Mẫu 04; a household's online vote and the close of an online vote.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use coso_app::decisions::{self, ballots, online};
use coso_domain::decision::ballot::BallotPlanInput;
use coso_domain::decision::online_vote::Choice;

use super::wire::{
    Ballot, BallotCollect, BallotCount, BallotPlanCreate, BallotTally, Closed, OnlineVote, Tally, VoteCast,
};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::extract::{Json, Path};
use crate::plans::api::{DOCX, download, pdf};
use crate::state::AppState;

/// Records the ballot plan (DEC-9) and issues one ballot per household of the snapshot, each
/// with its random short code; the commune is told when the result is due (DEC-10).
#[utoipa::path(post, path = "/api/v1/decisions/{id}/ballot-plan", tag = "decisions", params(("id" = i64, Path)), request_body = BallotPlanCreate,
    responses((status = 201, body = BallotCount), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn plan(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<BallotPlanCreate>,
) -> ApiResult<(StatusCode, Json<BallotCount>)> {
    let (unit, _) = decisions::unit_of(&state.app, id).await?;
    let calendar = crate::calendar::current(&state).await?;
    let input = BallotPlanInput {
        purpose: b.purpose,
        content: b.content,
        participants: b.participants,
        starts_on: b.starts_on,
        ends_on: b.ends_on,
    };
    let count = ballots::issue(&state.app, &user.actor(), &calendar, &unit, id, &input).await?;
    Ok((StatusCode::CREATED, Json(BallotCount { count })))
}

/// A ballot's plan, ballots issued and back, and its count (officials of the unit).
#[utoipa::path(get, path = "/api/v1/decisions/{id}/ballots", tag = "decisions", params(("id" = i64, Path)),
    responses((status = 200, body = Ballot), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Json<Ballot>> {
    let (unit, _) = decisions::unit_of(&state.app, id).await?;
    decisions::manage_permit(&user.actor(), &unit)?;
    let progress = ballots::progress(&state.app, id).await?;
    Ok(Json((&progress).into()))
}

/// Marks the ballots whose codes are given as back; a code of another ballot is refused and
/// nothing changes.
#[utoipa::path(post, path = "/api/v1/decisions/{id}/ballots/collect", tag = "decisions", params(("id" = i64, Path)), request_body = BallotCollect,
    responses((status = 200, body = BallotCount), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn collect(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<BallotCollect>,
) -> ApiResult<Json<BallotCount>> {
    let (unit, _) = decisions::unit_of(&state.app, id).await?;
    let on = match b.on.as_deref() {
        Some(raw) => {
            coso_domain::field::date("on", "Ngày thu phiếu", raw).map_err(|e| AppError::Validation(vec![e]))?
        }
        None => state.app.clock().today(),
    };
    let count = ballots::collect(&state.app, &user.actor(), &unit, id, &b.codes.join("\n"), on).await?;
    Ok(Json(BallotCount { count }))
}

/// Enters a ballot's count, for `POST /api/v1/decisions/{id}/tally`: the first and second
/// entries by two members independently (one request each, or both in one), the reconciled one
/// when they differ. Once they agree or are reconciled the decision is closed with its outcome
/// against all households.
pub(crate) async fn enter_tally(
    state: &AppState,
    user: &CurrentUser,
    unit: &coso_store::UnitRow,
    id: i64,
    b: BallotTally,
) -> ApiResult<Tally> {
    let entries = ballots::TallyEntries {
        first: b.first.map(|e| e.input()),
        second: b.second.map(|e| e.input()),
        reconciled: b.reconciled.map(|e| e.input()),
    };
    let tally = ballots::enter_tally(&state.app, &user.actor(), unit, id, &entries).await?;
    Ok((&tally).into())
}

/// One page per household with its code, the question and the choices, as one PDF.
#[utoipa::path(get, path = "/api/v1/decisions/{id}/ballots.pdf", tag = "decisions", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 501, body = ErrorBody)))]
pub async fn sheets_pdf(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Response> {
    let (unit, _) = decisions::unit_of(&state.app, id).await?;
    Ok(download(
        super::files::sheets(&state, &user, &unit, id).await?,
        "application/pdf",
        &format!("phieu-lay-y-kien-{id}.pdf"),
    ))
}

/// The distribution list: each code with its household, signed on receipt and on return.
#[utoipa::path(get, path = "/api/v1/decisions/{id}/distribution.pdf", tag = "decisions", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 501, body = ErrorBody)))]
pub async fn distribution_pdf(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    let (unit, _) = decisions::unit_of(&state.app, id).await?;
    Ok(download(
        super::files::distribution(&state, &user, &unit, id).await?,
        "application/pdf",
        &format!("danh-sach-phat-phieu-{id}.pdf"),
    ))
}

/// Mẫu 04, the vote-counting minutes of the ballot, DOCX.
#[utoipa::path(get, path = "/api/v1/decisions/{id}/counting-minutes.docx", tag = "decisions", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn minutes_docx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    let (unit, _) = decisions::unit_of(&state.app, id).await?;
    let doc = ballots::minutes(&state.app, &user.actor(), &unit, id).await?;
    Ok(download(coso_app::plans::summary::docx(&doc)?, DOCX, &format!("bien-ban-kiem-phieu-{id}.docx")))
}

/// Mẫu 04 as PDF (501 in a build without PDF output).
#[utoipa::path(get, path = "/api/v1/decisions/{id}/counting-minutes.pdf", tag = "decisions", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 501, body = ErrorBody)))]
pub async fn minutes_pdf(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Response> {
    let (unit, _) = decisions::unit_of(&state.app, id).await?;
    let doc = ballots::minutes(&state.app, &user.actor(), &unit, id).await?;
    Ok(download(pdf(doc).await?, "application/pdf", &format!("bien-ban-kiem-phieu-{id}.pdf")))
}

/// The vote of the signed-in representative's household on an open online vote (matter 6
/// only); a second vote replaces the first.
#[utoipa::path(post, path = "/api/v1/decisions/{id}/online-votes", tag = "decisions", params(("id" = i64, Path)), request_body = OnlineVote,
    responses((status = 200, body = VoteCast), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn vote(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<OnlineVote>,
) -> ApiResult<Json<VoteCast>> {
    let choice = Choice::parse(&b.choice).map_err(|e| AppError::Validation(vec![e]))?;
    let replaced = online::vote(&state.app, &user.actor(), id, choice).await?;
    Ok(Json(VoteCast { replaced }))
}

/// Closes an online vote (officials of the unit): the last vote of each household counted
/// against all the households of the snapshot.
#[utoipa::path(post, path = "/api/v1/decisions/{id}/online-close", tag = "decisions", params(("id" = i64, Path)),
    responses((status = 200, body = Closed), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn close(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Json<Closed>> {
    let (unit, _) = decisions::unit_of(&state.app, id).await?;
    let outcome = online::close(&state.app, &user.actor(), &unit, id).await?;
    Ok(Json(Closed { outcome: outcome.as_str().into() }))
}
