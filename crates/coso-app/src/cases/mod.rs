//! Citizen cases: registering petitions, complaints and denunciations, reading one with its
//! deadlines computed by the legal calendar, every step of their handling, a unit's inbox,
//! the public view of a tracking code, clearances and statistics.
//!
//! The sender's identity is shown only to those entitled to it: for petitions and complaints
//! the officials of the case's unit and above; for denunciations (and the information of
//! anonymous ones) only users holding a clearance on the unit or above it — nobody by
//! default, administrators included — and every such read is audited.

mod access;
mod act;
mod categories;
mod clearance;
mod deadlines;
mod files;
mod inbox;
mod input;
mod public;
mod register;
mod stats;
mod stats_charts;
mod stats_export;
mod view;

pub use act::{CaseCommand, act};
pub use categories::{add_category, categories, deactivate_category};
pub use clearance::{CLEARANCE_DENUNCIATION, grant_clearance, revoke_clearance};
pub use deadlines::{DeadlineView, Step};
pub use files::{DEFAULT_CASE_FILE_LIMIT, attach_file, file};
pub use inbox::{INBOX_PAGE_SIZE, InboxFilter, InboxPage, InboxRow, inbox};
pub use input::{MAX_CONTENT_CHARS, NewCase, SenderInput};
pub use public::{PublicCase, PublicCaseForm, PublicStep, Rater, public_view, rate, submit_public};
pub use register::register;
pub use stats::{CaseStats, HOT_SPOTS, HotSpot, KindStats, Satisfaction, UnitLine, stats};
pub use stats_charts::stats_charts;
pub use stats_export::{stats_csv, stats_table, stats_xlsx};
pub use view::{CaseView, TimelineEntry, get};
