//! Which consultation a path names, and who is in its audience.

use coso_domain::UnitId;
use coso_domain::authz::Action;
use coso_domain::consultation::Audience;
use coso_domain::unit::UnitKind;
use coso_store::{ConsultationRow, UnitRow};

use crate::{Actor, App, Error, Result};

/// The consultation `id` of the unit `code`; one of another unit is not found.
pub async fn consultation_of_unit(app: &App, code: &str, id: i64) -> Result<(UnitRow, ConsultationRow)> {
    let unit = crate::units::by_code(app, code).await?;
    let c = app.store().consultation(id).await?.filter(|c| c.unit_id == unit.id).ok_or(Error::NotFound)?;
    Ok((unit, c))
}

/// The villages a consultation asks: those it names, or every village of the unit in force
/// today for the whole unit; none for an agency's staff.
pub async fn villages_asked(app: &App, unit: &UnitRow, c: &ConsultationRow) -> Result<Vec<UnitRow>> {
    match c.audience {
        Audience::Staff => Ok(vec![]),
        Audience::Unit => Ok(app
            .store()
            .children(unit.unit_id(), app.today())
            .await?
            .into_iter()
            .filter(|u| matches!(u.kind, UnitKind::Village | UnitKind::ResidentialGroup))
            .collect()),
        Audience::Villages => {
            let mut out = Vec::new();
            for id in app.store().consultation_villages(c.id).await? {
                out.push(crate::units::by_id(app, UnitId(id)).await?);
            }
            Ok(out)
        }
    }
}

/// Whether the actor is asked by the consultation: `Some(village)` (the village they take
/// part from, if any) when they are, `None` when not. Residents take part from the village
/// their role is granted on; an agency's staff hold a role on the agency itself.
pub async fn audience_village(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    c: &ConsultationRow,
) -> Result<Option<Option<i64>>> {
    if c.audience == Audience::Staff {
        return Ok(actor.holds_on_any(&[unit.id], Action::ViewAdmin).then_some(None));
    }
    let Some(home) = actor.first_unit_allowing(Action::Participate) else { return Ok(None) };
    if !unit.unit_path().contains(home) {
        return Ok(None);
    }
    let village = home.ids().last().map(|UnitId(id)| id).filter(|id| *id != unit.id);
    if c.audience == Audience::Villages {
        let asked = app.store().consultation_villages(c.id).await?;
        let inside = home.ids().any(|UnitId(id)| asked.contains(&id));
        return Ok(inside.then_some(village));
    }
    Ok(Some(village))
}

/// The unit a consultation belongs to (for the API, which names the consultation alone).
pub async fn unit_of(app: &App, id: i64) -> Result<UnitRow> {
    let c = app.store().consultation(id).await?.ok_or(Error::NotFound)?;
    crate::units::by_id(app, UnitId(c.unit_id)).await
}
