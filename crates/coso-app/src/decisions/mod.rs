//! Community decisions (*Nhân dân bàn và quyết định*): an official of the unit or above, or the
//! village head, opens a decision with the households of the register as its electorate
//! (`open`), records who attended (`attendance`) and a meeting's counts (`tally`), or closes a
//! meeting whose attendance cannot reach the ratio (`close`); `view` reads a decision with its
//! outcome, reason and deadlines. The ballot forms count through their own use cases and
//! record their result with the store's `record_decision_result`.

mod access;
pub mod attendance;
pub mod ballots;
mod commune;
pub mod deadlines;
pub mod meeting_documents;
pub mod online;
pub mod open;
pub mod public;
pub mod tally;
pub mod view;

pub use access::{decision_of_unit, manage_permit, unit_of};
pub use attendance::record_attendance;
pub use deadlines::{DecisionDeadline, deadlines};
pub use open::open;
pub use tally::{close, tally_meeting};
pub use view::{DecisionView, HouseholdsView, households, list_for_unit, view};
