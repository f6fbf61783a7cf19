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
mod clearance_list;
mod deadlines;
mod desk;
mod documents;
mod inbox;
mod input;
mod register;
mod view;

pub use act::{CaseCommand, act};
pub use categories::{deactivate_category, save_category, unit_categories};
pub use clearance::{CLEARANCE_DENUNCIATION, grant_clearance, revoke_clearance};
pub use clearance_list::clearance_holders;
pub use deadlines::{DeadlineView, Step};
pub use desk::{
    CasePage, DESK_STEPS, Letter, MAX_LETTER_BYTES, allowed_steps, case_file, case_page, check_letter,
    register_at_desk, reveal_sender,
};
pub use documents::{CaseDocument, case_document};
pub use inbox::{DueState, INBOX_PAGE_SIZE, Inbox, InboxLine, InboxQuery, due_state, inbox, inbox_table, inbox_unit};
pub use input::{MAX_CONTENT_CHARS, NewCase, SenderInput};
pub use register::register;
pub use view::{CaseView, TimelineEntry, get};
