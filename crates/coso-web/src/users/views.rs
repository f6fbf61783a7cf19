//! The accounts page with its creation form.

use askama::Template;
use askama_web::WebTemplate;
use coso_store::UserRow;

use crate::forms::FieldErrors;
use crate::views::Nav;

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct UserForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub unit_code: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "users/list.html")]
pub struct UsersPage {
    pub nav: Nav,
    pub users: Vec<UserRow>,
    pub total: i64,
    pub form: UserForm,
    pub errors: FieldErrors,
    pub notice: Option<String>,
    pub roles: Vec<(&'static str, &'static str)>,
}

impl UsersPage {
    /// The form's text fields: name, label, value typed so far, input type. The password is
    /// never echoed back.
    pub fn fields(&self) -> Vec<(&'static str, &'static str, &str, &'static str)> {
        vec![
            ("email", "E-mail", self.form.email.as_str(), "email"),
            ("display_name", "Họ và tên", self.form.display_name.as_str(), "text"),
            ("password", "Mật khẩu (ít nhất 10 ký tự)", "", "password"),
            ("unit_code", "Mã đơn vị được giao", self.form.unit_code.as_str(), "text"),
        ]
    }
}
