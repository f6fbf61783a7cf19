//! Community decisions (*Nhân dân bàn và quyết định*, Law 10/2022 Art. 15–23, Decree 59/2023
//! Art. 3–5): the six matters, the three forms, and the thresholds every count is held against.

pub mod ballot;
mod codes;
pub mod online_vote;
pub mod threshold;

pub use codes::{DecisionForm, Matter};
pub use threshold::{Comparison, meets, required};
