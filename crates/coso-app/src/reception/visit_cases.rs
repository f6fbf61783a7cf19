//! The cases a reception visit led to: a case registered from the visit (the visitors, their
//! address and the matter prefilled; channel desk; received on the session's day) through
//! `cases::register`, or an existing case linked by its tracking code. Both are for the unit's
//! officials who manage reception and may see the case; each link is audited.

use coso_calendar::HolidayCalendar;
use coso_domain::FieldError;
use coso_domain::authz::{Action, Permit};
use coso_domain::case::CaseKind;
use coso_store::{ReceptionSessionRow, ReceptionVisitRow, UnitRow};

use crate::cases::{self, CaseView, NewCase, SenderInput};
use crate::{Actor, App, Error, Result};

/// The kinds a visit may become (information is what an anonymous denunciation is kept as).
pub const KINDS: [CaseKind; 3] = [CaseKind::Petition, CaseKind::Complaint, CaseKind::Denunciation];

/// A case to register from a visit, as typed: the visit's id, the kind and the category.
#[derive(Debug, Clone, Default)]
pub struct CaseFromVisit {
    pub visit: String,
    pub kind: String,
    pub category: String,
}

fn invalid(field: &'static str, message: impl Into<String>) -> Error {
    Error::Validation(vec![FieldError::new(field, message)])
}

/// The session of the unit and its visit `raw` (the field `field` names it in errors).
async fn session_and_visit(
    app: &App,
    permit: &Permit,
    unit: &UnitRow,
    session: i64,
    raw: &str,
    field: &'static str,
) -> Result<(ReceptionSessionRow, ReceptionVisitRow)> {
    let found = app.store().reception_session(permit, unit, session).await?;
    let visits = app.store().reception_visits(permit, unit, session).await?;
    let visit = raw.trim().parse::<i64>().ok().and_then(|id| visits.into_iter().find(|v| v.id == id));
    let visit = visit.ok_or_else(|| invalid(field, "Chọn một lượt tiếp của buổi này."))?;
    Ok((found, visit))
}

/// Registers a case from a visit of a session of `unit` and links it to the visit.
pub async fn register_from_visit(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    unit: &UnitRow,
    session: i64,
    input: &CaseFromVisit,
) -> Result<CaseView> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageReception)?;
    let (session, visit) = session_and_visit(app, &permit, unit, session, &input.visit, "case_visit").await?;
    let kind = input.kind.trim();
    if !KINDS.iter().any(|k| k.as_str() == kind) {
        return Err(invalid("case_kind", "Chọn loại vụ việc: phản ánh, kiến nghị; khiếu nại; hoặc tố cáo."));
    }
    let new = NewCase {
        unit: unit.code.clone(),
        kind: kind.to_string(),
        received_on: session.held_on.to_string(),
        content: visit.content.clone(),
        category: Some(input.category.trim().to_string()).filter(|c| !c.is_empty()),
        channel: Some("desk".into()),
        sender: SenderInput {
            name: Some(visit.visitor_names.clone()),
            address: Some(visit.address.clone()),
            ..Default::default()
        },
        crowded: visit.crowded,
        ..Default::default()
    };
    let view = cases::register(app, actor, calendar, &new).await.map_err(|e| match e {
        // The visit's own fields are not on this form: their errors name the form's visit.
        Error::Validation(errors) => Error::Validation(
            errors
                .into_iter()
                .map(|f| match f.field {
                    "category" => FieldError::new("case_category", f.message),
                    "kind" => FieldError::new("case_kind", f.message),
                    _ => FieldError::new("case_visit", format!("Lượt tiếp này chưa đủ để lập vụ việc: {}", f.message)),
                })
                .collect(),
        ),
        other => other,
    })?;
    app.store().link_visit_case(&permit, unit, visit.id, view.case.id, actor.audit()).await?;
    Ok(view)
}

/// Links the case with the tracking code `code` to a visit of a session of `unit`; the actor
/// must be one who may see that case.
pub async fn link_by_code(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    unit: &UnitRow,
    session: i64,
    visit: &str,
    code: &str,
) -> Result<CaseView> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageReception)?;
    let (_, visit) = session_and_visit(app, &permit, unit, session, visit, "link_visit").await?;
    let typed = code.trim();
    let view = cases::get_by_code(app, actor, calendar, typed).await.map_err(|e| match e {
        Error::NotFound | Error::Forbidden => {
            invalid("link_code", format!("Không có vụ việc mã «{typed}» trong các vụ việc bạn được xem."))
        }
        other => other,
    })?;
    app.store().link_visit_case(&permit, unit, visit.id, view.case.id, actor.audit()).await?;
    Ok(view)
}
