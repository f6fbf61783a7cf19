//! What the integration tests of coso share: throwaway databases on SQLite and PostgreSQL,
//! one `on_both!` that runs a test case on each, `TestApp` (the real router over HTTP, with
//! the `web` feature) and a fake SMTP server.
//!
//! Use it only as a dev-dependency of integration tests (`tests/*.rs`), never from a
//! `#[cfg(test)]` module inside a crate it depends on: that would link two copies of the
//! crate's types.

mod backend;
mod db;
mod on_both;
mod postgres;
pub mod smtp;
mod test_binary;
#[cfg(feature = "web")]
mod web;

pub use backend::Backend;
pub use db::TestDb;
pub use postgres::PgDatabase;
pub use test_binary::assert_every_test_file_is_a_module;
#[cfg(feature = "web")]
pub use web::{
    PASSWORD, TestApp, attr, attrs, location, occurrence, plan_docx, plan_markdown, routes_in_source, texts,
};
