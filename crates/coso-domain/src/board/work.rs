//! The board's own work: its yearly plan and its supervision activities.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::ActivityKind;
use super::codes::parse_code;
use crate::field::{self, Errors, FieldError};

/// The yearly work plan as typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct PlanInput {
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub body: String,
}

/// A checked yearly plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanData {
    pub year: i32,
    pub body: String,
}

impl PlanData {
    /// Reads a plan for a year from last year to next year around `today`.
    pub fn parse(input: &PlanInput, today: NaiveDate) -> Result<PlanData, Vec<FieldError>> {
        let mut e = Errors::default();
        let year = match input.year.trim().parse::<i32>() {
            Ok(y) if (today.year() - 1..=today.year() + 1).contains(&y) => Some(y),
            _ => {
                e.push(FieldError::new(
                    "year",
                    format!("Năm kế hoạch phải từ {} đến {}.", today.year() - 1, today.year() + 1),
                ));
                None
            }
        };
        let body = e.take(field::required_text("body", "Nội dung kế hoạch", &input.body, 10_000));
        match (year, body) {
            (Some(year), Some(body)) if e.is_empty() => Ok(PlanData { year, body }),
            _ => Err(e.0),
        }
    }
}

/// A supervision activity or a site visit as typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ActivityInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub held_on: String,
    #[serde(default)]
    pub notes: String,
}

/// A checked activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityData {
    pub kind: ActivityKind,
    pub subject: String,
    pub held_on: NaiveDate,
    pub notes: Option<String>,
}

impl ActivityData {
    /// Reads an activity held on or before `today`.
    pub fn parse(input: &ActivityInput, today: NaiveDate) -> Result<ActivityData, Vec<FieldError>> {
        let mut e = Errors::default();
        let kind: Option<ActivityKind> = e.take(parse_code("kind", "Loại hoạt động", &input.kind));
        let subject = e.take(field::required_text("subject", "Nội dung giám sát", &input.subject, 300));
        let held_on = e.take(field::date("held_on", "Ngày thực hiện", &input.held_on));
        if held_on.is_some_and(|d| d > today) {
            e.push(FieldError::new("held_on", "Ngày thực hiện không được sau hôm nay."));
        }
        let notes = e.take(field::optional_text("notes", "Ghi chép", &input.notes, 10_000));
        match (kind, subject, held_on, notes) {
            (Some(kind), Some(subject), Some(held_on), Some(notes)) if e.is_empty() => {
                Ok(ActivityData { kind, subject, held_on, notes })
            }
            _ => Err(e.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_activity_cannot_be_in_the_future_and_a_plan_names_a_near_year() {
        let today: NaiveDate = "2026-05-01".parse().expect("date");
        let a = ActivityInput {
            kind: "visit".into(),
            subject: "Công trình".into(),
            held_on: "02/05/2026".into(),
            notes: String::new(),
        };
        let errors = ActivityData::parse(&a, today).expect_err("future");
        assert_eq!(errors[0].field, "held_on");
        let p = PlanInput { year: "2030".into(), body: "Giám sát".into() };
        assert_eq!(PlanData::parse(&p, today).expect_err("year")[0].field, "year");
        let p = PlanInput { year: "2026".into(), body: "Giám sát".into() };
        assert_eq!(PlanData::parse(&p, today).expect("ok").year, 2026);
    }
}
