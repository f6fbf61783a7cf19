//! The use cases of coso, between the domain and the store on one side and the front doors
//! (the web, the command line, the jobs, the demo loader) on the other.
//!
//! A use case takes the [`App`] (store, clock, settings), an [`Actor`] (a signed-in user with
//! its roles, or the system) and typed input; it authorizes through
//! `coso_domain::authz::authorize`, validates, changes, audits (the store writes the audit
//! row in the change's transaction) and returns a typed result or an [`Error`] worded in
//! Vietnamese. It knows nothing of HTTP or of the terminal. One module per capability.

pub mod accounts;
mod actor;
pub mod agency;
mod app;
pub mod audit;
pub mod boards;
pub mod calendar;
pub mod cases;
pub mod clock;
pub mod conferences;
pub mod consultations;
pub mod conventions;
pub mod decisions;
pub mod dialogues;
pub mod disclosures;
pub mod dissemination;
pub mod elections;
mod error;
pub mod households;
pub mod inspections;
pub mod notifications;
pub mod plans;
pub mod reception;
pub mod reports;
pub mod steering;
mod stored;
pub mod tasks;
pub mod templates;
pub mod unit_search;
pub mod units;
pub mod users;

pub use actor::Actor;
pub use app::{App, AppSettings};
pub use clock::Clock;
pub use error::{Error, Result};
