//! Dialogues between the commune's government and the people (DLG-1…DLG-4): the commune sets
//! one up and announces it, residents send questions from the public page, the official answers
//! them on the day and records the commitments made, follows their progress publicly and
//! publishes the results (a notice as DOCX and PDF, recorded in the commune's disclosure
//! register); a request signed by a tenth of the voters makes a dialogue mandatory.

mod access;
pub mod deadlines;
pub mod disclosure;
pub mod document;
pub mod manage;
pub mod questions;
pub mod view;

pub use access::{dialogue_of_unit, unit_of};
pub use deadlines::{DeadlineView, deadlines};
pub use document::{official_results_document, public_results_document, results_document};
pub use manage::{
    RequestOutcome, add_commitment, announce, answer, create, hide_question, publish_results, record_request,
    update_progress,
};
pub use questions::{Asker, ask};
pub use view::{
    CommitmentView, CommitmentsPage, DialogueSummary, DialogueView, PUBLIC_COMMITMENTS_PER_PAGE, QuestionView,
    commitments_page, dialogue_view, held_count, list_for_unit, manage_list, public_view,
};
