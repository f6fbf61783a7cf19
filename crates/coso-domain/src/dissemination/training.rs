//! A training or dissemination event (*tập huấn, tuyên truyền*): when, on what, in which form,
//! for whom and how many came. The gatherings among them fill the report's `trainings`
//! indicator.

use chrono::NaiveDate;
use serde::Deserialize;

use super::TrainingForm;
use crate::field::{Errors, FieldError, date, optional_text, required_text};
use crate::report::Indicator;

const MAX_TOPIC_CHARS: usize = 500;
const MAX_AUDIENCE_CHARS: usize = 300;
const MAX_NOTES_CHARS: usize = 2_000;
/// More people than any commune holds: a typo, not an event.
const MAX_ATTENDANCE: i64 = 1_000_000;

/// An event as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TrainingInput {
    #[serde(default)]
    pub held_on: String,
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub form: String,
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub attendance: String,
    #[serde(default)]
    pub notes: String,
}

/// An event checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingData {
    pub held_on: NaiveDate,
    pub topic: String,
    pub form: TrainingForm,
    pub audience: String,
    pub attendance: i64,
    pub notes: Option<String>,
}

impl TrainingData {
    /// Checks an event; one held after `today` is refused (the log records what happened).
    pub fn parse(input: &TrainingInput, today: NaiveDate) -> Result<TrainingData, Vec<FieldError>> {
        let mut errors = Errors::default();
        let held_on = if input.held_on.trim().is_empty() {
            errors.push(FieldError::new("held_on", "Ngày tổ chức không được để trống."));
            None
        } else {
            errors.take(date("held_on", "Ngày tổ chức", &input.held_on))
        };
        if held_on.is_some_and(|d| d > today) {
            errors.push(FieldError::new("held_on", "Ngày tổ chức không được sau hôm nay: sổ chỉ ghi việc đã làm."));
        }
        let topic = errors.take(required_text("topic", "Nội dung", &input.topic, MAX_TOPIC_CHARS));
        let form = TrainingForm::ALL.into_iter().find(|f| f.as_str() == input.form.trim());
        if form.is_none() {
            errors.push(FieldError::new("form", "Hãy chọn hình thức."));
        }
        let audience = errors.take(required_text("audience", "Đối tượng", &input.audience, MAX_AUDIENCE_CHARS));
        let attendance = match input.attendance.trim().parse::<i64>() {
            Ok(n) if (0..=MAX_ATTENDANCE).contains(&n) => Some(n),
            _ => {
                errors.push(FieldError::new("attendance", "Số người tham dự phải là một số nguyên không âm."));
                None
            }
        };
        let notes = errors.take(optional_text("notes", "Ghi chú", &input.notes, MAX_NOTES_CHARS)).flatten();
        match (held_on, topic, form, audience, attendance) {
            (Some(held_on), Some(topic), Some(form), Some(audience), Some(attendance)) if errors.is_empty() => {
                Ok(TrainingData { held_on, topic, form, audience, attendance, notes })
            }
            _ => Err(errors.0),
        }
    }
}

/// Whether a report's indicator is filled from the trainings log: its `source` says
/// `trainings`, or — in the templates stored before the log existed, where the indicator
/// `trainings` had no source — it is that indicator.
pub fn counts_trainings(indicator: &Indicator) -> bool {
    match indicator.source.as_deref() {
        Some(source) => source == "trainings",
        None => indicator.code == "trainings",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Template;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn input() -> TrainingInput {
        TrainingInput {
            held_on: "05/03/2026".into(),
            topic: "Phổ biến Luật Thực hiện dân chủ ở cơ sở".into(),
            form: "conference".into(),
            audience: "Trưởng thôn, cán bộ xã".into(),
            attendance: "45".into(),
            notes: String::new(),
        }
    }

    #[test]
    fn an_event_reads_and_the_future_is_refused() {
        let data = TrainingData::parse(&input(), d("2026-03-05")).expect("valid");
        assert_eq!((data.held_on, data.form, data.attendance), (d("2026-03-05"), TrainingForm::Conference, 45));
        let errors = TrainingData::parse(&input(), d("2026-03-04")).expect_err("future");
        assert_eq!(errors.iter().map(|e| e.field).collect::<Vec<_>>(), ["held_on"]);
    }

    #[test]
    fn a_negative_attendance_and_a_missing_form_are_named() {
        let mut i = input();
        i.attendance = "-3".into();
        i.form = String::new();
        let fields: Vec<_> =
            TrainingData::parse(&i, d("2026-12-31")).expect_err("refused").iter().map(|e| e.field).collect();
        assert_eq!(fields, ["form", "attendance"]);
    }

    #[test]
    fn both_stored_default_templates_fill_trainings_from_the_log() {
        for t in [Template::grassroots_v1(), Template::default_grassroots()] {
            let filled: Vec<_> = t.indicators.iter().filter(|i| counts_trainings(i)).map(|i| i.code.as_str()).collect();
            assert_eq!(filled, ["trainings"], "{}", t.code);
        }
    }

    #[test]
    fn broadcasts_and_leaflets_are_not_gatherings() {
        assert!(TrainingForm::Training.is_gathering() && TrainingForm::Meeting.is_gathering());
        assert!(!TrainingForm::Radio.is_gathering() && !TrainingForm::Leaflet.is_gathering());
    }
}
