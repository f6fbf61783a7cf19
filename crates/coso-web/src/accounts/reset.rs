//! A forgotten password: the request form (rate-limited per IP address here, per account in
//! `coso_app::accounts`), always answered with the same confirmation, and the page of the
//! mailed link that sets a new password.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coso_app::accounts;
use serde::Deserialize;

use super::views::{ForgotPasswordPage, ResetPasswordPage};
use crate::auth::session;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path};
use crate::forms::FieldErrors;
use crate::state::AppState;

/// Where the login page says a new password was set.
const AFTER_RESET: &str = "/dang-nhap?mat-khau-moi=1";

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    pub email: String,
}

#[derive(Deserialize)]
pub struct NewPasswordForm {
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_confirm: String,
}

pub async fn forgot_page() -> ForgotPasswordPage {
    ForgotPasswordPage::default()
}

/// Queues a link when the e-mail has an active account; the answer is the same either way.
pub async fn forgot_submit(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Form(form): Form<ForgotForm>,
) -> PageResult<Response> {
    let ip = addr.ip();
    if state.reset_limiter.check_key(&ip).is_err() {
        tracing::warn!(%ip, "password reset rate limit reached");
        return Err(PageError(AppError::RateLimited));
    }
    let token = session::new_token();
    let hash = session::hash_token(&token);
    match accounts::request_password_reset(&state.app, &form.email, &token, &hash).await.map_err(AppError::from) {
        Ok(()) => Ok(ForgotPasswordPage { sent: true, ..Default::default() }.into_response()),
        Err(AppError::Validation(errors)) => {
            let page = ForgotPasswordPage {
                email: form.email.trim().to_string(),
                errors: FieldErrors(errors),
                ..Default::default()
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

/// The form of a usable link, or a page saying it cannot be used (404).
pub async fn reset_page(State(state): State<AppState>, Path(token): Path<String>) -> PageResult<Response> {
    match accounts::check_reset_link(&state.app, &session::hash_token(&token)).await {
        Ok(()) => Ok(ResetPasswordPage { token, usable: true, ..Default::default() }.into_response()),
        Err(coso_app::Error::NotFound) => Ok(unusable()),
        Err(e) => Err(e.into()),
    }
}

/// Sets the new password, then back to the login page with a notice (Post/Redirect/Get).
pub async fn reset_submit(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
    Form(form): Form<NewPasswordForm>,
) -> PageResult<Response> {
    let hash = session::hash_token(&token);
    let request_id = Some(crate::request_id::current());
    match accounts::reset_password(&state.app, &hash, &form.password, &form.password_confirm, addr.ip(), request_id)
        .await
    {
        Ok(_) => Ok(Redirect::to(AFTER_RESET).into_response()),
        Err(coso_app::Error::Validation(errors)) => {
            let page = ResetPasswordPage { token, errors: FieldErrors(errors), usable: true, ..Default::default() };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(coso_app::Error::NotFound) => Ok(unusable()),
        Err(e) => Err(e.into()),
    }
}

fn unusable() -> Response {
    (StatusCode::NOT_FOUND, ResetPasswordPage::default()).into_response()
}
