//! The stored codes of an inspection and their Vietnamese words.

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
    /// How the inspection comes: announced in the year's plan, without notice, or the unit
    /// checking itself with the same checklist.
    InspectionKind {
        Scheduled => "scheduled", "Kiểm tra theo kế hoạch";
        Surprise => "surprise", "Kiểm tra đột xuất";
        SelfInspection => "self", "Tự kiểm tra";
    }
);

code_enum!(
    /// Where an inspection stands.
    InspectionStatus {
        Planned => "planned", "Đã lập kế hoạch";
        InProgress => "in_progress", "Đang kiểm tra";
        Concluded => "concluded", "Đã kết luận";
        Closed => "closed", "Đã kết thúc";
    }
);

code_enum!(
    /// The finding on one criterion of the checklist.
    Verdict {
        Met => "met", "Đạt";
        Partly => "partly", "Đạt một phần";
        NotMet => "not_met", "Chưa đạt";
    }
);

code_enum!(
    /// Where a remediation task stands (overdue is read from its deadline).
    RemediationStatus {
        Open => "open", "Đang khắc phục";
        Done => "done", "Đã hoàn thành";
    }
);

code_enum!(
    /// A member's place in the inspection team.
    TeamRole {
        Head => "head", "Trưởng đoàn";
        Deputy => "deputy", "Phó Trưởng đoàn";
        Member => "member", "Thành viên";
        Secretary => "secretary", "Thư ký";
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for k in InspectionKind::ALL {
            assert_eq!(k.as_str().parse::<InspectionKind>(), Ok(k));
        }
        for s in InspectionStatus::ALL {
            assert_eq!(s.as_str().parse::<InspectionStatus>(), Ok(s));
        }
        for v in Verdict::ALL {
            assert_eq!(v.as_str().parse::<Verdict>(), Ok(v));
        }
        assert_eq!("self".parse::<InspectionKind>(), Ok(InspectionKind::SelfInspection));
        assert!("audit".parse::<InspectionKind>().is_err());
    }
}
