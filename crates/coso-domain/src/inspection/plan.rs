//! Planning an inspection: its kind, the unit inspected, what it looks at, when, and its team
//! (names and roles, optionally the members' accounts). Whether the unit inspected lies below
//! the inspecting unit is checked by the use case, which knows the tree.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{InspectionKind, TeamRole};
use crate::field::{self, Errors, FieldError};

/// A team member as typed: `role` head | deputy | member | secretary (member when empty);
/// `account` the e-mail of the member's account, if any.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct TeamMemberInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub account: String,
}

/// An inspection as typed: `kind` scheduled | surprise | self, `target` the code of the unit
/// inspected (the unit itself for a self-inspection, where it may be left empty).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct InspectionInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: String,
    #[serde(default)]
    pub team: Vec<TeamMemberInput>,
    /// The id of the report template whose criteria make the checklist; the default template
    /// when empty.
    #[serde(default)]
    pub template: String,
}

/// A checked team member; the account is resolved by the use case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamMember {
    pub name: String,
    pub role: TeamRole,
    pub account: Option<String>,
}

/// A checked inspection plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InspectionData {
    pub kind: InspectionKind,
    /// Empty for a self-inspection typed without a target.
    pub target: String,
    pub subject: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub team: Vec<TeamMember>,
}

fn kind_of(raw: &str) -> Result<InspectionKind, FieldError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(FieldError::new("kind", "Chưa chọn hình thức kiểm tra."));
    }
    v.parse().map_err(|_| {
        FieldError::new(
            "kind",
            "Hình thức kiểm tra phải là «scheduled» (theo kế hoạch), «surprise» (đột xuất) hoặc «self» (tự kiểm tra).",
        )
    })
}

fn team_of(input: &[TeamMemberInput], e: &mut Errors) -> Vec<TeamMember> {
    let mut team = Vec::new();
    let before = e.0.len();
    for (i, m) in input.iter().enumerate() {
        let n = i + 1;
        let name = coso_text::clean(&m.name);
        if name.is_empty() {
            e.push(FieldError::new("team", format!("Thành viên thứ {n} của đoàn chưa có họ tên.")));
            continue;
        }
        if name.chars().count() > 200 {
            e.push(FieldError::new("team", format!("Họ tên thành viên thứ {n} dài quá 200 ký tự.")));
            continue;
        }
        let role = match m.role.trim() {
            "" => TeamRole::Member,
            r => match r.parse() {
                Ok(role) => role,
                Err(_) => {
                    e.push(FieldError::new("team", format!("Chức danh «{r}» của {name} không có trong danh sách.")));
                    continue;
                }
            },
        };
        let account = Some(m.account.trim().to_lowercase()).filter(|a| !a.is_empty());
        team.push(TeamMember { name, role, account });
    }
    if input.is_empty() {
        e.push(FieldError::new("team", "Đoàn kiểm tra chưa có thành viên."));
    } else if e.0.len() == before {
        let heads = team.iter().filter(|m| m.role == TeamRole::Head).count();
        if heads != 1 {
            e.push(FieldError::new("team", format!("Đoàn kiểm tra phải có đúng một Trưởng đoàn (đang có {heads}).")));
        }
    }
    team
}

impl InspectionData {
    pub fn parse(input: &InspectionInput) -> Result<InspectionData, Vec<FieldError>> {
        let mut e = Errors::default();
        let kind = e.take(kind_of(&input.kind));
        let target = input.target.trim().to_string();
        if target.is_empty() && kind.is_some_and(|k| k != InspectionKind::SelfInspection) {
            e.push(FieldError::new("target", "Chưa chọn đơn vị được kiểm tra."));
        }
        let subject = e.take(field::required_text("subject", "Nội dung kiểm tra", &input.subject, 500));
        let starts_on = e.take(field::date("starts_on", "Ngày bắt đầu kiểm tra", &input.starts_on));
        let ends_on = if input.ends_on.trim().is_empty() {
            None
        } else {
            e.take(field::date("ends_on", "Ngày kết thúc kiểm tra", &input.ends_on))
        };
        if let (Some(s), Some(end)) = (starts_on, ends_on)
            && end < s
        {
            e.push(FieldError::new("ends_on", "Ngày kết thúc kiểm tra không được trước ngày bắt đầu."));
        }
        let team = team_of(&input.team, &mut e);
        match (kind, subject, starts_on) {
            (Some(kind), Some(subject), Some(starts_on)) if e.is_empty() => {
                Ok(InspectionData { kind, target, subject, starts_on, ends_on, team })
            }
            _ => Err(e.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(name: &str, role: &str) -> TeamMemberInput {
        TeamMemberInput { name: name.into(), role: role.into(), account: String::new() }
    }

    #[test]
    fn a_plan_needs_a_target_a_subject_a_date_and_one_head() {
        let input = InspectionInput {
            kind: "scheduled".into(),
            starts_on: "31/02/2026".into(),
            team: vec![member("Nguyễn Văn An", "member")],
            ..Default::default()
        };
        let errors = InspectionData::parse(&input).expect_err("bad");
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["target", "subject", "starts_on", "team"]);
    }

    #[test]
    fn a_self_inspection_needs_no_target() {
        let input = InspectionInput {
            kind: "self".into(),
            subject: "Tự kiểm tra năm 2026".into(),
            starts_on: "2026-05-04".into(),
            ends_on: "2026-05-05".into(),
            team: vec![member("Trần Thị Bình", "head"), member("Lê Văn Cường", "")],
            ..Default::default()
        };
        let data = InspectionData::parse(&input).expect("ok");
        assert_eq!(data.kind, InspectionKind::SelfInspection);
        assert_eq!(data.team[1].role, TeamRole::Member);
    }

    #[test]
    fn an_unknown_kind_or_role_is_named() {
        let input = InspectionInput {
            kind: "audit".into(),
            target: "V1".into(),
            subject: "Kiểm tra".into(),
            starts_on: "2026-05-04".into(),
            team: vec![member("An", "chairman")],
            ..Default::default()
        };
        let errors = InspectionData::parse(&input).expect_err("bad");
        assert_eq!(errors.iter().map(|e| e.field).collect::<Vec<_>>(), ["kind", "team"]);
        assert!(errors[1].message.contains("chairman"), "{}", errors[1].message);
    }
}
