//! The code enums of citizen reception, each stored as its code and shown by its `label()`.

use serde::{Deserialize, Serialize};

/// Who receives citizens at a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Receiver {
    /// The chairman of the People's Committee, or the head of an agency.
    Chairman,
    /// A vice-chairman (deputy head).
    ViceChairman,
    /// The civil servant in charge of regular reception.
    Staff,
}

impl Receiver {
    pub const ALL: [Receiver; 3] = [Receiver::Chairman, Receiver::ViceChairman, Receiver::Staff];

    pub fn as_str(self) -> &'static str {
        match self {
            Receiver::Chairman => "chairman",
            Receiver::ViceChairman => "vice_chairman",
            Receiver::Staff => "staff",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Receiver::Chairman => "Chủ tịch",
            Receiver::ViceChairman => "Phó Chủ tịch",
            Receiver::Staff => "Công chức tiếp công dân",
        }
    }
}

/// When in the day a session is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartOfDay {
    Morning,
    Afternoon,
    WholeDay,
}

impl PartOfDay {
    pub const ALL: [PartOfDay; 3] = [PartOfDay::Morning, PartOfDay::Afternoon, PartOfDay::WholeDay];

    pub fn as_str(self) -> &'static str {
        match self {
            PartOfDay::Morning => "morning",
            PartOfDay::Afternoon => "afternoon",
            PartOfDay::WholeDay => "whole_day",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PartOfDay::Morning => "Buổi sáng",
            PartOfDay::Afternoon => "Buổi chiều",
            PartOfDay::WholeDay => "Cả ngày",
        }
    }
}

/// A line of the schedule: a regular weekday, an extra session on a date, or a regular
/// session called off on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleKind {
    Weekly,
    OneOff,
    Cancelled,
}

impl ScheduleKind {
    pub const ALL: [ScheduleKind; 3] = [ScheduleKind::Weekly, ScheduleKind::OneOff, ScheduleKind::Cancelled];

    pub fn as_str(self) -> &'static str {
        match self {
            ScheduleKind::Weekly => "weekly",
            ScheduleKind::OneOff => "one_off",
            ScheduleKind::Cancelled => "cancelled",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ScheduleKind::Weekly => "Định kỳ hằng tuần",
            ScheduleKind::OneOff => "Buổi tiếp bổ sung",
            ScheduleKind::Cancelled => "Hoãn buổi tiếp",
        }
    }
}

/// Whether a session was on the schedule or called for the occasion (Art. 18(3)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    Regular,
    AdHoc,
}

impl SessionKind {
    pub const ALL: [SessionKind; 2] = [SessionKind::Regular, SessionKind::AdHoc];

    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Regular => "regular",
            SessionKind::AdHoc => "ad_hoc",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SessionKind::Regular => "Định kỳ",
            SessionKind::AdHoc => "Đột xuất",
        }
    }
}

/// What came of a visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Guided,
    Petition,
    Complaint,
    Denunciation,
    Refused,
    Answered,
}

impl Outcome {
    pub const ALL: [Outcome; 6] = [
        Outcome::Guided,
        Outcome::Petition,
        Outcome::Complaint,
        Outcome::Denunciation,
        Outcome::Refused,
        Outcome::Answered,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Guided => "guided",
            Outcome::Petition => "petition",
            Outcome::Complaint => "complaint",
            Outcome::Denunciation => "denunciation",
            Outcome::Refused => "refused",
            Outcome::Answered => "answered",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Guided => "Hướng dẫn, giải thích",
            Outcome::Petition => "Tiếp nhận kiến nghị, phản ánh",
            Outcome::Complaint => "Tiếp nhận đơn khiếu nại",
            Outcome::Denunciation => "Tiếp nhận đơn tố cáo",
            Outcome::Refused => "Từ chối tiếp (Điều 9)",
            Outcome::Answered => "Trả lời trực tiếp tại buổi tiếp",
        }
    }
}

/// Why a visitor may be refused (Art. 9 of the Law on Citizen Reception, TCD-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefusalGround {
    Incapacitated,
    Disruptive,
    Repeated,
    OtherLegal,
}

impl RefusalGround {
    pub const ALL: [RefusalGround; 4] =
        [RefusalGround::Incapacitated, RefusalGround::Disruptive, RefusalGround::Repeated, RefusalGround::OtherLegal];

    pub fn as_str(self) -> &'static str {
        match self {
            RefusalGround::Incapacitated => "incapacitated",
            RefusalGround::Disruptive => "disruptive",
            RefusalGround::Repeated => "repeated",
            RefusalGround::OtherLegal => "other_legal",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RefusalGround::Incapacitated => {
                "Say do dùng chất kích thích, mắc bệnh tâm thần hoặc bệnh khác làm mất khả năng nhận thức"
            }
            RefusalGround::Disruptive => "Đe dọa, xúc phạm người tiếp, vi phạm nội quy nơi tiếp công dân",
            RefusalGround::Repeated => "Khiếu nại, tố cáo vụ việc đã được giải quyết đúng, đã được tiếp và hướng dẫn",
            RefusalGround::OtherLegal => "Trường hợp khác theo quy định của pháp luật",
        }
    }
}

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
    v.parse().map_err(|_| crate::FieldError::new(field, format!("{label} «{v}» không có trong danh sách.")))
}
