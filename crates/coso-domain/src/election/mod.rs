//! Village-head and residential-group-head elections (*bầu trưởng thôn, tổ trưởng tổ dân phố*,
//! Decree 59/2023 Art. 6–9, legal-rules §1.5): the timeline before the meeting (VH-1 to VH-4),
//! each step due a number of days before it and judged done, late or overdue; the candidates
//! and the election team that may not include them (VH-2); the meeting's count judged against
//! the configured threshold (VH-5, unverified); recognition (VH-6) and dismissal with an interim
//! head and a new election (VH-7). The due dates are the legal calendar's (`coso-calendar`),
//! computed by the use cases; this module holds the rules that need no calendar.
//!
//! The same meeting elects the members of the commune's People's Inspection Board (BTT-2) and
//! the residents' representatives on a project's investment supervision board (GS-3): the law
//! sends both to the community meeting of Decree 59 Art. 3, whose choices are made by more than
//! half of the household representatives present (DEC-5, [`BOARD_RULES`]). Such an election
//! has several seats; [`judge_seats`] elects those reaching the threshold, most votes first.

mod codes;
pub mod input;

use chrono::NaiveDate;
use serde::Serialize;

pub use codes::{Base, ElectionKind, ElectionStatus, Outcome, PersonRole, Step, StepState};
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

/// The threshold of a board's election: a community meeting chooses with more than half of
/// the household representatives present (Decree 59 Art. 3(5), DEC-5), the procedure BTT-2 and
/// GS-3 name for electing board members. Seen in the law, unlike VH-5.
pub const BOARD_RULES: Rules = Rules { base: Base::Present, comparison: Comparison::MoreThanHalf, verified: true };

/// The count of an election with several seats judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeatsJudgement {
    pub required: u32,
    pub outcome: Outcome,
    /// Those elected with their votes, most votes first (the list's order among equals).
    pub elected: Vec<(String, u32)>,
    pub reason: String,
}

/// Judges a count for `seats` seats under `rules`: the candidates reaching the threshold, most
/// votes first, up to the seats. When candidates with equal votes compete for the last seats
/// and there are not enough seats for all of them, none of them is elected: the meeting votes
/// again between them. One more vote for a candidate never un-elects them.
pub fn judge_seats(rules: &Rules, result: &ResultData, seats: u32) -> SeatsJudgement {
    let base = match rules.base {
        Base::Households => result.households,
        Base::Present => result.present,
    };
    let needed = required(base, rules.comparison);
    let seats = usize::try_from(seats).unwrap_or(usize::MAX);
    let mut ranked: Vec<&(String, u32)> = result.votes.iter().filter(|v| v.1 >= needed && v.1 > 0).collect();
    ranked.sort_by_key(|v| std::cmp::Reverse(v.1));
    let mut elected: Vec<(String, u32)> = ranked.iter().take(seats).copied().cloned().collect();
    let tie = ranked.get(seats).map(|v| v.1).filter(|cut| elected.last().is_some_and(|l| l.1 == *cut));
    if let Some(cut) = tie {
        elected.retain(|e| e.1 != cut);
    }
    let of = format!("{} {} {}", rules.comparison.label(), rules.base.label(), base);
    let mut reason = if result.present < needed {
        format!(
            "Chỉ có {} đại diện hộ dự họp, không người ứng cử nào đạt được {needed} phiếu cần thiết ({of}).",
            result.present
        )
    } else if elected.is_empty() {
        format!("Không người ứng cử nào đạt {needed} phiếu cần thiết ({of}).")
    } else {
        let names: Vec<String> = elected.iter().map(|(n, v)| format!("{n} ({v} phiếu)")).collect();
        format!("Trúng cử: {}; cần đạt {needed} phiếu ({of}).", names.join(", "))
    };
    if let Some(cut) = tie {
        reason.push_str(&format!(
            " Có nhiều người ứng cử cùng được {cut} phiếu cho các chỗ cuối cùng; phải bầu lại giữa họ."
        ));
    }
    if !elected.is_empty() && elected.len() < seats {
        reason.push_str(&format!(" Mới bầu được {}/{} người.", elected.len(), seats));
    }
    let outcome = if result.present < needed {
        Outcome::RatioUnreachable
    } else if elected.is_empty() {
        Outcome::NotElected
    } else {
        Outcome::Elected
    };
    SeatsJudgement { required: needed, outcome, elected, reason }
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

    #[test]
    fn seats_go_to_those_reaching_the_threshold_most_votes_first() {
        let r = result(100, 80, &[("A", 50), ("B", 70), ("C", 41), ("D", 40)]);
        let j = judge_seats(&BOARD_RULES, &r, 2);
        assert_eq!(j.required, 41);
        assert_eq!(j.elected, vec![("B".to_string(), 70), ("A".to_string(), 50)]);
        let j = judge_seats(&BOARD_RULES, &r, 5);
        let names: Vec<&str> = j.elected.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["B", "A", "C"]);
        assert!(j.reason.contains("3/5"), "{}", j.reason);
        let tie = judge_seats(&BOARD_RULES, &result(100, 80, &[("A", 60), ("B", 50), ("C", 50)]), 2);
        assert_eq!(tie.elected, vec![("A".to_string(), 60)]);
        assert!(tie.reason.contains("bầu lại"), "{}", tie.reason);
    }

    /// A small pseudo-random generator, so that the property runs without a dependency.
    fn next(seed: &mut u64) -> u64 {
        *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        *seed >> 33
    }

    #[test]
    fn one_more_vote_never_unelects_a_candidate() {
        let mut seed = 7;
        for _ in 0..2_000 {
            let present = 1 + (next(&mut seed) % 60) as u32;
            let n = 1 + (next(&mut seed) % 7) as usize;
            let seats = 1 + (next(&mut seed) % 5) as u32;
            let names: Vec<String> = (0..n).map(|i| format!("Người {i}")).collect();
            let votes: Vec<(String, u32)> =
                names.iter().map(|name| (name.clone(), (next(&mut seed) % u64::from(present + 1)) as u32)).collect();
            let before = ResultData { households: present, present, votes, received_on: date("2025-12-01") };
            let elected_before = judge_seats(&BOARD_RULES, &before, seats).elected;
            for (i, name) in names.iter().enumerate() {
                let mut after = before.clone();
                after.votes[i].1 += 1;
                let elected_after = judge_seats(&BOARD_RULES, &after, seats).elected;
                if elected_before.iter().any(|(e, _)| e == name) {
                    assert!(
                        elected_after.iter().any(|(e, _)| e == name),
                        "{name} lost their seat with one more vote: {before:?} seats {seats}"
                    );
                }
            }
        }
    }
}
