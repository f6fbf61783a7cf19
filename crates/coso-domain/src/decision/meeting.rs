//! The counts of a meeting (Decree 59 Art. 3(5), DEC-5): a secretary elected by more than half
//! of the household representatives present, a counting board of 3–5 people approved the same
//! way for a secret ballot, and votes that cannot outnumber those present.

use serde::{Deserialize, Serialize};

use super::status::VotingMethod;
use super::threshold::{Comparison, meets, required};
use crate::FieldError;

/// The smallest and largest counting board (DEC-5).
pub const BOARD_MIN: usize = 3;
pub const BOARD_MAX: usize = 5;

/// The counts of a meeting's vote, as entered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MeetingTally {
    pub yes: u32,
    pub no: u32,
    pub invalid: u32,
    #[serde(default)]
    pub method: VotingMethod,
    /// The secretary proposed by the chair, if recorded, with the hands raised for them.
    #[serde(default)]
    pub secretary: Option<String>,
    #[serde(default)]
    pub secretary_votes: Option<u32>,
    /// The counting board of a secret ballot, one name each.
    #[serde(default)]
    pub board: Vec<String>,
    /// The hands raised approving the counting board.
    #[serde(default)]
    pub board_votes: Option<u32>,
}

/// Whether a secretary with `votes` of the `present` representatives is elected (> 50 % of
/// those present).
pub fn secretary_elected(votes: u32, present: u32) -> bool {
    meets(votes, present, Comparison::MoreThanHalf)
}

/// Checks a counting board: 3–5 people, approved by more than half of those present.
pub fn check_counting_board(members: &[String], approvals: Option<u32>, present: u32) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if !(BOARD_MIN..=BOARD_MAX).contains(&members.len()) {
        errors.push(FieldError::new(
            "board",
            format!("Tổ kiểm phiếu gồm từ {BOARD_MIN} đến {BOARD_MAX} người; đã nhập {} người.", members.len()),
        ));
    }
    match approvals {
        Some(votes) if meets(votes, present, Comparison::MoreThanHalf) => {}
        _ => errors.push(FieldError::new(
            "board_votes",
            format!(
                "Tổ kiểm phiếu phải được quá nửa số đại diện hộ dự họp tán thành (ít nhất {} trên {present}).",
                required(present, Comparison::MoreThanHalf)
            ),
        )),
    }
    errors
}

impl MeetingTally {
    /// Cleans the names (NFC, single spaces) and drops the empty ones.
    pub fn cleaned(mut self) -> MeetingTally {
        self.secretary = self.secretary.map(|s| coso_text::clean(&s)).filter(|s| !s.is_empty());
        self.board = self.board.iter().map(|s| coso_text::clean(s)).filter(|s| !s.is_empty()).collect();
        self
    }

    /// Checks the counts against the households present; every error names its field.
    pub fn check(&self, present: Option<u32>) -> Result<(), Vec<FieldError>> {
        let Some(present) = present else {
            return Err(vec![FieldError::new(
                "present",
                "Chưa ghi số hộ dự họp: ghi danh sách hoặc số hộ dự họp trước khi nhập kết quả biểu quyết.",
            )]);
        };
        let mut errors = Vec::new();
        if self.yes > present {
            errors.push(FieldError::new(
                "yes",
                format!("Số hộ đồng ý ({}) nhiều hơn số hộ dự họp ({present}).", self.yes),
            ));
        }
        let total = u64::from(self.yes) + u64::from(self.no) + u64::from(self.invalid);
        if total > u64::from(present) {
            errors.push(FieldError::new(
                "no",
                format!("Tổng số đồng ý, không đồng ý và không hợp lệ ({total}) nhiều hơn số hộ dự họp ({present})."),
            ));
        }
        if let Some(name) = &self.secretary
            && !self.secretary_votes.is_some_and(|v| secretary_elected(v, present))
        {
            errors.push(FieldError::new(
                "secretary_votes",
                format!(
                    "Thư ký {name} phải được quá nửa số đại diện hộ dự họp tán thành (ít nhất {} trên {present}).",
                    required(present, Comparison::MoreThanHalf)
                ),
            ));
        }
        if self.method == VotingMethod::SecretBallot {
            errors.extend(check_counting_board(&self.board, self.board_votes, present));
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(yes: u32, no: u32) -> MeetingTally {
        MeetingTally { yes, no, ..MeetingTally::default() }
    }

    fn fields(r: Result<(), Vec<FieldError>>) -> Vec<&'static str> {
        r.err().unwrap_or_default().into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn worked_case_the_secretary_needs_36_of_70() {
        assert!(secretary_elected(36, 70));
        assert!(!secretary_elected(35, 70));
        let named = MeetingTally { secretary: Some("Lê Thị Hoa".into()), secretary_votes: Some(35), ..tally(66, 4) };
        assert_eq!(fields(named.check(Some(70))), vec!["secretary_votes"]);
        let elected =
            MeetingTally { secretary_votes: Some(36), secretary: Some("Lê Thị Hoa".into()), ..tally(66, 4) };
        assert_eq!(elected.check(Some(70)), Ok(()));
    }

    #[test]
    fn votes_cannot_outnumber_those_present() {
        assert_eq!(fields(tally(71, 0).check(Some(70))), vec!["yes", "no"]);
        assert_eq!(fields(tally(60, 11).check(Some(70))), vec!["no"]);
        assert_eq!(fields(tally(1, 0).check(None)), vec!["present"]);
        assert_eq!(tally(66, 4).check(Some(70)), Ok(()));
    }

    #[test]
    fn a_secret_ballot_needs_a_board_of_three_to_five_approved_by_more_than_half() {
        let names = |n: usize| (0..n).map(|i| format!("Người {i}")).collect::<Vec<_>>();
        let ballot = |n: usize, votes: u32| MeetingTally {
            method: VotingMethod::SecretBallot,
            board: names(n),
            board_votes: Some(votes),
            ..tally(66, 4)
        };
        assert_eq!(ballot(3, 36).check(Some(70)), Ok(()));
        assert_eq!(ballot(5, 36).check(Some(70)), Ok(()));
        assert_eq!(fields(ballot(2, 36).check(Some(70))), vec!["board"]);
        assert_eq!(fields(ballot(6, 36).check(Some(70))), vec!["board"]);
        assert_eq!(fields(ballot(3, 35).check(Some(70))), vec!["board_votes"]);
    }

    #[test]
    fn names_are_cleaned() {
        let t = MeetingTally {
            secretary: Some("  ".into()),
            board: vec![" Lê  Văn A ".into(), String::new()],
            ..tally(1, 0)
        }
        .cleaned();
        assert_eq!(t.secretary, None);
        assert_eq!(t.board, vec!["Lê Văn A".to_string()]);
    }
}
