//! Official documents (văn bản): the structured model and the reader.
//!
//! Bytes in, structure out. No file system, no network, no database.
//!
//! The reader turns Markdown, plain text or DOCX into the same intermediate lines, then
//! recovers the Decree 30/2020 layout from content: header elements, numbering, citations,
//! assignments, deadlines and the signature block. It never panics and never refuses a
//! readable file: whatever it is unsure of goes into [`Document::warnings`].

mod assemble;
pub mod ballot_count_minutes;
mod citation;
pub mod community_meeting;
mod dates;
mod deadlines;
mod doctype;
mod docx;
mod error;
mod format;
mod header;
mod issuer;
mod lines;
mod markdown;
mod plain;
mod recipients;
mod reports;
mod sections;
mod signer;
mod tasks;
mod text;
mod units;

/// The document model lives in the domain; it is re-exported here, where it is filled.
pub use coso_domain::document as model;
pub use error::ParseError;
pub use format::Format;
pub use model::*;

/// Largest Markdown or text input accepted.
pub const MAX_TEXT_BYTES: usize = 20 * 1024 * 1024;

/// What the caller knows that the document may not say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParseContext {
    /// Year for dates written without one (`trước ngày 20/5`) when the document itself
    /// gives no year (no date of issue, no year in its title).
    pub default_year: Option<i32>,
}

/// Reads a document. Never panics; see [`parse_with_context`].
pub fn parse(bytes: &[u8], format: Format) -> Result<Document, ParseError> {
    parse_with_context(bytes, format, &ParseContext::default())
}

/// Reads a document with caller-supplied context (e.g. the default year for partial dates).
pub fn parse_with_context(bytes: &[u8], format: Format, ctx: &ParseContext) -> Result<Document, ParseError> {
    let raw_lines = match format {
        Format::Markdown => markdown::read(decode(bytes)?),
        Format::Text => plain::read(decode(bytes)?),
        Format::Docx => docx::read(bytes)?,
    };
    let lines = lines::join_continuations(raw_lines);
    if lines.is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(assemble::build(&lines, ctx))
}

fn decode(bytes: &[u8]) -> Result<&str, ParseError> {
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(ParseError::TooLarge { what: "tệp văn bản", limit: MAX_TEXT_BYTES as u64 });
    }
    std::str::from_utf8(bytes).map_err(|e| ParseError::NotUtf8(e.valid_up_to()))
}
