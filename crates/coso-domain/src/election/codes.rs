//! The stored codes of a village-head election and their Vietnamese words.

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
    /// What an election fills: the village or residential group's head (one seat, Decree 59
    /// Art. 6–9), the members of the commune's People's Inspection Board (BTT-1, BTT-2), or
    /// the residents' representatives on a project's investment supervision board (GS-3).
    ElectionKind {
        VillageHead => "village_head", "Bầu trưởng thôn, tổ trưởng tổ dân phố";
        InspectionBoard => "inspection_board", "Bầu thành viên Ban Thanh tra nhân dân";
        InvestmentBoard => "investment_board", "Bầu đại diện người dân tham gia Ban Giám sát đầu tư của cộng đồng";
    }
);

impl ElectionKind {
    /// The board whose members the election fills, if it fills one.
    pub fn board(self) -> Option<crate::board::BoardKind> {
        match self {
            ElectionKind::VillageHead => None,
            ElectionKind::InspectionBoard => Some(crate::board::BoardKind::Inspection),
            ElectionKind::InvestmentBoard => Some(crate::board::BoardKind::Investment),
        }
    }
}

code_enum!(
    /// A step of the timeline before the election meeting (VH-1 to VH-4, Decree 59 Art. 6).
    Step {
        /// VH-1: the decision to hold the election and its plan, 20 days before.
        Plan => "plan", "Quyết định tổ chức bầu và kế hoạch bầu";
        /// VH-4: the candidate list sent to the commune (Mẫu 05), 15 days before.
        Candidates => "candidates", "Danh sách người ứng cử gửi UBND cấp xã";
        /// VH-2: the election team, 10 days before.
        Team => "team", "Quyết định thành lập Tổ bầu cử";
        /// VH-3: the decisions posted and announced, 7 days before.
        Notice => "notice", "Niêm yết, thông báo công khai";
    }
);

impl Step {
    /// The deadline's id in the API (`election.plan`).
    pub fn rule(self) -> &'static str {
        match self {
            Step::Plan => "election.plan",
            Step::Candidates => "election.candidates",
            Step::Team => "election.team",
            Step::Notice => "election.notice",
        }
    }

    /// The legal calendar's rule that times it (`village_head.plan`).
    pub fn calendar_rule(self) -> &'static str {
        match self {
            Step::Plan => "village_head.plan",
            Step::Candidates => "village_head.candidates",
            Step::Team => "village_head.team",
            Step::Notice => "village_head.notice",
        }
    }

    /// The rule of the legal extract (VH-1…VH-4).
    pub fn reference(self) -> &'static str {
        match self {
            Step::Plan => "VH-1",
            Step::Candidates => "VH-4",
            Step::Team => "VH-2",
            Step::Notice => "VH-3",
        }
    }
}

code_enum!(
    /// Where a timed step stands.
    StepState {
        Pending => "pending", "Chưa đến hạn";
        Done => "done", "Đã thực hiện đúng hạn";
        Late => "late", "Thực hiện muộn";
        Overdue => "overdue", "Quá hạn, chưa thực hiện";
    }
);

code_enum!(
    /// Where an election stands: prepared, held with its result, then recognised by the
    /// commune or sent back to be held again (VH-6).
    ElectionStatus {
        Preparing => "preparing", "Đang chuẩn bị";
        Held => "held", "Đã bầu, chờ công nhận";
        Recognised => "recognised", "Đã công nhận kết quả";
        Rerun => "rerun", "Không công nhận, tổ chức bầu lại";
    }
);

code_enum!(
    /// What the meeting's count gives.
    Outcome {
        Elected => "elected", "Trúng cử";
        NotElected => "not_elected", "Không có người trúng cử";
        /// Too few households came for any candidate to reach the threshold.
        RatioUnreachable => "ratio_unreachable", "Số hộ dự họp không đủ để đạt tỷ lệ";
    }
);

code_enum!(
    /// What a count is held against (VH-5 `[U]`): all the households of the village, or
    /// those present.
    Base {
        Households => "households", "tổng số hộ gia đình của thôn, tổ dân phố";
        Present => "present", "số đại diện hộ gia đình dự họp";
    }
);

code_enum!(
    /// Who a person of an election is.
    PersonRole {
        Candidate => "candidate", "Người ứng cử";
        Team => "team", "Thành viên Tổ bầu cử";
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_name_their_rules_in_the_laws_order_of_days() {
        let rules: Vec<&str> = Step::ALL.into_iter().map(Step::rule).collect();
        assert_eq!(rules, ["election.plan", "election.candidates", "election.team", "election.notice"]);
        for step in Step::ALL {
            assert!(step.calendar_rule().starts_with("village_head."));
            assert_eq!(step.as_str().parse::<Step>(), Ok(step));
        }
    }
}
