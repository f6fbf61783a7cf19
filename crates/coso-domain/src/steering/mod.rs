//! Steering committees (*Ban Chỉ đạo*): a unit's committee, its members and the areas (units
//! of the subtree) each member follows; the register of commendations and of models worth
//! copying.

pub mod codes;
pub mod committee;
pub mod recognition;

pub use codes::{CommendationForm, ModelStatus};
pub use committee::{CommitteeInput, Member, MemberInput};
pub use recognition::{Commendation, CommendationInput, Model, ModelInput};
