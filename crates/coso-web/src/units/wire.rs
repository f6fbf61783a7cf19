//! The API's view of a unit: separate from the storage row, so the database can change
//! without breaking clients.

use coso_store::UnitRow;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct Unit {
    pub code: String,
    pub name: String,
    /// `province`, `commune`, `ward`, `special_zone`, `district`, `village`, `residential_group`, `agency`, `department`.
    pub kind: String,
    pub parent_code: Option<String>,
    /// First day of validity, `YYYY-MM-DD`.
    pub valid_from: String,
    /// First day no longer valid, if the unit ceased.
    pub valid_to: Option<String>,
}

impl From<UnitRow> for Unit {
    fn from(u: UnitRow) -> Self {
        Unit {
            code: u.code,
            name: u.name,
            kind: u.kind.to_string(),
            parent_code: u.parent_code,
            valid_from: u.valid_from.to_string(),
            valid_to: u.valid_to.map(|d| d.to_string()),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct UnitList {
    pub items: Vec<Unit>,
    /// Number of all matches, not only this page.
    pub total: i64,
}
