//! Supervision boards (Law 10/2022 Art. 36–41, Decree 59/2023): the People's Inspection Board
//! (*Ban Thanh tra nhân dân*, BTTND) of a commune or of an agency, and the community investment
//! supervision board (*Ban Giám sát đầu tư của cộng đồng*, GSĐTCĐ) of one project. The
//! membership rules (BTT-1, BTT-2, BTT-6, GS-1, GS-2, GS-3) are pure functions whose errors
//! name the rule; findings and recommendations (*kiến nghị*) move from sent to answered to
//! closed; reports cover a quarter or six months.

mod codes;
pub mod finding;
pub mod membership;
pub mod project;
pub mod report;
pub mod work;

pub use codes::{ActivityKind, BoardKind, BoardStatus, FindingStatus, MemberRole, MemberSource, ReportCadence};
pub use finding::{AnswerData, AnswerInput, FindingData, FindingInput, FindingState};
pub use membership::{
    BoardInput, ExistingBoard, Member, MemberInput, check_inspection, check_investment, check_place,
    inspection_minimum, parse_members,
};
pub use project::{Project, ProjectInput};
pub use report::{ReportCounts, fits, period_bounds, period_end, report_periods};
pub use work::{ActivityData, ActivityInput, PlanData, PlanInput};
