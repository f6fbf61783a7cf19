//! `/api/v1/units/{code}/steering-committee…`: a unit's committee, its members and their areas;
//! `/api/v1/followed-areas`: what the signed-in member follows; `/api/v1/units/{code}/commendations`
//! and `/api/v1/units/{code}/models`: the register of commendations and models worth copying.

use axum::extract::State;
use axum::http::StatusCode;
use coso_app::steering;
use coso_app::steering::recognition;
use coso_domain::steering::{CommendationInput, CommitteeInput, MemberInput, ModelInput};

use super::wire::{
    CommendationCreate, CommendationOut, Committee, CommitteeSave, Followed, MemberCreate, ModelCreate, ModelOut,
};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, ErrorBody};
use crate::extract::{Json, Path, Query};
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

/// `?year=2026&unit=V1`: the register's filters.
#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct RegisterParams {
    /// Only this year.
    pub year: Option<i32>,
    /// Only this unit of the subtree and those below it.
    pub unit: Option<String>,
}

async fn register_view(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    q: RegisterParams,
) -> ApiResult<recognition::RegisterView> {
    let unit = coso_app::units::by_code(&state.app, code).await?;
    let filter = recognition::RegisterFilter { unit: q.unit, year: q.year };
    Ok(recognition::register(&state.app, &user.actor(), &unit, &filter).await?)
}

fn year_text(y: Option<i64>) -> String {
    y.map(|y| y.to_string()).unwrap_or_default()
}

/// The commendations of the unit's subtree, newest first.
#[utoipa::path(get, path = "/api/v1/units/{code}/commendations", tag = "steering", params(("code" = String, Path), RegisterParams),
    responses((status = 200, body = Vec<CommendationOut>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn commendations(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<RegisterParams>,
) -> ApiResult<Json<Vec<CommendationOut>>> {
    let view = register_view(&state, &user, &code, q).await?;
    Ok(Json(view.commendations.iter().map(Into::into).collect()))
}

/// Records a commendation decided by the unit.
#[utoipa::path(post, path = "/api/v1/units/{code}/commendations", tag = "steering", params(("code" = String, Path)),
    request_body = CommendationCreate,
    responses((status = 201, body = Created), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_commendation(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<CommendationCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let input = CommendationInput {
        form: b.form,
        recipient_unit: b.recipient_unit,
        recipient_person: b.recipient_person,
        year: year_text(b.year),
        reason: b.reason,
        decision_number: b.decision_number,
        decided_on: b.decided_on,
    };
    let id = recognition::record_commendation(&state.app, &user.actor(), &unit, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// The models worth copying of the unit's subtree.
#[utoipa::path(get, path = "/api/v1/units/{code}/models", tag = "steering", params(("code" = String, Path), RegisterParams),
    responses((status = 200, body = Vec<ModelOut>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn models(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<RegisterParams>,
) -> ApiResult<Json<Vec<ModelOut>>> {
    let view = register_view(&state, &user, &code, q).await?;
    Ok(Json(view.models.iter().map(Into::into).collect()))
}

/// Records a model worth copying in the unit's register.
#[utoipa::path(post, path = "/api/v1/units/{code}/models", tag = "steering", params(("code" = String, Path)),
    request_body = ModelCreate,
    responses((status = 201, body = Created), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_model(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<ModelCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let input = ModelInput {
        name: b.name,
        unit: b.unit,
        year: year_text(b.year),
        description: b.description,
        status: b.status,
    };
    let id = recognition::record_model(&state.app, &user.actor(), &unit, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}
