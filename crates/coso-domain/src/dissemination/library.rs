//! A document of a unit's legal library (*tủ sách pháp luật*): the law, decrees, and the
//! unit's own plans, decisions and conventions, with their number, date, issuer and, once they
//! lapse, the first day they are no longer in force.

use chrono::NaiveDate;
use serde::Deserialize;

use super::LibraryKind;
use crate::field::{Errors, FieldError, date, optional_date, required_text};

const MAX_TITLE_CHARS: usize = 500;
const MAX_NUMBER_CHARS: usize = 100;
const MAX_ISSUER_CHARS: usize = 200;

/// A document as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LibraryInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub issued_on: String,
    #[serde(default)]
    pub issuer: String,
    /// The first day it is no longer in force; empty while it is.
    #[serde(default)]
    pub expires_on: String,
}

/// A document checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryData {
    pub kind: LibraryKind,
    pub number: String,
    pub title: String,
    pub issued_on: NaiveDate,
    pub issuer: String,
    pub expires_on: Option<NaiveDate>,
}

impl LibraryData {
    pub fn parse(input: &LibraryInput) -> Result<LibraryData, Vec<FieldError>> {
        let mut errors = Errors::default();
        let kind = LibraryKind::ALL.into_iter().find(|k| k.as_str() == input.kind.trim());
        if kind.is_none() {
            errors.push(FieldError::new("kind", "Hãy chọn loại văn bản."));
        }
        let number = errors.take(required_text("number", "Số, ký hiệu", &input.number, MAX_NUMBER_CHARS));
        let title = errors.take(required_text("title", "Trích yếu", &input.title, MAX_TITLE_CHARS));
        let issued_on = if input.issued_on.trim().is_empty() {
            errors.push(FieldError::new("issued_on", "Ngày ban hành không được để trống."));
            None
        } else {
            errors.take(date("issued_on", "Ngày ban hành", &input.issued_on))
        };
        let issuer = errors.take(required_text("issuer", "Cơ quan ban hành", &input.issuer, MAX_ISSUER_CHARS));
        let expires_on = errors.take(optional_date("expires_on", "Ngày hết hiệu lực", &input.expires_on)).flatten();
        if let (Some(from), Some(to)) = (issued_on, expires_on)
            && to <= from
        {
            errors.push(FieldError::new("expires_on", "Ngày hết hiệu lực phải sau ngày ban hành."));
        }
        match (kind, number, title, issued_on, issuer) {
            (Some(kind), Some(number), Some(title), Some(issued_on), Some(issuer)) if errors.is_empty() => {
                Ok(LibraryData { kind, number, title, issued_on, issuer, expires_on })
            }
            _ => Err(errors.0),
        }
    }
}

/// Whether a document is in force on `day`: until the day it lapses, that day excluded.
pub fn in_force(expires_on: Option<NaiveDate>, day: NaiveDate) -> bool {
    expires_on.is_none_or(|end| day < end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> LibraryInput {
        LibraryInput {
            kind: "law".into(),
            number: "10/2022/QH15".into(),
            title: "Luật Thực hiện dân chủ ở cơ sở".into(),
            issued_on: "10/11/2022".into(),
            issuer: "Quốc hội".into(),
            expires_on: String::new(),
        }
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn a_law_reads_with_its_date() {
        let data = LibraryData::parse(&input()).expect("valid");
        assert_eq!((data.kind, data.issued_on, data.expires_on), (LibraryKind::Law, d("2022-11-10"), None));
    }

    #[test]
    fn an_expiry_before_the_issue_and_an_unknown_kind_are_refused() {
        let mut i = input();
        i.kind = "novel".into();
        i.expires_on = "01/01/2020".into();
        let fields: Vec<_> = LibraryData::parse(&i).expect_err("refused").iter().map(|e| e.field).collect();
        assert_eq!(fields, ["kind", "expires_on"]);
    }

    #[test]
    fn a_document_lapses_on_its_expiry_day() {
        assert!(in_force(None, d("2030-01-01")));
        assert!(in_force(Some(d("2026-07-01")), d("2026-06-30")));
        assert!(!in_force(Some(d("2026-07-01")), d("2026-07-01")));
    }
}
