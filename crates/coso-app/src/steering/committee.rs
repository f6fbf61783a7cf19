//! A unit's steering committee: set it up or rename it, add members with the areas (units of
//! the subtree) they follow and their linked account, remove them. Every input is checked whole
//! before anything is written.

use coso_domain::FieldError;
use coso_domain::authz::Action;
use coso_domain::field::Errors;
use coso_domain::steering::{CommitteeInput, MemberInput};
use coso_store::{AreaRow, CommitteeRow, NewSteeringMember, SteeringMemberRow, UnitRow};

use crate::{Actor, App, Error, Result};

/// A member with the areas they follow.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MemberView {
    #[serde(flatten)]
    pub member: SteeringMemberRow,
    pub areas: Vec<AreaRow>,
}

/// A unit's committee (none yet: `committee` is `None`) and its members.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CommitteeView {
    pub committee: Option<CommitteeRow>,
    pub members: Vec<MemberView>,
}

/// The unit's committee, for those who keep it.
pub async fn committee(app: &App, actor: &Actor, unit: &UnitRow) -> Result<CommitteeView> {
    actor.authorize(&unit.unit_path(), Action::ManageSteering)?;
    let store = app.store();
    let Some(c) = store.steering_committee(unit.unit_id()).await? else {
        return Ok(CommitteeView { committee: None, members: vec![] });
    };
    let mut areas = store.steering_areas(c.id).await?;
    let members = store
        .steering_members(c.id)
        .await?
        .into_iter()
        .map(|member| {
            let (mine, rest): (Vec<AreaRow>, Vec<AreaRow>) = areas.drain(..).partition(|a| a.member_id == member.id);
            areas = rest;
            MemberView { member, areas: mine }
        })
        .collect();
    Ok(CommitteeView { committee: Some(c), members })
}

/// Sets up the unit's committee or renames it.
pub async fn save(app: &App, actor: &Actor, unit: &UnitRow, input: &CommitteeInput) -> Result<i64> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageSteering)?;
    let name = input.parse().map_err(Error::Validation)?;
    Ok(app.store().save_steering_committee(&permit, unit, &name, actor.audit()).await?)
}

/// Adds a member to the unit's committee. The areas must be the unit or units below it; the
/// account, when given, must exist.
pub async fn add_member(app: &App, actor: &Actor, unit: &UnitRow, input: &MemberInput) -> Result<i64> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageSteering)?;
    let store = app.store();
    let Some(c) = store.steering_committee(unit.unit_id()).await? else {
        return Err(Error::Validation(vec![FieldError::new(
            "name",
            format!("{} chưa có Ban Chỉ đạo: ghi tên Ban trước khi thêm thành viên.", unit.name),
        )]));
    };
    let member = input.parse().map_err(Error::Validation)?;
    let mut e = Errors::default();
    let mut area_unit_ids = Vec::with_capacity(member.area_codes.len());
    let root = unit.unit_path();
    for code in &member.area_codes {
        match store.unit_by_code(code).await? {
            Some(area) if root.contains(&area.unit_path()) => area_unit_ids.push(area.id),
            Some(area) => e.push(FieldError::new(
                "areas",
                format!("{} ({code}) không thuộc {}: chỉ theo dõi đơn vị trong địa bàn của Ban.", area.name, unit.name),
            )),
            None => e.push(FieldError::new("areas", format!("Không có đơn vị mã «{code}»."))),
        }
    }
    let user_id = match &member.account {
        None => None,
        Some(email) => match store.user_by_email(email).await? {
            Some(u) => Some(u.id),
            None => {
                e.push(FieldError::new("account", format!("Không có tài khoản «{email}».")));
                None
            }
        },
    };
    if !e.is_empty() {
        return Err(Error::Validation(e.0));
    }
    let new = NewSteeringMember { name: member.name, position: member.position, user_id, area_unit_ids };
    Ok(store.add_steering_member(&permit, unit, c.id, &new, actor.audit()).await?)
}

/// Removes a member of the unit's committee.
pub async fn remove_member(app: &App, actor: &Actor, unit: &UnitRow, member_id: i64) -> Result<()> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageSteering)?;
    Ok(app.store().remove_steering_member(&permit, unit, member_id, actor.audit()).await?)
}
