//! Accounts.

use axum::extract::State;
use axum::http::StatusCode;
use coso_domain::authz::{Action, allows_somewhere};
use serde::Deserialize;
use utoipa::IntoParams;

use super::wire::UserList;
use crate::actions::{self, UserInput};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody};
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
    let grants = user.domain_grants();
    if !allows_somewhere(&grants, Action::ReadUsers) {
        return Err(AppError::Forbidden.into());
    }
    let within = if user.is_admin() {
        None
    } else {
        // An official sees the accounts of the first unit they were granted ReadUsers on.
        user.grants
            .iter()
            .find(|g| g.grant().is_some_and(|g| coso_domain::authz::role_allows(g.role, Action::ReadUsers)))
            .map(|g| g.unit_path.clone())
    };
    let page = state.store().list_users(within.as_deref(), q.limit, q.offset).await?;
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
    let id = actions::create_user(&state, &user, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.0 })))
}
