//! The categories a unit files its cases under: the shipped defaults and its own.

use coso_domain::authz::Action;
use coso_store::{CaseCategoryRow, UnitRow};

use crate::{Actor, App, Error, Result};

/// The unit's list: the defaults, then its own active categories.
pub async fn categories(app: &App, unit: &UnitRow) -> Result<Vec<CaseCategoryRow>> {
    Ok(app.store().case_categories(unit.unit_id()).await?)
}

/// Adds a category of the unit's own (or makes a deactivated one active again), for those who
/// handle the unit's cases. The code is lower-case letters, digits and `_`.
pub async fn add_category(app: &App, actor: &Actor, unit: &UnitRow, code: &str, name: &str) -> Result<()> {
    actor.authorize(&unit.unit_path(), Action::HandleCases)?;
    let code = code.trim();
    let name = coso_text::clean(name);
    let mut errors = Vec::new();
    if code.is_empty()
        || code.len() > 40
        || !code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        errors.push(coso_domain::FieldError::new(
            "code",
            format!("Mã lĩnh vực «{code}» chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới (tối đa 40 ký tự)."),
        ));
    }
    if name.is_empty() || name.chars().count() > 200 {
        errors.push(coso_domain::FieldError::new("name", "Hãy nhập tên lĩnh vực (tối đa 200 ký tự)."));
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    Ok(app.store().save_case_category(unit.unit_id(), code, &name, actor.audit()).await?)
}

/// Stops offering a category of the unit's own; the cases filed under it keep it.
pub async fn deactivate_category(app: &App, actor: &Actor, unit: &UnitRow, code: &str) -> Result<()> {
    actor.authorize(&unit.unit_path(), Action::HandleCases)?;
    Ok(app.store().deactivate_case_category(unit.unit_id(), code.trim(), actor.audit()).await?)
}
