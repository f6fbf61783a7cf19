//! Plans (kế hoạch): their tasks, their target units, and what the targets must send — an
//! implementing plan and reports for periods — with the occurrences, due dates and timeliness.

pub mod draft;
pub mod due;
pub mod import;
pub mod issuer;
pub mod occurrence;
pub mod period;
pub mod period_key;
pub mod target;
pub mod task;
pub mod timing;

pub use draft::{ObligationDraft, PlanDraft, TaskDraft};
pub use due::Due;
pub use import::ReportingDefaults;
pub use issuer::PlanIssuer;
pub use occurrence::{Occurrence, occurrences, period_label};
pub use period::{ObligationKind, ReportPeriod};
pub use period_key::{BadPeriodKey, PeriodKey};
pub use target::TargetSpec;
pub use task::{DisplayStatus, TaskStatus, parse_progress};
pub use timing::{Timing, classify, days_late, overdue_label};
