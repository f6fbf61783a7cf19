//! The living style page.

use askama::Template;
use askama_web::WebTemplate;

use crate::views::{ErrorLink, Nav, UnitChoice};

#[derive(Template, WebTemplate)]
#[template(path = "design/style.html")]
pub struct StylePage {
    pub nav: Nav,
    /// The error summary's example.
    pub errors: Vec<ErrorLink>,
    /// The unit picker's example.
    pub units: Vec<UnitChoice>,
}
