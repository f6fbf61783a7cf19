//! A news post (*tin tức*): a title, a body of plain paragraphs (shown escaped, never as
//! HTML), a category from the unit's list, a draft until an official publishes it.

use serde::Deserialize;

use crate::field::{Errors, FieldError, required_text};

/// The categories every unit starts with; a unit adds its own by using them.
pub const DEFAULT_CATEGORIES: [&str; 3] = ["Phổ biến pháp luật", "Hoạt động chính quyền", "Thông báo"];

const MAX_TITLE_CHARS: usize = 300;
const MAX_BODY_CHARS: usize = 20_000;
const MAX_CATEGORY_CHARS: usize = 100;

/// A post as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct NewsInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub category: String,
}

/// A post checked: its texts cleaned (NFC), the body as paragraphs separated by a blank line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsData {
    pub title: String,
    pub body: String,
    pub category: String,
}

/// The paragraphs of a body: lines separated by blank lines, each cleaned (NFC, single
/// spaces, no control or invisible characters); a line break inside a paragraph is a space.
pub fn paragraphs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in body.lines() {
        let line = coso_text::clean(line);
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

impl NewsData {
    pub fn parse(input: &NewsInput) -> Result<NewsData, Vec<FieldError>> {
        let mut errors = Errors::default();
        let title = errors.take(required_text("title", "Tiêu đề", &input.title, MAX_TITLE_CHARS));
        let body = paragraphs(&input.body).join("\n\n");
        if body.is_empty() {
            errors.push(FieldError::new("body", "Nội dung không được để trống."));
        } else if body.chars().count() > MAX_BODY_CHARS {
            errors.push(FieldError::new("body", format!("Nội dung dài quá {MAX_BODY_CHARS} ký tự.")));
        }
        let category = errors.take(required_text("category", "Chuyên mục", &input.category, MAX_CATEGORY_CHARS));
        match (title, category) {
            (Some(title), Some(category)) if errors.is_empty() => Ok(NewsData { title, body, category }),
            _ => Err(errors.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(title: &str, body: &str) -> NewsInput {
        NewsInput { title: title.into(), body: body.into(), category: "Thông báo".into() }
    }

    #[test]
    fn the_body_keeps_its_paragraphs_and_joins_broken_lines() {
        let d = NewsData::parse(&input("Tin", "Dòng một\r\ncòn tiếp.\n\n\n  Đoạn hai\u{200b}  ")).expect("valid");
        assert_eq!(d.body, "Dòng một còn tiếp.\n\nĐoạn hai");
        assert_eq!(paragraphs(&d.body), ["Dòng một còn tiếp.", "Đoạn hai"]);
    }

    #[test]
    fn a_missing_title_and_body_are_named() {
        let errors = NewsData::parse(&input("  ", "\n\n")).expect_err("refused");
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["title", "body"]);
        assert_eq!(errors[0].message, "Tiêu đề không được để trống.");
    }

    #[test]
    fn text_is_stored_as_nfc() {
        let d = NewsData::parse(&input("Tie\u{302}\u{301}p da\u{302}n", "Nội dung")).expect("valid");
        assert_eq!(d.title, "Tiếp dân");
    }
}
