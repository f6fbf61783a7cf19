//! Forgotten passwords: a single-use link sent by mail through the outbox, which sets a new
//! password under the one password rule and ends every session of the account.

use std::net::IpAddr;

use chrono::Duration;
use coso_domain::{FieldError, UserId};
use coso_store::NewMail;

use super::{address_key, check_password, hash_password, parse_email};
use crate::{App, Error, Result};

/// The path of the page a reset link opens, before its token.
pub const RESET_PATH: &str = "/dat-lai-mat-khau/";

/// How reset links behave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResetSettings {
    /// How long a link may be used.
    pub link_lifetime: Duration,
    /// Links sent to one account per hour at most; further requests send nothing.
    pub per_account_per_hour: i64,
}

impl Default for ResetSettings {
    fn default() -> Self {
        ResetSettings { link_lifetime: Duration::minutes(30), per_account_per_hour: 3 }
    }
}

/// Asks for a link for `email`, carried by `token` (stored as `token_hash`). Only an active
/// account, below its hourly limit, gets a mail; the caller answers every request the same,
/// so that nobody learns which e-mails have an account. A malformed e-mail is a field error.
pub async fn request_password_reset(app: &App, email: &str, token: &str, token_hash: &str) -> Result<()> {
    let email = parse_email(email).map_err(|e| Error::Validation(vec![e]))?;
    let Some(user) = app.store().user_by_email(&email).await?.filter(|u| u.active) else {
        tracing::info!("password reset asked for an unknown or inactive account");
        return Ok(());
    };
    let settings = app.settings().password_reset;
    let now = app.now();
    if app.store().password_resets_since(user.user_id(), now - Duration::hours(1)).await?
        >= settings.per_account_per_hour
    {
        tracing::warn!(user_id = user.id, "password reset limit reached: no mail sent");
        return Ok(());
    }
    let minutes = settings.link_lifetime.num_minutes();
    let link = format!("{}{RESET_PATH}{token}", app.settings().base_url.as_deref().unwrap_or("").trim_end_matches('/'));
    let mail = NewMail {
        to_addr: user.email.clone(),
        subject: "Đặt lại mật khẩu coso".into(),
        body: format!(
            "Kính gửi {},\n\nCó người (có thể là bạn) vừa yêu cầu đặt lại mật khẩu tài khoản coso của địa chỉ e-mail này.\n\
             Để đặt mật khẩu mới, mở liên kết sau trong vòng {minutes} phút; liên kết chỉ dùng được một lần:\n\n{link}\n\n\
             Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không thay đổi.\n\n\
             --\nThư gửi tự động từ hệ thống coso; vui lòng không trả lời thư này.\n",
            user.display_name
        ),
        dedupe_key: format!("password-reset:{token_hash}"),
    };
    app.store().create_password_reset(user.user_id(), token_hash, now + settings.link_lifetime, &mail).await?;
    tracing::info!(user_id = user.id, "password reset link queued");
    Ok(())
}

/// Fails with [`Error::NotFound`] unless the link with this token hash is unused, unexpired and
/// its account active.
pub async fn check_reset_link(app: &App, token_hash: &str) -> Result<()> {
    app.store().password_reset_user(token_hash).await?.map(|_| ()).ok_or(Error::NotFound)
}

/// Sets `password` (typed twice) on the account of the link, uses the link up and ends every
/// session of the account; audited. Like a sign-in that succeeds, it forgets the failed
/// sign-ins of the account from `ip` and across addresses. [`Error::NotFound`] for a link that
/// cannot be used, [`Error::Validation`] naming the field for a password the rule refuses.
pub async fn reset_password(
    app: &App,
    token_hash: &str,
    password: &str,
    confirmation: &str,
    ip: IpAddr,
    request_id: Option<String>,
) -> Result<UserId> {
    check_reset_link(app, token_hash).await?;
    check_password(password).map_err(|e| Error::Validation(vec![e]))?;
    if password != confirmation {
        let e = FieldError::new("password_confirm", "Mật khẩu nhập lại không khớp.".to_string());
        return Err(Error::Validation(vec![e]));
    }
    let hash = hash_password(password.to_string()).await?;
    let user = app.store().reset_password(token_hash, &hash, request_id).await?;
    tracing::info!(user_id = user.0, "password reset");
    if let Some(u) = app.store().user_by_id(user).await? {
        app.store().clear_failed_sign_ins(&u.email, &address_key(ip)).await?;
    }
    Ok(user)
}
