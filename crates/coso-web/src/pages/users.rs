//! Accounts: the list and the creation form (administrators).

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::users::{self, NewAccount};
use coso_domain::authz::Role;

use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::forms::FieldErrors;
use crate::state::AppState;
use crate::views::{Nav, UserForm, UsersPage};

async fn page(
    state: &AppState,
    user: &CurrentUser,
    form: UserForm,
    errors: FieldErrors,
    notice: Option<String>,
) -> Result<UsersPage, AppError> {
    let list = users::list_all(&state.app, &user.actor(), Some(200)).await?;
    let roles = Role::ALL.into_iter().map(|r| (r.as_str(), r.label())).collect();
    Ok(UsersPage { nav: Nav::of(Some(user)), users: list.items, total: list.total, form, errors, notice, roles })
}

pub async fn list(State(state): State<AppState>, user: CurrentUser) -> PageResult<UsersPage> {
    Ok(page(&state, &user, UserForm { role: "official".into(), ..Default::default() }, FieldErrors::default(), None)
        .await?)
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(form): Form<UserForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let input = NewAccount {
        email: form.email.clone(),
        display_name: Some(form.display_name.clone()),
        password: form.password.clone(),
        role: form.role.clone(),
        unit_code: form.unit_code.clone(),
    };
    match users::create(&state.app, &user.actor(), &input).await.map_err(AppError::from) {
        Ok(_) => {
            let notice = Some(format!("Đã tạo tài khoản {}.", form.email.trim()));
            Ok(page(&state, &user, UserForm { role: form.role, ..Default::default() }, FieldErrors::default(), notice)
                .await?
                .into_response())
        }
        Err(AppError::Validation(errors)) => {
            let kept = UserForm { password: String::new(), ..form };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, &user, kept, FieldErrors(errors), None).await?)
                .into_response())
        }
        Err(AppError::Conflict { field, message }) => {
            let kept = UserForm { password: String::new(), ..form };
            let errors = FieldErrors(vec![coso_domain::FieldError::new(field, message)]);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, &user, kept, errors, None).await?).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}
