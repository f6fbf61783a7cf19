//! The disclosure register (*công khai*): a commune's or an agency's disclosures of the items the
//! law requires, with their proofs and the village heads' relays; the compliance of each one and
//! of a subtree's year; the public list and feed.
//!
//! * [`record`] (also called by other capabilities, as the system, to publish what they
//!   produced: a consultation's results), [`update`] (with [`for_edit`], the stored values as
//!   form text), [`add_files`], [`relay`].
//! * [`view`]: one disclosure with its files, relays and compliance checks.

mod files;
pub mod notice;
mod read;
mod write;
pub mod year;

pub use files::{Upload, file_limit};
pub use read::{
    DisclosureView, ListQuery, ListView, PER_PAGE, RelayPage, VillageStatus, admin_list, list, may_read, relay_page,
    view, views_of,
};
pub use write::{add_files, for_edit, record, record_with_files, relay, update};

use coso_domain::disclosure::{Catalogue, Level};
use coso_store::{DisclosureItemRow, UnitRow};

use crate::{App, Error, Result};

/// The catalogue in force, as shipped.
pub fn catalogue() -> Result<Catalogue> {
    Catalogue::current().map_err(|e| Error::Internal(format!("disclosure catalogue: {e}")))
}

/// The level `unit` discloses at, or why it keeps no register.
pub fn level_of(unit: &UnitRow) -> Result<Level> {
    Level::of_unit(unit.kind).ok_or_else(|| {
        Error::BadRequest(format!(
            "«{}» là {}: chỉ xã, phường, đặc khu và cơ quan, đơn vị có sổ công khai.",
            unit.name,
            unit.kind_label().to_lowercase()
        ))
    })
}

/// The stored items of the catalogue in force at `level`.
pub async fn items(app: &App, level: Level) -> Result<Vec<DisclosureItemRow>> {
    let catalogue = catalogue()?;
    Ok(app.store().disclosure_items(&catalogue.catalogue, level).await?)
}
