use coso_domain::PathError;

/// Why a use case could not be carried out. Messages are in Vietnamese for the user.
#[derive(Debug, thiserror::Error)]
pub enum ReportingError {
    #[error("Không tìm thấy.")]
    NotFound,
    /// Field errors of a form or JSON body; nothing was saved.
    #[error("Dữ liệu chưa hợp lệ.")]
    Invalid(Vec<PathError>),
    /// The request is well-formed but the state does not allow it (already submitted, …).
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    BadInput(String),
    #[error(transparent)]
    Store(#[from] coso_store::StoreError),
    #[error("Không tạo được tệp: {0}")]
    Export(String),
}

impl ReportingError {
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        ReportingError::Invalid(vec![PathError { field: field.to_string(), message: message.into() }])
    }
}
