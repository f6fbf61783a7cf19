//! The holiday calendar in use: the built-in announcements plus those administrators stored,
//! reloaded from the database at most once a minute so that every instance picks up changes.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use coso_calendar::{Announcement, HolidayCalendar};

use crate::error::AppError;
use crate::state::AppState;

const RELOAD_AFTER: Duration = Duration::from_secs(60);

#[derive(Default)]
pub struct CalendarCache(RwLock<Option<(Instant, Arc<HolidayCalendar>)>>);

impl CalendarCache {
    pub fn invalidate(&self) {
        if let Ok(mut c) = self.0.write() {
            *c = None;
        }
    }
}

/// The current holiday calendar.
pub async fn current(state: &AppState) -> Result<Arc<HolidayCalendar>, AppError> {
    if let Ok(c) = state.calendar.0.read()
        && let Some((at, cal)) = c.as_ref()
        && at.elapsed() < RELOAD_AFTER
    {
        return Ok(cal.clone());
    }
    let stored = state.store().holiday_announcements().await?;
    let extra: Vec<Announcement> = stored
        .iter()
        .filter_map(|(year, body)| match Announcement::from_json(body) {
            Ok(a) => Some(a),
            Err(e) => {
                tracing::warn!(year, error = %e, "a stored holiday announcement no longer parses; ignored");
                None
            }
        })
        .collect();
    let cal = Arc::new(
        HolidayCalendar::new(extra).map_err(|e| AppError::Internal(anyhow::anyhow!("holiday calendar: {e}")))?,
    );
    if let Ok(mut c) = state.calendar.0.write() {
        *c = Some((Instant::now(), cal.clone()));
    }
    Ok(cal)
}
