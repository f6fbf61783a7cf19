//! The moves a convention may make, each checked against where it stands (Decree 61/2023
//! Art. 8–12). A refusal says, in Vietnamese, what state it is in and what the move needs.

use serde::Serialize;

use super::{ConventionStatus, Outcome};

/// Something done to a convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// A new version of the text. While posted the draft stays posted (it is completed from
    /// the opinions before the vote); a convention in force starts its amendment.
    Edit,
    /// Post the draft for the community's opinions (HU-4, PUB-7).
    Post,
    /// Record the opinions collected while posted.
    Opinions,
    /// Record the vote of a meeting or a household ballot, with what it gave.
    Vote(Outcome),
    /// Send the dossier to the commune (HU-6), again after a return.
    Submit,
    /// The commune recognises it: the adopted version comes into force.
    Recognise,
    /// The commune sends it back, with a reason.
    Return,
    /// The yearly review of the text in force (HU-7).
    Review,
}

impl Step {
    /// What people read of the step, in a refusal.
    pub fn label(self) -> &'static str {
        match self {
            Step::Edit => "sửa dự thảo",
            Step::Post => "niêm yết dự thảo",
            Step::Opinions => "ghi nhận ý kiến",
            Step::Vote(_) => "ghi kết quả biểu quyết",
            Step::Submit => "gửi hồ sơ đề nghị công nhận",
            Step::Recognise => "công nhận",
            Step::Return => "trả lại hồ sơ",
            Step::Review => "rà soát hằng năm",
        }
    }
}

/// A move the convention's state does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Không thể {step} khi hương ước, quy ước ở trạng thái «{status}».")]
pub struct StepRefused {
    pub step: &'static str,
    pub status: &'static str,
}

/// The state after `step`, or why it is refused. `in_force` says whether a text of the
/// convention is in force (an amendment under way keeps it in force, and it is reviewed).
pub fn next(status: ConventionStatus, in_force: bool, step: Step) -> Result<ConventionStatus, StepRefused> {
    use ConventionStatus as S;
    let to = match (status, step) {
        (S::Proposed | S::Drafting | S::Returned | S::InForce, Step::Edit) => Some(S::Drafting),
        (S::Posted, Step::Edit | Step::Opinions) => Some(S::Posted),
        (S::Proposed | S::Drafting, Step::Post) => Some(S::Posted),
        (S::Posted, Step::Vote(Outcome::Adopted)) => Some(S::Adopted),
        (S::Posted, Step::Vote(_)) => Some(S::Posted),
        (S::Adopted | S::Returned, Step::Submit) => Some(S::Submitted),
        (S::Submitted, Step::Recognise) => Some(S::InForce),
        (S::Submitted, Step::Return) => Some(S::Returned),
        (_, Step::Review) if in_force => Some(status),
        _ => None,
    };
    to.ok_or(StepRefused { step: step.label(), status: status.label() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ConventionStatus as S;

    #[test]
    fn the_whole_life_from_proposal_to_force() {
        let mut s = S::Proposed;
        for step in [
            Step::Edit,
            Step::Post,
            Step::Opinions,
            Step::Edit,
            Step::Vote(Outcome::RatioUnreachable),
            Step::Vote(Outcome::Adopted),
            Step::Submit,
            Step::Return,
            Step::Submit,
            Step::Recognise,
        ] {
            s = next(s, false, step).expect("allowed");
        }
        assert_eq!(s, S::InForce);
        assert_eq!(next(s, true, Step::Review), Ok(S::InForce));
        // An amendment: the text in force stays in force while the new draft goes its way.
        assert_eq!(next(s, true, Step::Edit), Ok(S::Drafting));
        assert_eq!(next(S::Drafting, true, Step::Review), Ok(S::Drafting));
    }

    #[test]
    fn a_vote_that_does_not_adopt_leaves_the_draft_posted() {
        assert_eq!(next(S::Posted, false, Step::Vote(Outcome::NotAdopted)), Ok(S::Posted));
        assert_eq!(next(S::Posted, false, Step::Vote(Outcome::RatioUnreachable)), Ok(S::Posted));
    }

    #[test]
    fn moves_out_of_order_are_refused_in_vietnamese() {
        let e = next(S::Drafting, false, Step::Vote(Outcome::Adopted)).expect_err("not posted");
        assert_eq!(
            e.to_string(),
            "Không thể ghi kết quả biểu quyết khi hương ước, quy ước ở trạng thái «Đang soạn thảo»."
        );
        assert!(next(S::Posted, false, Step::Submit).is_err());
        assert!(next(S::Adopted, false, Step::Recognise).is_err());
        assert!(next(S::Adopted, false, Step::Edit).is_err(), "the adopted text is the one sent");
        assert!(next(S::InForce, true, Step::Recognise).is_err());
        assert!(next(S::Drafting, false, Step::Review).is_err(), "nothing in force to review");
    }
}
