//! Village-head and residential-group-head elections (*bầu trưởng thôn, tổ trưởng tổ dân phố*,
//! Decree 59/2023 Art. 6–9, legal-rules §1.5): the timeline before the meeting (VH-1 to VH-4),
//! each step due a number of days before it and judged done, late or overdue; the candidates
//! and the election team that may not include them (VH-2); the meeting's count judged against
//! the configured threshold (VH-5, unverified); recognition (VH-6) and dismissal with an interim
//! head and a new election (VH-7). The due dates are the legal calendar's (`coso-calendar`),
//! computed by the use cases; this module holds the rules that need no calendar.

mod codes;
pub mod input;

use chrono::NaiveDate;
use serde::Serialize;

pub use codes::{Base, ElectionStatus, Outcome, PersonRole, Step, StepState};
pub use input::{
    DismissalData, DismissalInput, ElectionData, ElectionInput, RecognitionData, RecognitionInput, ResultData,
    ResultInput, StepData, StepInput, VoteInput, team_conflicts,
};

use crate::decision::{Comparison, required};

/// The calendar rule of the recognition (VH-6: 5 working days from receipt).
pub const RECOGNITION_RULE: &str = "village_head.recognition";
/// The calendar rule of the new election after a dismissal (VH-7: 60 days).
pub const NEW_ELECTION_RULE: &str = "village_head.re_election";

/// Where a step stands on `today`, due on `due`, done on `done_on`: a step recorded after its
/// due date is late, one still missing after it overdue.
pub fn judge_step(due: NaiveDate, done_on: Option<NaiveDate>, today: NaiveDate) -> StepState {
    match done_on {
        Some(done) if done <= due => StepState::Done,
        Some(_) => StepState::Late,
        None if today > due => StepState::Overdue,
        None => StepState::Pending,
    }
}

/// The winning threshold of VH-5, not found in any source: configuration with the default of
/// more than half of all the households of the village (consistent with DEC-6), shown as
/// unverified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rules {
    pub base: Base,
    pub comparison: Comparison,
    /// Whether the threshold was seen in the law; `false` for the default.
    pub verified: bool,
}

impl Default for Rules {
    fn default() -> Self {
        Rules { base: Base::Households, comparison: Comparison::MoreThanHalf, verified: false }
    }
}

/// The meeting's count judged: the votes needed, the candidate elected if any, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judgement {
    pub required: u32,
    pub outcome: Outcome,
    /// The candidate with the most votes (the winner when elected).
    pub leader: Option<String>,
    /// The leader's votes.
    pub yes: u32,
    pub reason: String,
}

/// Judges a checked count (present ≤ households, votes ≤ present) under `rules`.
pub fn judge_result(rules: &Rules, result: &ResultData) -> Judgement {
    let base = match rules.base {
        Base::Households => result.households,
        Base::Present => result.present,
    };
    let needed = required(base, rules.comparison);
    let mut ranked: Vec<&(String, u32)> = result.votes.iter().collect();
    ranked.sort_by_key(|v| std::cmp::Reverse(v.1));
    let (leader, yes) = ranked.first().map(|(n, v)| (Some(n.clone()), *v)).unwrap_or((None, 0));
    let tied = ranked.get(1).is_some_and(|second| second.1 == yes);
    let of = format!("{} {} {}", rules.comparison.label(), rules.base.label(), base);
    let (outcome, reason) = if result.present < needed {
        (
            Outcome::RatioUnreachable,
            format!(
                "Chỉ có {} đại diện hộ dự họp, không người ứng cử nào đạt được {needed} phiếu cần thiết ({of}).",
                result.present
            ),
        )
    } else if yes >= needed && !tied {
        let name = leader.clone().unwrap_or_default();
        (Outcome::Elected, format!("{name} được {yes} phiếu, đạt {needed} phiếu cần thiết ({of})."))
    } else if tied && yes >= needed {
        (Outcome::NotElected, format!("Có nhiều người ứng cử cùng được {yes} phiếu cao nhất; phải bầu lại."))
    } else {
        (
            Outcome::NotElected,
            format!("Người được nhiều phiếu nhất chỉ được {yes} phiếu, chưa đạt {needed} phiếu cần thiết ({of})."),
        )
    };
    Judgement { required: needed, outcome, leader, yes, reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn result(households: u32, present: u32, votes: &[(&str, u32)]) -> ResultData {
        ResultData {
            households,
            present,
            votes: votes.iter().map(|(n, v)| ((*n).to_string(), *v)).collect(),
            received_on: date("2025-12-01"),
        }
    }

    #[test]
    fn a_step_is_done_on_or_before_its_day_late_after_it_and_overdue_when_missing() {
        let due = date("2025-11-10");
        assert_eq!(judge_step(due, Some(date("2025-11-10")), date("2025-11-30")), StepState::Done);
        assert_eq!(judge_step(due, Some(date("2025-11-11")), date("2025-11-30")), StepState::Late);
        assert_eq!(judge_step(due, None, date("2025-11-10")), StepState::Pending);
        assert_eq!(judge_step(due, None, date("2025-11-11")), StepState::Overdue);
    }

    #[test]
    fn the_default_threshold_is_more_than_half_of_all_households_and_unverified() {
        let rules = Rules::default();
        assert!(!rules.verified);
        let j = judge_result(&rules, &result(120, 70, &[("Nguyễn Văn An", 66), ("Lê Thị Bình", 4)]));
        assert_eq!((j.required, j.outcome, j.yes), (61, Outcome::Elected, 66));
        assert_eq!(j.leader.as_deref(), Some("Nguyễn Văn An"));
        // A majority of those present is not a majority of the village.
        let j = judge_result(&rules, &result(120, 70, &[("Nguyễn Văn An", 58), ("Lê Thị Bình", 12)]));
        assert_eq!(j.outcome, Outcome::NotElected);
        assert!(j.reason.contains("58") && j.reason.contains("61"), "{}", j.reason);
    }

    #[test]
    fn too_few_present_makes_the_threshold_unreachable() {
        let j = judge_result(&Rules::default(), &result(120, 55, &[("Nguyễn Văn An", 55)]));
        assert_eq!(j.outcome, Outcome::RatioUnreachable);
        assert!(j.reason.contains("55"), "{}", j.reason);
    }

    #[test]
    fn a_tie_at_the_top_elects_nobody() {
        let j = judge_result(&Rules::default(), &result(100, 100, &[("A", 50), ("B", 50)]));
        assert_eq!(j.outcome, Outcome::NotElected);
        let rules = Rules { base: Base::Present, comparison: Comparison::AtLeastHalf, verified: false };
        let j = judge_result(&rules, &result(100, 80, &[("A", 41), ("B", 39)]));
        assert_eq!((j.required, j.outcome), (40, Outcome::Elected));
    }
}
