//! The report template editor page.

use askama::Template;
use askama_web::WebTemplate;

use crate::views::Nav;

/// The administrators' editor of a report template (its JSON, checked on save).
#[derive(Template, WebTemplate)]
#[template(path = "report_templates/editor.html")]
pub struct TemplatePage {
    pub nav: Nav,
    pub id: i64,
    pub code: String,
    pub version: i64,
    pub name: String,
    pub definition: String,
    pub errors: Vec<String>,
    pub notice: Option<String>,
}
