//! Household ballots (*phát phiếu lấy ý kiến hộ gia đình*, DEC-9, DEC-10): the plan, the short
//! code printed on each household's ballot, and the count entered twice and reconciled.

mod code;
mod plan;
mod tally;

pub use code::{BadBallotCode, BallotCode};
pub use plan::{BallotPlan, BallotPlanInput, CHOICES};
pub use tally::{
    EntrySlot, TallyCounts, TallyEntry, TallyField, TallyInput, TallyState, check_independent, check_total,
};
