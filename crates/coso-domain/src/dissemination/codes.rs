//! The stored codes of dissemination, each written as its code and shown by its `label()`.

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
    /// Whether residents see a news post.
    NewsStatus {
        /// Seen only by the unit's officials.
        Draft => "draft", "Bản nháp";
        Published => "published", "Đã đăng";
    }
);

code_enum!(
    /// What a document of the library is.
    LibraryKind {
        Law => "law", "Luật";
        Resolution => "resolution", "Nghị quyết";
        Decree => "decree", "Nghị định";
        Circular => "circular", "Thông tư";
        Decision => "decision", "Quyết định";
        Plan => "plan", "Kế hoạch";
        /// A village's convention (hương ước, quy ước).
        Convention => "convention", "Hương ước, quy ước";
        Other => "other", "Văn bản khác";
    }
);

code_enum!(
    /// How the law was brought to people.
    TrainingForm {
        Training => "training", "Lớp tập huấn";
        Conference => "conference", "Hội nghị tuyên truyền";
        Meeting => "meeting", "Lồng ghép trong họp dân";
        Online => "online", "Trực tuyến";
        Radio => "radio", "Truyền thanh cơ sở";
        Leaflet => "leaflet", "Tờ rơi, tài liệu";
        Other => "other", "Hình thức khác";
    }
);

impl TrainingForm {
    /// Whether people gathered for it (a class, a conference, a meeting, online): what the
    /// report's «hội nghị tập huấn, tuyên truyền» counts. A broadcast or a leaflet is not one.
    pub fn is_gathering(self) -> bool {
        matches!(self, TrainingForm::Training | TrainingForm::Conference | TrainingForm::Meeting | TrainingForm::Online)
    }
}
