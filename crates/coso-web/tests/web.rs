//! The web crate's integration tests, one module a file of this folder, in one binary (see
//! `Cargo.toml`): `cargo test --workspace --test web -- pages::` runs the tests of `pages.rs`.
//! `common.rs` holds the fixtures they share. The hardening tests (`hardening/`) are a binary of
//! their own.

#[path = "accounts.rs"]
mod accounts;
#[path = "admin_pages.rs"]
mod admin_pages;
#[path = "agency.rs"]
mod agency;
#[path = "api.rs"]
mod api;
#[path = "audit_log.rs"]
mod audit_log;
#[path = "board_elections.rs"]
mod board_elections;
#[path = "boards.rs"]
mod boards;
#[path = "calendar.rs"]
mod calendar;
#[path = "case_desk.rs"]
mod case_desk;
#[path = "case_stats.rs"]
mod case_stats;
#[path = "case_summary.rs"]
mod case_summary;
#[path = "cases.rs"]
mod cases;
#[path = "common.rs"]
mod common;
#[path = "consultations.rs"]
mod consultations;
#[path = "convention_pages.rs"]
mod convention_pages;
#[path = "conventions.rs"]
mod conventions;
#[path = "decision_followups.rs"]
mod decision_followups;
#[path = "decision_votes.rs"]
mod decision_votes;
#[path = "decisions.rs"]
mod decisions;
#[path = "dialogues.rs"]
mod dialogues;
#[path = "disclosures.rs"]
mod disclosures;
#[path = "dissemination.rs"]
mod dissemination;
#[path = "elections.rs"]
mod elections;
#[path = "inspections.rs"]
mod inspections;
#[path = "my_cases.rs"]
mod my_cases;
#[path = "navigation.rs"]
mod navigation;
#[path = "open311.rs"]
mod open311;
#[path = "openapi_complete.rs"]
mod openapi_complete;
#[path = "pages.rs"]
mod pages;
#[path = "pdf.rs"]
mod pdf;
#[path = "petitions.rs"]
mod petitions;
#[path = "reception.rs"]
mod reception;
#[path = "reporting.rs"]
mod reporting;
#[path = "residents.rs"]
mod residents;
#[path = "security.rs"]
mod security;
#[path = "steering.rs"]
mod steering;
#[path = "stored_data.rs"]
mod stored_data;

/// A file of `tests/` that is not a module here would never compile nor run.
#[test]
fn every_test_file_is_a_module_of_this_binary() {
    coso_test_support::assert_every_test_file_is_a_module(env!("CARGO_MANIFEST_DIR"), "web.rs");
}
