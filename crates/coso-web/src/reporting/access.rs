//! Which unit a reporting screen opens on, and the units a user may switch to. Who may read,
//! send and review is decided by `coso_app`.

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::views::UnitChoice;

/// The unit a reporting screen opens on: the one asked for, or the user's first granted unit.
pub fn chosen_code(user: &CurrentUser, asked: &str) -> Result<String, AppError> {
    if !asked.is_empty() {
        return Ok(asked.to_string());
    }
    user.grants.first().map(|g| g.unit_code.clone()).ok_or(AppError::Forbidden)
}

/// The units the user acts for, each granted unit once in grant order, for the unit picker.
/// Built from the session's grants: no database round.
pub fn unit_choices(user: &CurrentUser, selected: &str) -> Vec<UnitChoice> {
    let mut out: Vec<UnitChoice> = Vec::new();
    for g in &user.grants {
        if !out.iter().any(|u| u.code == g.unit_code) {
            out.push(UnitChoice {
                code: g.unit_code.clone(),
                name: g.unit_name.clone(),
                selected: g.unit_code == selected,
            });
        }
    }
    out
}
