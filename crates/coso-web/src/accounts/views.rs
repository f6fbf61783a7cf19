//! The login page and the pages of a forgotten password.

use askama::Template;
use askama_web::WebTemplate;

use crate::forms::FieldErrors;
use crate::views::{ErrorLink, Nav};

#[derive(Template, WebTemplate, Default)]
#[template(path = "accounts/login.html")]
pub struct LoginPage {
    pub nav: Nav,
    pub email: String,
    pub error: Option<String>,
    pub notice: Option<String>,
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
