//! The stored codes of a supervision board and their Vietnamese words.

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
    /// Which board: the People's Inspection Board, or the supervision board of one project.
    BoardKind {
        Inspection => "inspection", "Ban Thanh tra nhân dân";
        Investment => "investment", "Ban Giám sát đầu tư của cộng đồng";
    }
);

code_enum!(
    /// A member's place on the board.
    MemberRole {
        Head => "head", "Trưởng ban";
        Deputy => "deputy", "Phó Trưởng ban";
        Member => "member", "Thành viên";
    }
);

code_enum!(
    /// Whom a member of an investment board represents (GS-2).
    MemberSource {
        Front => "front", "Đại diện Ủy ban Mặt trận Tổ quốc";
        InspectionBoard => "inspection_board", "Đại diện Ban Thanh tra nhân dân";
        Resident => "resident", "Đại diện người dân";
    }
);

code_enum!(
    /// Whether a board works or was dissolved (an investment board when its project ends, GS-1).
    BoardStatus {
        Active => "active", "Đang hoạt động";
        Dissolved => "dissolved", "Đã giải thể";
    }
);

code_enum!(
    /// Where a finding stands: sent and waiting for the unit's answer, answered, or closed by
    /// the board once the answer settles it.
    FindingStatus {
        Sent => "sent", "Chờ trả lời";
        Answered => "answered", "Đã trả lời";
        Closed => "closed", "Đã kết thúc";
    }
);

code_enum!(
    /// What the board did: a supervision of a subject, or a visit to a project's site.
    ActivityKind {
        Supervision => "supervision", "Giám sát";
        Visit => "visit", "Kiểm tra thực địa";
    }
);

code_enum!(
    /// How often the board reports to the commune Front.
    ReportCadence {
        Quarterly => "quarterly", "Hằng quý";
        HalfYearly => "half_yearly", "6 tháng";
    }
);

impl BoardKind {
    /// The short name used in titles (BTTND, GSĐTCĐ).
    pub fn short(self) -> &'static str {
        match self {
            BoardKind::Inspection => "BTTND",
            BoardKind::Investment => "GSĐTCĐ",
        }
    }
}

/// Reads a code field: empty or unknown codes are refused naming the field.
pub(crate) fn parse_code<T: std::str::FromStr>(
    field: &'static str,
    label: &str,
    raw: &str,
) -> Result<T, crate::FieldError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(crate::FieldError::new(field, format!("Chưa chọn {}.", label.to_lowercase())));
    }
    v.parse().map_err(|_| {
        let shown: String = v.chars().take(40).collect();
        crate::FieldError::new(field, format!("{label} «{shown}» không có trong danh sách."))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for k in BoardKind::ALL {
            assert_eq!(k.as_str().parse::<BoardKind>(), Ok(k));
        }
        for r in MemberRole::ALL {
            assert_eq!(r.as_str().parse::<MemberRole>(), Ok(r));
        }
        for s in FindingStatus::ALL {
            assert_eq!(s.as_str().parse::<FindingStatus>(), Ok(s));
        }
        assert!("committee".parse::<BoardKind>().is_err());
    }
}
