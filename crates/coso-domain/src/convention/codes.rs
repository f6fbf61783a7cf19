//! The stored codes of a village convention and their Vietnamese words.

use serde::{Deserialize, Serialize};

use crate::UnknownCode;

/// What the community calls it (HU-2: the community chooses «Hương ước» or «Quy ước»).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConventionKind {
    HuongUoc,
    QuyUoc,
}

impl ConventionKind {
    pub const ALL: [ConventionKind; 2] = [ConventionKind::HuongUoc, ConventionKind::QuyUoc];

    pub fn as_str(self) -> &'static str {
        match self {
            ConventionKind::HuongUoc => "huong_uoc",
            ConventionKind::QuyUoc => "quy_uoc",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ConventionKind::HuongUoc => "Hương ước",
            ConventionKind::QuyUoc => "Quy ước",
        }
    }
}

/// Where a convention stands in its life (Decree 61/2023 Art. 8–12). An amendment of a
/// convention in force goes through the same steps while the text in force stays in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConventionStatus {
    /// Its basic contents proposed (HU-3).
    Proposed,
    /// Its draft being written; every change of the text is a new version.
    Drafting,
    /// The draft posted for the community's opinions (HU-4, PUB-7), opinions recorded.
    Posted,
    /// Adopted by a meeting or a household ballot (HU-5).
    Adopted,
    /// The dossier sent to the commune (HU-6).
    Submitted,
    /// Recognised by the commune: in force (HU-6).
    InForce,
    /// Sent back by the commune, with its reason.
    Returned,
}

impl ConventionStatus {
    pub const ALL: [ConventionStatus; 7] = [
        ConventionStatus::Proposed,
        ConventionStatus::Drafting,
        ConventionStatus::Posted,
        ConventionStatus::Adopted,
        ConventionStatus::Submitted,
        ConventionStatus::InForce,
        ConventionStatus::Returned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConventionStatus::Proposed => "proposed",
            ConventionStatus::Drafting => "drafting",
            ConventionStatus::Posted => "posted",
            ConventionStatus::Adopted => "adopted",
            ConventionStatus::Submitted => "submitted",
            ConventionStatus::InForce => "in_force",
            ConventionStatus::Returned => "returned",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ConventionStatus::Proposed => "Đề xuất",
            ConventionStatus::Drafting => "Đang soạn thảo",
            ConventionStatus::Posted => "Đang niêm yết lấy ý kiến",
            ConventionStatus::Adopted => "Đã được cộng đồng thông qua",
            ConventionStatus::Submitted => "Đã gửi hồ sơ đề nghị công nhận",
            ConventionStatus::InForce => "Đã được công nhận, có hiệu lực",
            ConventionStatus::Returned => "Bị trả lại",
        }
    }
}

/// How the community adopted it (HU-5): a community meeting, or a household ballot when the
/// meeting lacked more than half of the households.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdoptionForm {
    Meeting,
    Ballot,
}

impl AdoptionForm {
    pub const ALL: [AdoptionForm; 2] = [AdoptionForm::Meeting, AdoptionForm::Ballot];

    pub fn as_str(self) -> &'static str {
        match self {
            AdoptionForm::Meeting => "meeting",
            AdoptionForm::Ballot => "ballot",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AdoptionForm::Meeting => "Họp cộng đồng dân cư",
            AdoptionForm::Ballot => "Phát phiếu lấy ý kiến hộ gia đình",
        }
    }
}

/// What a vote on the convention gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Adopted,
    NotAdopted,
    /// A meeting attended by half of the households or fewer: it cannot adopt, a household
    /// ballot may (DEC-7).
    RatioUnreachable,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Adopted, Outcome::NotAdopted, Outcome::RatioUnreachable];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Adopted => "adopted",
            Outcome::NotAdopted => "not_adopted",
            Outcome::RatioUnreachable => "ratio_unreachable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Adopted => "Được thông qua",
            Outcome::NotAdopted => "Không được thông qua",
            Outcome::RatioUnreachable => "Cuộc họp không đủ số hộ tham dự",
        }
    }
}

macro_rules! from_code {
    ($($ty:ty => $what:literal),* $(,)?) => {$(
        impl std::str::FromStr for $ty {
            type Err = UnknownCode;

            fn from_str(code: &str) -> Result<Self, UnknownCode> {
                <$ty>::ALL
                    .into_iter()
                    .find(|v| v.as_str() == code)
                    .ok_or_else(|| UnknownCode { what: $what, code: code.to_string() })
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

from_code!(
    ConventionKind => "loại hương ước, quy ước",
    ConventionStatus => "trạng thái hương ước, quy ước",
    AdoptionForm => "hình thức thông qua",
    Outcome => "kết quả biểu quyết",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for s in ConventionStatus::ALL {
            assert_eq!(s.as_str().parse::<ConventionStatus>(), Ok(s));
        }
        for k in ConventionKind::ALL {
            assert_eq!(k.to_string().parse::<ConventionKind>(), Ok(k));
        }
        for o in Outcome::ALL {
            assert_eq!(o.as_str().parse::<Outcome>(), Ok(o));
        }
        let err = "online".parse::<AdoptionForm>().expect_err("not a form of HU-5");
        assert_eq!(err.to_string(), "«online» không phải là hình thức thông qua hợp lệ.");
    }
}
