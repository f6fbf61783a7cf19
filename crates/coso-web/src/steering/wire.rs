//! API bodies of steering committees.

use coso_app::steering::{AreaView, CommitteeView, FollowView};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
pub struct CommitteeSave {
    /// The committee's name (`Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh …`).
    #[serde(default)]
    pub name: String,
}

#[derive(Deserialize, ToSchema)]
#[schema(as = SteeringMemberCreate)]
pub struct MemberCreate {
    #[serde(default)]
    pub name: String,
    /// The member's position (`Phó Chủ tịch UBND tỉnh, Phó Trưởng ban`).
    #[serde(default)]
    pub position: String,
    /// The e-mail of the member's account, if they sign in to follow their areas.
    #[serde(default)]
    pub account: String,
    /// The codes of the units they follow: the committee's unit or units below it.
    #[serde(default)]
    pub areas: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Area {
    pub code: String,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
#[schema(as = SteeringMember)]
pub struct Member {
    pub id: i64,
    pub name: String,
    pub position: String,
    pub account: Option<String>,
    pub areas: Vec<Area>,
}

#[derive(Serialize, ToSchema)]
pub struct Committee {
    /// `null` when the unit has no committee yet.
    pub id: Option<i64>,
    pub name: Option<String>,
    pub members: Vec<Member>,
}

impl From<CommitteeView> for Committee {
    fn from(v: CommitteeView) -> Committee {
        Committee {
            id: v.committee.as_ref().map(|c| c.id),
            name: v.committee.map(|c| c.name),
            members: v
                .members
                .into_iter()
                .map(|m| Member {
                    id: m.member.id,
                    name: m.member.name,
                    position: m.member.position,
                    account: m.member.account,
                    areas: m.areas.into_iter().map(|a| Area { code: a.code, name: a.name }).collect(),
                })
                .collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(as = FollowedObligation)]
pub struct Obligation {
    pub plan_id: i64,
    pub plan: String,
    /// `Báo cáo 6 tháng đầu năm 2026`, `Kế hoạch thực hiện`.
    pub what: String,
    pub due: Option<chrono::NaiveDate>,
    pub overdue: bool,
    /// The submission's status code, null while nothing was sent.
    pub status: Option<String>,
    /// In Vietnamese: `Chưa gửi`, `Đã gửi, chờ xem xét`, `Bị trả lại`…
    pub status_label: String,
}

#[derive(Serialize, ToSchema)]
pub struct OverdueTask {
    pub plan_id: i64,
    pub text: String,
    pub due: chrono::NaiveDate,
    pub progress: i64,
}

#[derive(Serialize, ToSchema)]
pub struct FollowedArea {
    pub code: String,
    pub name: String,
    /// The committee and the member's position in it.
    pub committee: String,
    pub position: String,
    pub inbox: Vec<Obligation>,
    pub overdue_tasks: Vec<OverdueTask>,
    /// Open citizen cases past their due date; `null` for a member who does not handle cases there.
    pub overdue_cases: Option<i64>,
    pub overdue_count: usize,
}

#[derive(Serialize, ToSchema)]
pub struct Followed {
    pub areas: Vec<FollowedArea>,
    /// Areas assigned but outside what the account may read.
    pub hidden: usize,
}

impl From<&AreaView> for FollowedArea {
    fn from(a: &AreaView) -> FollowedArea {
        FollowedArea {
            code: a.area.code.clone(),
            name: a.area.name.clone(),
            committee: a.area.committee_name.clone(),
            position: a.area.position.clone(),
            inbox: a
                .inbox
                .iter()
                .map(|e| Obligation {
                    plan_id: e.plan_id,
                    plan: e.plan_label.clone(),
                    what: e.what.clone(),
                    due: e.due,
                    overdue: e.overdue && e.is_open(),
                    status: e.submission_status.map(|s| s.as_str().to_string()),
                    status_label: e.status_label().to_string(),
                })
                .collect(),
            overdue_tasks: a
                .overdue_tasks
                .iter()
                .map(|t| OverdueTask {
                    plan_id: t.plan_id,
                    text: t.text.clone(),
                    due: t.due_date,
                    progress: t.progress,
                })
                .collect(),
            overdue_cases: a.overdue_cases,
            overdue_count: a.overdue_count(),
        }
    }
}

impl From<&FollowView> for Followed {
    fn from(v: &FollowView) -> Followed {
        Followed { areas: v.areas.iter().map(Into::into).collect(), hidden: v.hidden }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct CommendationCreate {
    /// `certificate` (giấy khen), `merit` (bằng khen), `emulation_flag` (cờ thi đua) or
    /// `praise_letter` (thư khen).
    #[serde(default)]
    pub form: String,
    /// The code of the unit commended (the register's unit or one below it)…
    #[serde(default)]
    pub recipient_unit: String,
    /// …or the person commended.
    #[serde(default)]
    pub recipient_person: String,
    pub year: Option<i64>,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub decision_number: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub decided_on: String,
}

#[derive(Serialize, ToSchema)]
pub struct CommendationOut {
    pub id: i64,
    pub form: String,
    pub form_label: String,
    pub recipient_unit: Option<String>,
    pub recipient_person: Option<String>,
    pub year: i32,
    pub reason: String,
    pub decision_number: String,
    pub decided_on: chrono::NaiveDate,
    /// The unit that decided it.
    pub decided_by: String,
}

impl From<&coso_store::CommendationRow> for CommendationOut {
    fn from(c: &coso_store::CommendationRow) -> CommendationOut {
        CommendationOut {
            id: c.id,
            form: c.form.as_str().to_string(),
            form_label: c.form.label().to_string(),
            recipient_unit: c.recipient_code.clone(),
            recipient_person: c.recipient_person.clone(),
            year: c.year,
            reason: c.reason.clone(),
            decision_number: c.decision_number.clone(),
            decided_on: c.decided_on,
            decided_by: c.register_code.clone(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct ModelCreate {
    #[serde(default)]
    pub name: String,
    /// The code of the unit that runs it; the register's unit when empty.
    #[serde(default)]
    pub unit: String,
    pub year: Option<i64>,
    #[serde(default)]
    pub description: String,
    /// `piloting` (the default), `recognised`, `replicating` or `stopped`.
    #[serde(default)]
    pub status: String,
}

#[derive(Serialize, ToSchema)]
pub struct ModelOut {
    pub id: i64,
    pub name: String,
    pub unit: String,
    pub year: i32,
    pub description: String,
    pub status: String,
    pub status_label: String,
}

impl From<&coso_store::ModelRow> for ModelOut {
    fn from(m: &coso_store::ModelRow) -> ModelOut {
        ModelOut {
            id: m.id,
            name: m.name.clone(),
            unit: m.unit_code.clone(),
            year: m.year,
            description: m.description.clone(),
            status: m.status.as_str().to_string(),
            status_label: m.status.label().to_string(),
        }
    }
}
