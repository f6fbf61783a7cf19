//! The one error type of the crate, with Vietnamese messages: they reach officials through
//! `coso document render` and the web export unchanged.

use thiserror::Error;

/// Why a document could not be rendered.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum RenderError {
    /// A field holds a value the layout cannot print (e.g. a date that does not exist).
    #[error("trường `{field}` không hợp lệ: {value:?} ({reason})")]
    InvalidField { field: &'static str, value: String, reason: &'static str },
    /// Packing the DOCX (zip) archive failed.
    #[error("không tạo được tệp DOCX: {0}")]
    Docx(String),
    /// The PDF typesetter reported errors.
    #[error("không tạo được tệp PDF: {0}")]
    Pdf(String),
}

impl From<zip::result::ZipError> for RenderError {
    fn from(err: zip::result::ZipError) -> Self {
        Self::Docx(err.to_string())
    }
}

impl From<std::io::Error> for RenderError {
    fn from(err: std::io::Error) -> Self {
        Self::Docx(err.to_string())
    }
}
