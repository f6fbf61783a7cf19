//! Community decisions (*Nhân dân bàn và quyết định*, Law 10/2022 Art. 15–23, Decree 59/2023
//! Art. 3–5): the six matters, the three forms, and the thresholds every count is held against;
//! the decision as opened, its states, a meeting's counts (DEC-5), the outcome against all
//! households (DEC-6, DEC-8), the configurable numbers and the meeting's timeline.

pub mod ballot;
mod codes;
pub mod input;
pub mod meeting;
pub mod online_vote;
pub mod outcome;
pub mod report;
pub mod rules;
mod status;
pub mod threshold;
pub mod timeline;

pub use codes::{DecisionForm, Matter};
pub use input::{DecisionData, DecisionInput};
pub use meeting::MeetingTally;
pub use outcome::{Judgement, judge};
pub use rules::Rules;
pub use status::{DecisionStatus, Outcome, VotingMethod};
pub use threshold::{Comparison, meets, required};
