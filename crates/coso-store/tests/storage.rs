//! The store's integration tests, one module a file of this folder, in one binary (see
//! `Cargo.toml`): `cargo test --workspace --test storage -- conformance::` runs the tests of
//! `conformance.rs`. One binary links sqlx and the store once instead of once a file.

#[path = "bad_stored_data.rs"]
mod bad_stored_data;
#[path = "cases.rs"]
mod cases;
#[path = "conformance.rs"]
mod conformance;
#[path = "consultations.rs"]
mod consultations;
#[path = "decision_votes.rs"]
mod decision_votes;
#[path = "decisions.rs"]
mod decisions;
#[path = "disclosures.rs"]
mod disclosures;
#[path = "plans.rs"]
mod plans;
#[path = "reception.rs"]
mod reception;
#[path = "resident_accounts.rs"]
mod resident_accounts;
#[path = "schema_parity.rs"]
mod schema_parity;

/// A file of `tests/` that is not a module here would never compile nor run.
#[test]
fn every_test_file_is_a_module_of_this_binary() {
    coso_test_support::assert_every_test_file_is_a_module(env!("CARGO_MANIFEST_DIR"), "storage.rs");
}
