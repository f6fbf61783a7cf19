//! The application every front door holds: the store, the one clock, and the settings the
//! use cases need. Cheap to clone.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::Clock;
use coso_store::Store;

/// What the use cases are configured with.
#[derive(Debug, Clone, Default)]
pub struct AppSettings {
    /// When repeated failed sign-ins make the next attempt wait.
    pub sign_in: crate::accounts::SignInLimits,
    /// Links that set a new password.
    pub password_reset: crate::accounts::ResetSettings,
    /// Links that verify a resident's e-mail after sign-up.
    pub email_verification: crate::accounts::VerificationSettings,
    /// The public address of the site (`https://coso.example.vn`), for links in mails.
    pub base_url: Option<String>,
    /// Whether a vice-chairman's reception counts before 2026-07-01 (default: it does).
    pub reception: coso_domain::reception::Rules,
    /// The largest file a case accepts, in bytes; `None`: 10 MiB.
    pub case_file_limit: Option<usize>,
    /// The disclosure checks' numbers (`disclosure_posting_min_days`, default 30, unverified).
    pub disclosure: coso_domain::disclosure::compliance::Rules,
    /// Community decisions' unverified numbers: days of the invitation and the reminder before
    /// a meeting (5 and 1), the comparison for elections (more than half of all households).
    pub decisions: coso_domain::decision::Rules,
}

#[derive(Debug, Clone)]
pub struct App {
    store: Store,
    clock: Clock,
    settings: AppSettings,
}

impl App {
    /// The application over `store`, with default settings.
    pub fn new(store: Store) -> App {
        App::with_settings(store, AppSettings::default())
    }

    /// The application over `store`. It owns the one clock and hands it to the store, which
    /// stamps its rows with it.
    pub fn with_settings(store: Store, settings: AppSettings) -> App {
        let clock = Clock::system();
        App { store: store.with_clock(clock.clone()), clock, settings }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The one clock: tests move its date with [`Clock::set_today`].
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    pub fn settings(&self) -> &AppSettings {
        &self.settings
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Today in Vietnam (UTC+7).
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }
}
