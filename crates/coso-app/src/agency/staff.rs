//! The staff of an agency: their accounts (made by an administrator with the `resident` role on
//! the agency) and the agency's disclosures as they read them.

use coso_domain::authz::Action;
use coso_store::{StaffRow, UnitRow};

use super::access::{agency, require_agency, require_read};
use crate::disclosures::{ListQuery, ListView};
use crate::users::{CreatedAccount, NewAccount};
use crate::{Actor, App, Result};

/// An account for someone working at the agency `code`: the `resident` role granted on it.
pub async fn add(
    app: &App,
    actor: &Actor,
    code: &str,
    email: &str,
    name: &str,
    password: &str,
) -> Result<CreatedAccount> {
    actor.require_admin()?;
    let unit = agency(app, code).await?;
    let input = NewAccount {
        email: email.to_string(),
        display_name: Some(name.to_string()),
        password: password.to_string(),
        role: "resident".into(),
        unit_code: unit.code,
    };
    crate::users::create(app, actor, &input).await
}

/// The accounts working at the agency `code`, for its officials.
pub async fn list(app: &App, actor: &Actor, code: &str) -> Result<(UnitRow, Vec<StaffRow>)> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::ReadUsers)?;
    require_agency(&unit)?;
    let staff = app.store().agency_staff(unit.id).await?;
    Ok((unit, staff))
}

/// A page of the agency's disclosures to its staff (AG-2), for its staff and officials only.
pub async fn disclosures(app: &App, actor: &Actor, code: &str, query: &ListQuery) -> Result<ListView> {
    let unit = crate::units::by_code(app, code).await?;
    require_read(actor, &unit)?;
    require_agency(&unit)?;
    crate::disclosures::list(app, Some(actor), code, query).await
}
