//! A community decision as an official opens it: the matter (1–6 of DEC-1), the form, the
//! title, the date (of the meeting, or the first day of a ballot or online vote), the last day
//! of a ballot or online vote, and for a whole-commune ballot the villages asked.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::codes::{DecisionForm, Matter};
use crate::field::{self, Errors, FieldError};

/// The decision as typed: raw strings, from a form or the API.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionInput {
    #[serde(default)]
    pub matter: String,
    #[serde(default)]
    pub form: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub date: String,
    /// The last day of a ballot or online vote; empty: the same day.
    #[serde(default)]
    pub ends_on: String,
    /// Codes of the villages asked by a whole-commune decision; empty: all of them.
    #[serde(default)]
    pub villages: Vec<String>,
}

/// The decision checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionData {
    pub matter: Matter,
    pub form: DecisionForm,
    pub title: String,
    pub held_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub villages: Vec<String>,
}

/// The message of DEC-11, for the form field.
pub const ONLINE_ONLY_MATTER_SIX: &str = "Biểu quyết trực tuyến chỉ áp dụng cho công việc tự quản khác của cộng đồng \
     (nội dung 6); các nội dung 1–5 phải họp cộng đồng dân cư hoặc phát phiếu lấy ý kiến hộ gia đình (khoản 1 Điều 5 \
     Nghị định số 59/2023/NĐ-CP).";

fn parse_matter(raw: &str) -> Result<Matter, FieldError> {
    raw.trim()
        .parse::<u8>()
        .ok()
        .and_then(Matter::from_number)
        .ok_or_else(|| FieldError::new("matter", "Nội dung quyết định phải là một trong sáu nội dung, từ 1 đến 6."))
}

impl DecisionData {
    pub fn parse(input: &DecisionInput) -> Result<DecisionData, Vec<FieldError>> {
        let mut e = Errors::default();
        let matter = e.take(parse_matter(&input.matter));
        let form = e.take(input.form.trim().parse::<DecisionForm>().map_err(|_| {
            FieldError::new("form", "Hình thức phải là họp (meeting), phát phiếu (ballot) hoặc trực tuyến (online).")
        }));
        let title = e.take(field::required_text("title", "Tên nội dung quyết định", &input.title, 300));
        let held_on = e.take(field::date("date", "Ngày", &input.date));
        let ends_on = e.take(field::optional_date("ends_on", "Ngày kết thúc", &input.ends_on));
        if let (Some(matter), Some(DecisionForm::Online)) = (matter, form)
            && !matter.allows_online_vote()
        {
            e.push(FieldError::new("form", ONLINE_ONLY_MATTER_SIX));
        }
        let ends_on = match (held_on, ends_on.flatten(), form) {
            (Some(from), Some(to), _) if to < from => {
                e.push(FieldError::new("ends_on", "Ngày kết thúc không được trước ngày bắt đầu."));
                None
            }
            (Some(from), Some(_), Some(DecisionForm::Meeting)) => Some(from),
            (Some(_), Some(to), _) => Some(to),
            (Some(from), None, _) => Some(from),
            _ => None,
        };
        let mut villages: Vec<String> =
            input.villages.iter().map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect();
        villages.sort();
        villages.dedup();
        match (matter, form, title, held_on, ends_on) {
            (Some(matter), Some(form), Some(title), Some(held_on), Some(ends_on)) if e.is_empty() => {
                Ok(DecisionData { matter, form, title, held_on, ends_on, villages })
            }
            _ => Err(e.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(matter: &str, form: &str) -> DecisionInput {
        DecisionInput {
            matter: matter.into(),
            form: form.into(),
            title: "  Mức đóng góp  làm đường ".into(),
            date: "2026-03-10".into(),
            ..DecisionInput::default()
        }
    }

    fn fields(input: &DecisionInput) -> Vec<&'static str> {
        DecisionData::parse(input).err().unwrap_or_default().into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_meeting_on_contributions_is_read() {
        let d = DecisionData::parse(&input("1", "meeting")).expect("valid");
        assert_eq!(d.matter, Matter::Contributions);
        assert_eq!(d.title, "Mức đóng góp làm đường");
        assert_eq!(d.ends_on, d.held_on);
    }

    #[test]
    fn worked_case_of_dec_11_an_online_vote_on_the_convention_is_refused() {
        assert_eq!(fields(&input("3", "online")), vec!["form"]);
        for m in 1..=5 {
            assert_eq!(fields(&input(&m.to_string(), "online")), vec!["form"]);
        }
        assert!(DecisionData::parse(&input("6", "online")).is_ok());
    }

    #[test]
    fn bad_matter_form_and_dates_name_their_fields() {
        assert_eq!(fields(&input("7", "meeting")), vec!["matter"]);
        assert_eq!(fields(&input("1", "poll")), vec!["form"]);
        let early = DecisionInput { ends_on: "2026-03-01".into(), ..input("1", "ballot") };
        assert_eq!(fields(&early), vec!["ends_on"]);
        let ballot = DecisionInput { ends_on: "2026-03-15".into(), ..input("1", "ballot") };
        assert_eq!(DecisionData::parse(&ballot).map(|d| d.ends_on.to_string()), Ok("2026-03-15".into()));
    }
}
