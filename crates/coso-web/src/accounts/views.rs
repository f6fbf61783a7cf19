//! The login page and the pages of a forgotten password.

use askama::Template;
use askama_web::WebTemplate;

use super::sign_up::SignUpForm;
use crate::forms::FieldErrors;
use crate::views::{ErrorLink, Nav, UnitHit};

#[derive(Template, WebTemplate, Default)]
#[template(path = "accounts/login.html")]
pub struct LoginPage {
    pub nav: Nav,
    pub email: String,
    pub error: Option<String>,
    pub notice: Option<String>,
    /// The refusal is of an unverified e-mail: offer to mail the link again.
    pub unverified: bool,
}

impl LoginPage {
    /// The error summary's line: a refused sign-in is about the pair, shown at the e-mail field.
    pub fn error_links(&self) -> Vec<ErrorLink> {
        self.error.iter().map(|e| ErrorLink::new("email", e.clone())).collect()
    }
}

/// Asks for the e-mail of a forgotten password, or (`sent`) says a link may have been sent.
#[derive(Template, WebTemplate, Default)]
#[template(path = "accounts/forgot_password.html")]
pub struct ForgotPasswordPage {
    pub nav: Nav,
    pub email: String,
    pub errors: FieldErrors,
    pub sent: bool,
}

/// Sets a new password from a reset link, or (`usable` false) says the link cannot be used.
#[derive(Template, WebTemplate, Default)]
#[template(path = "accounts/reset_password.html")]
pub struct ResetPasswordPage {
    pub nav: Nav,
    pub token: String,
    pub errors: FieldErrors,
    pub usable: bool,
}

/// The sign-up form with its unit search.
#[derive(Template, WebTemplate, Default)]
#[template(path = "accounts/sign_up.html")]
pub struct SignUpPage {
    pub nav: Nav,
    pub form: SignUpForm,
    pub errors: FieldErrors,
    /// What the unit picker searched, and the units found.
    pub unit_query: String,
    pub hits: Vec<UnitHit>,
}

impl SignUpPage {
    /// The text fields: name, label, value typed so far, hint, kind, autocomplete.
    pub fn fields(&self) -> Vec<(&'static str, &'static str, &str, &'static str, &'static str, &'static str)> {
        vec![
            ("display_name", "Họ và tên", self.form.display_name.as_str(), "Như trên căn cước.", "text", "name"),
            (
                "email",
                "E-mail",
                self.form.email.as_str(),
                "Chúng tôi gửi thư xác minh tới địa chỉ này.",
                "email",
                "email",
            ),
            (
                "password",
                "Mật khẩu",
                "",
                "Ít nhất 10 ký tự; nên dùng một câu dễ nhớ với bạn nhưng khó đoán với người khác.",
                "password",
                "new-password",
            ),
            ("password_confirm", "Nhập lại mật khẩu", "", "", "password", "new-password"),
        ]
    }
}

/// The one answer to a sign-up: check the mailbox.
#[derive(Template, WebTemplate, Default)]
#[template(path = "accounts/sign_up_sent.html")]
pub struct SignUpSentPage {
    pub nav: Nav,
}

/// The page of a verification link: a button that verifies, or (`usable` false) a page saying
/// the link cannot be used.
#[derive(Template, WebTemplate, Default)]
#[template(path = "accounts/verify.html")]
pub struct VerifyPage {
    pub nav: Nav,
    pub token: String,
    pub usable: bool,
}
