//! Who may read a plan: those who read plans at the issuing unit, and those working at one of
//! its target units.

use coso_domain::authz::Action;
use coso_domain::{PlanId, UnitId};
use coso_store::{PlanRow, UnitRow};

use crate::{Actor, App, Error, Result, units};

/// The plan and its issuing unit, if the actor may read it.
pub async fn readable(app: &App, actor: &Actor, plan_id: PlanId) -> Result<(PlanRow, UnitRow)> {
    let plan = app.store().plan(plan_id).await?.ok_or(Error::NotFound)?;
    let issuer = units::by_id(app, UnitId(plan.unit_id)).await?;
    if actor.may(&issuer.unit_path(), Action::ReadPlans) {
        return Ok((plan, issuer));
    }
    let targets = app.store().plan_targets(plan_id).await?;
    if actor.holds_on_any(&targets, Action::ReadPlans) { Ok((plan, issuer)) } else { Err(Error::Forbidden) }
}
