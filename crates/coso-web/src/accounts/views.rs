//! The login page.

use askama::Template;
use askama_web::WebTemplate;

use crate::views::Nav;

#[derive(Template, WebTemplate, Default)]
#[template(path = "accounts/login.html")]
pub struct LoginPage {
    pub nav: Nav,
    pub email: String,
    pub error: Option<String>,
}
