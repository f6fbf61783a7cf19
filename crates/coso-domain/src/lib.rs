//! The coso domain: the rules about units, households and who may do what.
//!
//! This crate knows nothing of HTTP or SQL. It parses user input into valid values
//! ("parse, don't validate"), decides authorization, and plans imports; the store persists
//! what it decides and the web shows it.

pub mod authz;
pub mod clock;
pub mod document;
pub mod field;
pub mod household;
pub mod household_import;
pub mod ids;
pub mod official;
pub mod plan;
pub mod report;
pub mod unit;
pub mod unit_import;
pub mod unit_path;

pub use clock::Clock;
pub use field::{FieldError, PathError, RowError};
pub use ids::{HouseholdId, UnitId, UserId};
