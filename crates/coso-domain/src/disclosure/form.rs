//! The forms of publicity (*hình thức công khai*): exactly the ten of Law 10/2022 Art. 12(1)
//! (PUB-2). A disclosure names one or more; «other» needs the legal basis that provides it.

use serde::{Deserialize, Serialize};

/// One of the ten forms of PUB-2, in the law's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// (1) Posting (*niêm yết*).
    Posting,
    /// (2) The commune's e-portal or website.
    Portal,
    /// (3) The commune radio / loudspeaker system.
    Radio,
    /// (4) Through village heads and residential-group heads.
    VillageHead,
    /// (5) Written notice to citizens.
    WrittenNotice,
    /// (6) Exchange or dialogue conference of the commune People's Committee with the people.
    Dialogue,
    /// (7) Citizen reception, voter meetings, press conferences or releases, the spokesperson.
    Reception,
    /// (8) Notice to political and socio-political organisations for their members.
    Organisations,
    /// (9) Lawful telecom or social networks.
    SocialNetwork,
    /// (10) Other forms provided by law.
    Other,
}

impl Form {
    pub const ALL: [Form; 10] = [
        Form::Posting,
        Form::Portal,
        Form::Radio,
        Form::VillageHead,
        Form::WrittenNotice,
        Form::Dialogue,
        Form::Reception,
        Form::Organisations,
        Form::SocialNetwork,
        Form::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Form::Posting => "posting",
            Form::Portal => "portal",
            Form::Radio => "radio",
            Form::VillageHead => "village_head",
            Form::WrittenNotice => "written_notice",
            Form::Dialogue => "dialogue",
            Form::Reception => "reception",
            Form::Organisations => "organisations",
            Form::SocialNetwork => "social_network",
            Form::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Form::Posting => "Niêm yết",
            Form::Portal => "Cổng thông tin điện tử, trang thông tin điện tử của xã",
            Form::Radio => "Hệ thống truyền thanh cấp xã",
            Form::VillageHead => "Thông qua Trưởng thôn, Tổ trưởng tổ dân phố",
            Form::WrittenNotice => "Thông báo bằng văn bản đến Nhân dân",
            Form::Dialogue => "Hội nghị trao đổi, đối thoại giữa Ủy ban nhân dân xã với Nhân dân",
            Form::Reception => "Tiếp công dân, tiếp xúc cử tri, họp báo, thông cáo báo chí, người phát ngôn",
            Form::Organisations => {
                "Thông báo cho tổ chức chính trị, tổ chức chính trị - xã hội để phổ biến đến hội viên"
            }
            Form::SocialNetwork => "Mạng viễn thông, mạng xã hội hợp pháp",
            Form::Other => "Hình thức khác theo quy định của pháp luật",
        }
    }

    /// The form's number in Art. 12(1).
    pub fn number(self) -> usize {
        Form::ALL.iter().position(|f| *f == self).map_or(0, |i| i + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_exactly_the_ten_forms_of_the_law() {
        assert_eq!(Form::ALL.len(), 10);
        assert_eq!(Form::Posting.number(), 1);
        assert_eq!(Form::Other.number(), 10);
        for f in Form::ALL {
            assert_eq!(f.as_str().parse::<Form>(), Ok(f));
            assert!(!f.label().is_empty());
        }
        assert!("loudspeaker".parse::<Form>().is_err());
    }
}
