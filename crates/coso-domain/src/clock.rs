//! The one reader of the system time, and "today" as the date in Vietnam.
//!
//! Everything that stamps a row or judges a deadline asks a [`Clock`]; nothing else reads the
//! system time (clippy's `disallowed-methods` refuses `Utc::now` elsewhere). Tests move the
//! date with [`Clock::set_today`] to put a report before or after its due date.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};

/// Vietnam's offset from UTC, the same all year (no daylight saving).
pub const VIETNAM: FixedOffset = match FixedOffset::east_opt(7 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+7 is a valid offset"),
};

/// The date in Vietnam at the instant `at`.
pub fn date_in_vietnam(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&VIETNAM).date_naive()
}

/// `HH:MM dd/mm/yyyy` in Vietnam, the way pages show an instant.
pub fn vietnam_time_text(at: DateTime<Utc>) -> String {
    at.with_timezone(&VIETNAM).format("%H:%M %d/%m/%Y").to_string()
}

/// Real time, and a date that tests may move. Cheap to clone: clones share the moved date.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// Days added to the real date by [`Clock::set_today`]; zero outside tests.
    offset_days: Arc<AtomicI64>,
    /// Seconds added to the real instant by [`Clock::advance`]; zero outside tests.
    offset_seconds: Arc<AtomicI64>,
}

impl Clock {
    /// The clock of the running system.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// The current instant: real time unless a test moved it with [`Clock::advance`]; moving
    /// the date alone leaves it alone, so sessions, sign-in backoff, leases and the stamps of
    /// rows keep real time while a test moves the date.
    #[expect(clippy::disallowed_methods, reason = "the one place that reads the system time")]
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::seconds(self.offset_seconds.load(Ordering::Relaxed))
    }

    /// Moves the instant (and with it the date) forward by `by`, on this clock and its clones.
    /// For tests of what expires: sign-in backoff, reset links, sessions.
    pub fn advance(&self, by: Duration) {
        self.offset_seconds.fetch_add(by.num_seconds(), Ordering::Relaxed);
    }

    /// Today in Vietnam (UTC+7): the date deadlines and validity are judged on.
    pub fn today(&self) -> NaiveDate {
        let real = date_in_vietnam(self.now());
        real + Duration::days(self.offset_days.load(Ordering::Relaxed))
    }

    /// Makes `today()` return `date` from now on, on this clock and its clones. For tests and demos.
    pub fn set_today(&self, date: NaiveDate) {
        let real = date_in_vietnam(self.now());
        self.offset_days.store((date - real).num_days(), Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_the_date_in_vietnam() {
        let late_evening_utc = DateTime::parse_from_rfc3339("2026-06-14T18:30:00Z").expect("time").to_utc();
        assert_eq!(date_in_vietnam(late_evening_utc), NaiveDate::from_ymd_opt(2026, 6, 15).expect("date"));
        assert_eq!(vietnam_time_text(late_evening_utc), "01:30 15/06/2026");
    }

    #[test]
    fn a_moved_date_is_shared_by_clones_and_leaves_the_instant_alone() {
        let clock = Clock::system();
        let copy = clock.clone();
        let day = NaiveDate::from_ymd_opt(2026, 12, 28).expect("date");
        let before = clock.now();
        copy.set_today(day);
        assert_eq!(clock.today(), day);
        assert!((clock.now() - before).num_seconds().abs() < 60, "the instant is not moved");
    }

    #[test]
    fn an_advanced_instant_is_shared_by_clones() {
        let clock = Clock::system();
        let before = clock.now();
        clock.clone().advance(Duration::minutes(16));
        let moved = (clock.now() - before).num_seconds();
        assert!((16 * 60..16 * 60 + 60).contains(&moved), "{moved}");
    }
}
