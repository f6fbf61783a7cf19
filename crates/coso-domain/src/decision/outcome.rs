//! The result of a community decision, held against **all** the households of its snapshot
//! (DEC-6, Law Art. 21(1)), with its reason in Vietnamese. A meeting whose attendance cannot
//! reach the ratio says so and offers the household ballot (DEC-8, DEC-9, Decree 59 Art.
//! 4(1)(b)).

use serde::Serialize;

use super::status::Outcome;
use super::threshold::{Comparison, required};

/// The outcome with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judgement {
    pub outcome: Outcome,
    pub reason: String,
    /// How many households must agree.
    pub required: u32,
    /// Whether the household ballot is the way on.
    pub ballot_offered: bool,
}

/// Whether `present` households can still reach the ratio: only if at least `required` of the
/// `households` attend.
pub fn attendance_reaches(households: u32, present: u32, comparison: Comparison) -> bool {
    present >= required(households, comparison)
}

/// The judgement once enough is known: `None` while neither a too-small attendance nor a
/// count of yes votes settles it. `present` is `None` for forms without a meeting.
pub fn judge(households: u32, present: Option<u32>, yes: Option<u32>, comparison: Comparison) -> Option<Judgement> {
    let needed = required(households, comparison);
    if let Some(present) = present
        && !attendance_reaches(households, present, comparison)
    {
        return Some(Judgement {
            outcome: Outcome::RatioUnreachable,
            reason: format!(
                "Số hộ dự họp không đủ để đạt tỷ lệ biểu quyết ({present} ≤ {}): cần ít nhất {needed} trên {households} hộ \
                 gia đình đồng ý ({}). Đề nghị tổ chức phát phiếu lấy ý kiến hộ gia đình (điểm b khoản 1 Điều 4 Nghị \
                 định số 59/2023/NĐ-CP).",
                needed.saturating_sub(1),
                comparison.label(),
            ),
            required: needed,
            ballot_offered: true,
        });
    }
    let yes = yes?;
    let (outcome, verb) =
        if yes >= needed { (Outcome::Adopted, "đạt") } else { (Outcome::NotAdopted, "chưa đạt") };
    Some(Judgement {
        outcome,
        reason: format!(
            "{yes} trên {households} hộ gia đình đồng ý, {verb} tỷ lệ {} tổng số hộ gia đình (cần ít nhất {needed}; \
             khoản 1 Điều 21 Luật Thực hiện dân chủ ở cơ sở).",
            comparison.label(),
        ),
        required: needed,
        ballot_offered: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn worked_cases_of_dec_6() {
        let adopted = judge(120, Some(70), Some(66), Comparison::MoreThanHalf).expect("judged");
        assert_eq!(adopted.outcome, Outcome::Adopted);
        assert_eq!(adopted.required, 61);
        assert!(adopted.reason.contains("66 trên 120"), "{}", adopted.reason);
        let not = judge(120, Some(70), Some(58), Comparison::MoreThanHalf).expect("judged");
        assert_eq!(not.outcome, Outcome::NotAdopted);
        assert!(not.reason.contains("chưa đạt"), "{}", not.reason);
    }

    #[test]
    fn worked_case_of_dec_8_offers_the_ballot() {
        let j = judge(120, Some(55), None, Comparison::MoreThanHalf).expect("judged");
        assert_eq!(j.outcome, Outcome::RatioUnreachable);
        assert!(j.ballot_offered);
        assert!(j.reason.contains("(55 ≤ 60)"), "{}", j.reason);
        assert!(j.reason.contains("phát phiếu"), "{}", j.reason);
        // Even all 55 voting yes cannot adopt.
        assert_eq!(
            judge(120, Some(55), Some(55), Comparison::MoreThanHalf).map(|j| j.outcome),
            Some(Outcome::RatioUnreachable)
        );
    }

    #[test]
    fn sixty_one_present_can_still_adopt() {
        assert!(attendance_reaches(120, 61, Comparison::MoreThanHalf));
        assert!(!attendance_reaches(120, 60, Comparison::MoreThanHalf));
        assert!(attendance_reaches(120, 60, Comparison::AtLeastHalf));
        assert_eq!(judge(120, Some(61), None, Comparison::MoreThanHalf), None);
    }

    #[test]
    fn worked_case_of_opn_3_a_ballot_without_attendance() {
        let j = judge(4_000, None, Some(2_000), Comparison::AtLeastHalf).expect("judged");
        assert_eq!(j.outcome, Outcome::Adopted);
        assert!(j.reason.contains("từ 50% trở lên"), "{}", j.reason);
        assert_eq!(
            judge(4_000, None, Some(2_000), Comparison::MoreThanHalf).map(|j| j.outcome),
            Some(Outcome::NotAdopted)
        );
    }

    proptest! {
        #[test]
        fn one_more_yes_vote_never_turns_adopted_into_not_adopted(
            households in 0u32..10_000, present in 0u32..10_000, yes in 0u32..10_000, ge in any::<bool>()
        ) {
            let comparison = if ge { Comparison::AtLeastHalf } else { Comparison::MoreThanHalf };
            let before = judge(households, Some(present), Some(yes), comparison).map(|j| j.outcome);
            let after = judge(households, Some(present), Some(yes + 1), comparison).map(|j| j.outcome);
            if before == Some(Outcome::Adopted) {
                prop_assert_eq!(after, Some(Outcome::Adopted));
            }
        }
    }
}
