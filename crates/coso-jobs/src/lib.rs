//! Background jobs of coso: deadline reminders (of reports and of citizen cases) as in-app
//! notifications and e-mail, and the outbox that sends the mail.
//!
//! Reminders are exactly-once by dedupe key; mail is at-least-once (a crash between the SMTP
//! server's acceptance and the outbox update sends it again). Several `coso serve` instances
//! may share one database: the daily run is leased and mails are claimed row by row.

pub mod case_reminders;
mod labels;
pub mod mail;
pub mod reminders;
pub mod runner;

pub use case_reminders::{CaseReminder, plan_case_reminders, waiting_rule};
pub use labels::{obligation_label, plan_reference};
pub use mail::{SendError, SmtpConfig, SmtpConfigError, SmtpSender};
pub use reminders::{DEFAULT_OFFSETS, INBOX_LINK, OVERDUE_CATCH_UP_DAYS, Reminder, ReminderKind, plan_reminders};
pub use runner::{JobError, Jobs, JobsConfig, REMINDER_JOB, RunReport};
