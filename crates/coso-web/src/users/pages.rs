//! Accounts: the list with roles and units, and the creation form with its unit search
//! (administrators).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::{unit_search, users};
use coso_domain::authz::Role;
use coso_store::UnitSearch;
use serde::Deserialize;

use super::forms::UserForm;
use super::views::{PAGE_SIZE, UserLine, UsersPage};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Query};
use crate::forms::FieldErrors;
use crate::state::AppState;
use crate::views::{Nav, UnitHit};

/// How many units the picker's search shows.
const HITS: i64 = 20;

#[derive(Debug, Default, Deserialize)]
pub struct UsersQuery {
    /// What the unit picker searched.
    #[serde(rename = "tim-don-vi", default)]
    pub unit_query: String,
    /// The page of the list, from 1.
    #[serde(rename = "trang", default)]
    pub page: Option<usize>,
}

/// The units found for `query`, and the chosen one (`code`) first when it is not among them.
async fn unit_hits(state: &AppState, query: &str, code: &str) -> Result<Vec<UnitHit>, AppError> {
    let mut hits = Vec::new();
    let query = query.trim();
    if !query.is_empty() {
        let s = UnitSearch { q: Some(query.to_string()), limit: Some(HITS), ..Default::default() };
        for h in unit_search::search(&state.app, s).await?.hits {
            hits.push(UnitHit { selected: h.unit.code == code, code: h.unit.code, name: h.unit.name, place: h.place });
        }
    }
    let code = code.trim();
    if !code.is_empty()
        && !hits.iter().any(|h| h.code == code)
        && let Some(h) = unit_search::by_code(&state.app, code).await?
    {
        hits.insert(0, UnitHit { selected: true, code: h.unit.code, name: h.unit.name, place: h.place });
    }
    Ok(hits)
}

async fn users_page(
    state: &AppState,
    user: &CurrentUser,
    q: &UsersQuery,
    form: UserForm,
    errors: FieldErrors,
) -> Result<UsersPage, AppError> {
    let listed = users::directory(&state.app, &user.actor()).await?;
    let total = listed.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = q.page.unwrap_or(1).clamp(1, pages);
    let mut lines: Vec<UserLine> =
        listed.into_iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).map(UserLine::from).collect();
    let holders =
        if user.is_admin() { coso_app::cases::clearance_holders(&state.app, &user.actor()).await? } else { vec![] };
    for h in holders {
        if let Some(line) = lines.iter_mut().find(|l| l.email == h.email) {
            line.clearances.push(format!("{} ({})", h.unit_name, h.unit_code));
        }
    }
    let roles = Role::ALL.into_iter().map(|r| (r.as_str(), r.label())).collect();
    let hits = unit_hits(state, &q.unit_query, &form.input.unit_code).await?;
    Ok(UsersPage {
        nav: Nav::of(Some(user)),
        users: lines,
        total,
        page,
        pages,
        unit_query: q.unit_query.clone(),
        hits,
        form,
        errors,
        roles,
    })
}

pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<UsersQuery>,
) -> PageResult<UsersPage> {
    Ok(users_page(&state, &user, &q, UserForm::with_role("official"), FieldErrors::default()).await?)
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(form): Form<UserForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let errors = match users::create(&state.app, &user.actor(), &form.input.account()).await.map_err(AppError::from) {
        Ok(created) => {
            let notice =
                format!("Đã tạo tài khoản {} ({}, {}).", created.email, created.role.label(), created.unit.name);
            return Ok(crate::page_context::redirect_with_notice("/quan-tri/nguoi-dung", &notice));
        }
        Err(AppError::Validation(errors)) => FieldErrors(errors),
        Err(AppError::Conflict { field, message }) => FieldErrors(vec![coso_domain::FieldError::new(field, message)]),
        Err(e) => return Err(PageError(e)),
    };
    let page = users_page(&state, &user, &UsersQuery::default(), form.without_password(), errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
