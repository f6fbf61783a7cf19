//! Units: search, one unit, children; creating children by JSON or CSV.

use axum::extract::State;
use axum::http::StatusCode;
use coso_app::units;
use coso_domain::unit::{UnitInput, UnitKind};
use coso_store::UnitSearch;
use serde::Deserialize;
use utoipa::IntoParams;

use super::wire::{Unit, UnitList};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::extract::{CsvBody, Json, Path, Query};
use crate::state::AppState;

#[derive(Deserialize, IntoParams)]
pub struct UnitQuery {
    /// Text to find in names and codes; diacritics are ignored ("dak lak" finds "Đắk Lắk").
    pub q: Option<String>,
    /// Only units of this kind.
    pub kind: Option<String>,
    /// Only the children of the unit with this code.
    pub parent: Option<String>,
    /// Page size, 1–200 (default 50).
    pub limit: Option<i64>,
    pub offset: Option<i64>,
    /// The date the tree is asked for, `YYYY-MM-DD` (default: today in Vietnam).
    pub on: Option<String>,
}

fn on_date(raw: Option<&str>) -> Result<Option<chrono::NaiveDate>, AppError> {
    match raw.filter(|s| !s.is_empty()) {
        Some(s) => coso_domain::field::date("on", "Ngày", s).map(Some).map_err(|e| AppError::Validation(vec![e])),
        None => Ok(None),
    }
}

#[derive(Deserialize, IntoParams)]
pub struct OnQuery {
    /// The date the tree is asked for, `YYYY-MM-DD` (default: today in Vietnam).
    pub on: Option<String>,
}

/// Searches units valid on a date (today by default).
#[utoipa::path(get, path = "/api/v1/units", tag = "units", params(UnitQuery),
    responses((status = 200, body = UnitList), (status = 400, body = ErrorBody)))]
pub async fn list(State(state): State<AppState>, Query(q): Query<UnitQuery>) -> ApiResult<Json<UnitList>> {
    let kind = match q.kind.as_deref().filter(|k| !k.is_empty()) {
        Some(k) => {
            Some(UnitKind::parse(k).ok_or_else(|| AppError::BadRequest(format!("Loại đơn vị «{k}» không hợp lệ.")))?)
        }
        None => None,
    };
    let parent_id = match q.parent.as_deref().filter(|p| !p.is_empty()) {
        Some(code) => Some(units::by_code(&state.app, code).await?.id),
        None => None,
    };
    let on = on_date(q.on.as_deref())?;
    let page = state
        .store()
        .search_units(&UnitSearch {
            q: q.q.as_deref().map(coso_app::unit_search::expand_abbreviations),
            kind,
            parent_id,
            on,
            limit: q.limit,
            offset: q.offset,
            ..Default::default()
        })
        .await?;
    Ok(Json(UnitList { items: page.items.into_iter().map(Unit::from).collect(), total: page.total }))
}

/// One unit by code.
#[utoipa::path(get, path = "/api/v1/units/{code}", tag = "units", params(("code" = String, Path)),
    responses((status = 200, body = Unit), (status = 404, body = ErrorBody)))]
pub async fn get(State(state): State<AppState>, Path(code): Path<String>) -> ApiResult<Json<Unit>> {
    Ok(Json(units::by_code(&state.app, &code).await?.into()))
}

/// The children of a unit valid on a date (today by default), in Vietnamese alphabetical order.
#[utoipa::path(get, path = "/api/v1/units/{code}/children", tag = "units", params(("code" = String, Path), OnQuery),
    responses((status = 200, body = UnitList), (status = 404, body = ErrorBody)))]
pub async fn children(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<OnQuery>,
) -> ApiResult<Json<UnitList>> {
    let unit = units::by_code(&state.app, &code).await?;
    let on = on_date(q.on.as_deref())?.unwrap_or_else(|| state.app.today());
    let items: Vec<Unit> = state.store().children(unit.unit_id(), on).await?.into_iter().map(Unit::from).collect();
    Ok(Json(UnitList { total: items.len() as i64, items }))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct UnitCreate {
    pub code: String,
    pub name: String,
    /// `village`, `residential_group`, `agency` or `department`.
    pub kind: String,
    #[serde(default)]
    pub valid_from: Option<String>,
    #[serde(default)]
    pub valid_to: Option<String>,
}

/// Creates a village, residential group, agency or department under a unit.
#[utoipa::path(post, path = "/api/v1/units/{code}/children", tag = "units", params(("code" = String, Path)), request_body = UnitCreate,
    responses((status = 201, body = Unit), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(body): Json<UnitCreate>,
) -> ApiResult<(StatusCode, Json<Unit>)> {
    let parent = units::by_code(&state.app, &code).await?;
    let input = UnitInput {
        code: body.code,
        name: body.name,
        kind: body.kind,
        valid_from: body.valid_from.unwrap_or_default(),
        valid_to: body.valid_to.unwrap_or_default(),
    };
    let created = units::create(&state.app, &user.actor(), &parent, &input).await?;
    Ok((StatusCode::CREATED, Json(created.into())))
}

/// Imports children from a CSV body (columns `ma, ten, loai[, tu ngay, den ngay]`): all rows or none.
#[utoipa::path(post, path = "/api/v1/units/{code}/children/import", tag = "units", params(("code" = String, Path)),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 201, body = UnitList), (status = 422, body = ErrorBody, description = "row errors; nothing saved")))]
pub async fn import(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    CsvBody(body): CsvBody,
) -> ApiResult<(StatusCode, Json<UnitList>)> {
    let parent = units::by_code(&state.app, &code).await?;
    let created = units::import(&state.app, &user.actor(), &parent, &body).await?;
    let items: Vec<Unit> = created.into_iter().map(Unit::from).collect();
    Ok((StatusCode::CREATED, Json(UnitList { total: items.len() as i64, items })))
}
