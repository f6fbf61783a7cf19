//! The use cases of plans, obligations and periodic reports, shared by the web and the CLI.
//!
//! This crate joins the pure parts (the domain's rules, the calendar, the document reader and
//! writer, the table exports) with the store. It knows nothing of HTTP: callers authorize
//! first and hand in the units they are allowed to act on.

pub mod aggregate;
pub mod charts;
mod error;
pub mod evidence;
pub mod exports;
pub mod import;
pub mod inbox;
pub mod plan_json;
pub mod submit;
pub mod summary;
pub mod templates;

pub use error::ReportingError;

pub type Result<T, E = ReportingError> = std::result::Result<T, E>;

mod occurrence;
pub use occurrence::{OccurrenceDetail, occurrence_detail};
