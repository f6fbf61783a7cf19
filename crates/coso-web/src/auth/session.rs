//! The session cookie and the signed-in user.
//!
//! The cookie holds a random token; the database keeps only its SHA-256, so a copy of the
//! database opens no session. Tokens and ids never reach the logs.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::{Cookie, SameSite};
use coso_app::accounts;
use coso_domain::UserId;
use coso_domain::authz::{self, Action, Grant, Permit};
use coso_domain::unit_path::UnitPath;
use coso_store::GrantRow;
use sha2::{Digest, Sha256};

use crate::error::{ApiError, AppError, PageError};
use crate::state::AppState;

pub const COOKIE: &str = "coso_session";

/// A signed-in user with the roles they hold.
#[derive(Clone)]
pub struct CurrentUser {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub grants: Vec<GrantRow>,
    pub csrf_token: String,
    pub token_hash: String,
}

impl std::fmt::Debug for CurrentUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CurrentUser").field("id", &self.id).field("email", &self.email).finish_non_exhaustive()
    }
}

impl CurrentUser {
    pub fn domain_grants(&self) -> Vec<Grant> {
        self.grants.iter().map(GrantRow::grant).collect()
    }

    /// Asks the domain's rule, for what a page shows (forms, links); use cases ask again.
    pub fn authorize(&self, unit: &UnitPath, action: Action) -> Result<Permit, AppError> {
        Ok(self.actor().authorize(unit, action)?)
    }

    pub fn is_admin(&self) -> bool {
        authz::is_admin(&self.domain_grants())
    }

    /// Checks the `X-CSRF-Token` header of an API write against the session's token.
    pub fn check_api_csrf(&self, sent: Option<&str>) -> Result<(), AppError> {
        match sent {
            Some(t) if !t.is_empty() && constant_time_eq(t.as_bytes(), self.csrf_token.as_bytes()) => Ok(()),
            _ => Err(AppError::CsrfToken),
        }
    }

    /// Checks the CSRF token a form sent back against the session's.
    pub fn check_csrf(&self, sent: &str) -> Result<(), AppError> {
        if !sent.is_empty() && constant_time_eq(sent.as_bytes(), self.csrf_token.as_bytes()) {
            Ok(())
        } else {
            Err(AppError::BadRequest(
                "Phiên làm việc của biểu mẫu đã hết hạn. Vui lòng tải lại trang và gửi lại.".into(),
            ))
        }
    }

    /// The user as the use cases see them: the roles held, and this request for the audit log.
    pub fn actor(&self) -> coso_app::Actor {
        coso_app::Actor::user(self.id, &self.email, self.domain_grants(), Some(crate::request_id::current()))
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub fn new_token() -> String {
    hex::encode(rand::random::<[u8; 32]>())
}

pub fn session_cookie(token: String, secure: bool, max_age_hours: i64) -> Cookie<'static> {
    Cookie::build((COOKIE, token))
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .path("/")
        .max_age(time::Duration::hours(max_age_hours))
        .build()
}

pub fn removal_cookie() -> Cookie<'static> {
    Cookie::build((COOKIE, "")).path("/").max_age(time::Duration::ZERO).build()
}

fn token_from(parts: &Parts) -> Option<String> {
    token_in(&parts.headers)
}

/// Whether the request carries a session cookie (valid or not).
pub fn carries_session(headers: &axum::http::HeaderMap) -> bool {
    token_in(headers).is_some()
}

fn token_in(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty() && v.len() <= 128)
}

async fn load(parts: &Parts, state: &AppState) -> Result<Option<CurrentUser>, AppError> {
    let Some(token) = token_from(parts) else { return Ok(None) };
    let token_hash = hash_token(&token);
    // Only signed-in sessions are kept: a bad token is asked of the database every time.
    let found = state
        .sessions
        .get_or_try_load(&token_hash, || async { read(state, &token_hash).await?.ok_or(AppError::Unauthorized) })
        .await;
    match found {
        Ok(user) => Ok(Some(user)),
        Err(AppError::Unauthorized) => Ok(None),
        Err(e) => Err(e),
    }
}

async fn read(state: &AppState, token_hash: &str) -> Result<Option<CurrentUser>, AppError> {
    let Some(s) = accounts::session_user(&state.app, token_hash).await? else { return Ok(None) };
    Ok(Some(CurrentUser {
        id: s.user.user_id(),
        email: s.user.email,
        display_name: s.user.display_name,
        grants: s.grants,
        csrf_token: s.csrf_token,
        token_hash: token_hash.to_string(),
    }))
}

/// The signed-in user, if any.
pub struct MaybeUser(pub Option<CurrentUser>);

/// Rejection of the user extractors: JSON for the API, a page (or the login redirect) otherwise.
pub struct AuthRejection {
    api: bool,
    error: AppError,
}

impl IntoResponse for AuthRejection {
    fn into_response(self) -> Response {
        if self.api { ApiError(self.error).into_response() } else { PageError(self.error).into_response() }
    }
}

fn is_api(parts: &Parts) -> bool {
    parts.uri.path().starts_with("/api/")
}

impl FromRequestParts<AppState> for MaybeUser {
    type Rejection = AuthRejection;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(u) = parts.extensions.get::<CurrentUser>() {
            return Ok(MaybeUser(Some(u.clone())));
        }
        let user = load(parts, state).await.map_err(|error| AuthRejection { api: is_api(parts), error })?;
        if let Some(u) = &user {
            parts.extensions.insert(u.clone());
        }
        Ok(MaybeUser(user))
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AuthRejection;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let MaybeUser(user) = MaybeUser::from_request_parts(parts, state).await?;
        user.ok_or(AuthRejection { api: is_api(parts), error: AppError::Unauthorized })
    }
}
