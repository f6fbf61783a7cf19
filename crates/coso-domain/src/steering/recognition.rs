//! The register of commendations (*khen thưởng*) and of models worth copying (*mô hình, điển
//! hình*): each entry as typed, checked into values with Vietnamese errors that name the field.
//! The units are still codes here; the use case finds them in the register unit's subtree.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::codes::{CommendationForm, ModelStatus};
use crate::FieldError;
use crate::field::{self, Errors, optional_text, required_text};
use crate::plan::draft::YEARS;

/// A commendation as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommendationInput {
    #[serde(default)]
    pub form: String,
    /// The code of the unit commended, or empty for a person.
    #[serde(default)]
    pub recipient_unit: String,
    /// The person commended, or empty for a unit.
    #[serde(default)]
    pub recipient_person: String,
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub decision_number: String,
    #[serde(default)]
    pub decided_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commendation {
    pub form: CommendationForm,
    pub recipient_unit: Option<String>,
    pub recipient_person: Option<String>,
    pub year: i32,
    pub reason: String,
    pub decision_number: String,
    pub decided_on: NaiveDate,
}

/// A model worth copying as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelInput {
    #[serde(default)]
    pub name: String,
    /// The code of the unit that runs it; empty for the register's own unit.
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub name: String,
    pub unit: Option<String>,
    pub year: i32,
    pub description: String,
    pub status: ModelStatus,
}

fn year(raw: &str) -> Result<i32, FieldError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(FieldError::new("year", "Năm không được để trống."));
    }
    v.parse().ok().filter(|y| YEARS.contains(y)).ok_or_else(|| {
        let shown: String = v.chars().take(20).collect();
        FieldError::new("year", format!("Năm «{shown}» không hợp lệ: ghi năm từ 2000 đến 2100, ví dụ 2026."))
    })
}

fn code<T: std::str::FromStr>(field: &'static str, label: &str, raw: &str) -> Result<T, FieldError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(FieldError::new(field, format!("Chưa chọn {}.", label.to_lowercase())));
    }
    v.parse().map_err(|_| {
        let shown: String = v.chars().take(40).collect();
        FieldError::new(field, format!("{label} «{shown}» không có trong danh sách."))
    })
}

impl CommendationInput {
    pub fn parse(&self, today: NaiveDate) -> Result<Commendation, Vec<FieldError>> {
        let mut e = Errors::default();
        let form = e.take(code("form", "Hình thức khen thưởng", &self.form));
        let recipient_unit = e.take(optional_text("recipient_unit", "Đơn vị được khen", &self.recipient_unit, 50));
        let recipient_person =
            e.take(optional_text("recipient_person", "Cá nhân được khen", &self.recipient_person, 200));
        if let (Some(None), Some(None)) = (&recipient_unit, &recipient_person) {
            e.push(FieldError::new(
                "recipient_person",
                "Chưa ghi người hoặc đơn vị được khen: ghi họ tên cá nhân hoặc mã đơn vị.",
            ));
        }
        let year = e.take(year(&self.year));
        let reason = e.take(required_text("reason", "Thành tích được khen", &self.reason, 2000));
        let decision_number =
            e.take(required_text("decision_number", "Số quyết định khen thưởng", &self.decision_number, 50));
        let decided_on = e.take(field::date("decided_on", "Ngày quyết định", &self.decided_on));
        if decided_on.is_some_and(|d| d > today) {
            e.push(FieldError::new("decided_on", "Ngày quyết định không được sau hôm nay."));
        }
        match (form, recipient_unit, recipient_person, year, reason, decision_number, decided_on) {
            (
                Some(form),
                Some(recipient_unit),
                Some(recipient_person),
                Some(year),
                Some(reason),
                Some(decision_number),
                Some(decided_on),
            ) if e.is_empty() => {
                Ok(Commendation { form, recipient_unit, recipient_person, year, reason, decision_number, decided_on })
            }
            _ => Err(e.0),
        }
    }
}

impl ModelInput {
    pub fn parse(&self) -> Result<Model, Vec<FieldError>> {
        let mut e = Errors::default();
        let name = e.take(required_text("name", "Tên mô hình, điển hình", &self.name, 300));
        let unit = e.take(optional_text("unit", "Đơn vị thực hiện", &self.unit, 50));
        let year = e.take(year(&self.year));
        let description = e.take(required_text("description", "Mô tả", &self.description, 4000));
        let status = if self.status.trim().is_empty() {
            Some(ModelStatus::Piloting)
        } else {
            e.take(code("status", "Tình trạng", &self.status))
        };
        match (name, unit, year, description, status) {
            (Some(name), Some(unit), Some(year), Some(description), Some(status)) if e.is_empty() => {
                Ok(Model { name, unit, year, description, status })
            }
            _ => Err(e.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).expect("date")
    }

    fn commendation() -> CommendationInput {
        CommendationInput {
            form: "merit".into(),
            recipient_unit: "42001".into(),
            recipient_person: String::new(),
            year: "2025".into(),
            reason: "Thực hiện tốt dân chủ ở cơ sở năm 2025".into(),
            decision_number: "125/QĐ-UBND".into(),
            decided_on: "15/01/2026".into(),
        }
    }

    #[test]
    fn a_commendation_is_read() {
        let c = commendation().parse(today()).expect("valid");
        assert_eq!(c.form, CommendationForm::Merit);
        assert_eq!(c.recipient_unit.as_deref(), Some("42001"));
        assert_eq!(c.decided_on, NaiveDate::from_ymd_opt(2026, 1, 15).expect("date"));
    }

    #[test]
    fn a_commendation_names_every_bad_field() {
        let bad = CommendationInput {
            form: "huy_chuong".into(),
            recipient_unit: String::new(),
            year: "20x5".into(),
            decided_on: "31/02/2026".into(),
            ..Default::default()
        };
        let fields: Vec<&str> = bad.parse(today()).expect_err("invalid").iter().map(|e| e.field).collect();
        assert_eq!(fields, ["form", "recipient_person", "year", "reason", "decision_number", "decided_on"]);
        let mut later = commendation();
        later.decided_on = "02/06/2026".into();
        assert_eq!(later.parse(today()).expect_err("future")[0].field, "decided_on");
    }

    #[test]
    fn a_model_defaults_to_piloting() {
        let m = ModelInput {
            name: "Camera an ninh thôn".into(),
            unit: "V1".into(),
            year: "2026".into(),
            description: "Người dân góp tiền lắp camera".into(),
            status: String::new(),
        }
        .parse()
        .expect("valid");
        assert_eq!(m.status, ModelStatus::Piloting);
        let errs = ModelInput { status: "tot".into(), ..Default::default() }.parse().expect_err("invalid");
        let fields: Vec<&str> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "year", "description", "status"]);
    }
}
