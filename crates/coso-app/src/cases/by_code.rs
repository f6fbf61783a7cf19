//! A case found by its tracking code, for the officials who handle it (a resident reads the
//! code out on the phone or at the desk).

use coso_calendar::HolidayCalendar;
use coso_domain::case::TrackingCode;

use super::view::{CaseView, get};
use crate::{Actor, App, Error, Result};

/// The case with the code `typed` (read leniently), as `cases::get` gives it.
pub async fn get_by_code(app: &App, actor: &Actor, calendar: &HolidayCalendar, typed: &str) -> Result<CaseView> {
    let code: TrackingCode = typed.parse().map_err(|_| Error::NotFound)?;
    let case = app.store().case_by_code(&code.display()).await?.ok_or(Error::NotFound)?;
    get(app, actor, calendar, case.id).await
}
