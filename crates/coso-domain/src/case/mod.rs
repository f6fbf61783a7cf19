//! Citizen cases (*đơn thư*): petitions and feedback (*phản ánh, kiến nghị*), complaints
//! (*khiếu nại*), denunciations (*tố cáo*) and the information of anonymous denunciations.
//!
//! The codes and their Vietnamese words ([`codes`]), the tracking code given to the sender
//! ([`tracking`]), the moves a case may make ([`machine`]) and the residents' intake forms read
//! from their bytes ([`intake`]). No I/O; the deadlines are the
//! calendar's (`coso-calendar`), computed by the use cases.

pub mod codes;
pub mod files;
pub mod intake;
pub mod machine;
pub mod tracking;

pub use codes::{CaseActionKind, CaseKind, CaseStatus, Channel, Complexity, RefusalGround};
pub use machine::{CaseRefusal, next};
pub use tracking::TrackingCode;
