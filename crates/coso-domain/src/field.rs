//! Validation errors that name the field, in Vietnamese.

use serde::Serialize;

/// One field that failed validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field's machine name (`code`, `member_count`, …), as in forms and JSON.
    pub field: &'static str,
    /// What is wrong, in Vietnamese, naming the field for the user.
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self { field, message: message.into() }
    }
}

/// A field error whose field is a path built at run time, such as `indicators.disclosures`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathError {
    pub field: String,
    /// What is wrong, in Vietnamese, naming the field for the user.
    pub message: String,
}

impl PathError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), message: message.into() }
    }
}

impl From<FieldError> for PathError {
    fn from(e: FieldError) -> Self {
        Self { field: e.field.to_string(), message: e.message }
    }
}

/// A field error on one line of an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// 1-based line number in the file, the header being line 1.
    pub line: u64,
    pub field: String,
    pub message: String,
}

impl RowError {
    pub fn from_field(line: u64, e: FieldError) -> Self {
        Self { line, field: e.field.to_string(), message: e.message }
    }
}

/// Collects field errors so a form can show all of them at once.
#[derive(Debug, Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    /// Records the error of `r`, if any, and returns its value.
    pub fn take<T>(&mut self, r: Result<T, FieldError>) -> Option<T> {
        r.map_err(|e| self.0.push(e)).ok()
    }

    pub fn push(&mut self, e: FieldError) {
        self.0.push(e);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Parses a required text field: cleaned (NFC, single spaces), non-empty, at most `max` characters.
pub fn required_text(field: &'static str, label: &str, raw: &str, max: usize) -> Result<String, FieldError> {
    let v = coso_text::clean(raw);
    if v.is_empty() {
        return Err(FieldError::new(field, format!("{label} không được để trống.")));
    }
    if v.chars().count() > max {
        return Err(FieldError::new(field, format!("{label} dài quá {max} ký tự.")));
    }
    Ok(v)
}

/// Parses an optional text field: empty means `None`.
pub fn optional_text(field: &'static str, label: &str, raw: &str, max: usize) -> Result<Option<String>, FieldError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    required_text(field, label, raw, max).map(Some)
}

/// Parses a date written `dd/mm/yyyy`, `d/m/yyyy` or `yyyy-mm-dd`: the one reader of dates
/// typed by people, for every form, query and import.
pub fn date(field: &'static str, label: &str, raw: &str) -> Result<chrono::NaiveDate, FieldError> {
    let raw = raw.trim();
    chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(raw, "%d/%m/%Y"))
        .map_err(|_| {
            let shown: String = raw.chars().take(40).collect();
            FieldError::new(field, format!("{label} không phải ngày hợp lệ (dd/mm/yyyy): «{shown}»."))
        })
}

/// Parses an optional date: empty means `None`.
pub fn optional_date(field: &'static str, label: &str, raw: &str) -> Result<Option<chrono::NaiveDate>, FieldError> {
    if raw.trim().is_empty() { Ok(None) } else { date(field, label, raw).map(Some) }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn dates_are_read_day_first_or_iso() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).expect("date");
        for raw in ["05/03/2026", "5/3/2026", "2026-03-05", " 05/03/2026 "] {
            assert_eq!(date("from", "Từ ngày", raw), Ok(d), "{raw}");
        }
    }

    #[test]
    fn impossible_dates_are_refused_in_vietnamese() {
        for raw in ["31/02/2026", "2026-02-31", "32/01/2026", "abc", "05-03-2026", ""] {
            let e = date("from", "Từ ngày", raw).expect_err(raw);
            assert_eq!(e.field, "from");
            assert!(e.message.starts_with("Từ ngày không phải ngày hợp lệ (dd/mm/yyyy)"), "{}", e.message);
        }
        let long = "9".repeat(600);
        assert!(date("from", "Từ ngày", &long).expect_err("long").message.chars().count() < 100);
    }
}
