//! Signing in: the credentials are checked against the argon2 hash, failures are counted and
//! lock the account for a while; sessions are stored by the hash of their token.

use chrono::Duration;
use coso_domain::UserId;
use coso_store::{GrantRow, UserRow};

use super::verify_password;
use crate::{App, Error, Result};

/// Minutes an account stays locked after too many failed logins in a row.
pub const LOCK_MINUTES: i64 = 15;

/// The account behind `email` if `password` is its password and it may sign in. A wrong
/// password counts as a failure; enough of them in a row lock the account.
pub async fn sign_in(app: &App, email: &str, password: &str) -> Result<UserRow> {
    let email = coso_text::clean(email).to_lowercase();
    let user = app.store().user_by_email(&email).await?;
    let now = app.now();
    let locked = user.as_ref().is_some_and(|u| u.locked_until.is_some_and(|t| t > now));
    let ok = verify_password(password.to_string(), user.as_ref().map(|u| u.password_hash.clone())).await;
    match user {
        Some(u) if ok && !locked && u.active => {
            app.store().record_login_success(u.user_id()).await?;
            Ok(u)
        }
        Some(u) => {
            if !locked {
                let until = now + Duration::minutes(LOCK_MINUTES);
                app.store().record_login_failure(u.user_id(), app.settings().max_failed_logins, until).await?;
            }
            tracing::info!(user_id = u.id, locked, "login failed");
            Err(refused(locked))
        }
        None => {
            tracing::info!("login failed for an unknown account");
            Err(refused(false))
        }
    }
}

fn refused(locked: bool) -> Error {
    if locked {
        Error::Conflict {
            field: "email",
            message: format!("Tài khoản tạm khóa {LOCK_MINUTES} phút do đăng nhập sai nhiều lần."),
        }
    } else {
        Error::Conflict { field: "password", message: "E-mail hoặc mật khẩu không đúng.".into() }
    }
}

/// Stores a session of `user` for `hours`, keyed by the hash of its token.
pub async fn open_session(app: &App, user: UserId, token_hash: &str, csrf_token: &str, hours: i64) -> Result<()> {
    let expires = app.now() + Duration::hours(hours);
    Ok(app.store().create_session(token_hash, user, csrf_token, expires).await?)
}

/// A live session's account with its roles.
#[derive(Debug, Clone)]
pub struct SessionUser {
    pub user: UserRow,
    pub grants: Vec<GrantRow>,
    pub csrf_token: String,
}

/// The account of the live session with this token hash, if any.
pub async fn session_user(app: &App, token_hash: &str) -> Result<Option<SessionUser>> {
    let Some(session) = app.store().session(token_hash).await? else { return Ok(None) };
    let Some(user) = app.store().user_by_id(UserId(session.user_id)).await? else { return Ok(None) };
    let grants = app.store().grants_of(user.user_id()).await?;
    Ok(Some(SessionUser { user, grants, csrf_token: session.csrf_token }))
}

pub async fn sign_out(app: &App, token_hash: &str) -> Result<()> {
    Ok(app.store().delete_session(token_hash).await?)
}
