//! Recording a board with the members the community elected, checked whole against the rules
//! (nothing is saved when one fails), and dissolving it.

use coso_domain::FieldError;
use coso_domain::authz::{Action, Role};
use coso_domain::board::{
    BoardInput, BoardKind, BoardStatus, ExistingBoard, Member, Project, ReportCadence, check_inspection,
    check_investment, check_place, parse_members,
};
use coso_domain::field::{self, Errors};
use coso_domain::unit::UnitKind;
use coso_domain::unit_path::UnitPath;
use coso_store::{NewBoard, NewMember, UnitRow};

use super::access::board_of_unit;
use crate::{Actor, App, Error, Result};

/// The villages and residential groups of the unit today.
pub(crate) async fn villages_of(app: &App, unit: &UnitRow) -> Result<Vec<UnitRow>> {
    Ok(crate::units::children_today(app, unit)
        .await?
        .into_iter()
        .filter(|u| matches!(u.kind, UnitKind::Village | UnitKind::ResidentialGroup))
        .collect())
}

/// The village a member's text names: its code, or its name without diacritics needed.
pub(crate) fn village_named<'a>(villages: &'a [UnitRow], text: &str) -> Option<&'a UnitRow> {
    let folded = coso_text::fold(text);
    villages.iter().find(|v| v.code == text).or_else(|| villages.iter().find(|v| coso_text::fold(&v.name) == folded))
}

/// The account of a member: a `board_member` of the unit (or above it).
async fn account_of(app: &App, unit: &UnitRow, email: &str, errors: &mut Errors) -> Result<Option<i64>> {
    let refused = |errors: &mut Errors| {
        errors.push(FieldError::new(
            "members",
            format!("Tài khoản «{email}» không phải thành viên ban giám sát của {}.", unit.name),
        ));
    };
    let Some(user) = app.store().user_by_email(email).await? else {
        refused(errors);
        return Ok(None);
    };
    let holds = app
        .store()
        .grants_of(coso_domain::UserId(user.id))
        .await?
        .into_iter()
        .any(|g| g.role == Role::BoardMember && UnitPath::from_stored(g.unit_path).contains(&unit.unit_path()));
    if !holds {
        refused(errors);
        return Ok(None);
    }
    Ok(Some(user.id))
}

/// Records a board of the unit. Every broken rule is named (BTT-1, BTT-2, BTT-6, GS-1, GS-2,
/// GS-3) and nothing is saved.
pub async fn create(app: &App, actor: &Actor, unit: &UnitRow, input: &BoardInput) -> Result<i64> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageBoards)?;
    let today = app.today();
    let mut e = Errors::default();
    let kind: Option<BoardKind> = match input.kind.trim().parse() {
        Ok(k) => Some(k),
        Err(_) => {
            e.push(FieldError::new("kind", "Loại ban phải là «inspection» (Ban Thanh tra nhân dân) hoặc «investment» (Ban Giám sát đầu tư của cộng đồng)."));
            None
        }
    };
    let reports = if input.reports.trim().is_empty() {
        Some(ReportCadence::Quarterly)
    } else {
        e.take(
            input
                .reports
                .trim()
                .parse::<ReportCadence>()
                .map_err(|_| FieldError::new("reports", "Kỳ báo cáo phải là hằng quý hoặc 6 tháng.")),
        )
    };
    let elected_by =
        e.take(field::required_text("elected_by", "Quyết định, biên bản bầu thành viên", &input.elected_by, 300));
    let elected_on = e.take(field::date("elected_on", "Ngày bầu", &input.elected_on));
    if elected_on.is_some_and(|d| d > today) {
        e.push(FieldError::new("elected_on", "Ngày bầu không được sau hôm nay."));
    }
    let members: Vec<Member> = match parse_members(&input.members) {
        Ok(m) => m,
        Err(errors) => {
            errors.into_iter().for_each(|x| e.push(x));
            vec![]
        }
    };
    let project = match (kind, &input.project) {
        (Some(BoardKind::Investment), Some(p)) => match Project::parse(p) {
            Ok(p) => Some(p),
            Err(errors) => {
                errors.into_iter().for_each(|x| e.push(x));
                None
            }
        },
        (Some(BoardKind::Investment), None) => {
            e.push(FieldError::new("project.name", "Ban Giám sát đầu tư của cộng đồng phải gắn với một dự án (GS-1)."));
            None
        }
        _ => None,
    };
    let villages = villages_of(app, unit).await?;
    let mut new_members = Vec::new();
    for m in &members {
        let village_id = match &m.village {
            None => None,
            Some(text) => match village_named(&villages, text) {
                Some(v) => Some(v.id),
                None => {
                    e.push(FieldError::new(
                        "members",
                        format!("«{text}» không phải thôn, tổ dân phố của {}.", unit.name),
                    ));
                    None
                }
            },
        };
        let user_id = match &m.account {
            Some(email) => account_of(app, unit, email, &mut e).await?,
            None => None,
        };
        new_members.push(NewMember { name: m.name.clone(), role: m.role, source: m.source, village_id, user_id });
    }
    if let Some(kind) = kind {
        let existing: Vec<ExistingBoard> = app
            .store()
            .boards_of_unit(unit.id)
            .await?
            .into_iter()
            .filter(|b| b.status == BoardStatus::Active)
            .map(|b| ExistingBoard { kind: b.kind, project_key: b.project_name.as_deref().map(coso_text::fold) })
            .collect();
        let key = project.as_ref().map(Project::key);
        if let Err(err) = check_place(kind, unit.kind, key.as_deref(), &existing) {
            e.push(err);
        }
        if !members.is_empty() {
            let rule_errors = match kind {
                BoardKind::Inspection => {
                    let agency = unit.kind == UnitKind::Agency;
                    let names: Vec<String> = villages.iter().map(|v| v.name.clone()).collect();
                    let covered: Vec<bool> =
                        villages.iter().map(|v| new_members.iter().any(|m| m.village_id == Some(v.id))).collect();
                    check_inspection(&members, &names, &covered, agency)
                }
                BoardKind::Investment => check_investment(&members),
            };
            rule_errors.into_iter().for_each(|x| e.push(x));
        }
    }
    match (kind, reports, elected_by, elected_on) {
        (Some(kind), Some(reports), Some(elected_by), Some(elected_on)) if e.is_empty() => {
            let new = NewBoard { kind, reports, elected_by, elected_on, project, members: new_members };
            Ok(app.store().create_board(&permit, unit, &new, actor.audit()).await?)
        }
        _ => Err(Error::Validation(e.0)),
    }
}

/// Dissolves a working board on `reason` (an investment board when its project ends, GS-1).
pub async fn dissolve(app: &App, actor: &Actor, code: &str, id: i64, reason: &str) -> Result<()> {
    let access = board_of_unit(app, actor, code, id).await?;
    let permit = actor.authorize(&access.unit.unit_path(), Action::ManageBoards)?;
    let reason =
        field::required_text("reason", "Lý do giải thể", reason, 500).map_err(|e| Error::Validation(vec![e]))?;
    Ok(app.store().dissolve_board(&permit, &access.unit, id, app.today(), &reason, actor.audit()).await?)
}
