//! Accounts: the list and the creation form (administrators).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::users;
use coso_domain::authz::Role;

use super::forms::UserForm;
use super::views::UsersPage;
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::Form;
use crate::forms::FieldErrors;
use crate::state::AppState;
use crate::views::Nav;

async fn users_page(
    state: &AppState,
    user: &CurrentUser,
    form: UserForm,
    errors: FieldErrors,
) -> Result<UsersPage, AppError> {
    let list = users::list_all(&state.app, &user.actor(), Some(200)).await?;
    let roles = Role::ALL.into_iter().map(|r| (r.as_str(), r.label())).collect();
    Ok(UsersPage { nav: Nav::of(Some(user)), users: list.items, total: list.total, form, errors, roles })
}

pub async fn list(State(state): State<AppState>, user: CurrentUser) -> PageResult<UsersPage> {
    Ok(users_page(&state, &user, UserForm::with_role("official"), FieldErrors::default()).await?)
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(form): Form<UserForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    match users::create(&state.app, &user.actor(), &form.input.account()).await.map_err(AppError::from) {
        Ok(_) => {
            let notice = format!("Đã tạo tài khoản {}.", form.input.email.trim());
            Ok(crate::page_context::redirect_with_notice("/quan-tri/nguoi-dung", &notice))
        }
        Err(AppError::Validation(errors)) => {
            let kept = form.without_password();
            Ok((StatusCode::UNPROCESSABLE_ENTITY, users_page(&state, &user, kept, FieldErrors(errors)).await?)
                .into_response())
        }
        Err(AppError::Conflict { field, message }) => {
            let kept = form.without_password();
            let errors = FieldErrors(vec![coso_domain::FieldError::new(field, message)]);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, users_page(&state, &user, kept, errors).await?).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}
