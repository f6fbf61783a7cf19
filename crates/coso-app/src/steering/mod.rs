//! Steering committees (*Ban Chỉ đạo*): a unit's committee with its members and the areas each
//! follows (`committee`), and what a member sees of those areas (`follow`).

mod committee;
mod follow;

pub use committee::{CommitteeView, MemberView, add_member, committee, remove_member, save};
pub use follow::{AreaView, FollowView, followed};
