//! The time the web layer works with. Real time in production; tests move it to put a report
//! before or after its due date without waiting for the calendar.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, NaiveDate, Utc};

/// Real time plus an offset that only tests change.
#[derive(Debug, Default)]
pub struct Clock {
    offset_seconds: AtomicI64,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::seconds(self.offset_seconds.load(Ordering::Relaxed))
    }

    /// Today in Vietnam (UTC+7): the date deadlines are judged on.
    pub fn today(&self) -> NaiveDate {
        (self.now() + Duration::hours(7)).date_naive()
    }

    /// Makes `today()` return `date` (at the current time of day). For tests and demos.
    pub fn set_today(&self, date: NaiveDate) {
        let real = (Utc::now() + Duration::hours(7)).date_naive();
        self.offset_seconds.store((date - real).num_seconds(), Ordering::Relaxed);
    }
}
