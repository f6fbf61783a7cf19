//! Wire types of the API: separate from storage rows, so the database can change without
//! breaking clients.

use coso_store::{HouseholdRow, UnitRow, UserRow};
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
            kind: u.kind,
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

#[derive(Serialize, ToSchema)]
pub struct Household {
    pub code: String,
    pub village_code: String,
    pub address: String,
    pub representative: String,
    pub member_count: i64,
    pub phone: Option<String>,
    pub valid_from: String,
    pub valid_to: Option<String>,
}

impl From<HouseholdRow> for Household {
    fn from(h: HouseholdRow) -> Self {
        Household {
            code: h.code,
            village_code: h.village_code,
            address: h.address,
            representative: h.representative,
            member_count: h.member_count,
            phone: h.phone,
            valid_from: h.valid_from.to_string(),
            valid_to: h.valid_to.map(|d| d.to_string()),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct HouseholdList {
    pub items: Vec<Household>,
    pub total: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ImportReport {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
}

#[derive(Serialize, ToSchema)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub active: bool,
}

impl From<UserRow> for User {
    fn from(u: UserRow) -> Self {
        User { id: u.id, email: u.email, display_name: u.display_name, active: u.active }
    }
}

#[derive(Serialize, ToSchema)]
pub struct UserList {
    pub items: Vec<User>,
    pub total: i64,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
}
