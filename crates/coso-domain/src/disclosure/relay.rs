//! How a village head relayed a disclosure to the village (PUB-4, Law 10/2022 Art. 13(4)).

use serde::{Deserialize, Serialize};

/// One of the ways of Art. 13(4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelayMethod {
    /// A community meeting.
    Meeting,
    /// Meetings of the political or mass organisations in the village.
    OrganisationMeeting,
    /// Direct or written notice to each household.
    WrittenNotice,
    /// A text message to the household representatives.
    TextMessage,
    /// A lawful social network the community agreed to use.
    SocialNetwork,
}

impl RelayMethod {
    pub const ALL: [RelayMethod; 5] = [
        RelayMethod::Meeting,
        RelayMethod::OrganisationMeeting,
        RelayMethod::WrittenNotice,
        RelayMethod::TextMessage,
        RelayMethod::SocialNetwork,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RelayMethod::Meeting => "meeting",
            RelayMethod::OrganisationMeeting => "organisation_meeting",
            RelayMethod::WrittenNotice => "written_notice",
            RelayMethod::TextMessage => "text_message",
            RelayMethod::SocialNetwork => "social_network",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RelayMethod::Meeting => "Họp cộng đồng dân cư",
            RelayMethod::OrganisationMeeting => "Họp tổ chức chính trị - xã hội ở thôn, tổ dân phố",
            RelayMethod::WrittenNotice => "Thông báo trực tiếp hoặc bằng văn bản đến từng hộ",
            RelayMethod::TextMessage => "Tin nhắn đến đại diện hộ gia đình",
            RelayMethod::SocialNetwork => "Mạng xã hội cộng đồng đã thống nhất sử dụng",
        }
    }
}
