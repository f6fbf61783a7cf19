//! The check every one-binary test crate runs on itself.

use std::path::Path;

/// Fails naming the files of `tests/` (in the crate at `manifest_dir`) that the binary's root
/// file `root` does not take as a module with `#[path = "FILE"]`: with `autotests = false`, a
/// file left out would never compile nor run, and nobody would notice.
pub fn assert_every_test_file_is_a_module(manifest_dir: &str, root: &str) {
    let dir = Path::new(manifest_dir).join("tests");
    let listed = std::fs::read_to_string(dir.join(root)).unwrap_or_else(|e| panic!("tests/{root}: {e}"));
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/") {
        let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
        if name.ends_with(".rs") && name != root && !listed.contains(&format!("#[path = \"{name}\"]")) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "add these to tests/{root}: {missing:?}");
}
