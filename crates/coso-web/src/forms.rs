//! Form helpers: the CSRF field every form carries, and keeping what was typed.

use serde::Deserialize;

/// A form with nothing but its CSRF token (sign out, confirmations).
#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    pub csrf: String,
}

/// Field errors by field name, for templates.
#[derive(Debug, Default, Clone)]
pub struct FieldErrors(pub Vec<coso_domain::FieldError>);

impl FieldErrors {
    /// The message for `field`, or an empty string.
    pub fn get(&self, field: &str) -> &str {
        self.0.iter().find(|e| e.field == field).map_or("", |e| e.message.as_str())
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|e| e.field == field)
    }

    /// The error summary's lines: each links to the field of the same id.
    pub fn links(&self) -> Vec<crate::views::ErrorLink> {
        self.0.iter().map(|e| crate::views::ErrorLink::new(e.field, e.message.clone())).collect()
    }
}
