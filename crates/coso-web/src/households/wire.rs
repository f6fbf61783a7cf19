//! The API's view of households: separate from the storage rows, so the database can change
//! without breaking clients.

use coso_store::HouseholdRow;
use serde::Serialize;
use utoipa::ToSchema;

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
