//! The accounts page with its creation form.

use askama::Template;
use askama_web::WebTemplate;
use coso_app::users::Listed;

use super::forms::UserForm;
use crate::forms::FieldErrors;
use crate::views::{Nav, UnitHit};

/// Accounts shown on one page of the list.
pub const PAGE_SIZE: usize = 100;

/// One role of an account: its Vietnamese label and the unit it holds on.
#[derive(Debug, Clone)]
pub struct GrantLine {
    pub role: String,
    pub unit_name: String,
    pub unit_code: String,
}

/// One row of the accounts table.
#[derive(Debug, Clone)]
pub struct UserLine {
    pub name: String,
    pub email: String,
    pub grants: Vec<GrantLine>,
    pub active: bool,
    /// The units where the account may read denouncers' identity.
    pub clearances: Vec<String>,
}

impl From<Listed> for UserLine {
    fn from(l: Listed) -> Self {
        let grants = l
            .grants
            .into_iter()
            .map(|g| GrantLine { role: g.role.label().to_string(), unit_name: g.unit_name, unit_code: g.unit_code })
            .collect();
        UserLine { name: l.user.display_name, email: l.user.email, grants, active: l.user.active, clearances: vec![] }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "users/list.html")]
pub struct UsersPage {
    pub nav: Nav,
    pub users: Vec<UserLine>,
    pub total: usize,
    /// The page shown, from 1, and how many there are.
    pub page: usize,
    pub pages: usize,
    /// What the unit picker searched, and the units it found.
    pub unit_query: String,
    pub hits: Vec<UnitHit>,
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
            ("display_name", "Họ và tên".into(), self.form.input.display_name.as_str(), "text"),
            ("email", "E-mail".into(), self.form.input.email.as_str(), "email"),
            ("password", password, "", "password"),
        ]
    }

    /// The link to another page of the list; "" when there is none.
    pub fn page_href(&self, page: usize) -> String {
        if page == 0 || page > self.pages || page == self.page {
            String::new()
        } else {
            format!("/quan-tri/nguoi-dung?trang={page}")
        }
    }
}
