//! The dependency edges that must not exist between the workspace's crates, checked against
//! `cargo metadata`. Each rule is also a line of ARCHITECTURE.md ("Edges that must not exist"),
//! written from the same table so the two cannot drift apart.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Crates in `from` must not have a normal dependency on any crate in `to`. A name ending in
/// `*` stands for every crate starting with what comes before it.
struct Rule {
    from: &'static [&'static str],
    to: &'static [&'static str],
    why: &'static str,
}

const RULES: &[Rule] = &[
    Rule { from: &["coso-text"], to: &["coso-*"], why: "Vietnamese text is the bottom layer that every crate may use" },
    Rule {
        from: &["coso-domain"],
        to: &[
            "coso-documents",
            "coso-render",
            "coso-store",
            "coso-web",
            "coso-app",
            "coso-jobs",
            "coso-export",
            "sqlx",
            "axum",
            "tokio",
            "regex",
            "zip",
            "roxmltree",
            "quick-xml",
            "typst",
        ],
        why: "the rules know nothing of document parsing, rendering, storage, HTTP or a runtime",
    },
    Rule {
        from: &["coso-calendar", "coso-documents", "coso-render", "coso-export"],
        to: &["coso-store", "coso-web", "coso-app", "coso-jobs", "sqlx", "axum"],
        why: "they turn bytes into bytes, with no storage, HTTP or use cases",
    },
    Rule {
        from: &["coso-store"],
        to: &["coso-web", "coso-app", "coso-jobs", "axum"],
        why: "storage serves the use cases and the web, never the reverse",
    },
    Rule {
        from: &["coso-app"],
        to: &["coso-web", "axum", "askama", "clap"],
        why: "the use cases are shared by the web and the command line and know neither",
    },
    Rule {
        from: &["coso-web"],
        to: &["sqlx", "argon2", "clap", "typst"],
        why: "the web parses, authorizes, calls the use cases and renders; it neither queries, hashes nor typesets",
    },
];

/// The binary is the only crate that decides whether PDF output is built.
const PDF_OWNER: &str = "coso";

/// Crates through which a dependency can turn on `coso-render`'s `pdf` feature.
const PDF_CARRIERS: &[&str] = &["coso-render", "coso-app", "coso-web"];

/// The ARCHITECTURE.md line of a rule.
fn rule_line(rule: &Rule) -> String {
    let names = |list: &[&str]| list.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
    format!("- {} must not depend on {}: {}.", names(rule.from), names(rule.to), rule.why)
}

fn pdf_rule_line() -> String {
    let carriers = PDF_CARRIERS.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
    format!(
        "- Only `{PDF_OWNER}` may enable the `pdf` feature of `coso-render`, directly or through {carriers} \
         (by name or by their default features): the binary alone decides whether PDF output is built."
    )
}

fn matches(pattern: &str, name: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => name.starts_with(prefix),
        None => pattern == name,
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The workspace members as `cargo metadata --no-deps` describes them, by name.
fn members() -> BTreeMap<String, Value> {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(workspace_root())
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "cargo metadata failed: {}", String::from_utf8_lossy(&out.stderr));
    let metadata: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON");
    let packages = metadata["packages"].as_array().expect("a list of packages");
    packages.iter().map(|p| (p["name"].as_str().expect("a package name").to_string(), p.clone())).collect()
}

/// The normal dependencies of a package (not dev or build ones), optional ones included.
fn normal_dependencies(package: &Value) -> Vec<&Value> {
    let all = package["dependencies"].as_array().expect("a list of dependencies");
    all.iter().filter(|d| d["kind"].is_null()).collect()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

/// Whether a package's default features reach its own `pdf` feature.
fn default_enables_pdf(package: &Value) -> bool {
    let features = &package["features"];
    let mut seen = vec!["default"];
    let mut next = 0;
    while let Some(feature) = seen.get(next).copied() {
        next += 1;
        for f in strings(&features[feature]) {
            if f == "pdf" {
                return true;
            }
            if features.get(f).is_some() && !seen.contains(&f) {
                seen.push(f);
            }
        }
    }
    false
}

fn forbidden_edges(members: &BTreeMap<String, Value>) -> Vec<(String, String, &'static str)> {
    let mut found = Vec::new();
    for rule in RULES {
        for from in rule.from.iter().filter_map(|f| members.get_key_value(*f)) {
            for dep in normal_dependencies(from.1) {
                let to = dep["name"].as_str().expect("a dependency name");
                if rule.to.iter().any(|p| matches(p, to)) {
                    found.push((from.0.clone(), to.to_string(), rule.why));
                }
            }
        }
    }
    found
}

fn pdf_enablers(members: &BTreeMap<String, Value>) -> Vec<String> {
    let mut found = Vec::new();
    for (name, package) in members.iter().filter(|(n, _)| n.as_str() != PDF_OWNER) {
        let enables = normal_dependencies(package).into_iter().any(|dep| {
            let to = dep["name"].as_str().unwrap_or_default();
            let by_default = dep["uses_default_features"].as_bool() == Some(true)
                && members.get(to).is_some_and(default_enables_pdf);
            PDF_CARRIERS.contains(&to) && (strings(&dep["features"]).contains(&"pdf") || by_default)
        });
        if enables {
            found.push(name.clone());
        }
    }
    found
}

#[test]
fn no_forbidden_edge_exists() {
    let members = members();
    for needed in ["coso", "coso-text", "coso-domain", "coso-documents", "coso-web"] {
        assert!(members.contains_key(needed), "cargo metadata does not list {needed}");
    }
    let broken: Vec<String> =
        forbidden_edges(&members).iter().map(|(from, to, why)| format!("{from} → {to} ({why})")).collect();
    assert!(broken.is_empty(), "forbidden dependency edges (see ARCHITECTURE.md):\n{}", broken.join("\n"));
}

#[test]
fn only_the_binary_enables_pdf() {
    let members = members();
    let enablers = pdf_enablers(&members);
    assert!(
        enablers.is_empty(),
        "only {PDF_OWNER} may enable coso-render's pdf feature; also enabled by: {enablers:?}"
    );
}

#[test]
fn architecture_lists_every_rule() {
    let doc = std::fs::read_to_string(workspace_root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    assert!(doc.contains("## Edges that must not exist"), "ARCHITECTURE.md lacks its section on forbidden edges");
    for line in RULES.iter().map(rule_line).chain([pdf_rule_line()]) {
        assert!(doc.contains(&line), "ARCHITECTURE.md does not say:\n{line}");
    }
}
