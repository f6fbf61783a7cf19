//! Who reads an agency's democracy: its officials (who see it in the admin area) and its staff
//! (the accounts granted the `resident` role on the agency), never other agencies or the public.

use coso_domain::authz::Action;
use coso_domain::unit::UnitKind;
use coso_store::UnitRow;

use crate::{Actor, App, Error, Result};

/// The agency `code`; another kind of unit is refused with its reason.
pub async fn agency(app: &App, code: &str) -> Result<UnitRow> {
    let unit = crate::units::by_code(app, code).await?;
    require_agency(&unit)?;
    Ok(unit)
}

/// Refuses a unit that is not an agency, after its authorization was decided (so that one who
/// may not act there is told so first).
pub(crate) fn require_agency(unit: &UnitRow) -> Result<()> {
    if unit.kind == UnitKind::Agency {
        return Ok(());
    }
    Err(Error::BadRequest(format!(
        "{} không phải cơ quan, đơn vị: hội nghị cán bộ, công chức, viên chức và quy chế nội bộ là của cơ quan, đơn vị.",
        unit.name
    )))
}

/// Whether `actor` works at `unit`: a role allowing participation granted on the unit itself.
pub fn is_staff(actor: &Actor, unit: &UnitRow) -> bool {
    actor.holds_on_any(&[unit.id], Action::Participate)
}

/// Whether `actor` may read the agency's conferences, rules and staff disclosures.
pub fn may_read(actor: &Actor, unit: &UnitRow) -> bool {
    actor.may(&unit.unit_path(), Action::ViewAdmin) || is_staff(actor, unit)
}

/// Refuses, as not found, one who may not read the agency.
pub(crate) fn require_read(actor: &Actor, unit: &UnitRow) -> Result<()> {
    if may_read(actor, unit) { Ok(()) } else { Err(Error::NotFound) }
}
