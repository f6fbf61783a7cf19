//! Household registers, for the roles that may see them.

use axum::extract::State;
use axum::http::StatusCode;
use coso_app::{households, units};
use coso_domain::household::HouseholdInput;
use serde::Deserialize;
use utoipa::IntoParams;

use super::wire::{HouseholdList, ImportReport};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, ErrorBody};
use crate::extract::{CsvBody, Json, Path, Query};
use crate::state::AppState;
use crate::wire::Created;

#[derive(Deserialize, IntoParams)]
pub struct HouseholdQuery {
    /// Matches household code, representative or address, ignoring diacritics.
    pub q: Option<String>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

/// Households in a unit's subtree. Every read is audited.
#[utoipa::path(get, path = "/api/v1/units/{code}/households", tag = "households", params(("code" = String, Path), HouseholdQuery),
    responses((status = 200, body = HouseholdList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<HouseholdQuery>,
) -> ApiResult<Json<HouseholdList>> {
    let unit = units::by_code(&state.app, &code).await?;
    let page = households::list(&state.app, &user.actor(), &unit, q.q.as_deref(), q.limit, q.offset).await?;
    Ok(Json(HouseholdList { items: page.items.into_iter().map(Into::into).collect(), total: page.total }))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct HouseholdCreate {
    pub code: String,
    pub address: String,
    pub representative: String,
    pub member_count: i64,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub valid_from: Option<String>,
}

/// Adds a household to a village register.
#[utoipa::path(post, path = "/api/v1/units/{code}/households", tag = "households", params(("code" = String, Path)), request_body = HouseholdCreate,
    responses((status = 201, body = Created), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<HouseholdCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let village = units::by_code(&state.app, &code).await?;
    let input = HouseholdInput {
        code: b.code,
        address: b.address,
        representative: b.representative,
        member_count: b.member_count.to_string(),
        phone: b.phone.unwrap_or_default(),
        valid_from: b.valid_from.unwrap_or_default(),
        valid_to: String::new(),
    };
    let id = households::create(&state.app, &user.actor(), &village, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.0 })))
}

/// Imports a village register from a CSV body, keyed by household code. All rows or none;
/// importing the same file again changes nothing.
#[utoipa::path(post, path = "/api/v1/units/{code}/households/import", tag = "households", params(("code" = String, Path)),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = ImportReport), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody, description = "row errors; nothing saved")))]
pub async fn import(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    CsvBody(body): CsvBody,
) -> ApiResult<Json<ImportReport>> {
    let village = units::by_code(&state.app, &code).await?;
    let r = households::import(&state.app, &user.actor(), &village, &body).await?;
    Ok(Json(ImportReport { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged }))
}
