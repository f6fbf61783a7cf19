//! The staff of an agency: their accounts (made by the agency's officials, or those above it,
//! with the `resident` role on the agency; removed by taking that role away) and the agency's
//! disclosures as they read them.

use coso_domain::authz::{Action, Role};
use coso_domain::{FieldError, UserId};
use coso_store::{StaffRow, UnitRow};
use serde::Deserialize;

use super::access::{require_agency, require_read};
use crate::accounts::{check_password, hash_password, parse_email};
use crate::disclosures::{ListQuery, ListView};
use crate::users::CreatedAccount;
use crate::{Actor, App, Error, Result};

/// What an official types for a new staff account.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct StaffInput {
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
}

/// An account for someone working at the agency `code`: the `resident` role granted on it, made
/// by an official of the agency or above it (`ManageAgencyStaff`). The name, the e-mail (through
/// the one e-mail rule) and the initial password (through the one password rule) are each
/// checked and named before anything is written.
pub async fn add(app: &App, actor: &Actor, code: &str, input: &StaffInput) -> Result<CreatedAccount> {
    let unit = crate::units::by_code(app, code).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageAgencyStaff)?;
    require_agency(&unit)?;
    let mut errors = Vec::new();
    let name = coso_text::clean(&input.display_name);
    if name.is_empty() {
        errors.push(FieldError::new("display_name", "Họ và tên: chưa nhập họ và tên người được cấp tài khoản."));
    }
    let email = if input.email.trim().is_empty() {
        errors.push(FieldError::new("email", "E-mail đăng nhập: chưa nhập địa chỉ e-mail."));
        None
    } else {
        parse_email(&input.email).map_err(|e| errors.push(e)).ok()
    };
    if let Err(e) = check_password(&input.password) {
        errors.push(e);
    }
    let (Some(email), true) = (email, errors.is_empty()) else {
        return Err(Error::Validation(errors));
    };
    let hash = hash_password(input.password.clone()).await?;
    let id = app.store().create_agency_staff(&permit, &unit, &email, &name, hash, actor.audit()).await?;
    Ok(CreatedAccount { id, email, role: Role::Resident, unit })
}

/// Removes the agency's `resident` role from the account `user` (the account stays, with any
/// other role it holds): it no longer reads the agency's page.
pub async fn remove(app: &App, actor: &Actor, code: &str, user: i64) -> Result<()> {
    let unit = crate::units::by_code(app, code).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageAgencyStaff)?;
    require_agency(&unit)?;
    Ok(app.store().remove_agency_staff(&permit, &unit, UserId(user), actor.audit()).await?)
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
