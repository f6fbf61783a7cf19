//! The forms of dissemination: the domain's inputs with the CSRF token, and the public lists'
//! queries.

use coso_domain::dissemination::{NewsInput, TrainingInput};
use serde::Deserialize;

/// A training of the log, kept when validation fails.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TrainingForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: TrainingInput,
}

/// The expiry of a library document.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ExpiryForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub expires_on: String,
}

/// `?trang=2&chuyen-muc=Thông báo&q=phap luat`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct NewsParams {
    #[serde(default, rename = "trang")]
    pub page: String,
    #[serde(default, rename = "chuyen-muc")]
    pub category: String,
    #[serde(default)]
    pub q: String,
}

/// `?trang=2&loai=decree&q=dan chu`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LibraryParams {
    #[serde(default, rename = "trang")]
    pub page: String,
    #[serde(default, rename = "loai")]
    pub kind: String,
    #[serde(default)]
    pub q: String,
}

/// The news form's fields, read from its multipart body: a category typed in `category_new`
/// replaces the one chosen.
pub fn news_input(field: impl Fn(&str) -> String) -> NewsInput {
    let typed = field("category_new");
    NewsInput {
        title: field("title"),
        body: field("body"),
        category: if typed.trim().is_empty() { field("category") } else { typed },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_category_replaces_the_chosen_one() {
        let fields = [("title", "Tin"), ("category", "Thông báo"), ("category_new", "An ninh trật tự")];
        let get = |name: &str| fields.iter().find(|(k, _)| *k == name).map_or(String::new(), |(_, v)| v.to_string());
        assert_eq!(news_input(get).category, "An ninh trật tự");
    }
}
