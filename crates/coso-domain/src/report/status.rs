//! The life of a submission: sent, then accepted or returned; a returned one is sent again
//! as its next version; an accepted one is final. The allowed moves, the refusals and the
//! Vietnamese words for each state live here and nowhere else.

use serde::{Deserialize, Serialize};

/// Where a submission stands (`submission.status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionStatus {
    /// Sent and waiting for the receiving unit's review.
    Submitted,
    /// Returned for correction with a comment; the unit sends it again.
    Returned,
    /// Accepted by the receiving unit; final.
    Accepted,
}

/// The receiving unit's decision on a waiting submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    Accept,
    Return,
}

/// Whether a sending is the first or a correction after a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sending {
    First,
    Again,
}

/// Why a submission or a review was refused. The message names the reason in Vietnamese;
/// [`Refusal::field`] names the field a form shows it on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("Đơn vị không thuộc đối tượng thực hiện kế hoạch này nên không gửi được.")]
    NotTarget,
    #[error("Kế hoạch thực hiện phải do chính đơn vị ban hành.")]
    ForeignImplementingPlan,
    #[error("Báo cáo đã gửi và đang chờ xem xét; chỉ gửi lại được khi bị trả lại.")]
    Waiting,
    #[error("Báo cáo đã được chấp nhận; không gửi lại được.")]
    Final,
    #[error("Báo cáo không còn ở trạng thái chờ xem xét (có thể đã được người khác xử lý).")]
    NotWaiting,
    #[error("Khi trả lại báo cáo, hãy ghi ý kiến: cần sửa gì.")]
    ReturnWithoutComment,
}

impl Refusal {
    /// The field the refusal is about.
    pub fn field(self) -> &'static str {
        match self {
            Refusal::NotTarget => "unit",
            Refusal::ForeignImplementingPlan => "implementing_plan",
            Refusal::Waiting | Refusal::Final | Refusal::NotWaiting => "status",
            Refusal::ReturnWithoutComment => "comment",
        }
    }
}

impl SubmissionStatus {
    pub const ALL: [SubmissionStatus; 3] =
        [SubmissionStatus::Submitted, SubmissionStatus::Returned, SubmissionStatus::Accepted];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SubmissionStatus::Submitted => "submitted",
            SubmissionStatus::Returned => "returned",
            SubmissionStatus::Accepted => "accepted",
        }
    }

    pub fn parse(s: &str) -> Option<SubmissionStatus> {
        SubmissionStatus::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }

    /// Whether the unit may send (again) from `current`: nothing sent yet, or returned.
    pub fn send(current: Option<SubmissionStatus>) -> Result<Sending, Refusal> {
        match current {
            None => Ok(Sending::First),
            Some(SubmissionStatus::Returned) => Ok(Sending::Again),
            Some(SubmissionStatus::Submitted) => Err(Refusal::Waiting),
            Some(SubmissionStatus::Accepted) => Err(Refusal::Final),
        }
    }

    /// The state after `verdict`; only a waiting submission is reviewed.
    pub fn review(self, verdict: Verdict) -> Result<SubmissionStatus, Refusal> {
        match self {
            SubmissionStatus::Submitted => Ok(verdict.outcome()),
            SubmissionStatus::Returned | SubmissionStatus::Accepted => Err(Refusal::NotWaiting),
        }
    }

    /// Still to be sent by the unit: never sent (`None`) or returned for correction.
    pub fn is_open(status: Option<SubmissionStatus>) -> bool {
        matches!(status, None | Some(SubmissionStatus::Returned))
    }

    /// The submission's state, as the report's page shows it.
    pub fn label(self) -> &'static str {
        match self {
            SubmissionStatus::Submitted => "Chờ xem xét",
            SubmissionStatus::Accepted => "Đã chấp nhận",
            SubmissionStatus::Returned => "Đã trả lại",
        }
    }

    /// What the sending unit's inbox says about an obligation in this state.
    pub fn inbox_label(status: Option<SubmissionStatus>) -> &'static str {
        match status {
            None => "Chưa gửi",
            Some(SubmissionStatus::Submitted) => "Đã gửi, chờ xem xét",
            Some(SubmissionStatus::Accepted) => "Đã được chấp nhận",
            Some(SubmissionStatus::Returned) => "Bị trả lại, cần gửi lại",
        }
    }

    /// The review of one kept version: "Đã chấp nhận", "Trả lại: …", or still waiting.
    pub fn review_label(review: Option<SubmissionStatus>, comment: Option<&str>) -> String {
        match (review, comment) {
            (Some(SubmissionStatus::Accepted), _) => SubmissionStatus::Accepted.label().to_string(),
            (Some(SubmissionStatus::Returned), Some(c)) => format!("Trả lại: {c}"),
            (Some(SubmissionStatus::Returned), None) => "Trả lại".to_string(),
            _ => SubmissionStatus::Submitted.label().to_string(),
        }
    }
}

impl Verdict {
    pub fn from_accept(accept: bool) -> Verdict {
        if accept { Verdict::Accept } else { Verdict::Return }
    }

    /// The state a waiting submission moves to.
    pub fn outcome(self) -> SubmissionStatus {
        match self {
            Verdict::Accept => SubmissionStatus::Accepted,
            Verdict::Return => SubmissionStatus::Returned,
        }
    }

    /// The review's comment, cleaned (NFC, single spaces); `None` when empty. Returning a
    /// report needs one that says what to correct.
    pub fn comment(self, raw: Option<&str>) -> Result<Option<String>, Refusal> {
        let comment = raw.map(coso_text::clean).filter(|c| !c.is_empty());
        if self == Verdict::Return && comment.is_none() {
            return Err(Refusal::ReturnWithoutComment);
        }
        Ok(comment)
    }

    /// What the reviewer is told after the decision.
    pub fn notice(self) -> &'static str {
        match self {
            Verdict::Accept => "Đã chấp nhận báo cáo.",
            Verdict::Return => "Đã trả lại báo cáo để đơn vị chỉnh sửa.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_sent_reviewed_and_sent_again_only_after_a_return() {
        assert_eq!(SubmissionStatus::send(None), Ok(Sending::First));
        assert_eq!(SubmissionStatus::send(Some(SubmissionStatus::Submitted)), Err(Refusal::Waiting));
        let returned = SubmissionStatus::Submitted.review(Verdict::Return).expect("waiting");
        assert_eq!(SubmissionStatus::send(Some(returned)), Ok(Sending::Again));
        let accepted = SubmissionStatus::Submitted.review(Verdict::Accept).expect("waiting");
        assert_eq!(SubmissionStatus::send(Some(accepted)), Err(Refusal::Final));
        assert_eq!(accepted.review(Verdict::Accept), Err(Refusal::NotWaiting));
        assert_eq!(returned.review(Verdict::Return), Err(Refusal::NotWaiting));
    }

    #[test]
    fn returning_needs_a_comment() {
        assert_eq!(Verdict::Return.comment(Some("   ")), Err(Refusal::ReturnWithoutComment));
        assert_eq!(Refusal::ReturnWithoutComment.field(), "comment");
        assert_eq!(Verdict::Return.comment(Some(" Bổ sung  số liệu ")), Ok(Some("Bổ sung số liệu".to_string())));
        assert_eq!(Verdict::Accept.comment(None), Ok(None));
    }

    #[test]
    fn stored_names_round_trip_and_open_states_are_named() {
        for s in SubmissionStatus::ALL {
            assert_eq!(SubmissionStatus::parse(s.as_str()), Some(s));
        }
        assert!(SubmissionStatus::is_open(None) && SubmissionStatus::is_open(Some(SubmissionStatus::Returned)));
        assert!(!SubmissionStatus::is_open(Some(SubmissionStatus::Submitted)));
        assert_eq!(SubmissionStatus::inbox_label(Some(SubmissionStatus::Returned)), "Bị trả lại, cần gửi lại");
        assert_eq!(SubmissionStatus::review_label(Some(SubmissionStatus::Returned), Some("Thiếu")), "Trả lại: Thiếu");
    }
}
