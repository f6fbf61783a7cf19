//! The moves a case may make: which action is allowed in which status for which kind, and
//! the status it leads to. Every refusal says why in Vietnamese.

use super::codes::{CaseActionKind, CaseKind, CaseStatus};

/// Why an action is not allowed on a case now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CaseRefusal {
    #[error("Đơn đã được rút; không thực hiện thêm thao tác nào được.")]
    Withdrawn,
    #[error("Đơn đã kết thúc; không thực hiện thao tác này được.")]
    Closed,
    #[error("Thông tin tố cáo nặc danh hoặc không rõ người tố cáo không được thụ lý theo Luật Tố cáo (Điều 25).")]
    InformationNotAccepted,
    #[error("Chỉ thụ lý hoặc không thụ lý được đơn vừa tiếp nhận hoặc vừa được chuyển đến.")]
    NotWaiting,
    #[error("Đơn khiếu nại, tố cáo phải được thụ lý trước khi trả lời, giải quyết.")]
    NotAccepted,
    #[error("Chỉ gia hạn được việc giải quyết tố cáo đã thụ lý (Điều 30 Luật Tố cáo).")]
    ExtendOnlyDenunciations,
    #[error("Chỉ đơn khiếu nại mới rút được theo Điều 10 Luật Khiếu nại.")]
    WithdrawOnlyComplaints,
    #[error("Chỉ đơn khiếu nại đã có quyết định giải quyết lần đầu mới khiếu nại lần hai được.")]
    ReopenOnlyAnsweredComplaints,
    #[error("Chỉ kết thúc được đơn đã trả lời, không thụ lý, hoặc thông tin tố cáo đã xem xét.")]
    NotAnswered,
    #[error("Chỉ đánh giá được đơn đã được trả lời.")]
    RateBeforeAnswer,
    #[error("Đơn đã được trả lời; không thực hiện thao tác này được.")]
    AlreadyAnswered,
    #[error("Đơn đã được chuyển đi hoặc không thụ lý; không thực hiện thao tác này được.")]
    NotOpen,
}

impl CaseRefusal {
    /// The field a form shows the refusal on.
    pub fn field(self) -> &'static str {
        match self {
            CaseRefusal::InformationNotAccepted => "kind",
            _ => "status",
        }
    }
}

/// The status after `action` on a case of `kind` in `status`, or why it is refused.
///
/// For [`CaseActionKind::Reopen`] the status returned is that of the *second* complaint, a new
/// case; the first one keeps its status.
pub fn next(status: CaseStatus, kind: CaseKind, action: CaseActionKind) -> Result<CaseStatus, CaseRefusal> {
    use CaseActionKind as A;
    use CaseStatus as S;
    if status == S::Withdrawn && action != A::Note {
        return Err(CaseRefusal::Withdrawn);
    }
    match action {
        A::Receive => Err(CaseRefusal::NotWaiting),
        A::Note => Ok(status),
        A::Classify | A::Assign => {
            if status.is_open() {
                Ok(status)
            } else {
                Err(closed_or(status, CaseRefusal::NotOpen))
            }
        }
        A::Accept => match (kind, status) {
            (CaseKind::Information, _) => Err(CaseRefusal::InformationNotAccepted),
            (_, S::Received | S::Forwarded) => Ok(S::Accepted),
            _ => Err(closed_or(status, CaseRefusal::NotWaiting)),
        },
        A::Refuse | A::Forward => match status {
            S::Received | S::Forwarded => Ok(if action == A::Refuse { S::Refused } else { S::Forwarded }),
            _ => Err(closed_or(status, CaseRefusal::NotWaiting)),
        },
        A::RequestVerification => match status {
            S::Received | S::Forwarded | S::Accepted => Ok(status),
            _ => Err(closed_or(status, CaseRefusal::NotOpen)),
        },
        A::Extend => match (kind, status) {
            (CaseKind::Denunciation, S::Accepted) => Ok(S::Accepted),
            (CaseKind::Denunciation, _) if !status.is_open() => Err(closed_or(status, CaseRefusal::NotOpen)),
            _ => Err(CaseRefusal::ExtendOnlyDenunciations),
        },
        A::Answer => match (kind, status) {
            (_, S::Accepted) => Ok(S::Answered),
            (CaseKind::Petition | CaseKind::Information, S::Received | S::Forwarded) => Ok(S::Answered),
            (_, S::Received | S::Forwarded) => Err(CaseRefusal::NotAccepted),
            (_, S::Answered) => Err(CaseRefusal::AlreadyAnswered),
            _ => Err(closed_or(status, CaseRefusal::NotOpen)),
        },
        A::Close => match (kind, status) {
            (_, S::Answered | S::Refused) => Ok(S::Closed),
            (CaseKind::Information, S::Received | S::Forwarded) => Ok(S::Closed),
            _ => Err(closed_or(status, CaseRefusal::NotAnswered)),
        },
        A::Withdraw => match (kind, status) {
            (CaseKind::Complaint, S::Received | S::Forwarded | S::Accepted) => Ok(S::Withdrawn),
            (CaseKind::Complaint, _) => Err(closed_or(status, CaseRefusal::AlreadyAnswered)),
            _ => Err(CaseRefusal::WithdrawOnlyComplaints),
        },
        A::Reopen => match (kind, status) {
            (CaseKind::Complaint, S::Answered | S::Closed) => Ok(S::Received),
            _ => Err(CaseRefusal::ReopenOnlyAnsweredComplaints),
        },
        A::Rate => match status {
            S::Answered | S::Closed => Ok(status),
            _ => Err(CaseRefusal::RateBeforeAnswer),
        },
    }
}

fn closed_or(status: CaseStatus, otherwise: CaseRefusal) -> CaseRefusal {
    if status == CaseStatus::Closed { CaseRefusal::Closed } else { otherwise }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseActionKind as A;
    use CaseKind as K;
    use CaseStatus as S;

    #[test]
    fn a_petition_is_received_accepted_answered_closed_and_rated() {
        assert_eq!(next(S::Received, K::Petition, A::Accept), Ok(S::Accepted));
        assert_eq!(next(S::Accepted, K::Petition, A::Answer), Ok(S::Answered));
        assert_eq!(next(S::Received, K::Petition, A::Answer), Ok(S::Answered), "a petition may be answered at once");
        assert_eq!(next(S::Answered, K::Petition, A::Rate), Ok(S::Answered));
        assert_eq!(next(S::Answered, K::Petition, A::Close), Ok(S::Closed));
        assert_eq!(next(S::Received, K::Petition, A::Rate), Err(CaseRefusal::RateBeforeAnswer));
    }

    #[test]
    fn a_withdrawn_case_cannot_be_answered_or_moved() {
        for action in [A::Answer, A::Accept, A::Close, A::Forward, A::Reopen, A::Rate, A::Withdraw] {
            assert_eq!(next(S::Withdrawn, K::Complaint, action), Err(CaseRefusal::Withdrawn), "{action:?}");
        }
        assert_eq!(next(S::Withdrawn, K::Complaint, A::Note), Ok(S::Withdrawn));
    }

    #[test]
    fn only_a_complaint_is_withdrawn_or_complained_about_again() {
        assert_eq!(next(S::Accepted, K::Complaint, A::Withdraw), Ok(S::Withdrawn));
        assert_eq!(next(S::Received, K::Complaint, A::Withdraw), Ok(S::Withdrawn));
        for kind in [K::Petition, K::Denunciation, K::Information] {
            assert_eq!(next(S::Accepted, kind, A::Withdraw), Err(CaseRefusal::WithdrawOnlyComplaints));
            assert_eq!(next(S::Answered, kind, A::Reopen), Err(CaseRefusal::ReopenOnlyAnsweredComplaints));
        }
        assert_eq!(next(S::Answered, K::Complaint, A::Reopen), Ok(S::Received));
        assert_eq!(next(S::Accepted, K::Complaint, A::Reopen), Err(CaseRefusal::ReopenOnlyAnsweredComplaints));
    }

    #[test]
    fn only_an_accepted_denunciation_is_extended() {
        assert_eq!(next(S::Accepted, K::Denunciation, A::Extend), Ok(S::Accepted));
        assert_eq!(next(S::Accepted, K::Complaint, A::Extend), Err(CaseRefusal::ExtendOnlyDenunciations));
        assert_eq!(next(S::Received, K::Denunciation, A::Extend), Err(CaseRefusal::ExtendOnlyDenunciations));
        assert_eq!(next(S::Closed, K::Denunciation, A::Extend), Err(CaseRefusal::Closed));
    }

    #[test]
    fn information_is_never_accepted() {
        assert_eq!(next(S::Received, K::Information, A::Accept), Err(CaseRefusal::InformationNotAccepted));
        assert_eq!(next(S::Forwarded, K::Information, A::Accept), Err(CaseRefusal::InformationNotAccepted));
        assert_eq!(next(S::Received, K::Information, A::Close), Ok(S::Closed));
        assert_eq!(next(S::Received, K::Information, A::Forward), Ok(S::Forwarded));
    }

    #[test]
    fn complaints_and_denunciations_are_accepted_before_they_are_answered() {
        assert_eq!(next(S::Received, K::Complaint, A::Answer), Err(CaseRefusal::NotAccepted));
        assert_eq!(next(S::Received, K::Denunciation, A::Answer), Err(CaseRefusal::NotAccepted));
        assert_eq!(next(S::Answered, K::Complaint, A::Answer), Err(CaseRefusal::AlreadyAnswered));
        assert_eq!(next(S::Forwarded, K::Complaint, A::Accept), Ok(S::Accepted), "the receiving unit accepts");
        assert_eq!(next(S::Accepted, K::Complaint, A::Accept), Err(CaseRefusal::NotWaiting));
        assert_eq!(next(S::Refused, K::Complaint, A::Close), Ok(S::Closed));
        assert_eq!(next(S::Closed, K::Complaint, A::Accept), Err(CaseRefusal::Closed));
    }

    #[test]
    fn every_refusal_has_a_vietnamese_message() {
        for status in S::ALL {
            for kind in K::ALL {
                for action in A::ALL {
                    if let Err(e) = next(status, kind, action) {
                        assert!(e.to_string().ends_with('.'), "{e}");
                        assert!(!e.field().is_empty());
                    }
                }
            }
        }
    }
}
