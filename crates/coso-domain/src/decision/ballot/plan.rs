//! The plan of a household ballot (*kế hoạch phát phiếu lấy ý kiến*): Decree 59 Art. 4(2)
//! (DEC-9) asks it to state the purpose, the content, who is asked, when, and by when the
//! ballots come back. The content is the question printed on every ballot.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::field::{self, Errors, FieldError};

/// The two choices printed on every ballot, as the tally counts them.
pub const CHOICES: [&str; 2] = ["Đồng ý", "Không đồng ý"];

/// A ballot plan as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BallotPlanInput {
    pub purpose: String,
    pub content: String,
    pub participants: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// A checked ballot plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotPlan {
    /// *Mục đích*.
    pub purpose: String,
    /// *Nội dung lấy ý kiến*: the question on the ballot.
    pub content: String,
    /// *Đối tượng*: who is asked (the households of the snapshot, in words).
    pub participants: String,
    /// The first day ballots are handed out.
    pub starts_on: NaiveDate,
    /// The last day ballots are taken back (*thời hạn*).
    pub ends_on: NaiveDate,
}

impl BallotPlanInput {
    /// The plan, or every field error at once.
    pub fn parse(&self) -> Result<BallotPlan, Vec<FieldError>> {
        let mut errors = Errors::default();
        let purpose = errors.take(field::required_text("purpose", "Mục đích", &self.purpose, 2000));
        let content = errors.take(field::required_text("content", "Nội dung lấy ý kiến", &self.content, 2000));
        let participants =
            errors.take(field::required_text("participants", "Đối tượng lấy ý kiến", &self.participants, 500));
        let starts_on = errors.take(field::date("starts_on", "Ngày bắt đầu phát phiếu", &self.starts_on));
        let ends_on = errors.take(field::date("ends_on", "Hạn thu phiếu", &self.ends_on));
        if let (Some(starts), Some(ends)) = (starts_on, ends_on)
            && ends < starts
        {
            errors.push(FieldError::new("ends_on", "Hạn thu phiếu không được trước ngày bắt đầu phát phiếu."));
        }
        match (purpose, content, participants, starts_on, ends_on) {
            (Some(purpose), Some(content), Some(participants), Some(starts_on), Some(ends_on)) if errors.is_empty() => {
                Ok(BallotPlan { purpose, content, participants, starts_on, ends_on })
            }
            _ => Err(errors.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> BallotPlanInput {
        BallotPlanInput {
            purpose: "Lấy ý kiến hộ gia đình về mức đóng góp làm đường".into(),
            content: "Mỗi hộ đóng góp 500.000 đồng để bê tông hóa đường trục thôn?".into(),
            participants: "Các hộ gia đình trong thôn".into(),
            starts_on: "01/03/2024".into(),
            ends_on: "08/03/2024".into(),
        }
    }

    #[test]
    fn a_plan_states_purpose_content_participants_and_its_dates() {
        let plan = input().parse().expect("plan");
        assert_eq!(plan.ends_on, NaiveDate::from_ymd_opt(2024, 3, 8).expect("date"));
        assert!(plan.content.ends_with("đường trục thôn?"));
    }

    #[test]
    fn every_missing_field_is_named_at_once() {
        let errors = BallotPlanInput::default().parse().expect_err("empty");
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["purpose", "content", "participants", "starts_on", "ends_on"]);
        assert_eq!(errors[0].message, "Mục đích không được để trống.");
    }

    #[test]
    fn the_period_cannot_end_before_it_starts() {
        let errors = BallotPlanInput { ends_on: "29/02/2024".into(), ..input() }.parse().expect_err("backwards");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "ends_on");
    }
}
