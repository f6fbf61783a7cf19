//! Signing in: the credentials are checked against the argon2 hash; failures are counted per
//! e-mail and address and make later attempts wait (see [`super::backoff`]); sessions are
//! stored by the hash of their token.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use coso_domain::UserId;
use coso_store::{GrantRow, UserRow};

use super::backoff::address_key;
use super::verify_password;
use crate::{App, Result};

/// The one refusal of wrong credentials, whether the e-mail has an account or not.
pub const WRONG_CREDENTIALS: &str = "E-mail hoặc mật khẩu không đúng.";

/// The refusal of the right password of an account whose e-mail is not verified yet.
pub const UNVERIFIED: &str = "Tài khoản chưa xác minh e-mail. Hãy mở liên kết trong thư xác minh chúng tôi đã gửi \
    (kiểm tra cả hộp thư rác), hoặc bấm «Gửi lại thư xác minh».";

/// What became of a sign-in attempt.
#[derive(Debug)]
pub enum SignIn {
    /// The credentials are right and the account active.
    SignedIn(UserRow),
    /// Wrong e-mail or password, or an inactive account: answer [`WRONG_CREDENTIALS`].
    Refused,
    /// The right password of an account whose e-mail is not verified yet: answer
    /// [`UNVERIFIED`] and offer to mail the link again.
    Unverified(UserRow),
    /// Too many failures lately: the attempt was not checked; it may be tried again at `until`
    /// (see [`super::wait_message`]).
    Wait { until: DateTime<Utc> },
}

/// Tries `email` and `password` from the client at `ip`. Unknown e-mails go through the same
/// steps as real ones (counted, waiting, a hash verified) and get the same answers.
pub async fn sign_in(app: &App, email: &str, password: &str, ip: IpAddr) -> Result<SignIn> {
    let email = coso_text::clean(email).to_lowercase();
    let address = address_key(ip);
    let limits = app.settings().sign_in;
    let now = app.now();
    let window_start = limits.window_start(now);
    let counts = app.store().failed_sign_ins(&email, &address, window_start).await?;
    if let Some(until) = limits.wait_until(&counts, now) {
        tracing::info!("sign-in attempt refused: waiting after repeated failures");
        return Ok(SignIn::Wait { until });
    }
    let user = app.store().user_by_email(&email).await?;
    let ok = verify_password(password.to_string(), user.as_ref().map(|u| u.password_hash.clone())).await;
    match user {
        Some(u) if ok && u.active => {
            app.store().clear_failed_sign_ins(&email, &address).await?;
            if !u.is_verified() {
                tracing::info!(user_id = u.id, "sign-in refused: e-mail not verified");
                return Ok(SignIn::Unverified(u));
            }
            Ok(SignIn::SignedIn(u))
        }
        user => {
            let for_account = limits.counts_for_account(&counts);
            app.store().record_failed_sign_in(&email, &address, for_account, window_start, now).await?;
            tracing::info!(user_id = user.map(|u| u.id), "sign-in failed");
            Ok(SignIn::Refused)
        }
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
