//! Village-head elections run by the commune (Decree 59/2023 Art. 6–9): an election created for
//! a village's meeting day, the steps of its timeline recorded as done and judged against the
//! calendar's due dates, the candidates and the team (VH-2: no candidate in the team), the
//! meeting's count judged against the configured threshold (VH-5), the commune's recognition
//! within 5 working days (VH-6), and dismissal with an interim head and a new election within
//! 60 days (VH-7). The views carry the decisions' shape: `households`, `present`, `yes`,
//! `required`, `outcome`, `reason`, `deadlines`.

mod boards;
pub mod deadlines;
pub mod documents;
mod manage;
mod view;

pub use deadlines::ElectionDeadline;
pub use manage::{create, decide, dismiss, record_result, record_step};
pub use view::{
    CandidateView, ComingMeeting, DismissalView, ElectionSummary, ElectionView, ThresholdView, coming_meetings,
    dismissal, dismissals, get, investment_boards, list_for_unit,
};
