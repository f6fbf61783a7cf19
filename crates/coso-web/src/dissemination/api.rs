//! `/api/v1/units/{code}/news`, `…/library` (public) and `…/trainings` (the unit's officials).

use axum::extract::State;
use axum::http::StatusCode;
use chrono::{Days, NaiveDate};
use coso_app::dissemination::{library, news, trainings};
use coso_app::units;
use coso_domain::dissemination::TrainingInput;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::wire::{LibraryItem, LibraryList, NewsItem, NewsList, TrainingList};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::extract::{Json, Path, Query};
use crate::state::AppState;
use crate::wire::Created;

#[derive(Deserialize, IntoParams)]
pub struct NewsQuery {
    /// Page, from 1 (10 posts a page).
    pub page: Option<String>,
    /// Only this category.
    pub category: Option<String>,
    /// Words to find in the title or body; diacritics do not matter.
    pub q: Option<String>,
}

/// The published news of a unit, newest first. No sign-in needed; drafts are never listed.
#[utoipa::path(get, path = "/api/v1/units/{code}/news", tag = "dissemination", params(("code" = String, Path), NewsQuery),
    responses((status = 200, body = NewsList), (status = 404, body = ErrorBody)))]
pub async fn news(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<NewsQuery>,
) -> ApiResult<Json<NewsList>> {
    let query = news::ListQuery {
        page: q.page.unwrap_or_default(),
        category: q.category.unwrap_or_default(),
        q: q.q.unwrap_or_default(),
    };
    let list = news::public_list(&state.app, &code, &query).await?;
    let code = list.unit.code.clone();
    Ok(Json(NewsList {
        page: list.page,
        has_next: list.has_next,
        items: list.posts.into_iter().map(|p| NewsItem::of(&code, p)).collect(),
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct LibraryQuery {
    /// Page, from 1 (20 documents a page).
    pub page: Option<String>,
    /// Only this kind: `law`, `decree`, …
    pub kind: Option<String>,
    /// Words to find in the number, title, issuer or the file's text; diacritics do not matter.
    pub q: Option<String>,
}

/// The legal documents a unit's residents see: its own and those of every unit above it, the
/// latest issued first. No sign-in needed.
#[utoipa::path(get, path = "/api/v1/units/{code}/library", tag = "dissemination", params(("code" = String, Path), LibraryQuery),
    responses((status = 200, body = LibraryList), (status = 404, body = ErrorBody)))]
pub async fn library(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<LibraryQuery>,
) -> ApiResult<Json<LibraryList>> {
    let query = library::ListQuery {
        page: q.page.unwrap_or_default(),
        kind: q.kind.unwrap_or_default(),
        q: q.q.unwrap_or_default(),
    };
    let lib = library::public_list(&state.app, &code, &query).await?;
    let code = lib.unit.code.clone();
    Ok(Json(LibraryList {
        page: lib.page,
        has_next: lib.has_next,
        items: lib.documents.into_iter().map(|d| LibraryItem::of(&code, d, lib.today)).collect(),
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct TrainingQuery {
    /// First day, `yyyy-mm-dd` or `dd/mm/yyyy`; default a year before `to`.
    pub from: Option<String>,
    /// Last day; default today.
    pub to: Option<String>,
}

fn day(field: &'static str, label: &str, raw: Option<&str>) -> Result<Option<NaiveDate>, AppError> {
    raw.map(|r| coso_domain::field::date(field, label, r)).transpose().map_err(|e| AppError::Validation(vec![e]))
}

/// The trainings and dissemination events a unit held, the latest first (its officials).
#[utoipa::path(get, path = "/api/v1/units/{code}/trainings", tag = "dissemination", params(("code" = String, Path), TrainingQuery),
    responses((status = 200, body = TrainingList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn trainings(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<TrainingQuery>,
) -> ApiResult<Json<TrainingList>> {
    let unit = units::by_code(&state.app, &code).await?;
    let to = day("to", "Đến ngày", q.to.as_deref())?.unwrap_or(state.app.today());
    let from = day("from", "Từ ngày", q.from.as_deref())?.unwrap_or(to.checked_sub_days(Days::new(366)).unwrap_or(to));
    let rows = trainings::list(&state.app, &user.actor(), &unit, from, to).await?;
    Ok(Json(TrainingList { items: rows.into_iter().map(Into::into).collect() }))
}

/// An event to record; codes as in the answers.
#[derive(Deserialize, ToSchema)]
pub struct TrainingCreate {
    /// `yyyy-mm-dd` or `dd/mm/yyyy`; not after today.
    pub held_on: String,
    pub topic: String,
    /// `training`, `conference`, `meeting`, `online`, `radio`, `leaflet`, `other`.
    pub form: String,
    pub audience: String,
    pub attendance: i64,
    #[serde(default)]
    pub notes: Option<String>,
}

/// Records a training or dissemination event of the unit.
#[utoipa::path(post, path = "/api/v1/units/{code}/trainings", tag = "dissemination", params(("code" = String, Path)), request_body = TrainingCreate,
    responses((status = 201, body = Created), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_training(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<TrainingCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let unit = units::by_code(&state.app, &code).await?;
    let input = TrainingInput {
        held_on: b.held_on,
        topic: b.topic,
        form: b.form,
        audience: b.audience,
        attendance: b.attendance.to_string(),
        notes: b.notes.unwrap_or_default(),
    };
    let id = trainings::record(&state.app, &user.actor(), &unit, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}
