//! The living style page.

use askama::Template;
use askama_web::WebTemplate;

use crate::views::{ErrorLink, Nav, UnitChoice, UnitHit};

#[derive(Template, WebTemplate)]
#[template(path = "design/style.html")]
pub struct StylePage {
    pub nav: Nav,
    /// The error summary's example.
    pub errors: Vec<ErrorLink>,
    /// The unit picker's example.
    pub units: Vec<UnitChoice>,
    /// The searching unit picker's example: what «hong linh» finds.
    pub hits: Vec<UnitHit>,
    /// The select's example: (code, label, selected).
    pub outcomes: Vec<(String, &'static str, bool)>,
}
