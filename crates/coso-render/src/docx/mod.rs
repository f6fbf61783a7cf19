//! DOCX (Office Open XML) output.
//!
//! Why hand-written OOXML and not docx-rs: the layout needs a handful of elements (two borderless
//! tables, paragraph borders for the short rules, a PAGE field in a first-page-distinct header),
//! and byte-for-byte reproducible output needs control over every part and every zip entry
//! (order, timestamps, no document-property dates). With a library that control depends on its
//! defaults staying put across versions; writing the nine parts as strings makes it ours, keeps the
//! dependency tree small, and leaves every element visible in review.

mod body;
mod parts;
mod xml;

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::RenderError;
use crate::view::DocumentView;

/// Packs the parts. Entries are written in a fixed order with a fixed timestamp (the zip epoch,
/// 1980-01-01) and fixed permissions, so the same view always gives the same bytes.
pub fn write(view: &DocumentView) -> Result<Vec<u8>, RenderError> {
    let document = body::document_xml(view);
    let styles = parts::styles();
    let header = parts::header_with_page_number();
    let first_header = parts::empty_header();
    let entries: [(&str, &str); 9] = [
        ("[Content_Types].xml", parts::CONTENT_TYPES),
        ("_rels/.rels", parts::PACKAGE_RELS),
        ("word/document.xml", &document),
        ("word/_rels/document.xml.rels", parts::DOCUMENT_RELS),
        ("word/styles.xml", &styles),
        ("word/settings.xml", parts::SETTINGS),
        ("word/fontTable.xml", parts::FONT_TABLE),
        ("word/header1.xml", &header),
        ("word/header2.xml", &first_header),
    ];
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(document.len() / 2 + 8 * 1024)));
    for (name, content) in entries {
        zip.start_file(name, options)?;
        zip.write_all(content.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}
