//! The announcements of days off that administrators add to the built-in calendar.

use coso_calendar::{Announcement, HolidayCalendar};

use crate::{Actor, App, Error, Result};

/// Adds or replaces a year's announcement (administrators only). It is validated and checked
/// to build into a calendar before it is stored.
pub async fn save_announcement(app: &App, actor: &Actor, a: Announcement) -> Result<Announcement> {
    actor.require_admin()?;
    let bad = |e: coso_calendar::CalendarError| Error::BadRequest(e.to_string());
    a.validate().map_err(bad)?;
    HolidayCalendar::new([a.clone()]).and_then(|c| c.year(a.year).map(|_| ())).map_err(bad)?;
    let canonical = serde_json::to_string(&a).map_err(Error::internal)?;
    app.store().save_holiday_announcement(i64::from(a.year), &canonical, actor.audit()).await?;
    Ok(a)
}
