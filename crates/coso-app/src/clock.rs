//! The clock of the application: defined in the domain (the store below stamps rows with it),
//! owned by [`crate::App`]. "Today" is the date in Vietnam, in one place.

pub use coso_domain::clock::{Clock, VIETNAM, date_in_vietnam, vietnam_time_text};
