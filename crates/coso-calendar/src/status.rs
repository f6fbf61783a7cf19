//! How sure we are of a legal fact (legal-rules §0).

use serde::{Deserialize, Serialize};

/// Verification status of a rule or an announced fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Seen in a primary source (official gazette, government portal reproducing the text).
    P,
    /// Seen quoted verbatim in a reputable secondary source.
    S,
    /// Unverified: a configurable default, to be shown as such.
    U,
}

impl Status {
    /// Every status, for the API's list of codes.
    pub const ALL: [Status; 3] = [Status::P, Status::S, Status::U];

    /// Vietnamese label shown next to a value.
    pub fn label_vn(self) -> &'static str {
        match self {
            Status::P => "đã đối chiếu văn bản gốc",
            Status::S => "theo nguồn thứ cấp tin cậy, cần đối chiếu văn bản gốc",
            Status::U => "chưa xác minh, là giá trị mặc định có thể cấu hình",
        }
    }

    /// Whether the value is unverified.
    pub fn is_unverified(self) -> bool {
        self == Status::U
    }
}
