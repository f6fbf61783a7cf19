//! The log's filters as people type them (person, unit code, kind, dates dd/mm/yyyy) and
//! what the store is asked for.

use chrono::{DateTime, Days, NaiveDate, Utc};
use coso_domain::clock::VIETNAM;
use coso_domain::field::{FieldError, optional_date};
use coso_store::AuditFilter;

use super::labels::Kind;

/// The filters as typed: every field may be empty.
#[derive(Debug, Clone, Default)]
pub struct LogQuery {
    pub person: String,
    pub unit: String,
    pub kind: String,
    pub from: String,
    pub to: String,
}

/// The filters, read.
#[derive(Debug, Clone, Default)]
pub struct LogFilter {
    pub person: Option<String>,
    pub unit: Option<String>,
    pub kind: Option<Kind>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

fn text(raw: &str) -> Option<String> {
    let t = coso_text::clean(raw);
    (!t.is_empty()).then_some(t)
}

impl LogQuery {
    /// Reads the filters; a date that is not one, an unknown kind or an end before the start
    /// is refused, naming the field.
    pub fn read(&self) -> Result<LogFilter, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut date = |field: &'static str, label: &str, raw: &str| {
            optional_date(field, label, raw).unwrap_or_else(|e| {
                errors.push(e);
                None
            })
        };
        let from = date("tu-ngay", "Từ ngày", &self.from);
        let to = date("den-ngay", "Đến ngày", &self.to);
        if let (Some(f), Some(t)) = (from, to)
            && t < f
        {
            errors.push(FieldError::new("den-ngay", "Đến ngày phải sau hoặc bằng Từ ngày."));
        }
        let kind = match self.kind.trim() {
            "" => None,
            code => Kind::from_code(code).or_else(|| {
                errors.push(FieldError::new("loai", "Loại thao tác không có trong danh sách."));
                None
            }),
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(LogFilter { person: text(&self.person), unit: text(&self.unit), kind, from, to })
    }
}

/// The first instant of `date` in Vietnam.
fn start_of(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(chrono::NaiveTime::MIN)
        .and_local_timezone(VIETNAM)
        .single()
        .map_or_else(|| date.and_time(chrono::NaiveTime::MIN).and_utc(), |t| t.with_timezone(&Utc))
}

impl LogFilter {
    pub fn store_filter(&self) -> AuditFilter {
        let (actions, exclude_actions) = match self.kind {
            None => (Vec::new(), false),
            // A change is any code not of another kind, so a new code is never hidden.
            Some(Kind::Change) => {
                (Kind::ALL.into_iter().filter(|k| *k != Kind::Change).flat_map(Kind::actions).collect(), true)
            }
            Some(k) => (k.actions(), false),
        };
        AuditFilter {
            person: self.person.clone(),
            unit_code: self.unit.clone(),
            actions,
            exclude_actions,
            from: self.from.map(start_of),
            until: self.to.and_then(|d| d.checked_add_days(Days::new(1))).map(start_of),
        }
    }

    /// The filter in words, recorded with a download: «Người: lan; Từ ngày: 01/12/2026».
    pub fn words(&self) -> String {
        let mut parts = Vec::new();
        if let Some(p) = &self.person {
            parts.push(format!("Người thực hiện: {p}"));
        }
        if let Some(u) = &self.unit {
            parts.push(format!("Đơn vị: {u}"));
        }
        if let Some(k) = self.kind {
            parts.push(format!("Loại: {}", k.label()));
        }
        if let Some(d) = self.from {
            parts.push(format!("Từ ngày: {}", d.format("%d/%m/%Y")));
        }
        if let Some(d) = self.to {
            parts.push(format!("Đến ngày: {}", d.format("%d/%m/%Y")));
        }
        if parts.is_empty() { "Toàn bộ".into() } else { parts.join("; ") }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_days_in_vietnam() {
        let q = LogQuery { from: "05/12/2026".into(), to: "2026-12-05".into(), ..LogQuery::default() };
        let f = q.read().expect("valid").store_filter();
        assert_eq!(f.from.map(|t| t.to_rfc3339()), Some("2026-12-04T17:00:00+00:00".into()));
        assert_eq!(f.until.map(|t| t.to_rfc3339()), Some("2026-12-05T17:00:00+00:00".into()));
    }

    #[test]
    fn bad_dates_and_kinds_name_their_field() {
        let q = LogQuery { from: "31/02/2026".into(), kind: "xyz".into(), ..LogQuery::default() };
        let fields: Vec<&str> = q.read().expect_err("refused").iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["tu-ngay", "loai"]);
        let q = LogQuery { from: "05/12/2026".into(), to: "04/12/2026".into(), ..LogQuery::default() };
        assert_eq!(q.read().expect_err("refused")[0].field, "den-ngay");
    }
}
