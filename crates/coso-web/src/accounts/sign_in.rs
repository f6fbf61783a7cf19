//! Signing in and out: rate-limited per IP address, with a lock-out after repeated failures.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use coso_app::accounts;
use serde::{Deserialize, Serialize};

use super::views::LoginPage;
use crate::auth::session::{self, CurrentUser, MaybeUser};
use crate::error::{ApiError, AppError, PageError};
use crate::extract::{Form, Json};
use crate::state::AppState;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct Credentials {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
}

/// Checks credentials (rate-limited per IP address) and opens a session; returns the cookie token.
async fn sign_in(state: &AppState, ip: IpAddr, email: &str, password: &str) -> Result<String, AppError> {
    if state.login_limiter.check_key(&ip).is_err() {
        tracing::warn!(%ip, "login rate limit reached");
        return Err(AppError::RateLimited);
    }
    let user = accounts::sign_in(&state.app, email, password).await?;
    let token = session::new_token();
    let hash = session::hash_token(&token);
    accounts::open_session(&state.app, user.user_id(), &hash, &session::new_token(), state.settings.session_hours)
        .await?;
    tracing::info!(user_id = user.id, "signed in");
    Ok(token)
}

pub async fn login_page(MaybeUser(user): MaybeUser) -> Response {
    if user.is_some() {
        return Redirect::to("/quan-tri").into_response();
    }
    LoginPage::default().into_response()
}

pub async fn login_submit(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    jar: CookieJar,
    Form(form): Form<Credentials>,
) -> Result<Response, PageError> {
    match sign_in(&state, addr.ip(), &form.email, &form.password).await {
        Ok(token) => {
            let jar =
                jar.add(session::session_cookie(token, state.settings.secure_cookies, state.settings.session_hours));
            Ok((jar, Redirect::to("/quan-tri")).into_response())
        }
        Err(e @ (AppError::Conflict { .. } | AppError::RateLimited)) => {
            let status = e.status();
            let page =
                LoginPage { email: form.email.trim().to_string(), error: Some(e.to_string()), ..Default::default() };
            Ok((status, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn logout(
    State(state): State<AppState>,
    user: CurrentUser,
    jar: CookieJar,
    Form(form): Form<crate::forms::CsrfOnly>,
) -> Result<Response, PageError> {
    user.check_csrf(&form.csrf)?;
    accounts::sign_out(&state.app, &user.token_hash).await?;
    Ok((jar.add(session::removal_cookie()), Redirect::to("/")).into_response())
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SessionInfo {
    pub email: String,
    pub display_name: String,
    /// Roles with the unit code they were granted on.
    pub roles: Vec<RoleOnUnit>,
    /// Send this token back in the `X-CSRF-Token` header on every API write made with the
    /// session cookie (any method but GET, HEAD, OPTIONS); without it the write is refused (403).
    pub csrf_token: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RoleOnUnit {
    pub role: String,
    pub unit_code: String,
}

/// Signs in and sets the session cookie.
#[utoipa::path(post, path = "/api/v1/session", tag = "session", request_body = Credentials,
    responses((status = 200, body = SessionInfo), (status = 409, body = crate::error::ErrorBody, description = "wrong credentials or locked"),
              (status = 429, body = crate::error::ErrorBody)))]
pub async fn api_login(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    jar: CookieJar,
    Json(c): Json<Credentials>,
) -> Result<Response, ApiError> {
    let token = sign_in(&state, addr.ip(), &c.email, &c.password).await?;
    let s = accounts::session_user(&state.app, &session::hash_token(&token)).await?.ok_or(AppError::Unauthorized)?;
    let info = SessionInfo {
        email: s.user.email,
        display_name: s.user.display_name,
        roles: s.grants.into_iter().map(|g| RoleOnUnit { role: g.role.to_string(), unit_code: g.unit_code }).collect(),
        csrf_token: s.csrf_token,
    };
    let jar = jar.add(session::session_cookie(token, state.settings.secure_cookies, state.settings.session_hours));
    Ok((StatusCode::OK, jar, Json(info)).into_response())
}

/// Signs out.
#[utoipa::path(delete, path = "/api/v1/session", tag = "session", responses((status = 204)))]
pub async fn api_logout(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    jar: CookieJar,
) -> Result<Response, ApiError> {
    if let Some(u) = user {
        accounts::sign_out(&state.app, &u.token_hash).await?;
    }
    Ok((StatusCode::NO_CONTENT, jar.add(session::removal_cookie())).into_response())
}
