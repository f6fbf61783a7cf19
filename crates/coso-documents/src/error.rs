//! Why a document could not be read. Messages are Vietnamese: they reach officials as is.

/// A document that cannot be read at all. Everything short of this becomes a warning.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseError {
    /// The bytes are not UTF-8 (Markdown and plain text must be UTF-8).
    #[error("tệp không phải UTF-8 (vị trí byte {0}); hãy lưu lại tệp với bảng mã UTF-8")]
    NotUtf8(usize),
    /// The DOCX container or its XML is broken.
    #[error("tệp DOCX hỏng: {0}")]
    CorruptDocx(String),
    /// The input or a part of it exceeds a safety limit (zip bombs, runaway files).
    #[error("tệp quá lớn: {what} vượt giới hạn {limit} byte")]
    TooLarge { what: &'static str, limit: u64 },
    /// Nothing readable in the file.
    #[error("tệp không có nội dung văn bản")]
    Empty,
}
