//! The stored codes of a consultation and their Vietnamese words. Each reads with `FromStr`
//! (the error names the rejected text), writes its code and has a `label()`.

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
    /// Who is asked: the whole unit, some of its villages, or an agency's own staff.
    Audience {
        Unit => "unit", "Toàn thể người dân của đơn vị";
        Villages => "villages", "Người dân một số thôn, tổ dân phố";
        /// Only for an agency (AG-2): its officials and employees.
        Staff => "staff", "Cán bộ, công chức, viên chức, người lao động của cơ quan";
    }
);

code_enum!(
    /// What the draft is; a village convention must stay open at least 30 days (HU-4, PUB-7).
    DraftKind {
        Convention => "convention", "Dự thảo hương ước, quy ước";
        Plan => "plan", "Dự thảo kế hoạch, đề án, dự án";
        Decision => "decision", "Dự thảo quyết định hành chính";
        Other => "other", "Dự thảo văn bản khác";
    }
);

code_enum!(
    /// Where a consultation stands: draft → open → closed → answered.
    ConsultationStatus {
        /// Sections under review; residents do not see it.
        Draft => "draft", "Đang soạn";
        Open => "open", "Đang lấy ý kiến";
        Closed => "closed", "Đã kết thúc, đang tiếp thu";
        /// Every opinion has its answer.
        Answered => "answered", "Đã tiếp thu, giải trình";
    }
);

code_enum!(
    /// The answer given to a comment or a group of comments at the close.
    AnswerKind {
        Accepted => "accepted", "Tiếp thu";
        Explained => "explained", "Giải trình";
        NotAccepted => "not_accepted", "Không tiếp thu";
    }
);

code_enum!(
    /// How a village head collected opinions outside coso (Law Art. 26, Decree 61 Art. 9).
    CollectionMethod {
        Meeting => "meeting", "Họp cộng đồng dân cư";
        HouseholdCopy => "household_copy", "Gửi dự thảo đến từng hộ gia đình";
        Ballot => "ballot", "Phiếu lấy ý kiến hộ gia đình";
        SuggestionBox => "suggestion_box", "Hòm thư góp ý";
        Organisations => "organisations", "Qua Ban công tác Mặt trận, các đoàn thể";
        SocialNetwork => "social_network", "Mạng xã hội cộng đồng đã thống nhất";
    }
);

/// Reads a code field of a form: empty or unknown codes are refused naming the field.
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
