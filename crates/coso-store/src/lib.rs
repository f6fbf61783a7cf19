//! Storage for coso: one API, two backends.
//!
//! SQLite is the embedded default (one file, WAL, one writer connection); PostgreSQL serves
//! provinces and the country with several instances. Each backend has its own migrations
//! (`migrations/sqlite`, `migrations/postgres`). Queries are written once with `$N`
//! placeholders and portable SQL, and the [`dispatch!`] macro compiles each one for both
//! backends, so the business code never branches on the dialect.

mod announcements;
mod audit;
mod connect;
mod dispatch;
mod error;
mod households;
mod jobs;
mod notifications;
mod outbox;
mod reminders;
mod rows;
mod sessions;
mod units;
mod users;

pub use audit::{AuditEntry, AuditRecord, Actor};
pub use connect::{Backend, Store};
pub use error::StoreError;
pub use households::{HouseholdImportReport, HouseholdRow};
pub use notifications::{BatchReport, NewMail, NewNotification, NotificationBatch, NotificationRow};
pub use outbox::{MAIL_LOCK, Mail, OutboxStats};
pub use reminders::{DueItem, Recipient};
pub use rows::Page;
pub use sessions::SessionRow;
pub use units::{LoadReport, Succession, UnitRow, UnitSearch};
pub use users::{GrantRow, NewUser, UserRow};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
