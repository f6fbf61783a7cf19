//! The report template editor page.

use askama::Template;
use askama_web::WebTemplate;

use super::form::{COMPARISONS, TemplateForm};
use crate::views::{ErrorLink, Nav};

/// The administrators' editor of a report template: a form of its rows, checked on save, and
/// the stored JSON as a read-only "advanced" view.
#[derive(Template, WebTemplate)]
#[template(path = "report_templates/editor.html")]
pub struct TemplatePage {
    pub nav: Nav,
    pub id: i64,
    pub code: String,
    pub form: TemplateForm,
    pub errors: Vec<ErrorLink>,
    /// The stored definition, pretty-printed.
    pub json: String,
    /// How many self-assessment criteria and rank bands the template has (kept as they are).
    pub criteria: usize,
    pub rank_bands: usize,
}

impl TemplatePage {
    pub fn comparisons(&self) -> &'static [(&'static str, &'static str)] {
        &COMPARISONS
    }

    /// The indicators a check may name: (code, label), those with a code.
    pub fn indicator_choices(&self) -> Vec<(&str, &str)> {
        self.form
            .indicators
            .iter()
            .filter(|i| !i.code.is_empty())
            .map(|i| (i.code.as_str(), i.label.as_str()))
            .collect()
    }

    /// The message of the first error about the field with `id`, or "".
    pub fn error(&self, id: &str) -> &str {
        self.errors.iter().find(|e| e.field == id).map_or("", |e| e.message.as_str())
    }
}
