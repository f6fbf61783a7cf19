//! `/api/v1/units/{code}/steering-committee…`: a unit's committee, its members and their areas;
//! `/api/v1/followed-areas`: what the signed-in member follows.

use axum::extract::State;
use axum::http::StatusCode;
use coso_app::steering;
use coso_domain::steering::{CommitteeInput, MemberInput};

use super::wire::{Committee, CommitteeSave, Followed, MemberCreate};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, ErrorBody};
use crate::extract::{Json, Path};
use crate::state::AppState;
use crate::wire::Created;

/// The unit's steering committee with its members and the areas each follows.
#[utoipa::path(get, path = "/api/v1/units/{code}/steering-committee", tag = "steering", params(("code" = String, Path)),
    responses((status = 200, body = Committee), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> ApiResult<Json<Committee>> {
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    Ok(Json(steering::committee(&state.app, &user.actor(), &unit).await?.into()))
}

/// Sets up the unit's committee, or renames it.
#[utoipa::path(put, path = "/api/v1/units/{code}/steering-committee", tag = "steering", params(("code" = String, Path)),
    request_body = CommitteeSave,
    responses((status = 200, body = Created), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<CommitteeSave>,
) -> ApiResult<Json<Created>> {
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let id = steering::save(&state.app, &user.actor(), &unit, &CommitteeInput { name: b.name }).await?;
    Ok(Json(Created { id }))
}

/// Adds a member with the areas they follow (units of the committee's subtree).
#[utoipa::path(post, path = "/api/v1/units/{code}/steering-committee/members", tag = "steering", params(("code" = String, Path)),
    request_body = MemberCreate,
    responses((status = 201, body = Created), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_member(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<MemberCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let input = MemberInput { name: b.name, position: b.position, account: b.account, areas: b.areas.join(",") };
    let id = steering::add_member(&state.app, &user.actor(), &unit, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// Removes a member of the unit's committee.
#[utoipa::path(delete, path = "/api/v1/units/{code}/steering-committee/members/{id}", tag = "steering",
    params(("code" = String, Path), ("id" = i64, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove_member(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> ApiResult<StatusCode> {
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    steering::remove_member(&state.app, &user.actor(), &unit, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The areas the signed-in account follows as a committee member, each with its inbox and what
/// is overdue there; only areas inside what the account may read.
#[utoipa::path(get, path = "/api/v1/followed-areas", tag = "steering",
    responses((status = 200, body = Followed), (status = 401, body = ErrorBody)))]
pub async fn followed(State(state): State<AppState>, user: CurrentUser) -> ApiResult<Json<Followed>> {
    let calendar = crate::calendar::current(&state).await?;
    let view = steering::followed(&state.app, &user.actor(), &calendar).await?;
    Ok(Json((&view).into()))
}
