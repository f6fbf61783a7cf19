//! Steering committees (*Ban Chỉ đạo*): a unit's committee, its members and the areas (units
//! of the subtree) each member follows.

pub mod committee;

pub use committee::{CommitteeInput, Member, MemberInput};
