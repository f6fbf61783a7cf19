//! Steering committees (*Ban Chỉ đạo*): a unit's committee with its members and the areas each
//! follows (`committee`), what a member sees of those areas (`follow`), and the register of
//! commendations and models worth copying (`recognition`).

mod committee;
mod follow;
pub mod recognition;

pub use committee::{CommitteeView, MemberView, add_member, committee, remove_member, save};
pub use follow::{AreaView, FollowView, followed};
