//! One module per subcommand family.

pub mod calendar;
pub mod document;
pub mod document_render;
