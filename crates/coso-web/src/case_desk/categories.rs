//! `/quan-tri/don-vi/{code}/linh-vuc-don`: the unit's own categories of cases beside the
//! defaults, added and deactivated by the officials who handle its cases.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::cases;
use serde::Deserialize;

use super::views::CategoriesPage;
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::views::Nav;

#[derive(Debug, Default, Deserialize)]
pub struct CategoryForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub name: String,
}

fn categories_path(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/linh-vuc-don")
}

async fn render(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: CategoryForm,
    errors: FieldErrors,
) -> Result<CategoriesPage, AppError> {
    let (unit, all) = cases::unit_categories(&state.app, &user.actor(), code).await?;
    let (shipped, own) = all.into_iter().partition(|c| c.unit_id.is_none());
    Ok(CategoriesPage { nav: Nav::of(Some(user)), unit, shipped, own, code: form.code, name: form.name, errors })
}

pub async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<CategoriesPage> {
    Ok(render(&state, &user, &code, CategoryForm::default(), FieldErrors::default()).await?)
}

async fn refused(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: CategoryForm,
    e: AppError,
) -> PageResult<Response> {
    let errors = match e {
        AppError::Validation(errors) => FieldErrors(errors),
        AppError::Conflict { field, message } => FieldErrors(vec![coso_domain::FieldError::new(field, message)]),
        e => return Err(PageError(e)),
    };
    let page = render(state, user, code, form, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

pub async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<CategoryForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    match cases::save_category(&state.app, &user.actor(), &code, &form.code, &form.name).await {
        Ok(name) => Ok(redirect_with_notice(&categories_path(&code), &format!("Đã lưu lĩnh vực «{name}»."))),
        Err(e) => refused(&state, &user, &code, form, e.into()).await,
    }
}

pub async fn deactivate(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<CategoryForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    match cases::deactivate_category(&state.app, &user.actor(), &code, &form.code).await {
        Ok(()) => Ok(redirect_with_notice(
            &categories_path(&code),
            &format!("Đã ngừng dùng lĩnh vực mã «{}».", form.code.trim()),
        )),
        Err(e) => refused(&state, &user, &code, CategoryForm::default(), e.into()).await,
    }
}
