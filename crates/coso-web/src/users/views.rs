//! The accounts page with its creation form.

use askama::Template;
use askama_web::WebTemplate;
use coso_store::UserRow;

use super::forms::UserForm;
use crate::forms::FieldErrors;
use crate::views::Nav;

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
            ("email", "E-mail", self.form.input.email.as_str(), "email"),
            ("display_name", "Họ và tên", self.form.input.display_name.as_str(), "text"),
            ("password", "Mật khẩu (ít nhất 10 ký tự)", "", "password"),
            ("unit_code", "Mã đơn vị được giao", self.form.input.unit_code.as_str(), "text"),
        ]
    }
}
