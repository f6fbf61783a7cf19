//! What every page shares: the page header's view of the visitor, the error page, the
//! Vietnamese date format and the unit picker. Each feature's pages are in its `views.rs`.

use askama::Template;
use askama_web::WebTemplate;

use crate::auth::CurrentUser;

/// What the page header needs to know about the visitor.
#[derive(Debug, Clone, Default)]
pub struct Nav {
    pub user_name: Option<String>,
    pub csrf: String,
    pub is_admin: bool,
}

impl Nav {
    pub fn of(user: Option<&CurrentUser>) -> Nav {
        match user {
            Some(u) => {
                Nav { user_name: Some(u.display_name.clone()), csrf: u.csrf_token.clone(), is_admin: u.is_admin() }
            }
            None => Nav::default(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "shared/error.html")]
pub struct ErrorPage {
    pub nav: Nav,
    pub status: u16,
    pub message: String,
    pub request_id: String,
}

impl ErrorPage {
    pub fn new(status: u16, message: String, request_id: String) -> Self {
        Self { nav: Nav::default(), status, message, request_id }
    }
}

/// `dd/mm/yyyy`, the Vietnamese date format.
pub fn vn_date(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A unit the user can switch to (inbox, plans).
#[derive(Debug, Clone)]
pub struct UnitChoice {
    pub code: String,
    pub name: String,
    pub selected: bool,
}
