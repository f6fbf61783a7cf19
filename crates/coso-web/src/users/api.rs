//! Accounts.

use axum::extract::State;
use axum::http::StatusCode;
use coso_app::users;
use serde::Deserialize;
use utoipa::IntoParams;

use super::wire::{UserInput, UserList};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, ErrorBody};
use crate::extract::{Json, Query};
use crate::state::AppState;
use crate::wire::Created;

#[derive(Deserialize, IntoParams)]
pub struct UserQuery {
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

/// Accounts the caller may see: all for administrators, those granted inside the caller's
/// units for officials.
#[utoipa::path(get, path = "/api/v1/users", tag = "users", params(UserQuery),
    responses((status = 200, body = UserList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<UserQuery>,
) -> ApiResult<Json<UserList>> {
    let page = users::list(&state.app, &user.actor(), q.limit, q.offset).await?;
    Ok(Json(UserList { items: page.items.into_iter().map(Into::into).collect(), total: page.total }))
}

/// Creates an account with one role on one unit (administrators only).
#[utoipa::path(post, path = "/api/v1/users", tag = "users", request_body = UserInput,
    responses((status = 201, body = Created), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Json(input): Json<UserInput>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let created = users::create(&state.app, &user.actor(), &input.account()).await?;
    Ok((StatusCode::CREATED, Json(Created { id: created.id.0 })))
}
