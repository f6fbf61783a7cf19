//! One module per subcommand family.

pub mod backup;
pub mod calendar;
pub mod case;
pub mod common;
pub mod demo;
pub mod document;
pub mod document_render;
pub mod migrate;
pub mod plan;
pub mod restore;
pub mod serve;
pub mod units;
mod units_list;
pub mod user;
