//! Who sits on a board, and the rules its membership must keep. Every refusal names its rule:
//!
//! - BTT-1: a commune's People's Inspection Board has one member per village and residential
//!   group, and never fewer than 5; every village and group has its member.
//! - BTT-2 / BTT-6: one such board per commune, and one per agency (formed by its trade union).
//! - GS-1: one community investment supervision board per project.
//! - GS-2: at least 5 members, representing the commune Front, the People's Inspection Board
//!   and the residents of the project's villages, with a head.
//! - GS-3: at most 5 resident representatives and at most 2 deputy heads.

use serde::{Deserialize, Serialize};

use super::codes::parse_code;
use super::{BoardKind, MemberRole, MemberSource};
use crate::field::{self, Errors, FieldError};
use crate::unit::UnitKind;

/// The fewest members a People's Inspection Board may have (BTT-1).
pub const INSPECTION_MIN_MEMBERS: usize = 5;
/// The fewest members of an investment supervision board (GS-2).
pub const INVESTMENT_MIN_MEMBERS: usize = 5;
/// The most resident representatives of an investment supervision board (GS-3).
pub const INVESTMENT_MAX_RESIDENTS: usize = 5;
/// The most deputy heads of an investment supervision board (GS-3).
pub const INVESTMENT_MAX_DEPUTIES: usize = 2;
/// The longest member name.
const NAME_MAX: usize = 120;

/// A member as typed: `village` is the code (or the name) of a village or residential group of
/// the commune; `from` whom an investment board's member represents (`front`,
/// `inspection_board`, `resident`; a resident when empty); `account` the e-mail of the
/// member's `board_member` account, if they have one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct MemberInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub village: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub account: String,
}

/// A board as typed: its kind, members, the decision that elected them, and for an investment
/// board its project.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct BoardInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub members: Vec<MemberInput>,
    /// The reference of the decision or the community meeting's minutes that elected them.
    #[serde(default)]
    pub elected_by: String,
    #[serde(default)]
    pub elected_on: String,
    /// `quarterly` (the default) or `half_yearly`.
    #[serde(default)]
    pub reports: String,
    #[serde(default)]
    pub project: Option<super::ProjectInput>,
}

/// A checked member; `village` is still the typed text, matched to a unit by the use case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub name: String,
    pub role: MemberRole,
    pub source: MemberSource,
    pub village: Option<String>,
    pub account: Option<String>,
}

/// Reads the members, naming each wrong field by its position (`members`).
pub fn parse_members(inputs: &[MemberInput]) -> Result<Vec<Member>, Vec<FieldError>> {
    let mut e = Errors::default();
    let mut out = Vec::new();
    if inputs.is_empty() {
        e.push(FieldError::new("members", "Ban phải có thành viên."));
    }
    for (i, m) in inputs.iter().enumerate() {
        let n = i + 1;
        let name = e.take(
            field::required_text("members", &format!("Họ tên thành viên thứ {n}"), &m.name, NAME_MAX)
                .map_err(|err| FieldError::new("members", err.message)),
        );
        let role: Option<MemberRole> =
            e.take(parse_code("members", &format!("Chức danh của thành viên thứ {n}"), &m.role));
        let source: Option<MemberSource> = if m.from.trim().is_empty() {
            Some(MemberSource::Resident)
        } else {
            e.take(parse_code("members", &format!("Thành phần của thành viên thứ {n}"), &m.from))
        };
        let village = Some(coso_text::clean(&m.village)).filter(|v| !v.is_empty());
        let account = Some(m.account.trim().to_lowercase()).filter(|a| !a.is_empty());
        if let (Some(name), Some(role), Some(source)) = (name, role, source) {
            out.push(Member { name, role, source, village, account });
        }
    }
    if e.is_empty() { Ok(out) } else { Err(e.0) }
}

/// The members a commune's People's Inspection Board needs: one per village and residential
/// group, never fewer than 5 (BTT-1).
pub fn inspection_minimum(villages_and_groups: usize) -> usize {
    villages_and_groups.max(INSPECTION_MIN_MEMBERS)
}

fn rule(rule: &str, message: String) -> FieldError {
    FieldError::new("members", format!("{message} ({rule})"))
}

fn count(members: &[Member], role: MemberRole) -> usize {
    members.iter().filter(|m| m.role == role).count()
}

/// A board has exactly one head; for an investment board the law says so (GS-2).
fn one_head(members: &[Member], rule_id: Option<&str>, errors: &mut Vec<FieldError>) {
    let heads = count(members, MemberRole::Head);
    if heads != 1 {
        let message = format!("Ban phải có đúng một Trưởng ban; danh sách có {heads}.");
        errors.push(match rule_id {
            Some(id) => rule(id, message),
            None => FieldError::new("members", message),
        });
    }
}

/// Checks a People's Inspection Board. For a commune, `villages` are the names of the villages
/// and residential groups it has today and `covered` says which of them have a member (in the
/// same order); an agency's board (BTT-6) has no villages and only needs its head.
pub fn check_inspection(members: &[Member], villages: &[String], covered: &[bool], agency: bool) -> Vec<FieldError> {
    let mut errors = Vec::new();
    one_head(members, None, &mut errors);
    if agency {
        return errors;
    }
    let needed = inspection_minimum(villages.len());
    if members.len() < needed {
        errors.push(rule(
            "BTT-1",
            format!(
                "Ban Thanh tra nhân dân cần ít nhất {needed} thành viên: xã có {} thôn, tổ dân phố và không ít hơn \
                 {INSPECTION_MIN_MEMBERS}; danh sách có {}.",
                villages.len(),
                members.len()
            ),
        ));
    }
    let missing: Vec<&str> = villages.iter().zip(covered).filter(|(_, c)| !**c).map(|(v, _)| v.as_str()).collect();
    if !missing.is_empty() {
        errors.push(rule(
            "BTT-1",
            format!("Mỗi thôn, tổ dân phố phải có thành viên trong Ban; chưa có: {}.", missing.join(", ")),
        ));
    }
    errors
}

/// Checks a community investment supervision board (GS-2, GS-3).
pub fn check_investment(members: &[Member]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if members.len() < INVESTMENT_MIN_MEMBERS {
        errors.push(rule(
            "GS-2",
            format!(
                "Ban Giám sát đầu tư của cộng đồng cần ít nhất {INVESTMENT_MIN_MEMBERS} thành viên; danh sách có {}.",
                members.len()
            ),
        ));
    }
    let missing: Vec<&str> = MemberSource::ALL
        .into_iter()
        .filter(|s| !members.iter().any(|m| m.source == *s))
        .map(MemberSource::label)
        .collect();
    if !missing.is_empty() {
        errors.push(rule("GS-2", format!("Ban phải có {}.", missing.join(", ").to_lowercase())));
    }
    one_head(members, Some("GS-2"), &mut errors);
    let residents = members.iter().filter(|m| m.source == MemberSource::Resident).count();
    if residents > INVESTMENT_MAX_RESIDENTS {
        errors.push(rule(
            "GS-3",
            format!("Ban có tối đa {INVESTMENT_MAX_RESIDENTS} đại diện người dân; danh sách có {residents}."),
        ));
    }
    let deputies = count(members, MemberRole::Deputy);
    if deputies > INVESTMENT_MAX_DEPUTIES {
        errors.push(rule(
            "GS-3",
            format!("Ban có tối đa {INVESTMENT_MAX_DEPUTIES} Phó Trưởng ban; danh sách có {deputies}."),
        ));
    }
    errors
}

/// A board already working at the unit: its kind and, for an investment board, its project's
/// name folded (`coso_text::fold`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExistingBoard {
    pub kind: BoardKind,
    pub project_key: Option<String>,
}

/// Whether a board of `kind` may be formed at a unit of `unit_kind` that already has the
/// `existing` active boards: one People's Inspection Board per commune (BTT-2) or per agency
/// (BTT-6), one investment board per project (GS-1), investment boards only in a commune.
pub fn check_place(
    kind: BoardKind,
    unit_kind: UnitKind,
    project_key: Option<&str>,
    existing: &[ExistingBoard],
) -> Result<(), FieldError> {
    let agency = matches!(unit_kind, UnitKind::Agency);
    let refuse = |rule_id: &str, message: &str| Err(FieldError::new("kind", format!("{message} ({rule_id})")));
    match kind {
        BoardKind::Inspection if !(unit_kind.is_commune_level() || agency) => refuse(
            "BTT-2",
            "Ban Thanh tra nhân dân được bầu ở xã, phường, đặc khu, hoặc do công đoàn cơ sở của cơ quan lập.",
        ),
        BoardKind::Inspection if existing.iter().any(|b| b.kind == BoardKind::Inspection) => {
            if agency {
                refuse("BTT-6", "Cơ quan đã có Ban Thanh tra nhân dân; mỗi cơ quan chỉ có một Ban.")
            } else {
                refuse("BTT-2", "Xã đã có Ban Thanh tra nhân dân; mỗi xã chỉ có một Ban.")
            }
        }
        BoardKind::Investment if !unit_kind.is_commune_level() => {
            refuse("GS-1", "Ban Giám sát đầu tư của cộng đồng do Ủy ban Mặt trận Tổ quốc xã thành lập.")
        }
        BoardKind::Investment
            if existing.iter().any(|b| b.kind == BoardKind::Investment && b.project_key.as_deref() == project_key) =>
        {
            refuse("GS-1", "Dự án này đã có Ban Giám sát đầu tư của cộng đồng; mỗi dự án chỉ có một Ban.")
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(role: MemberRole, source: MemberSource, village: &str) -> Member {
        Member {
            name: "Nguyễn Văn A".into(),
            role,
            source,
            village: Some(village.to_string()).filter(|v| !v.is_empty()),
            account: None,
        }
    }

    fn residents(n: usize) -> Vec<Member> {
        (0..n).map(|_| m(MemberRole::Member, MemberSource::Resident, "Thôn 1")).collect()
    }

    fn rules_of(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().filter_map(|e| e.message.rsplit_once('(').map(|(_, r)| r.trim_end_matches(')'))).collect()
    }

    #[test]
    fn btt1_three_villages_and_one_group_need_five_members() {
        assert_eq!(inspection_minimum(4), 5);
        assert_eq!(inspection_minimum(14), 14);
        let villages: Vec<String> = ["Thôn 1", "Thôn 2", "Thôn 3", "Tổ 1"].map(String::from).to_vec();
        let covered = [true; 4];
        let mut four = residents(4);
        four[0].role = MemberRole::Head;
        let errors = check_inspection(&four, &villages, &covered, false);
        assert_eq!(rules_of(&errors), vec!["BTT-1"]);
        assert!(errors[0].message.contains("ít nhất 5 thành viên"), "{}", errors[0].message);
        let mut five = residents(5);
        five[0].role = MemberRole::Head;
        assert!(check_inspection(&five, &villages, &covered, false).is_empty());
    }

    #[test]
    fn btt1_every_village_needs_its_member() {
        let villages: Vec<String> = ["Thôn 1", "Thôn 2"].map(String::from).to_vec();
        let mut five = residents(5);
        five[0].role = MemberRole::Head;
        let errors = check_inspection(&five, &villages, &[true, false], false);
        assert_eq!(rules_of(&errors), vec!["BTT-1"]);
        assert!(errors[0].message.contains("Thôn 2"));
    }

    #[test]
    fn an_agency_board_has_no_village_rule_but_a_head() {
        assert!(check_inspection(&residents(3), &[], &[], true).iter().any(|e| e.message.contains("Trưởng ban")));
    }

    fn investment(residents_n: usize, deputies: usize) -> Vec<Member> {
        let mut v = vec![
            m(MemberRole::Head, MemberSource::Front, ""),
            m(MemberRole::Member, MemberSource::InspectionBoard, ""),
        ];
        v.extend(residents(residents_n));
        for r in v.iter_mut().skip(1).take(deputies) {
            r.role = MemberRole::Deputy;
        }
        v
    }

    #[test]
    fn gs3_six_residents_or_three_deputies_are_refused() {
        assert!(check_investment(&investment(5, 2)).is_empty());
        assert_eq!(rules_of(&check_investment(&investment(6, 0))), vec!["GS-3"]);
        assert_eq!(rules_of(&check_investment(&investment(4, 3))), vec!["GS-3"]);
    }

    #[test]
    fn gs2_four_members_or_no_front_are_refused() {
        assert_eq!(rules_of(&check_investment(&investment(2, 0))), vec!["GS-2"]);
        let no_front: Vec<Member> = investment(4, 0).into_iter().filter(|m| m.source != MemberSource::Front).collect();
        let errors = check_investment(&no_front);
        assert!(rules_of(&errors).contains(&"GS-2"));
    }

    #[test]
    fn one_inspection_board_per_commune_and_per_agency_one_board_per_project() {
        let inspection = ExistingBoard { kind: BoardKind::Inspection, project_key: None };
        let e = check_place(BoardKind::Inspection, UnitKind::Commune, None, std::slice::from_ref(&inspection))
            .expect_err("second");
        assert!(e.message.ends_with("(BTT-2)"));
        let e = check_place(BoardKind::Inspection, UnitKind::Agency, None, &[inspection]).expect_err("agency");
        assert!(e.message.ends_with("(BTT-6)"));
        assert!(check_place(BoardKind::Inspection, UnitKind::Village, None, &[]).is_err());
        let road = ExistingBoard { kind: BoardKind::Investment, project_key: Some("duong thon 1".into()) };
        let e = check_place(BoardKind::Investment, UnitKind::Ward, Some("duong thon 1"), std::slice::from_ref(&road))
            .expect_err("same project");
        assert!(e.message.ends_with("(GS-1)"));
        assert!(check_place(BoardKind::Investment, UnitKind::Ward, Some("nha van hoa"), &[road]).is_ok());
    }

    #[test]
    fn members_are_read_with_their_role_and_source() {
        let input = MemberInput { name: " Lê  Thị B ".into(), role: "deputy".into(), ..Default::default() };
        let members = parse_members(&[input]).expect("ok");
        assert_eq!(members[0].name, "Lê Thị B");
        assert_eq!(members[0].source, MemberSource::Resident);
        let bad = MemberInput { name: String::new(), role: "chief".into(), ..Default::default() };
        let errors = parse_members(&[bad]).expect_err("bad");
        assert_eq!(errors.len(), 2);
        assert!(errors.iter().all(|e| e.field == "members"));
    }
}
