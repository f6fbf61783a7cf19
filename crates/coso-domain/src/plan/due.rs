//! When an obligation or a task is due: not said, on a date, or on the same day every year.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::field::FieldError;

/// A due date as plans write it.
///
/// Serialized as the document parser writes it: `""`, `"2026-06-14"` or `"06-14 yearly"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Due {
    /// The document gives no date.
    #[default]
    Unset,
    On(NaiveDate),
    /// Every year on this day (`trước ngày 14/6 hằng năm`). Feb 29 is allowed and falls on
    /// Feb 28 in common years.
    Yearly {
        month: u32,
        day: u32,
    },
}

impl Due {
    /// A yearly due day, if `month`/`day` exist in a leap year.
    pub fn yearly(month: u32, day: u32) -> Option<Due> {
        NaiveDate::from_ymd_opt(2000, month, day).map(|_| Due::Yearly { month, day })
    }

    /// Reads `YYYY-MM-DD`, `MM-DD yearly` or `MM-DD`; empty is [`Due::Unset`]. `None` when
    /// unreadable.
    pub fn parse(raw: &str) -> Option<Due> {
        let v = raw.trim();
        if v.is_empty() {
            return Some(Due::Unset);
        }
        if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            return Some(Due::On(d));
        }
        let md = v.strip_suffix("yearly").map(str::trim_end).unwrap_or(v);
        let (m, d) = md.split_once('-')?;
        if m.len() != 2 || d.len() != 2 || !m.bytes().chain(d.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        Due::yearly(m.parse().ok()?, d.parse().ok()?)
    }

    /// [`Due::parse`] for a form field, also accepting `dd/mm/yyyy`.
    pub fn parse_field(field: &'static str, label: &str, raw: &str) -> Result<Due, FieldError> {
        if let Some(d) = Due::parse(raw) {
            return Ok(d);
        }
        NaiveDate::parse_from_str(raw.trim(), "%d/%m/%Y").map(Due::On).map_err(|_| {
            FieldError::new(
                field,
                format!("{label} «{}» không hợp lệ: ghi dd/mm/yyyy, hoặc MM-DD nếu hạn lặp lại hằng năm.", raw.trim()),
            )
        })
    }

    /// Reads the two database columns `due_date` and `due_recurring`.
    pub fn from_columns(due_date: Option<&str>, due_recurring: Option<&str>) -> Option<Due> {
        match (due_date, due_recurring) {
            (Some(d), _) => NaiveDate::parse_from_str(d, "%Y-%m-%d").ok().map(Due::On),
            (None, Some(r)) => Due::parse(r).filter(|d| matches!(d, Due::Yearly { .. })),
            (None, None) => Some(Due::Unset),
        }
    }

    /// The absolute date, for the `due_date` column.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Due::On(d) => Some(*d),
            _ => None,
        }
    }

    /// `MM-DD` for the `due_recurring` column; `None` unless yearly.
    pub fn recurring_str(&self) -> Option<String> {
        match self {
            Due::Yearly { month, day } => Some(format!("{month:02}-{day:02}")),
            _ => None,
        }
    }

    /// The day this falls on in `year`: the date itself, or the yearly day (Feb 29 → Feb 28 in
    /// common years).
    pub fn in_year(&self, year: i32) -> Option<NaiveDate> {
        match *self {
            Due::Unset => None,
            Due::On(d) => Some(d),
            Due::Yearly { month, day } => clamped(year, month, day),
        }
    }

    pub fn is_set(&self) -> bool {
        !matches!(self, Due::Unset)
    }

    /// For users: `14/06/2026`, `14/06 hằng năm`, or empty.
    pub fn label(&self) -> String {
        match self {
            Due::Unset => String::new(),
            Due::On(d) => d.format("%d/%m/%Y").to_string(),
            Due::Yearly { month, day } => format!("{day:02}/{month:02} hằng năm"),
        }
    }
}

/// `year-month-day`, with the day lowered to the month's last day when the month is shorter.
pub(crate) fn clamped(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    (1..=day.min(31)).rev().find_map(|d| NaiveDate::from_ymd_opt(year, month, d))
}

/// The CLI JSON form: `""`, `YYYY-MM-DD`, or `MM-DD yearly`.
impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Due::Unset => Ok(()),
            Due::On(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Due::Yearly { month, day } => write!(f, "{month:02}-{day:02} yearly"),
        }
    }
}

impl Serialize for Due {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Due {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Due, D::Error> {
        let raw = Option::<String>::deserialize(d)?.unwrap_or_default();
        Due::parse(&raw).ok_or_else(|| serde::de::Error::custom(format!("invalid due date: {raw}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn parses_the_three_forms() {
        assert_eq!(Due::parse(""), Some(Due::Unset));
        assert_eq!(Due::parse("2026-06-14"), Some(Due::On(ymd(2026, 6, 14))));
        assert_eq!(Due::parse("06-14 yearly"), Some(Due::Yearly { month: 6, day: 14 }));
        assert_eq!(Due::parse("12-14"), Some(Due::Yearly { month: 12, day: 14 }));
        for bad in ["13-01", "02-30", "6-14", "2026-02-30", "hôm nay", "06-14 monthly", "١٢-١٤"] {
            assert_eq!(Due::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn writes_the_database_and_json_forms() {
        let d = Due::Yearly { month: 6, day: 14 };
        assert_eq!(d.recurring_str().as_deref(), Some("06-14"));
        assert_eq!(d.to_string(), "06-14 yearly");
        assert_eq!(Due::On(ymd(2026, 6, 14)).to_string(), "2026-06-14");
        assert_eq!(Due::On(ymd(2026, 6, 14)).recurring_str(), None);
        assert_eq!(Due::from_columns(None, Some("06-14")), Some(d));
        assert_eq!(Due::from_columns(Some("2026-06-14"), None), Some(Due::On(ymd(2026, 6, 14))));
        assert_eq!(Due::from_columns(None, None), Some(Due::Unset));
        assert_eq!(serde_json::to_string(&d).ok().as_deref(), Some("\"06-14 yearly\""));
        assert_eq!(serde_json::from_str::<Due>("null").ok(), Some(Due::Unset));
        assert_eq!(d.label(), "14/06 hằng năm");
    }

    #[test]
    fn feb_29_yearly_falls_on_feb_28_in_common_years() {
        let d = Due::parse("02-29 yearly").expect("leap day is a valid yearly day");
        assert_eq!(d.in_year(2028), Some(ymd(2028, 2, 29)));
        assert_eq!(d.in_year(2026), Some(ymd(2026, 2, 28)));
    }

    #[test]
    fn form_field_accepts_vietnamese_dates_and_names_the_field() {
        assert_eq!(Due::parse_field("due", "Hạn", "14/06/2026"), Ok(Due::On(ymd(2026, 6, 14))));
        let e = Due::parse_field("due", "Hạn nộp", "mai").expect_err("not a date");
        assert_eq!(e.field, "due");
        assert!(e.message.starts_with("Hạn nộp «mai» không hợp lệ"), "{}", e.message);
    }
}
