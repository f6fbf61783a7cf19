//! Household registers: reading one is a sensitive, audited act; writing needs the right role
//! on the village.

use coso_domain::authz::Action;
use coso_domain::household::{HouseholdData, HouseholdInput};
use coso_domain::{HouseholdId, household_import};
use coso_store::{AuditEntry, HouseholdImportReport, HouseholdRow, Page, UnitRow};

use crate::{Actor, App, Error, Result};

mod link;
pub use link::{
    MyHousehold, PendingLinks, Represented, decide_link, end_link, my_household, pending_links, representative_of,
    request_link,
};

/// The households of `unit`'s subtree, matching `q`. The read is audited, with the query.
/// The representatives' phone numbers go only to those who keep the register (the officials
/// of the unit or above, its village head); a viewer reads the register without them.
pub async fn list(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    q: Option<&str>,
    limit: Option<i64>,
    offset: Option<i64>,
) -> Result<Page<HouseholdRow>> {
    let permit = actor.authorize(&unit.unit_path(), Action::ReadHouseholds)?;
    let entry = AuditEntry {
        action: "household.list",
        entity: "household",
        entity_id: unit.code.clone(),
        unit_id: Some(unit.unit_id()),
        before: None,
        after: q.map(|q| serde_json::json!({ "q": q })),
    };
    app.store().audit(actor.audit(), &entry).await?;
    let mut page = app.store().households(&permit, unit, q, limit, offset).await?;
    if !actor.may(&unit.unit_path(), Action::ManageHouseholds) {
        for household in &mut page.items {
            household.phone = None;
        }
    }
    Ok(page)
}

/// Adds one household to a village register.
pub async fn create(app: &App, actor: &Actor, village: &UnitRow, input: &HouseholdInput) -> Result<HouseholdId> {
    let permit = actor.authorize(&village.unit_path(), Action::ManageHouseholds)?;
    let data = HouseholdData::parse(input, app.today()).map_err(Error::Validation)?;
    Ok(app.store().create_household(&permit, village, &data, actor.audit()).await?)
}

/// Imports a village register from CSV bytes, keyed by household code: all rows or none.
pub async fn import(app: &App, actor: &Actor, village: &UnitRow, bytes: &[u8]) -> Result<HouseholdImportReport> {
    let permit = actor.authorize(&village.unit_path(), Action::ManageHouseholds)?;
    if !village.kind.has_households() {
        return Err(Error::BadRequest(format!(
            "«{}» ({}) là {}: chỉ thôn và tổ dân phố có sổ hộ gia đình.",
            village.name,
            village.code,
            village.kind_label().to_lowercase()
        )));
    }
    let bytes = bytes.to_vec();
    let today = app.today();
    let parsed = tokio::task::spawn_blocking(move || household_import::parse_csv(&bytes, today))
        .await
        .map_err(Error::internal)?
        .map_err(Error::Rows)?;
    Ok(app.store().import_households(&permit, village, parsed.rows, actor.audit()).await?)
}

/// What the register page of a unit shows: its first households matching `q` (an audited
/// read), where it sits, and what the actor may do there.
pub struct RegisterView {
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub households: Page<HouseholdRow>,
    /// Whether the actor may add or import households.
    pub can_manage: bool,
    /// Whether the unit keeps a register itself (a village or residential group), rather
    /// than showing those of its subtree.
    pub is_register: bool,
}

/// Households a register page shows at once.
const PAGE_SIZE: i64 = 100;

pub async fn register(app: &App, actor: &Actor, code: &str, q: Option<&str>) -> Result<RegisterView> {
    let unit = crate::units::by_code(app, code).await?;
    let (households, ancestors) = tokio::try_join!(list(app, actor, &unit, q, Some(PAGE_SIZE), None), async {
        Ok(app.store().ancestors(&unit).await?)
    })?;
    let can_manage = actor.may(&unit.unit_path(), Action::ManageHouseholds);
    let is_register = unit.kind.has_households();
    Ok(RegisterView { unit, ancestors, households, can_manage, is_register })
}
