//! A unit's own categories of cases, beside the defaults shipped with coso: added and
//! deactivated by the officials who handle the unit's cases, audited.

use coso_domain::FieldError;
use coso_domain::authz::Action;
use coso_store::{CaseCategoryRow, StoreError, UnitRow};

use crate::{Actor, App, Error, Result};

/// The longest category code and name, in characters.
const MAX_CODE_CHARS: usize = 40;
const MAX_NAME_CHARS: usize = 200;

async fn unit_to_manage(app: &App, actor: &Actor, unit: &str) -> Result<UnitRow> {
    let unit = app.store().unit_by_code(unit.trim()).await?.ok_or(Error::NotFound)?;
    actor.authorize(&unit.unit_path(), Action::HandleCases)?;
    Ok(unit)
}

/// The unit and its active categories (the defaults first).
pub async fn unit_categories(app: &App, actor: &Actor, unit: &str) -> Result<(UnitRow, Vec<CaseCategoryRow>)> {
    let unit = unit_to_manage(app, actor, unit).await?;
    let categories = app.store().case_categories(unit.unit_id()).await?;
    Ok((unit, categories))
}

/// The unit's list for those who file a case under it: the defaults, then its own active ones.
pub async fn categories(app: &App, unit: &UnitRow) -> Result<Vec<CaseCategoryRow>> {
    Ok(app.store().case_categories(unit.unit_id()).await?)
}

/// The code and name of a category, checked: a code of lower-case letters, digits and `_`.
fn checked(code: &str, name: &str) -> std::result::Result<(String, String), Vec<FieldError>> {
    let code = code.trim().to_lowercase();
    let name = coso_text::clean(name);
    let mut errors = Vec::new();
    if code.is_empty() {
        errors.push(FieldError::new("code", "Hãy nhập mã lĩnh vực."));
    } else if code.chars().count() > MAX_CODE_CHARS
        || !code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        errors.push(FieldError::new(
            "code",
            format!(
                "Mã lĩnh vực chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, tối đa {MAX_CODE_CHARS} ký tự."
            ),
        ));
    }
    if name.is_empty() {
        errors.push(FieldError::new("name", "Hãy nhập tên lĩnh vực."));
    } else if name.chars().count() > MAX_NAME_CHARS {
        errors.push(FieldError::new("name", format!("Tên lĩnh vực tối đa {MAX_NAME_CHARS} ký tự.")));
    }
    if errors.is_empty() { Ok((code, name)) } else { Err(errors) }
}

/// Adds a category of the unit's own (or brings a deactivated one back under its new name).
pub async fn save_category(app: &App, actor: &Actor, unit: &str, code: &str, name: &str) -> Result<String> {
    let unit = unit_to_manage(app, actor, unit).await?;
    let (code, name) = checked(code, name).map_err(Error::Validation)?;
    app.store().save_case_category(unit.unit_id(), &code, &name, actor.audit()).await?;
    Ok(name)
}

/// Deactivates a category of the unit's own; cases filed under it keep it.
pub async fn deactivate_category(app: &App, actor: &Actor, unit: &str, code: &str) -> Result<()> {
    let unit = unit_to_manage(app, actor, unit).await?;
    match app.store().deactivate_case_category(unit.unit_id(), code.trim(), actor.audit()).await {
        Err(StoreError::NotFound) => Err(Error::Conflict {
            field: "code",
            message: format!("«{}» không phải là lĩnh vực riêng đang dùng của đơn vị.", code.trim()),
        }),
        other => Ok(other?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_plain_and_a_name_is_required() {
        assert_eq!(checked(" Nuoc_sach ", "Nước sạch"), Ok(("nuoc_sach".into(), "Nước sạch".into())));
        let errors = checked("nước", "").expect_err("refused");
        assert_eq!(errors.iter().map(|e| e.field).collect::<Vec<_>>(), ["code", "name"]);
    }
}
