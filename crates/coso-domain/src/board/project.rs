//! The facts of the project an investment supervision board watches: its name, investor, budget,
//! what residents contribute, and when it starts and ends.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::field::{self, Errors, FieldError};

/// A project as typed; amounts in đồng, with or without thousands separators.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct ProjectInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub investor: String,
    #[serde(default)]
    pub budget: String,
    #[serde(default)]
    pub contributions: String,
    #[serde(default)]
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: String,
}

/// A checked project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Project {
    pub name: String,
    pub investor: String,
    /// The total investment, in đồng.
    pub budget: i64,
    /// What residents contribute (money, or labour and materials valued), in đồng.
    pub contributions: i64,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// Reads an amount of đồng: digits, with `.`, `,` or spaces between thousands.
fn amount(field_name: &'static str, label: &str, raw: &str) -> Result<i64, FieldError> {
    let digits: String = raw.chars().filter(|c| !matches!(c, '.' | ',' | ' ')).collect();
    if digits.is_empty() {
        return Err(FieldError::new(field_name, format!("{label} không được để trống.")));
    }
    if digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        let shown: String = raw.chars().take(40).collect();
        return Err(FieldError::new(field_name, format!("{label} phải là số tiền (đồng): «{shown}».")));
    }
    digits.parse().map_err(|_| FieldError::new(field_name, format!("{label} quá lớn.")))
}

impl Project {
    pub fn parse(input: &ProjectInput) -> Result<Project, Vec<FieldError>> {
        let mut e = Errors::default();
        let name = e.take(field::required_text("project.name", "Tên dự án", &input.name, 300));
        let investor = e.take(field::required_text("project.investor", "Chủ đầu tư", &input.investor, 300));
        let budget = e.take(amount("project.budget", "Tổng mức đầu tư", &input.budget));
        let contributions = if input.contributions.trim().is_empty() {
            Some(0)
        } else {
            e.take(amount("project.contributions", "Phần người dân đóng góp", &input.contributions))
        };
        let starts_on = e.take(field::date("project.starts_on", "Ngày khởi công", &input.starts_on));
        let ends_on = e.take(field::date("project.ends_on", "Ngày hoàn thành", &input.ends_on));
        if let (Some(from), Some(to)) = (starts_on, ends_on)
            && to < from
        {
            e.push(FieldError::new("project.ends_on", "Ngày hoàn thành không được trước ngày khởi công."));
        }
        if let (Some(b), Some(c)) = (budget, contributions)
            && c > b
        {
            e.push(FieldError::new(
                "project.contributions",
                "Phần người dân đóng góp không được lớn hơn tổng mức đầu tư.",
            ));
        }
        match (name, investor, budget, contributions, starts_on, ends_on) {
            (Some(name), Some(investor), Some(budget), Some(contributions), Some(starts_on), Some(ends_on))
                if e.is_empty() =>
            {
                Ok(Project { name, investor, budget, contributions, starts_on, ends_on })
            }
            _ => Err(e.0),
        }
    }

    /// The name as compared for GS-1: folded, so that «Đường thôn 1» and «duong thon 1» are one
    /// project.
    pub fn key(&self) -> String {
        coso_text::fold(&self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProjectInput {
        ProjectInput {
            name: "Đường bê tông thôn Đông".into(),
            investor: "UBND xã".into(),
            budget: "1.200.000.000".into(),
            contributions: "300 000 000".into(),
            starts_on: "01/03/2026".into(),
            ends_on: "30/09/2026".into(),
        }
    }

    #[test]
    fn a_project_reads_its_amounts_and_dates() {
        let p = Project::parse(&input()).expect("ok");
        assert_eq!(p.budget, 1_200_000_000);
        assert_eq!(p.contributions, 300_000_000);
        assert_eq!(p.key(), coso_text::fold("duong be tong thon dong"));
    }

    #[test]
    fn an_end_before_the_start_or_a_bad_amount_is_refused() {
        let mut i = input();
        i.ends_on = "01/01/2026".into();
        i.budget = "một tỷ".into();
        let errors = Project::parse(&i).expect_err("bad");
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["project.budget", "project.ends_on"]);
    }
}
