//! The stored codes of a dialogue and their Vietnamese words. Each reads with `FromStr` (the
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
    /// Where a dialogue stands: planned → announced (DLG-3) → results published (DLG-4).
    DialogueStatus {
        /// Set up by the commune; residents do not see it yet.
        Planned => "planned", "Đang chuẩn bị";
        /// Time, place and content announced: residents send questions.
        Announced => "announced", "Đã thông báo";
        /// The results announced to the people.
        Published => "published", "Đã công bố kết quả";
    }
);

code_enum!(
    /// Where a commitment stands. `Late` is never stored: it is what a commitment not done by
    /// its due date is shown as.
    CommitmentStatus {
        Planned => "planned", "Chưa thực hiện";
        InProgress => "in_progress", "Đang thực hiện";
        Done => "done", "Đã hoàn thành";
        Late => "late", "Quá hạn";
    }
);

impl CommitmentStatus {
    /// The status shown on `today`: a commitment not done after its due date is late.
    pub fn shown(self, due_on: chrono::NaiveDate, today: chrono::NaiveDate) -> CommitmentStatus {
        if self != CommitmentStatus::Done && today > due_on { CommitmentStatus::Late } else { self }
    }
}
