//! The resident's home page.

use askama::Template;
use askama_web::WebTemplate;

use crate::views::Nav;

/// A unit the resident belongs to, with the role held there.
pub struct MyUnit {
    pub code: String,
    pub name: String,
    pub role: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "cua_toi/home.html")]
pub struct MyHomePage {
    pub nav: Nav,
    pub name: String,
    pub units: Vec<MyUnit>,
}
