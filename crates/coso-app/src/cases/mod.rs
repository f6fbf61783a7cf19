//! Citizen cases: registering petitions, complaints and denunciations, reading one with its
//! deadlines computed by the legal calendar, every step of their handling, a unit's inbox,
//! the resident's intake and their own cases, the public view of a tracking code, clearances
//! and statistics.
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
mod clearance_list;
mod deadlines;
mod desk;
mod documents;
mod files;
mod inbox;
mod input;
mod intake;
mod mine;
pub mod open311;
pub mod photos;
mod public_list;
mod public_view;
mod receipt;
mod register;
mod retention;
mod stats;
mod stats_charts;
mod stats_export;
mod view;
mod worklist;

pub use act::{CaseCommand, act};
pub use by_code::get_by_code;
pub use categories::{categories, deactivate_category, save_category, unit_categories};
pub use clearance::{CLEARANCE_DENUNCIATION, grant_clearance, revoke_clearance};
pub use clearance_list::clearance_holders;
pub use deadlines::{DeadlineView, Step};
pub use desk::{
    CasePage, DESK_STEPS, Letter, MAX_LETTER_BYTES, allowed_steps, case_file, case_page, check_letter,
    register_at_desk, reveal_sender,
};
pub use documents::{CaseDocument, case_document};
pub use files::{DEFAULT_CASE_FILE_LIMIT, attach_file, file};
pub use inbox::{INBOX_PAGE_SIZE, InboxFilter, InboxPage, InboxRow, inbox};
pub use input::{MAX_CONTENT_CHARS, NewCase, SenderInput};
pub use intake::{
    IntakeLimits, MAX_PHOTOS, PhotoUpload, PublicPetition, ResidentCase, Submitted, Submitter, submit_as_resident,
    submit_petition,
};
pub use mine::{MY_CASES_PAGE_SIZE, MyCase, MyCases, my_cases};
pub use public_list::{ListQuery, PAGE_SIZE, PublicList, PublishedPetition, published};
pub use public_view::{MAX_RATING_COMMENT_CHARS, PublicCase, PublicStep, public_view, rate};
pub use receipt::receipt;
pub use register::register;
pub use retention::{Retention, remove_expired_personal_data, remove_expired_visit_data};
pub use stats::{CaseStats, HOT_SPOTS, HotSpot, KindStats, Satisfaction, UnitLine, stats};
pub use stats_charts::stats_charts;
pub use stats_export::{stats_csv, stats_table, stats_xlsx};
pub use view::{CaseView, TimelineEntry, get};
/// The officials' list of cases (pages, downloads, and the JSON API through [`inbox`]).
pub use worklist::{
    DueState, INBOX_EXPORT_MAX, Inbox, InboxLine, InboxQuery, WORKLIST_PAGE_SIZE, due_state, inbox_table, inbox_unit,
    worklist,
};
