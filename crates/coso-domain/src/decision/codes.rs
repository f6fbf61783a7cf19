//! The stored codes of a community decision and their Vietnamese words.

use serde::{Deserialize, Serialize};

/// The six matters the people discuss and decide (DEC-1, Law Art. 15(1)–(6)), numbered as the
/// law numbers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Matter {
    /// (1) Policy and level of contributions to public works funded by the people.
    Contributions,
    /// (2) Collection, spending and management of contributions and community funds.
    CommunityFunds,
    /// (3) The content of the village convention (*hương ước, quy ước*).
    Convention,
    /// (4) Electing or dismissing the village or residential-group head.
    VillageHead,
    /// (5) Electing or dismissing members of the People's Inspection Board and of the
    /// community investment supervision board.
    SupervisionBoards,
    /// (6) Other self-management affairs of the community.
    SelfManagement,
}

impl Matter {
    pub const ALL: [Matter; 6] = [
        Matter::Contributions,
        Matter::CommunityFunds,
        Matter::Convention,
        Matter::VillageHead,
        Matter::SupervisionBoards,
        Matter::SelfManagement,
    ];

    /// The matter of the law's numbering, 1–6.
    pub fn from_number(number: u8) -> Option<Matter> {
        Matter::ALL.get(usize::from(number).checked_sub(1)?).copied()
    }

    /// The number the law gives it, 1–6.
    pub fn number(self) -> u8 {
        match self {
            Matter::Contributions => 1,
            Matter::CommunityFunds => 2,
            Matter::Convention => 3,
            Matter::VillageHead => 4,
            Matter::SupervisionBoards => 5,
            Matter::SelfManagement => 6,
        }
    }

    /// What people read.
    pub fn label(self) -> &'static str {
        match self {
            Matter::Contributions => "Chủ trương, mức đóng góp xây dựng công trình công cộng",
            Matter::CommunityFunds => "Thu, chi, quản lý các khoản đóng góp và quỹ của cộng đồng",
            Matter::Convention => "Nội dung hương ước, quy ước",
            Matter::VillageHead => "Bầu, cho thôi làm Trưởng thôn, Tổ trưởng tổ dân phố",
            Matter::SupervisionBoards => {
                "Bầu, cho thôi làm thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư cộng đồng"
            }
            Matter::SelfManagement => "Công việc tự quản khác của cộng đồng",
        }
    }

    /// Only matter (6) may be decided by an online vote (DEC-11, Decree 59 Art. 5(1)).
    pub fn allows_online_vote(self) -> bool {
        self == Matter::SelfManagement
    }
}

impl TryFrom<i64> for Matter {
    type Error = String;

    /// Reads the stored number 1–6.
    fn try_from(number: i64) -> Result<Self, Self::Error> {
        u8::try_from(number)
            .ok()
            .and_then(Matter::from_number)
            .ok_or_else(|| format!("nội dung không hợp lệ: {number}"))
    }
}

/// How the community decides (DEC-2): a meeting, a ballot per household, or an online vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionForm {
    Meeting,
    Ballot,
    Online,
}

impl DecisionForm {
    pub const ALL: [DecisionForm; 3] = [DecisionForm::Meeting, DecisionForm::Ballot, DecisionForm::Online];

    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionForm::Meeting => "meeting",
            DecisionForm::Ballot => "ballot",
            DecisionForm::Online => "online",
        }
    }

    /// What people read.
    pub fn label(self) -> &'static str {
        match self {
            DecisionForm::Meeting => "Họp cộng đồng dân cư",
            DecisionForm::Ballot => "Phát phiếu lấy ý kiến hộ gia đình",
            DecisionForm::Online => "Biểu quyết trực tuyến",
        }
    }
}

impl std::str::FromStr for DecisionForm {
    type Err = String;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        DecisionForm::ALL
            .into_iter()
            .find(|form| form.as_str() == code)
            .ok_or_else(|| format!("hình thức không hợp lệ: {code}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matters_read_back_from_the_laws_numbers() {
        for matter in Matter::ALL {
            assert_eq!(Matter::from_number(matter.number()), Some(matter));
        }
        assert_eq!(Matter::from_number(0), None);
        assert_eq!(Matter::from_number(7), None);
    }

    #[test]
    fn only_matter_six_may_be_voted_online() {
        let online: Vec<u8> = Matter::ALL.into_iter().filter(|m| m.allows_online_vote()).map(Matter::number).collect();
        assert_eq!(online, vec![6]);
    }

    #[test]
    fn forms_read_back_from_their_codes() {
        for form in DecisionForm::ALL {
            assert_eq!(form.as_str().parse::<DecisionForm>(), Ok(form));
        }
        assert!("show_of_hands".parse::<DecisionForm>().is_err());
    }
}
