//! Citizen reception (*tiếp công dân*): the unit's published schedule, the log of sessions and
//! visits (the visitors' personal data: managed and read by the unit's officials, every read
//! audited), and the compliance of the chairman's reception days up the tree.

pub mod compliance;
pub mod log;
pub mod schedule;
pub mod visit_cases;

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_store::UnitRow;

use crate::{Error, Result};

/// Whether a unit keeps a reception schedule and log: commune-level units and provinces.
pub fn receives_citizens(unit: &UnitRow) -> bool {
    coso_domain::reception::cadence_of(unit.kind).is_ok()
}

/// Refuses a unit that does not keep a schedule or log, saying why.
fn require_reception(unit: &UnitRow) -> Result<()> {
    if receives_citizens(unit) {
        Ok(())
    } else {
        Err(Error::BadRequest(format!(
            "«{}» là {}: chỉ xã, phường, đặc khu và tỉnh, thành phố có lịch và sổ tiếp công dân.",
            unit.name,
            unit.kind_label().to_lowercase()
        )))
    }
}

/// The name of the day off `date` is, if it is one, by the calendar in use.
pub fn day_off(calendar: &HolidayCalendar) -> impl Fn(NaiveDate) -> Option<String> + '_ {
    move |date| calendar.day_status(date).ok().and_then(|s| s.reason_vn(date))
}
