//! The stored codes of a case and their Vietnamese words. Each reads with `FromStr` (the
//! error names the rejected text), writes its code and has a `label()`.

use serde::{Deserialize, Serialize};

/// Lists the variants of a code enum with their code and label.
macro_rules! code_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $code:literal, $label:literal;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            pub const ALL: [$name; [$($code),*].len()] = [$($name::$variant),*];

            /// The stored code.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)*
                }
            }

            /// What people read.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)*
                }
            }
        }
    };
}

code_enum!(
    /// What a case is, by the law that governs it.
    CaseKind {
        /// Law on Citizen Reception: answered within 10 working days (TCD-3).
        Petition => "petition", "Phản ánh, kiến nghị";
        /// Law on Complaints.
        Complaint => "complaint", "Khiếu nại";
        /// Law on Denunciations: the denouncer's identity is confidential.
        Denunciation => "denunciation", "Tố cáo";
        /// An anonymous denunciation: not handled under the Law on Denunciations (TC-2).
        Information => "information", "Thông tin tố cáo (không xử lý theo Luật Tố cáo)";
    }
);

code_enum!(
    /// Where a case stands.
    CaseStatus {
        Received => "received", "Đã tiếp nhận";
        Accepted => "accepted", "Đã thụ lý";
        /// Sent on to the unit competent to handle it, which accepts or refuses it in turn.
        Forwarded => "forwarded", "Đã chuyển đơn";
        Refused => "refused", "Không thụ lý";
        Answered => "answered", "Đã trả lời, giải quyết";
        Closed => "closed", "Đã kết thúc";
        Withdrawn => "withdrawn", "Đã rút đơn";
    }
);

code_enum!(
    /// How a case reached the unit.
    Channel {
        Web => "web", "Trang thông tin điện tử";
        App => "app", "Ứng dụng";
        Desk => "desk", "Trực tiếp tại nơi tiếp công dân";
        Letter => "letter", "Đơn gửi qua bưu điện";
        Phone => "phone", "Qua điện thoại";
        VillageHead => "village_head", "Qua trưởng thôn, tổ trưởng tổ dân phố";
    }
);

code_enum!(
    /// How complex a case is (*phức tạp*, *đặc biệt phức tạp*).
    Complexity {
        Normal => "normal", "Thông thường";
        Complex => "complex", "Phức tạp";
        EspeciallyComplex => "especially_complex", "Đặc biệt phức tạp";
    }
);

code_enum!(
    /// What was done to a case: one row of its timeline.
    CaseActionKind {
        Receive => "receive", "Tiếp nhận đơn";
        Classify => "classify", "Phân loại đơn";
        Accept => "accept", "Thụ lý";
        Refuse => "refuse", "Không thụ lý";
        Forward => "forward", "Chuyển đơn";
        Assign => "assign", "Giao người xử lý";
        RequestVerification => "request_verification", "Yêu cầu xác minh";
        Extend => "extend", "Gia hạn giải quyết";
        Answer => "answer", "Trả lời, giải quyết";
        Close => "close", "Kết thúc";
        Withdraw => "withdraw", "Rút đơn";
        Reopen => "reopen", "Khiếu nại lần hai";
        Rate => "rate", "Đánh giá";
        Note => "note", "Ghi chú";
    }
);

code_enum!(
    /// Why a case is not accepted: the refusal grounds of the Law on Citizen Reception
    /// (Art. 9, TCD-4), not within competence, or not meeting the conditions of acceptance.
    RefusalGround {
        Incapacitated => "incapacitated",
            "Người đến trong tình trạng say do dùng chất kích thích, mắc bệnh tâm thần hoặc bệnh khác làm mất khả năng nhận thức, điều khiển hành vi";
        Disorderly => "disorderly",
            "Có hành vi đe dọa, xúc phạm người tiếp công dân hoặc vi phạm nội quy nơi tiếp công dân";
        Repeated => "repeated",
            "Vụ việc đã được giải quyết đúng chính sách, pháp luật, đã được giải thích, hướng dẫn nhưng vẫn cố ý khiếu nại, tố cáo kéo dài";
        OtherLegal => "other_legal", "Trường hợp khác theo quy định của pháp luật";
        NotCompetent => "not_competent", "Không thuộc thẩm quyền";
        NotEligible => "not_eligible", "Không đủ điều kiện thụ lý";
    }
);

impl CaseStatus {
    /// Still waiting for the unit: received, forwarded to it or accepted.
    pub fn is_open(self) -> bool {
        matches!(self, CaseStatus::Received | CaseStatus::Forwarded | CaseStatus::Accepted)
    }

    /// The statuses of an open case, as stored.
    pub const OPEN: [CaseStatus; 3] = [CaseStatus::Received, CaseStatus::Forwarded, CaseStatus::Accepted];
}

impl CaseKind {
    /// The kinds whose sender's identity is confidential (Law on Denunciations Art. 9, 56).
    pub fn identity_is_secret(self) -> bool {
        matches!(self, CaseKind::Denunciation | CaseKind::Information)
    }

    /// The kinds that need the sender's name and address to be handled.
    pub fn needs_identity(self) -> bool {
        matches!(self, CaseKind::Complaint | CaseKind::Denunciation)
    }
}

impl Complexity {
    /// How many times the resolution of a denunciation of this complexity may be extended
    /// (TC-4: complex once, especially complex twice).
    pub fn max_extensions(self) -> i64 {
        match self {
            Complexity::Normal => 0,
            Complexity::Complex => 1,
            Complexity::EspeciallyComplex => 2,
        }
    }

    /// The complexity whose extensions equal `granted` (the count the calendar applies).
    pub fn with_extensions(granted: i64) -> Complexity {
        match granted {
            i64::MIN..=0 => Complexity::Normal,
            1 => Complexity::Complex,
            _ => Complexity::EspeciallyComplex,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_and_has_vietnamese_words() {
        for k in CaseKind::ALL {
            assert_eq!(k.as_str().parse::<CaseKind>(), Ok(k));
            assert!(!k.label().is_empty());
        }
        for s in CaseStatus::ALL {
            assert_eq!(s.to_string().parse::<CaseStatus>(), Ok(s));
        }
        for a in CaseActionKind::ALL {
            assert_eq!(a.as_str().parse::<CaseActionKind>(), Ok(a));
        }
        for g in RefusalGround::ALL {
            assert_eq!(g.as_str().parse::<RefusalGround>(), Ok(g));
        }
        assert_eq!("village_head".parse::<Channel>(), Ok(Channel::VillageHead));
        assert_eq!("especially_complex".parse::<Complexity>(), Ok(Complexity::EspeciallyComplex));
    }

    #[test]
    fn an_unknown_code_is_named_in_vietnamese() {
        let err = "rumour".parse::<CaseKind>().expect_err("unknown kind");
        assert_eq!(err.to_string(), "«rumour» không phải là loại đơn hợp lệ.");
        assert!("Petition".parse::<CaseKind>().is_err(), "codes are lower case");
    }

    #[test]
    fn only_denunciations_and_information_keep_the_sender_secret() {
        assert!(CaseKind::Denunciation.identity_is_secret() && CaseKind::Information.identity_is_secret());
        assert!(!CaseKind::Petition.identity_is_secret() && !CaseKind::Complaint.identity_is_secret());
    }

    #[test]
    fn extensions_follow_the_complexity() {
        assert_eq!(Complexity::Normal.max_extensions(), 0);
        assert_eq!(Complexity::Complex.max_extensions(), 1);
        assert_eq!(Complexity::EspeciallyComplex.max_extensions(), 2);
        for n in 0..=2 {
            assert_eq!(Complexity::with_extensions(n).max_extensions(), n);
        }
    }
}
