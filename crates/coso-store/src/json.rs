//! JSON columns: stored as TEXT on both backends and parsed in Rust, never queried in SQL.

use serde_json::Value;

use crate::Result;
use crate::error::StoreError;

/// The stored form of `v`: every string and key in NFC, like every other text column.
pub(crate) fn to_text(v: &Value) -> String {
    nfc(v).to_string()
}

fn nfc(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(coso_text::nfc(s)),
        Value::Array(items) => Value::Array(items.iter().map(nfc).collect()),
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (coso_text::nfc(k), nfc(v))).collect()),
        other => other.clone(),
    }
}

/// Parses the stored JSON of `column` (`table.column`). Malformed JSON is a database fault,
/// not missing data: it is logged and the read fails with an error naming the column.
pub(crate) fn parse(column: &'static str, s: &str) -> Result<Value> {
    decode(column, s)
}

/// Parses a stored JSON array of strings (the partner texts of a task).
pub(crate) fn parse_strings(column: &'static str, s: &str) -> Result<Vec<String>> {
    decode(column, s)
}

fn decode<T: serde::de::DeserializeOwned>(column: &'static str, s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| {
        tracing::error!(column, error = %e, "malformed JSON in the database");
        StoreError::Database(sqlx::Error::Decode(format!("{column}: malformed JSON ({e})").into()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_keys_are_stored_in_nfc() {
        let nfd = "Ha\u{0300} Ti\u{0303}nh";
        let v = serde_json::json!({ nfd: [nfd, 1] });
        let stored = to_text(&v);
        assert!(stored.contains("Hà Tĩnh") && !stored.contains('\u{0300}'), "{stored}");
        assert_eq!(parse("t.c", &stored).ok(), Some(serde_json::json!({ "Hà Tĩnh": ["Hà Tĩnh", 1] })));
    }
}
