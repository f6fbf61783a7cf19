//! One module per subcommand family.

pub mod calendar;
pub mod document;
