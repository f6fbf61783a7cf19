//! Signing in and out: rate-limited per IP address, with a backoff after repeated failures
//! (kept per e-mail and address by `coso_app::accounts`).

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use coso_app::accounts;
use serde::{Deserialize, Serialize};

use super::views::LoginPage;
use crate::auth::session::{self, CurrentUser, MaybeUser};
use crate::error::{ApiError, AppError, PageError, with_retry_after};
use crate::extract::{Form, Json, Query};
use crate::state::AppState;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct Credentials {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
}

/// Checks credentials (rate-limited per IP address) and opens a session; returns the cookie token.
/// Wrong credentials are [`AppError::SignInRefused`]; an attempt that must wait after repeated
/// failures is [`AppError::SignInWait`]; the right password of an account whose e-mail is not
/// verified yet is [`AppError::Unverified`].
async fn sign_in(state: &AppState, ip: IpAddr, email: &str, password: &str) -> Result<String, AppError> {
    if state.login_limiter.check_key(&ip).is_err() {
        tracing::warn!(%ip, "login rate limit reached");
        return Err(AppError::RateLimited);
    }
    let user = match accounts::sign_in(&state.app, email, password, ip).await? {
        accounts::SignIn::SignedIn(user) => user,
        accounts::SignIn::Refused => return Err(AppError::SignInRefused),
        accounts::SignIn::Unverified(_) => return Err(AppError::Unverified),
        accounts::SignIn::Wait { until } => {
            let now = state.app.now();
            let retry_after_secs = u64::try_from((until - now).num_seconds().max(1)).unwrap_or(1);
            return Err(AppError::SignInWait { message: accounts::wait_message(until, now), retry_after_secs });
        }
    };
    let token = session::new_token();
    let hash = session::hash_token(&token);
    accounts::open_session(&state.app, user.user_id(), &hash, &session::new_token(), state.settings.session_hours)
        .await?;
    tracing::info!(user_id = user.id, "signed in");
    Ok(token)
}

/// `?mat-khau-moi=1`: back from setting a new password.
#[derive(Deserialize)]
pub struct LoginQuery {
    #[serde(default, rename = "mat-khau-moi")]
    pub new_password: Option<String>,
}

pub async fn login_page(MaybeUser(user): MaybeUser, Query(q): Query<LoginQuery>) -> Response {
    if user.is_some() {
        return Redirect::to("/quan-tri").into_response();
    }
    let notice = q.new_password.map(|_| "Đã đặt mật khẩu mới. Vui lòng đăng nhập bằng mật khẩu mới.".to_string());
    LoginPage { notice, ..Default::default() }.into_response()
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
        // Wrong credentials keep the form with what was typed (200, as any form with an
        // error); waiting, rate limits and an unverified e-mail keep it too, with their own
        // status (the last one with a button that mails the link again).
        Err(
            e @ (AppError::SignInRefused | AppError::SignInWait { .. } | AppError::RateLimited | AppError::Unverified),
        ) => {
            let status = if matches!(e, AppError::SignInRefused) { StatusCode::OK } else { e.status() };
            let page = LoginPage {
                email: form.email.trim().to_string(),
                error: Some(e.to_string()),
                unverified: matches!(e, AppError::Unverified),
                ..Default::default()
            };
            Ok(with_retry_after(&e, (status, page).into_response()))
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
    responses((status = 200, body = SessionInfo),
              (status = 401, body = crate::error::ErrorBody, description = "wrong e-mail or password (`invalid_credentials`), the same for unknown e-mails"),
              (status = 403, body = crate::error::ErrorBody, description = "the right password of an account whose e-mail is not verified yet (`email_unverified`)"),
              (status = 429, body = crate::error::ErrorBody, description = "too many attempts from this address, or attempts waiting after repeated failures (`rate_limited`, with `Retry-After`)")))]
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
