//! The stored codes of the commendation register and their Vietnamese words.

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
    /// The form of a commendation (*hình thức khen thưởng*).
    CommendationForm {
        Certificate => "certificate", "Giấy khen";
        Merit => "merit", "Bằng khen";
        EmulationFlag => "emulation_flag", "Cờ thi đua";
        PraiseLetter => "praise_letter", "Thư khen";
    }
);

code_enum!(
    /// Where a model worth copying (*mô hình, điển hình*) stands.
    ModelStatus {
        Piloting => "piloting", "Đang thí điểm";
        Recognised => "recognised", "Đã được công nhận";
        Replicating => "replicating", "Đang nhân rộng";
        Stopped => "stopped", "Ngừng thực hiện";
    }
);
