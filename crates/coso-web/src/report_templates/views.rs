//! The report template editor page.

use askama::Template;
use askama_web::WebTemplate;

use crate::views::{ErrorLink, Nav};

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
}

impl TemplatePage {
    /// The error summary: an error about the name links to the name, any other to the JSON.
    pub fn error_links(&self) -> Vec<ErrorLink> {
        let target = |e: &str| if e.starts_with("name:") { "name" } else { "definition" };
        self.errors.iter().map(|e| ErrorLink::new(target(e), e.clone())).collect()
    }
}
