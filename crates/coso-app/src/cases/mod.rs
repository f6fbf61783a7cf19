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
mod by_code;
mod categories;
mod clearance;
mod deadlines;
mod files;
mod inbox;
mod input;
mod intake;
pub mod open311;
pub mod photos;
/// The first resident door, kept beside the petition intake below: it also takes complaints and
/// denunciations from signed-in residents.
pub mod public;
mod public_list;
mod public_view;
mod receipt;
mod register;
mod stats;
mod view;

pub use act::{CaseCommand, act};
pub use by_code::get_by_code;
pub use categories::{add_category, categories, deactivate_category};
pub use clearance::{CLEARANCE_DENUNCIATION, grant_clearance, revoke_clearance};
pub use deadlines::{DeadlineView, Step};
pub use files::{DEFAULT_CASE_FILE_LIMIT, attach_file, file};
pub use inbox::{INBOX_PAGE_SIZE, InboxFilter, InboxPage, InboxRow, inbox};
pub use input::{MAX_CONTENT_CHARS, NewCase, SenderInput};
pub use intake::{IntakeLimits, MAX_PHOTOS, PhotoUpload, PublicPetition, Submitted, Submitter, submit_petition};
pub use public::{PublicCaseForm, Rater, public_view, submit_public};
pub use public_list::{ListQuery, PAGE_SIZE, PublicList, PublishedPetition, published};
pub use public_view::{MAX_RATING_COMMENT_CHARS, PublicCase, PublicStep, rate, track};
pub use receipt::receipt;
pub use register::register;
pub use stats::{CaseStats, KindStats, stats};
pub use view::{CaseView, TimelineEntry, get};
