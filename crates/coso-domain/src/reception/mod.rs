//! Citizen reception (*tiếp công dân*): who receives, the unit's schedule of reception days,
//! the log of sessions and visits, and the rule of how often the chairman must receive
//! (Law on Citizen Reception 42/2013/QH13, legal-rules.md TCD-1 … TCD-6).

pub mod codes;
pub mod compliance;
pub mod period;
pub mod schedule;
pub mod session;
pub mod visit;

pub use codes::{Outcome, PartOfDay, Receiver, RefusalGround, ScheduleKind, SessionKind};
pub use compliance::{Cadence, Compliance, Interval, IntervalStatus, Miss, Rules, assess, cadence_of};
pub use period::CompliancePeriod;
pub use schedule::{ScheduleEntry, ScheduleInput, Upcoming, upcoming};
pub use session::{SessionData, SessionInput};
pub use visit::{VisitData, VisitInput};
