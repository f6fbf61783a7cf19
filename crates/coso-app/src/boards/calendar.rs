//! The holiday calendar the boards' deadlines are counted on: the built-in one with the days
//! off announced and stored.

use coso_calendar::{Announcement, HolidayCalendar};

use crate::{App, Error, Result};

pub(crate) async fn holidays(app: &App) -> Result<HolidayCalendar> {
    let extra: Vec<Announcement> = app
        .store()
        .holiday_announcements()
        .await?
        .iter()
        .filter_map(|(_, body)| Announcement::from_json(body).ok())
        .collect();
    HolidayCalendar::new(extra).map_err(Error::internal)
}
