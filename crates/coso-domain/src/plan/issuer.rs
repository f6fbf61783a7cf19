//! The body that issues a plan inside its unit: the people's committee (the default), the
//! steering committee (*Ban Chỉ đạo*) or the Party committee (*Đảng ủy / Cấp ủy*). Any of
//! them may head a cascade: the units below implement its plan as they would the committee's.

use serde::{Deserialize, Serialize};

use crate::unit::UnitKind;

/// Who issued a plan, within the issuing unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanIssuer {
    #[default]
    PeopleCommittee,
    SteeringCommittee,
    PartyCommittee,
}

impl PlanIssuer {
    pub const ALL: [PlanIssuer; 3] =
        [PlanIssuer::PeopleCommittee, PlanIssuer::SteeringCommittee, PlanIssuer::PartyCommittee];

    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanIssuer::PeopleCommittee => "people_committee",
            PlanIssuer::SteeringCommittee => "steering_committee",
            PlanIssuer::PartyCommittee => "party_committee",
        }
    }

    /// What people read.
    pub fn label(self) -> &'static str {
        match self {
            PlanIssuer::PeopleCommittee => "Ủy ban nhân dân",
            PlanIssuer::SteeringCommittee => "Ban Chỉ đạo",
            PlanIssuer::PartyCommittee => "Đảng ủy (cấp ủy)",
        }
    }

    /// The body's full name for a unit named `unit_name` of `kind`, as the issuer line of a
    /// Decree 30 header reads it: «Ủy ban nhân dân xã Yên Hòa», «Ban Chỉ đạo thực hiện dân chủ
    /// ở cơ sở tỉnh Hà Tĩnh», «Tỉnh ủy Hà Tĩnh», «Đảng ủy xã Yên Hòa».
    pub fn body_name(self, kind: UnitKind, unit_name: &str) -> String {
        let lower = lower_first(unit_name);
        match self {
            PlanIssuer::PeopleCommittee => format!("Ủy ban nhân dân {lower}"),
            PlanIssuer::SteeringCommittee => format!("Ban Chỉ đạo thực hiện dân chủ ở cơ sở {lower}"),
            PlanIssuer::PartyCommittee => match kind {
                // A province's Party committee is the Tỉnh ủy (Thành ủy for a city).
                UnitKind::Province => match unit_name.split_once(' ') {
                    Some(("Thành", rest)) => {
                        format!("Thành ủy {}", rest.strip_prefix("phố ").unwrap_or(rest))
                    }
                    Some(("Tỉnh", rest)) => format!("Tỉnh ủy {rest}"),
                    _ => format!("Đảng ủy {lower}"),
                },
                _ => format!("Đảng ủy {lower}"),
            },
        }
    }

    /// The signature block's «on behalf of» line and the signer's position.
    pub fn signer_lines(self) -> (&'static str, &'static str) {
        match self {
            PlanIssuer::PeopleCommittee => ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
            PlanIssuer::SteeringCommittee => ("TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"),
            PlanIssuer::PartyCommittee => ("T/M BAN THƯỜNG VỤ", "BÍ THƯ"),
        }
    }

    /// The body a document's issuer line names (`Ban Chỉ đạo …`, `Tỉnh ủy …`), read folded so
    /// that case and diacritics do not matter; `None` when it names none of them.
    pub fn detect(issuer_line: &str) -> Option<PlanIssuer> {
        let folded = coso_text::fold(issuer_line);
        let starts = |p: &str| folded.trim_start().starts_with(p);
        if folded.contains("ban chi dao") {
            Some(PlanIssuer::SteeringCommittee)
        } else if ["dang uy", "tinh uy", "thanh uy", "huyen uy", "quan uy", "cap uy", "ban thuong vu"]
            .iter()
            .any(|p| starts(p))
        {
            Some(PlanIssuer::PartyCommittee)
        } else if folded.contains("uy ban nhan dan") || starts("ubnd") {
            Some(PlanIssuer::PeopleCommittee)
        } else {
            None
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_and_default_is_the_peoples_committee() {
        for i in PlanIssuer::ALL {
            assert_eq!(i.as_str().parse::<PlanIssuer>(), Ok(i));
        }
        assert_eq!(PlanIssuer::default(), PlanIssuer::PeopleCommittee);
        assert!("ban_chi_dao".parse::<PlanIssuer>().is_err());
    }

    #[test]
    fn names_the_body_of_the_unit() {
        assert_eq!(
            PlanIssuer::SteeringCommittee.body_name(UnitKind::Province, "Tỉnh Hà Tĩnh"),
            "Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh Hà Tĩnh"
        );
        assert_eq!(PlanIssuer::PartyCommittee.body_name(UnitKind::Province, "Tỉnh Hà Tĩnh"), "Tỉnh ủy Hà Tĩnh");
        assert_eq!(PlanIssuer::PartyCommittee.body_name(UnitKind::Province, "Thành phố Hà Nội"), "Thành ủy Hà Nội");
        assert_eq!(PlanIssuer::PartyCommittee.body_name(UnitKind::Commune, "Xã Yên Hòa"), "Đảng ủy xã Yên Hòa");
        assert_eq!(
            PlanIssuer::PeopleCommittee.body_name(UnitKind::Commune, "Xã Yên Hòa"),
            "Ủy ban nhân dân xã Yên Hòa"
        );
    }

    #[test]
    fn detects_the_body_from_a_header_line() {
        assert_eq!(
            PlanIssuer::detect("BAN CHỈ ĐẠO THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ TỈNH"),
            Some(PlanIssuer::SteeringCommittee)
        );
        assert_eq!(PlanIssuer::detect("Tỉnh ủy Bình Phước"), Some(PlanIssuer::PartyCommittee));
        assert_eq!(PlanIssuer::detect("ĐẢNG ỦY XÃ YÊN HÒA"), Some(PlanIssuer::PartyCommittee));
        assert_eq!(PlanIssuer::detect("Ủy ban nhân dân tỉnh Bình Phước"), Some(PlanIssuer::PeopleCommittee));
        assert_eq!(PlanIssuer::detect("Sở Nội vụ"), None);
    }
}
