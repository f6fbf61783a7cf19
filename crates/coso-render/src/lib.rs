//! Writes a [`coso_documents::Document`] in the layout of Decree 30/2020/NĐ-CP, Annex I, as DOCX
//! and (with the default `pdf` feature) PDF.
//!
//! Both writers start from one [`view::DocumentView`], the printed text worked out once
//! (`Số: 07/KH-UBND`, `ngày 05 tháng 02 năm 2024`, `KẾ HOẠCH`, …), and one set of measurements in
//! [`layout`], so a DOCX and a PDF of the same document say and measure the same. Output is
//! deterministic: the same document always gives the same bytes.
//!
//! ```no_run
//! # fn main() -> Result<(), coso_render::RenderError> {
//! let doc = coso_documents::Document::default();
//! let docx: Vec<u8> = coso_render::render_docx(&doc)?;
//! # Ok(()) }
//! ```

pub mod ballots;
mod docx;
mod error;
pub mod format;
pub mod layout;
#[cfg(feature = "pdf")]
mod pdf;
pub mod view;

use coso_documents::Document;

pub use error::RenderError;

pub use format::{MOTTO, NATIONAL_TITLE};

/// Renders `doc` as a DOCX file (Office Open XML) naming Times New Roman.
///
/// Fails only when a field cannot be printed (e.g. `date` is not a real day).
pub fn render_docx(doc: &Document) -> Result<Vec<u8>, RenderError> {
    docx::write(&view::build(doc)?)
}

/// Renders `doc` as a PDF with embedded Liberation Serif (metric-compatible with Times New Roman).
///
/// Fails only when a field cannot be printed (e.g. `date` is not a real day).
#[cfg(feature = "pdf")]
pub fn render_pdf(doc: &Document) -> Result<Vec<u8>, RenderError> {
    pdf::write(&view::build(doc)?)
}
