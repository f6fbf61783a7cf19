//! Planning an inspection: checked whole (nothing is saved when a field fails), the unit
//! inspected within the inspecting unit's subtree, the team's accounts found, the checklist
//! copied from the template's criteria.

use coso_domain::authz::Action;
use coso_domain::inspection::{InspectionData, InspectionInput, InspectionKind, checklist};
use coso_domain::report::Template;
use coso_domain::{FieldError, TemplateId};
use coso_store::{NewCriterion, NewInspection, NewInspectionMember, UnitRow};

use crate::{Actor, App, Error, Result};

/// The unit inspected: the unit itself for a self-inspection, else a unit strictly below it.
async fn target_of(app: &App, unit: &UnitRow, data: &InspectionData) -> Result<Result<UnitRow, FieldError>> {
    if data.kind == InspectionKind::SelfInspection {
        if data.target.is_empty() || data.target == unit.code {
            return Ok(Ok(unit.clone()));
        }
        return Ok(Err(FieldError::new(
            "target",
            format!("Tự kiểm tra chỉ kiểm tra chính {}, không phải «{}».", unit.name, data.target),
        )));
    }
    let found = app.store().unit_by_code(&data.target).await?;
    let below = found.filter(|t| t.id != unit.id && unit.unit_path().contains(&t.unit_path()));
    Ok(below.ok_or_else(|| {
        FieldError::new("target", format!("«{}» không phải đơn vị cấp dưới của {}.", data.target, unit.name))
    }))
}

/// The template whose criteria make the checklist: the one named by its id, else the default.
async fn template_of(app: &App, raw: &str) -> Result<Result<Template, FieldError>> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(Ok(Template::default_grassroots()));
    }
    let refused = || FieldError::new("template", format!("Không có mẫu báo cáo số «{raw}»."));
    let Ok(id) = raw.parse::<i64>() else { return Ok(Err(refused())) };
    match crate::templates::load(app, TemplateId(id)).await {
        Ok(t) => Ok(Ok(t)),
        Err(Error::NotFound) => Ok(Err(refused())),
        Err(e) => Err(e),
    }
}

/// Plans an inspection by `unit` (scheduled or surprise of a unit below it, or a
/// self-inspection) and returns its id. Every field error is returned at once.
pub async fn plan(app: &App, actor: &Actor, unit: &UnitRow, input: &InspectionInput) -> Result<i64> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageInspections)?;
    let data = InspectionData::parse(input);
    let template = template_of(app, &input.template).await?;
    let (data, template) = match (data, template) {
        (Ok(d), Ok(t)) => (d, t),
        (Err(mut e), t) => {
            e.extend(t.err());
            return Err(Error::Validation(e));
        }
        (Ok(_), Err(t)) => return Err(Error::Validation(vec![t])),
    };
    let mut errors = Vec::new();
    let target = match target_of(app, unit, &data).await? {
        Ok(t) => Some(t),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let mut team = Vec::new();
    for m in &data.team {
        let user_id = match &m.account {
            None => None,
            Some(email) => match app.store().user_by_email(email).await? {
                Some(u) => Some(u.id),
                None => {
                    errors.push(FieldError::new("team", format!("Không có tài khoản «{email}» cho {}.", m.name)));
                    None
                }
            },
        };
        team.push(NewInspectionMember { name: m.name.clone(), role: m.role, user_id });
    }
    let items = checklist(&template);
    if items.is_empty() {
        errors.push(FieldError::new("template", format!("Mẫu «{}» không có tiêu chí để kiểm tra.", template.name)));
    }
    let Some(target) = target.filter(|_| errors.is_empty()) else { return Err(Error::Validation(errors)) };
    let new = NewInspection {
        target_id: target.id,
        kind: data.kind,
        subject: data.subject,
        starts_on: data.starts_on,
        ends_on: data.ends_on,
        template_code: template.code.clone(),
        team,
        checklist: items
            .into_iter()
            .map(|i| NewCriterion { code: i.code, label: i.label, guidance: i.guidance })
            .collect(),
    };
    Ok(app.store().create_inspection(&permit, unit, &new, actor.audit()).await?)
}
