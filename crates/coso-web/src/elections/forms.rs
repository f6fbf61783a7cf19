//! The forms of the election and conference pages: the domain's inputs with the CSRF token;
//! names and counts typed one per line.

use coso_domain::FieldError;
use coso_domain::conference::ConferenceInput;
use coso_domain::election::{DismissalInput, ElectionInput, RecognitionInput, ResultInput, StepInput, VoteInput};
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ElectionForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub meeting_on: String,
    /// A dismissal's id, or empty.
    #[serde(default)]
    pub dismissal: String,
    /// `village_head` (or empty), `inspection_board`, `investment_board`.
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub seats: String,
    /// An investment board's id, or empty.
    #[serde(default)]
    pub board: String,
}

impl ElectionForm {
    pub fn input(&self) -> ElectionInput {
        let seats = self.seats.trim();
        ElectionInput {
            title: self.title.clone(),
            meeting_on: self.meeting_on.clone(),
            dismissal: self.dismissal.trim().parse().ok(),
            kind: self.kind.clone(),
            // Text that is not a number is out of every range, so the domain names the field.
            seats: if seats.is_empty() { None } else { Some(seats.parse().unwrap_or(-1)) },
            board: self.board.trim().parse().ok(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct DismissalForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: DismissalInput,
}

/// A step; `people` one name a line, a board's candidate followed by «; village».
#[derive(Debug, Clone, Default, Deserialize)]
pub struct StepForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub step: String,
    #[serde(default)]
    pub done_on: String,
    #[serde(default)]
    pub people: String,
}

impl StepForm {
    pub fn input(&self) -> StepInput {
        let (people, villages) = self
            .people
            .lines()
            .map(|line| match line.split_once(';') {
                Some((name, village)) => (name.to_string(), village.to_string()),
                None => (line.to_string(), String::new()),
            })
            .unzip();
        StepInput { step: self.step.clone(), done_on: self.done_on.clone(), people, villages }
    }
}

/// The count; `votes` one line a candidate, «Họ và tên: số phiếu».
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ResultForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub households: String,
    #[serde(default)]
    pub present: String,
    #[serde(default)]
    pub votes: String,
    #[serde(default)]
    pub received_on: String,
}

fn number(field: &'static str, label: &str, raw: &str) -> Result<i64, FieldError> {
    raw.trim().parse().map_err(|_| FieldError::new(field, format!("{label} phải là một số.")))
}

impl ResultForm {
    pub fn input(&self) -> Result<ResultInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let households = number("households", "Tổng số hộ gia đình", &self.households).map_err(|e| errors.push(e)).ok();
        let present = number("present", "Số đại diện hộ dự họp", &self.present).map_err(|e| errors.push(e)).ok();
        let mut votes = Vec::new();
        for line in self.votes.lines().filter(|l| !l.trim().is_empty()) {
            match line.rsplit_once(':').map(|(n, v)| (n, v.trim().parse::<i64>())) {
                Some((name, Ok(v))) => votes.push(VoteInput { candidate: name.to_string(), votes: v }),
                _ => {
                    let shown: String = line.chars().take(60).collect();
                    errors
                        .push(FieldError::new("votes", format!("Dòng «{shown}» phải có dạng «Họ và tên: số phiếu».")));
                }
            }
        }
        match (households, present) {
            (Some(households), Some(present)) if errors.is_empty() => {
                Ok(ResultInput { households, present, votes, received_on: self.received_on.clone() })
            }
            _ => Err(errors),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct RecognitionForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub decided_on: String,
    /// `yes` recognises, `no` decides a new vote.
    #[serde(default)]
    pub recognised: String,
    /// The head of a new People's Inspection Board, among the elected.
    #[serde(default)]
    pub head: String,
}

impl RecognitionForm {
    pub fn input(&self) -> RecognitionInput {
        RecognitionInput {
            decided_on: self.decided_on.clone(),
            recognised: self.recognised.trim() != "no",
            head: self.head.clone(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ConferenceForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: ConferenceInput,
}

/// `?nam=2026`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct YearParams {
    #[serde(default, rename = "nam")]
    pub year: String,
}

impl YearParams {
    pub fn year(&self) -> Result<Option<i32>, FieldError> {
        let y = self.year.trim();
        if y.is_empty() {
            return Ok(None);
        }
        y.parse::<i32>()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
            .map(Some)
            .ok_or_else(|| FieldError::new("nam", "Năm phải là số từ 2000 đến 2100."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes_are_read_one_candidate_a_line() {
        let form = ResultForm {
            households: "120".into(),
            present: "70".into(),
            votes: "Nguyễn Văn An: 66\r\nLê Thị Bình: 4\n".into(),
            ..ResultForm::default()
        };
        let input = form.input().expect("input");
        assert_eq!(input.votes.len(), 2);
        assert_eq!((input.votes[0].candidate.as_str(), input.votes[0].votes), ("Nguyễn Văn An", 66));
        let bad = ResultForm { votes: "Nguyễn Văn An 66".into(), ..form };
        assert_eq!(bad.input().expect_err("line")[0].field, "votes");
    }

    #[test]
    fn a_boards_candidates_carry_their_village_after_a_semicolon() {
        let form = StepForm { people: "Nguyễn Văn An; Thôn 1\nLê Thị Bình".into(), ..StepForm::default() };
        let input = form.input();
        assert_eq!(input.people, ["Nguyễn Văn An", "Lê Thị Bình"]);
        assert_eq!(input.villages, [" Thôn 1", ""]);
    }
}
