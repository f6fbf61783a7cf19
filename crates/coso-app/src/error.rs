//! One error for every use case. Messages are in Vietnamese for the user; the web maps each
//! kind to its status code and error page or JSON, the command line to its exit code.

use coso_domain::authz::Forbidden;
use coso_domain::report::Refusal;
use coso_domain::{FieldError, PathError, RowError};
use coso_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("Không tìm thấy.")]
    NotFound,
    #[error("Bạn không có quyền thực hiện thao tác này.")]
    Forbidden,
    /// Fields of a form or body failed validation; nothing was saved.
    #[error("Dữ liệu nhập chưa hợp lệ.")]
    Validation(Vec<FieldError>),
    /// Fields named by a path built at run time (`indicators.dialogues`); nothing was saved.
    #[error("Dữ liệu nhập chưa hợp lệ; chưa có gì được lưu.")]
    Fields(Vec<PathError>),
    /// Rows of an imported file are wrong; nothing was saved.
    #[error("Tệp có dòng không hợp lệ; chưa có gì được lưu.")]
    Rows(Vec<RowError>),
    /// The input is well-formed but the stored state does not allow it (a duplicate code, a
    /// report already waiting for review, a template saved by someone else).
    #[error("{message}")]
    Conflict { field: &'static str, message: String },
    /// The request cannot be carried out as asked; the message says why.
    #[error("{0}")]
    BadRequest(String),
    /// A fault of the system (database, a file that cannot be made); logged, never the user's.
    #[error("{0}")]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A validation error on one field named by a path.
    pub fn field(field: &str, message: impl Into<String>) -> Error {
        Error::Fields(vec![PathError::new(field, message)])
    }

    pub fn internal(e: impl std::fmt::Display) -> Error {
        Error::Internal(e.to_string())
    }

    /// The messages of a validation error, one per field, or the error's own message.
    pub fn messages(&self) -> Vec<String> {
        match self {
            Error::Validation(f) => f.iter().map(|e| e.message.clone()).collect(),
            Error::Fields(f) => f.iter().map(|e| e.message.clone()).collect(),
            Error::Rows(r) => r.iter().map(|e| e.message.clone()).collect(),
            other => vec![other.to_string()],
        }
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Error::NotFound,
            StoreError::Forbidden => Error::Forbidden,
            StoreError::Conflict { field, message } => Error::Conflict { field, message },
            StoreError::Rows(rows) => Error::Rows(rows),
            other => Error::Internal(other.to_string()),
        }
    }
}

impl From<Forbidden> for Error {
    fn from(_: Forbidden) -> Self {
        Error::Forbidden
    }
}

impl From<Refusal> for Error {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::ReturnWithoutComment => Error::field(r.field(), r.to_string()),
            other => Error::Conflict { field: other.field(), message: other.to_string() },
        }
    }
}
