//! Field-by-field comparison of a parsed document with an expected JSON file.
//!
//! Exact fields (numbers, dates, kinds, issuers, units, periods…) must be equal after
//! normalisation: NFC, case, whitespace, trailing `.;:,/`, dash and quote variants, old and new
//! tone placement (`uỷ`/`ủy`), and the common abbreviations (`UBND`, `QCDC`…).
//! Raw citations may differ in extent (whether the subject `về …` is included), so one must
//! be a prefix of the other. Descriptive texts written by a person (task text, what is due,
//! raw report clauses) must share at least 80 % of the words of the shorter one and be at
//! most four times as long. Keys starting with `_` are notes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// The shared fixtures, beside the repository.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/plans")
}

/// This crate's own test documents.
pub fn docs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/docs")
}

pub fn norm(s: &str) -> String {
    let mut t: String = s.nfc().collect::<String>().to_lowercase();
    for (from, to) in [
        ("–", "-"),
        ("—", "-"),
        ("“", "\""),
        ("”", "\""),
        ("uỷ", "ủy"),
        ("uý", "úy"),
        ("uỳ", "ùy"),
        ("uỹ", "ũy"),
        ("uỵ", "ụy"),
        ("oá", "óa"),
        ("oà", "òa"),
        ("oả", "ỏa"),
        ("oã", "õa"),
        ("oạ", "ọa"),
        ("oé", "óe"),
        ("oè", "òe"),
    ] {
        t = t.replace(from, to);
    }
    let words: Vec<String> = t
        .split_whitespace()
        .map(|w| match w {
            "ubnd" => "ủy ban nhân dân".to_string(),
            "hđnd" => "hội đồng nhân dân".to_string(),
            "qcdc" => "quy chế dân chủ".to_string(),
            "mttq" => "mặt trận tổ quốc".to_string(),
            other => other.to_string(),
        })
        .collect();
    let joined = words.join(" ");
    joined.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ':' | ',' | '/')).to_string()
}

fn word_set(s: &str) -> BTreeSet<String> {
    norm(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Word overlap of two descriptive texts.
pub fn similar(a: &str, b: &str) -> bool {
    let (wa, wb) = (word_set(a), word_set(b));
    if wa.is_empty() || wb.is_empty() {
        return wa.is_empty() && wb.is_empty();
    }
    let common = wa.intersection(&wb).count() as f64;
    let (small, large) = (wa.len().min(wb.len()) as f64, wa.len().max(wb.len()) as f64);
    common / small >= 0.8 && large / small <= 4.0
}

#[derive(Clone, Copy, PartialEq)]
enum Rule {
    Exact,
    Prefix,
    Similar,
}

fn rule_for(path: &str) -> Rule {
    let last = path.rsplit('.').next().unwrap_or(path);
    if path.starts_with("other_cited_documents") && last == "raw" {
        Rule::Prefix
    } else if matches!(last, "text" | "what")
        || (last == "raw" && (path.starts_with("deadlines") || path.starts_with("report_obligations")))
    {
        Rule::Similar
    } else {
        Rule::Exact
    }
}

fn scalar_eq(expected: &Value, actual: &Value, rule: Rule) -> bool {
    match (expected, actual) {
        (Value::String(e), Value::String(a)) => {
            let (e, a) = (norm(e), norm(a));
            match rule {
                Rule::Exact => e == a,
                Rule::Prefix => e == a || e.starts_with(&a) || a.starts_with(&e),
                Rule::Similar => similar(&e, &a),
            }
        }
        (Value::Null, Value::Null) => true,
        (Value::Array(e), Value::Null) | (Value::Null, Value::Array(e)) => e.is_empty(),
        (e, a) => e == a,
    }
}

/// Per-field results: field path (without indices) → (passed, total), and failure messages.
#[derive(Default, Debug)]
pub struct Score {
    pub fields: BTreeMap<String, (usize, usize)>,
    pub failures: Vec<String>,
}

impl Score {
    fn record(&mut self, field: &str, ok: bool, msg: impl FnOnce() -> String) {
        let e = self.fields.entry(field.to_string()).or_default();
        e.1 += 1;
        if ok {
            e.0 += 1;
        } else {
            self.failures.push(msg());
        }
    }

    pub fn report(&self, name: &str) -> String {
        let mut out = format!("{name}:\n");
        for (f, (ok, total)) in &self.fields {
            out.push_str(&format!("  {f:<40} {ok}/{total}\n"));
        }
        out
    }
}

fn compare_value(score: &mut Score, path: &str, field: &str, expected: &Value, actual: &Value) {
    match expected {
        Value::Object(map) => {
            for (k, v) in map {
                if k.starts_with('_') {
                    continue;
                }
                let a = actual.get(k).unwrap_or(&Value::Null);
                compare_value(score, &format!("{path}.{k}"), &format!("{field}.{k}"), v, a);
            }
        }
        Value::Array(items) if items.iter().all(|i| !i.is_object()) => {
            let got = actual.as_array().cloned().unwrap_or_default();
            let ok = got.len() == items.len() && items.iter().zip(&got).all(|(e, a)| scalar_eq(e, a, Rule::Exact));
            score.record(field, ok, || format!("{path}: expected {expected}, got {actual}"));
        }
        Value::Array(items) => {
            let got = actual.as_array().cloned().unwrap_or_default();
            score.record(&format!("{field}[len]"), got.len() == items.len(), || {
                format!("{path}: expected {} items, got {}", items.len(), got.len())
            });
            // Report obligations are listed by subject in the fixtures, not in reading order:
            // each expected item is matched with the first unused parsed item that equals it.
            if field == "report_obligations" {
                let mut used = vec![false; got.len()];
                for (i, e) in items.iter().enumerate() {
                    let pick = (0..got.len()).find(|&j| !used[j] && object_matches(field, e, &got[j]));
                    match pick {
                        Some(j) => {
                            used[j] = true;
                            compare_value(score, &format!("{path}[{i}]"), field, e, &got[j]);
                        }
                        None => score.record(field, false, || format!("{path}[{i}]: no parsed item matches {e}")),
                    }
                }
                return;
            }
            for (i, e) in items.iter().enumerate() {
                let a = got.get(i).unwrap_or(&Value::Null);
                compare_value(score, &format!("{path}[{i}]"), field, e, a);
            }
        }
        _ => {
            let ok = scalar_eq(expected, actual, rule_for(field));
            score.record(field, ok, || format!("{path}: expected {expected}, got {actual}"));
        }
    }
}

fn object_matches(field: &str, expected: &Value, actual: &Value) -> bool {
    let mut s = Score::default();
    compare_value(&mut s, field, field, expected, actual);
    s.failures.is_empty()
}

/// Compares every non-note key of `expected` with the parsed document.
pub fn compare(expected: &Value, actual: &Value) -> Score {
    let mut score = Score::default();
    if let Value::Object(map) = expected {
        for (k, v) in map {
            if k.starts_with('_') {
                continue;
            }
            compare_value(&mut score, k, k, v, actual.get(k).unwrap_or(&Value::Null));
        }
    }
    score
}

#[test]
fn comparator_can_fail() {
    let expected: Value = serde_json::json!({"number": "115/KH-UBND", "tasks": [{"text": "Theo dõi, đôn đốc việc thực hiện", "lead_unit": "Sở Nội vụ"}]});
    let good: Value = serde_json::json!({"number": "115/KH-UBND.", "tasks": [{"text": "theo dõi, đôn đốc việc thực hiện kế hoạch", "lead_unit": "Sở  Nội vụ"}]});
    assert!(compare(&expected, &good).failures.is_empty());
    let bad: Value = serde_json::json!({"number": "116/KH-UBND", "tasks": [{"text": "Tuyên truyền pháp luật", "lead_unit": "Phòng Tư pháp"}]});
    assert_eq!(compare(&expected, &bad).failures.len(), 3);
}
