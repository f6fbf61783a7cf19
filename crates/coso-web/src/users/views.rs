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
    pub roles: Vec<(&'static str, &'static str)>,
}

impl UsersPage {
    /// The form's text fields: name, label, value typed so far, input type. The password is
    /// never echoed back.
    pub fn fields(&self) -> Vec<(&'static str, String, &str, &'static str)> {
        let password = format!("Mật khẩu (ít nhất {} ký tự)", coso_app::accounts::MIN_PASSWORD_CHARS);
        vec![
            ("email", "E-mail".into(), self.form.input.email.as_str(), "email"),
            ("display_name", "Họ và tên".into(), self.form.input.display_name.as_str(), "text"),
            ("password", password, "", "password"),
            ("unit_code", "Mã đơn vị được giao".into(), self.form.input.unit_code.as_str(), "text"),
        ]
    }
}
