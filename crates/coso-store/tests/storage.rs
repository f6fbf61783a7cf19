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
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let listed = std::fs::read_to_string(dir.join("storage.rs")).expect("storage.rs");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/") {
        let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
        if name.ends_with(".rs") && name != "storage.rs" && !listed.contains(&format!("#[path = \"{name}\"]")) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "add these to tests/storage.rs: {missing:?}");
}
