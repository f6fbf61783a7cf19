//! The command's end-to-end tests, one module a file of this folder, in one binary (see
//! `Cargo.toml`): `cargo test --workspace --test end_to_end -- browser::` runs the tests of
//! `browser.rs`. `support/` holds what they share: a data folder, the command run, a server
//! started and stopped.

mod support;

#[path = "api_fuzz.rs"]
mod api_fuzz;
#[path = "backup_restore.rs"]
mod backup_restore;
#[path = "browser.rs"]
mod browser;
#[path = "calendar_cli.rs"]
mod calendar_cli;
#[path = "case_cli.rs"]
mod case_cli;
#[path = "cli.rs"]
mod cli;
#[path = "crash_safety.rs"]
mod crash_safety;
#[path = "dependency_edges.rs"]
mod dependency_edges;
#[path = "document_cli.rs"]
mod document_cli;
#[path = "document_render_cli.rs"]
mod document_render_cli;
#[path = "jobs_serve.rs"]
mod jobs_serve;
#[path = "password_reset_mail.rs"]
mod password_reset_mail;
#[path = "plan_cli.rs"]
mod plan_cli;
#[path = "serve.rs"]
mod serve;

/// A file of `tests/` that is not a module here would never compile nor run.
#[test]
fn every_test_file_is_a_module_of_this_binary() {
    coso_test_support::assert_every_test_file_is_a_module(env!("CARGO_MANIFEST_DIR"), "end_to_end.rs");
}
