//! Residents sign up themselves: an account under the one password rule and the one e-mail
//! rule, with the `resident` role on the village or residential group they live in, unusable
//! until the owner opens the single-use link mailed through the outbox. Nobody learns from
//! the answer whether an e-mail already has an account: its owner gets a mail instead.

use chrono::Duration;
use coso_domain::{FieldError, UserId};
use coso_store::{AuditEntry, NewMail, NewResident, UnitRow, UserRow};

use super::{check_password, hash_password, parse_email};
use crate::{App, Error, Result};

/// The path of the page a verification link opens, before its token.
pub const VERIFY_PATH: &str = "/xac-minh/";

/// The longest name shown accepted.
const MAX_NAME_CHARS: usize = 100;

/// How verification links behave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerificationSettings {
    /// How long a link may be used.
    pub link_lifetime: Duration,
    /// Links mailed to one account per hour at most (sign-up and resending together).
    pub per_account_per_hour: i64,
}

impl Default for VerificationSettings {
    fn default() -> Self {
        VerificationSettings { link_lifetime: Duration::hours(48), per_account_per_hour: 3 }
    }
}

/// The sign-up form as typed.
#[derive(Debug, Clone, Default)]
pub struct SignUpInput {
    pub display_name: String,
    pub email: String,
    pub password: String,
    pub password_confirm: String,
    /// The code of the village or residential group where the resident lives.
    pub unit_code: String,
    /// Whether the consent to the processing of personal data was ticked.
    pub consent: bool,
}

/// A checked sign-up.
struct Checked {
    name: String,
    email: String,
    unit: UnitRow,
}

async fn check(app: &App, input: &SignUpInput) -> Result<Checked> {
    let mut errors = Vec::new();
    let name = coso_text::clean(&input.display_name);
    if name.is_empty() {
        errors.push(FieldError::new("display_name", "Họ và tên: chưa nhập họ và tên."));
    } else if name.chars().count() > MAX_NAME_CHARS {
        errors.push(FieldError::new("display_name", format!("Họ và tên: dài quá {MAX_NAME_CHARS} ký tự.")));
    }
    let email = parse_email(&input.email).map_err(|e| errors.push(e)).ok();
    if let Err(e) = check_password(&input.password) {
        errors.push(e);
    } else if input.password != input.password_confirm {
        errors.push(FieldError::new("password_confirm", "Nhập lại mật khẩu: mật khẩu nhập lại không khớp."));
    }
    let code = input.unit_code.trim();
    let unit = if code.is_empty() { None } else { app.store().unit_by_code(code).await? };
    match &unit {
        _ if code.is_empty() => errors.push(FieldError::new(
            "unit_code",
            "Nơi sinh sống: chưa chọn thôn hoặc tổ dân phố nơi bạn sống; tìm theo tên rồi chọn trong danh sách.",
        )),
        None => {
            errors.push(FieldError::new("unit_code", format!("Nơi sinh sống: không tìm thấy đơn vị có mã «{code}».")))
        }
        Some(u) if !u.kind.has_households() => errors.push(FieldError::new(
            "unit_code",
            format!(
                "Nơi sinh sống: «{}» là {}; hãy chọn thôn hoặc tổ dân phố nơi bạn sống.",
                u.name,
                u.kind_label().to_lowercase()
            ),
        )),
        Some(_) => {}
    }
    if !input.consent {
        errors
            .push(FieldError::new("consent", "Đồng ý xử lý dữ liệu cá nhân: cần đánh dấu ô đồng ý để tạo tài khoản."));
    }
    match (email, unit, errors.is_empty()) {
        (Some(email), Some(unit), true) => Ok(Checked { name, email, unit }),
        _ => Err(Error::Validation(errors)),
    }
}

fn link(app: &App, token: &str) -> String {
    let base = app.settings().base_url.as_deref().unwrap_or("").trim_end_matches('/');
    format!("{base}{VERIFY_PATH}{token}")
}

fn verification_mail(app: &App, to: &str, name: &str, token: &str, token_hash: &str) -> NewMail {
    let hours = app.settings().email_verification.link_lifetime.num_hours();
    NewMail {
        to_addr: to.to_string(),
        subject: "Xác minh e-mail tài khoản coso".into(),
        body: format!(
            "Kính gửi {name},\n\nĐịa chỉ e-mail này vừa được dùng để đăng ký tài khoản người dân trên coso.\n\
             Để xác minh e-mail và bắt đầu dùng tài khoản, mở liên kết sau trong vòng {hours} giờ; liên kết chỉ dùng được một lần:\n\n{}\n\n\
             Nếu bạn không đăng ký, hãy bỏ qua thư này: tài khoản sẽ không dùng được khi chưa xác minh.\n\n\
             --\nThư gửi tự động từ hệ thống coso; vui lòng không trả lời thư này.\n",
            link(app, token)
        ),
        dedupe_key: format!("email-verification:{token_hash}"),
    }
}

/// Signs `input` up: every field is checked and each wrong one named; then either a new,
/// unverified account with its verification mail (`token`, stored as `token_hash`), or, when
/// the e-mail already has an account, a mail to its owner. Both end in `Ok(())`, after the
/// same slow hashing, so that the answer tells nothing about the e-mail.
pub async fn sign_up(
    app: &App,
    input: &SignUpInput,
    token: &str,
    token_hash: &str,
    request_id: Option<String>,
) -> Result<()> {
    let c = check(app, input).await?;
    let password_hash = hash_password(input.password.clone()).await?;
    let now = app.now();
    let settings = app.settings().email_verification;
    let mail = verification_mail(app, &c.email, &c.name, token, token_hash);
    let resident = NewResident {
        email: &c.email,
        display_name: &c.name,
        password_hash: &password_hash,
        unit: c.unit.unit_id(),
        token_hash,
        expires_at: now + settings.link_lifetime,
        mail: &mail,
    };
    if let Some(id) = app.store().sign_up_resident(&resident, request_id.clone()).await? {
        tracing::info!(user_id = id.0, "resident signed up; verification mail queued");
        return Ok(());
    }
    let Some(owner) = app.store().user_by_email(&c.email).await? else {
        return Err(Error::internal("an e-mail taken at sign-up has no account"));
    };
    tell_the_owner(app, &owner, request_id).await
}

/// Someone tried to sign up with the address of `owner`: at most one mail an hour says so.
async fn tell_the_owner(app: &App, owner: &UserRow, request_id: Option<String>) -> Result<()> {
    let base = app.settings().base_url.as_deref().unwrap_or("").trim_end_matches('/');
    let hour = app.now().format("%Y%m%d%H");
    let mail = NewMail {
        to_addr: owner.email.clone(),
        subject: "Có người vừa đăng ký coso bằng e-mail của bạn".into(),
        body: format!(
            "Kính gửi {},\n\nVừa có người đăng ký tài khoản coso mới bằng địa chỉ e-mail này, nhưng e-mail này đã có tài khoản, \
             nên không có tài khoản mới nào được tạo.\n\n\
             Nếu đó là bạn: hãy đăng nhập tại {base}/dang-nhap; nếu quên mật khẩu, đặt lại tại {base}/quen-mat-khau.\n\
             Nếu không phải bạn: bạn không cần làm gì; tài khoản của bạn không thay đổi.\n\n\
             --\nThư gửi tự động từ hệ thống coso; vui lòng không trả lời thư này.\n",
            owner.display_name
        ),
        dedupe_key: format!("sign-up-existing:{}:{hour}", owner.id),
    };
    let actor = coso_store::Actor { user_id: None, label: "anonymous".into(), request_id };
    let entry = AuditEntry {
        action: "user.sign_up_existing",
        entity: "user",
        entity_id: owner.id.to_string(),
        unit_id: None,
        before: None,
        after: None,
    };
    app.store().queue_account_mail(&mail, &actor, &entry).await?;
    tracing::info!(user_id = owner.id, "sign-up with an existing e-mail: the owner is told");
    Ok(())
}

/// Mails another verification link to the account of `email` when it exists, is active, is
/// not verified yet and is below its hourly limit; otherwise nothing, with the same answer.
pub async fn resend_verification(
    app: &App,
    email: &str,
    token: &str,
    token_hash: &str,
    request_id: Option<String>,
) -> Result<()> {
    let email = parse_email(email).map_err(|e| Error::Validation(vec![e]))?;
    let Some(user) = app.store().user_by_email(&email).await?.filter(|u| u.active && !u.is_verified()) else {
        tracing::info!("verification mail asked for an unknown, inactive or verified account");
        return Ok(());
    };
    let settings = app.settings().email_verification;
    let now = app.now();
    if app.store().email_verifications_since(user.user_id(), now - Duration::hours(1)).await?
        >= settings.per_account_per_hour
    {
        tracing::warn!(user_id = user.id, "verification mail limit reached: no mail sent");
        return Ok(());
    }
    let mail = verification_mail(app, &user.email, &user.display_name, token, token_hash);
    let actor = coso_store::Actor { user_id: Some(user.user_id()), label: user.email.clone(), request_id };
    app.store()
        .resend_email_verification(user.user_id(), token_hash, now + settings.link_lifetime, &mail, &actor)
        .await?;
    tracing::info!(user_id = user.id, "verification mail queued again");
    Ok(())
}

/// Fails with [`Error::NotFound`] unless the verification link with this token hash is
/// unused, unexpired and its account active.
pub async fn check_verification_link(app: &App, token_hash: &str) -> Result<()> {
    app.store().email_verification_user(token_hash).await?.map(|_| ()).ok_or(Error::NotFound)
}

/// Uses the link: the account's address is verified (audited). [`Error::NotFound`] for a link
/// that cannot be used.
pub async fn verify_email(app: &App, token_hash: &str, request_id: Option<String>) -> Result<UserId> {
    let user = app.store().verify_email(token_hash, request_id).await?;
    tracing::info!(user_id = user.0, "e-mail verified");
    Ok(user)
}
