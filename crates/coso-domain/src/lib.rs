//! The coso domain: the rules about units, households and who may do what.
//!
//! This crate knows nothing of HTTP or SQL. It parses user input into valid values
//! ("parse, don't validate"), decides authorization, and plans imports; the store persists
//! what it decides and the web shows it.

pub mod authz;
pub mod clock;
pub mod document;
pub mod field;
pub mod household;
pub mod household_import;
pub mod ids;
pub mod notification;
pub mod official;
pub mod plan;
pub mod report;
pub mod unit;
pub mod unit_import;
pub mod unit_path;

pub use clock::Clock;
pub use field::{FieldError, PathError, RowError};
pub use ids::{
    EvidenceId, HouseholdId, ObligationId, OccurrenceId, PlanId, SubmissionId, TaskId, TemplateId, UnitId, UserId,
};

/// Lets a stored-code enum be compared with its code (`kind == "ward"`) and written as it
/// (`Display`), as a row is read and an API answers; people read `label()` instead.
macro_rules! eq_code {
    ($($ty:ty),* $(,)?) => {$(
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl PartialEq<str> for $ty {
            fn eq(&self, code: &str) -> bool {
                self.as_str() == code
            }
        }

        impl PartialEq<&str> for $ty {
            fn eq(&self, code: &&str) -> bool {
                self.as_str() == *code
            }
        }
    )*};
}

eq_code!(
    unit::UnitKind,
    unit::SuccessionKind,
    authz::Role,
    plan::TaskStatus,
    plan::ObligationKind,
    plan::ReportPeriod,
    report::SubmissionStatus,
    notification::NotificationKind,
);
