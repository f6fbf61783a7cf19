//! How long a finished case keeps its sender's personal data, and the removal the daily job
//! runs. The law on personal data protection (Decree 13/2023) asks that personal data be kept
//! no longer than its purpose needs; a finished case needs its sender only while a follow-up
//! (a second-instance complaint, a re-opened denunciation) may still come.

use chrono::{Duration, NaiveDate};
use coso_store::Actor;

use crate::{App, Result};

/// The retention setting (`closed_case_personal_data_days`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// Days after its last step that a finished case keeps its personal data; `0` keeps it
    /// for ever.
    pub closed_case_days: u32,
}

impl Default for Retention {
    /// Five years: longer than every period in which a finished case can be taken further.
    fn default() -> Self {
        Retention { closed_case_days: 1_826 }
    }
}

impl Retention {
    /// The first day whose steps are still kept, or `None` when nothing is removed.
    pub fn keep_from(self, today: NaiveDate) -> Option<NaiveDate> {
        (self.closed_case_days > 0).then(|| today - Duration::days(i64::from(self.closed_case_days)))
    }
}

/// Removes the personal data of every finished case past the retention period, in batches.
/// Returns how many cases were handled. Run by the daily job as the system.
pub async fn remove_expired_personal_data(app: &App) -> Result<u64> {
    let today = app.today();
    let Some(keep_from) = app.settings().retention.keep_from(today) else {
        return Ok(0);
    };
    let actor = Actor::system("retention");
    let mut total = 0u64;
    loop {
        let removed = app.store().remove_expired_personal_data(keep_from, today, &actor).await?;
        total += removed.len() as u64;
        if (removed.len() as i64) < coso_store::RETENTION_BATCH {
            return Ok(total);
        }
    }
}

/// Removes the visitors' names and address of every citizen reception visit held before the
/// retention period, in batches; a visit that led to a case keeps them while the case keeps its
/// sender's. Returns how many visits were handled. Run by the daily job after the cases.
pub async fn remove_expired_visit_data(app: &App) -> Result<u64> {
    let today = app.today();
    let Some(keep_from) = app.settings().retention.keep_from(today) else {
        return Ok(0);
    };
    let actor = Actor::system("retention");
    let mut total = 0u64;
    loop {
        let removed = app.store().remove_expired_visit_personal_data(keep_from, today, &actor).await?;
        total += removed.len() as u64;
        if (removed.len() as i64) < coso_store::RETENTION_BATCH {
            return Ok(total);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_removed_when_the_period_is_zero() {
        let today = NaiveDate::from_ymd_opt(2030, 1, 10).expect("a date");
        assert_eq!(Retention { closed_case_days: 0 }.keep_from(today), None);
        assert_eq!(Retention { closed_case_days: 30 }.keep_from(today), NaiveDate::from_ymd_opt(2029, 12, 11));
        assert_eq!(Retention::default().keep_from(today), NaiveDate::from_ymd_opt(2025, 1, 10));
    }
}
