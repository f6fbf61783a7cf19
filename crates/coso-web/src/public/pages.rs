//! Public pages: the home page, unit search and the page of every unit.

use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use coso_app::{unit_search, units};
use coso_domain::authz::Action;
use coso_domain::unit::UnitKind;
use coso_store::UnitSearch;
use serde::Deserialize;

use super::views::{HomePage, SearchPage, UnitPage};
use crate::auth::{CurrentUser, MaybeUser};
use crate::error::{AppError, PageResult};
use crate::extract::{Path, Query};
use crate::state::AppState;
use crate::views::Nav;

pub async fn home(State(state): State<AppState>, MaybeUser(user): MaybeUser) -> PageResult<HomePage> {
    let provinces = units::roots_today(&state.app).await?;
    let counts = state
        .store()
        .count_units_by_kind()
        .await?
        .into_iter()
        .filter_map(|(k, n)| UnitKind::parse(&k).map(|k| (k.label().to_string(), n)))
        .collect();
    Ok(HomePage { nav: Nav::of(user.as_ref()), provinces, counts })
}

#[derive(Deserialize, Default)]
pub struct SearchQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub kind: String,
}

/// How many results a search page shows.
const PAGE_SIZE: i64 = 50;

pub async fn search(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Query(q): Query<SearchQuery>,
) -> PageResult<SearchPage> {
    search_in(state, user, q, None).await
}

pub async fn search_within(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
    Query(q): Query<SearchQuery>,
) -> PageResult<SearchPage> {
    let unit = units::by_code(&state.app, &code).await?;
    search_in(state, user, q, Some(unit)).await
}

async fn search_in(
    state: AppState,
    user: Option<crate::auth::CurrentUser>,
    q: SearchQuery,
    within: Option<coso_store::UnitRow>,
) -> PageResult<SearchPage> {
    let query = coso_text::clean(&q.q);
    let (results, total) = if query.is_empty() {
        (vec![], 0)
    } else {
        let found = unit_search::search(
            &state.app,
            UnitSearch {
                q: Some(query.clone()),
                kind: UnitKind::parse(&q.kind),
                within: within.as_ref().map(|u| u.path.clone()),
                limit: Some(PAGE_SIZE),
                ..Default::default()
            },
        )
        .await?;
        (found.hits, found.total)
    };
    Ok(SearchPage { nav: Nav::of(user.as_ref()), q: query, kind: q.kind, results, total, within })
}

/// The public page of a unit. Anonymous visitors share a rendered copy for a few seconds.
pub async fn unit(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
) -> PageResult<Response> {
    if user.is_some() {
        let page = unit_page(&state, user.as_ref(), &code).await?;
        return Ok(([(header::CACHE_CONTROL, "private, no-store")], page).into_response());
    }
    let body = state
        .pages
        .get_or_try_load(&format!("unit:{code}"), || async {
            let page = unit_page(&state, None, &code).await?;
            Ok::<_, AppError>(Bytes::from(page.render().map_err(|e| AppError::Internal(e.into()))?))
        })
        .await?;
    Ok(html(body, PUBLIC_CACHE))
}

async fn unit_page(state: &AppState, user: Option<&CurrentUser>, code: &str) -> Result<UnitPage, AppError> {
    let o = units::overview(&state.app, code).await?;
    let can_admin = user.is_some_and(|u| u.authorize(&o.unit.unit_path(), Action::ViewAdmin).is_ok());
    let reception = if coso_app::reception::receives_citizens(&o.unit) {
        let calendar = crate::calendar::current(state).await?;
        Some(coso_app::reception::schedule::public(&state.app, &o.unit, &calendar).await?).filter(|s| !s.is_empty())
    } else {
        None
    };
    let meetings = coso_app::elections::coming_meetings(&state.app, &o.unit).await?;
    let decisions = coso_app::decisions::public::for_village(&state.app, &o.unit).await?;
    Ok(UnitPage {
        decisions,
        reception,
        meetings,
        nav: Nav::of(user),
        unit: o.unit,
        ancestors: o.ancestors,
        children: o.children,
        household_count: o.household_count,
        can_admin,
        successors: o.successors,
    })
}

/// Anonymous visitors get a page that proxies and phones may keep for a minute.
const PUBLIC_CACHE: &str = "public, max-age=60";

fn html(body: Bytes, cache: &'static str) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, cache)], body).into_response()
}
