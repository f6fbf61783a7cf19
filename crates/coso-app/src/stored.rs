//! Stored JSON read into typed values (a plan's document, sections and legal bases, a
//! submission's content and indicator values). Data that does not fit its type is a fault
//! of the database: it is logged and the use case fails with an error naming the column,
//! never shown as an empty document or an unsent report.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{Error, Result};

/// `value`, stored in `column` (`table.column`), as a `T`.
pub(crate) fn decode<T: DeserializeOwned>(column: &'static str, value: &Value) -> Result<T> {
    T::deserialize(value).map_err(|e| fault(column, &e))
}

/// The JSON text stored in `column` as a `T`.
pub(crate) fn decode_text<T: DeserializeOwned>(column: &'static str, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| fault(column, &e))
}

fn fault(column: &'static str, e: &serde_json::Error) -> Error {
    tracing::error!(column, error = %e, "stored JSON does not fit its type");
    Error::Internal(format!("Dữ liệu lưu trong cột {column} không hợp lệ: {e}"))
}
