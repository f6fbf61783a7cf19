//! DOCX input: `word/document.xml` read directly with `zip` and `quick-xml`.
//!
//! Only what the structure heuristics need is kept: the text of each paragraph, whether all
//! of its text is bold, and whether it sits in a table. Tables are read row by row and cell by
//! cell, so the two-column header (issuing body | national title) and the two-column footer
//! (recipients | signer) come out as consecutive lines. Sizes are checked before and while
//! decompressing, so a zip bomb costs at most [`MAX_XML_BYTES`] of memory.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::error::ParseError;
use crate::lines::Line;

/// Largest DOCX accepted, compressed.
pub(crate) const MAX_DOCX_BYTES: u64 = 50 * 1024 * 1024;
/// Largest `word/document.xml` accepted, decompressed. The plans in the fixtures have 9 to 47 KB
/// of it; a hundred pages of Word's verbose XML stay under 2 MB. Anything past this is not a
/// plan, and reading it would hold a request thread and memory for nothing.
pub(crate) const MAX_XML_BYTES: u64 = 4 * 1024 * 1024;
/// A Word document has a few dozen parts; thousands means something else.
const MAX_ENTRIES: usize = 5_000;

/// Reads the paragraphs of a DOCX file into lines.
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<Line>, ParseError> {
    if bytes.len() as u64 > MAX_DOCX_BYTES {
        return Err(ParseError::TooLarge { what: "tệp DOCX", limit: MAX_DOCX_BYTES });
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ParseError::CorruptDocx(format!("không mở được gói ZIP ({e})")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(ParseError::CorruptDocx(format!("gói ZIP có {} mục, quá nhiều", archive.len())));
    }
    let mut entry = archive
        .by_name("word/document.xml")
        .map_err(|_| ParseError::CorruptDocx("thiếu phần word/document.xml".to_string()))?;
    if entry.size() > MAX_XML_BYTES {
        return Err(ParseError::TooLarge { what: "word/document.xml sau giải nén", limit: MAX_XML_BYTES });
    }
    let mut xml = Vec::with_capacity(usize::try_from(entry.size().min(MAX_XML_BYTES)).unwrap_or(0));
    (&mut entry)
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| ParseError::CorruptDocx(format!("không giải nén được word/document.xml ({e})")))?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(ParseError::TooLarge { what: "word/document.xml sau giải nén", limit: MAX_XML_BYTES });
    }
    let xml = String::from_utf8(xml).map_err(|e| {
        ParseError::CorruptDocx(format!("word/document.xml không phải UTF-8 (byte {})", e.utf8_error().valid_up_to()))
    })?;
    read_document_xml(&xml)
}

/// One paragraph being collected; paragraphs nest when a text box sits inside a paragraph.
#[derive(Default)]
struct Para {
    text: String,
    /// Characters of non-blank text in bold and in total: the line is bold when all are.
    bold_chars: usize,
    chars: usize,
    numbered: bool,
}

/// Walks `word/document.xml` and produces one line per paragraph (and per manual line break).
pub(crate) fn read_document_xml(xml: &str) -> Result<Vec<Line>, ParseError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    let mut out = Vec::new();
    let mut stack: Vec<Para> = Vec::new();
    let mut table_depth = 0usize;
    let mut run_bold = false;
    let mut in_run_props = false;
    let mut in_text = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| ParseError::CorruptDocx(format!("XML lỗi ở vị trí {} ({e})", reader.error_position())))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "p" => stack.push(Para::default()),
                "tbl" => table_depth += 1,
                "r" => run_bold = false,
                "rPr" => in_run_props = true,
                "t" => in_text = true,
                "b" if in_run_props => run_bold = bold_value(&e),
                "numPr" => {
                    if let Some(p) = stack.last_mut() {
                        p.numbered = true;
                    }
                }
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "p" => out.push(Line::default()),
                "b" if in_run_props => run_bold = bold_value(&e),
                "tab" | "noBreakHyphen" if !in_run_props => push_text(&mut stack, " ", run_bold),
                "br" | "cr" => {
                    if let Some(p) = stack.last_mut() {
                        p.text.push('\n');
                    }
                }
                "numPr" => {
                    if let Some(p) = stack.last_mut() {
                        p.numbered = true;
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "p" => {
                    if let Some(p) = stack.pop() {
                        emit(&mut out, p, table_depth > 0);
                    }
                }
                "tbl" => table_depth = table_depth.saturating_sub(1),
                "rPr" => in_run_props = false,
                "t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text => push_text(&mut stack, &t.xml10_content(), run_bold),
            Event::CData(t) if in_text => push_text(&mut stack, &t.xml10_content(), run_bold),
            Event::GeneralRef(r) if in_text => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.xml10_content().as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = resolved {
                    push_text(&mut stack, c.encode_utf8(&mut [0u8; 4]), run_bold);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    while let Some(p) = stack.pop() {
        emit(&mut out, p, table_depth > 0);
    }
    Ok(out)
}

/// `<w:b/>` and `<w:b w:val="1"/>` are bold; `w:val="0"`/`false`/`off` switch bold off.
fn bold_value(e: &BytesStart<'_>) -> bool {
    for attr in e.attributes().flatten() {
        if attr.key.local_name().as_ref() == "val" {
            return !matches!(attr.value.as_ref(), "0" | "false" | "off" | "none");
        }
    }
    true
}

fn push_text(stack: &mut [Para], s: &str, bold: bool) {
    if let Some(p) = stack.last_mut() {
        p.text.push_str(s);
        let visible = s.chars().filter(|c| !c.is_whitespace()).count();
        p.chars += visible;
        if bold {
            p.bold_chars += visible;
        }
    }
}

/// Finishes a paragraph: manual line breaks split it into lines. A paragraph numbered by
/// Word's automatic numbering has no number in its text; it becomes a bullet so that it is at
/// least kept as a list item.
fn emit(out: &mut Vec<Line>, p: Para, table: bool) {
    let bold = p.chars > 0 && p.bold_chars == p.chars;
    if p.text.trim().is_empty() {
        out.push(Line::default());
        return;
    }
    let mut first = true;
    for part in p.text.split('\n') {
        let mut text = part.to_string();
        if first && p.numbered && !starts_with_numbering(text.trim_start()) {
            text = format!("- {}", text.trim_start());
        }
        first = false;
        let line = Line::new(&text, bold, table);
        if !line.text.is_empty() {
            out.push(line);
        }
    }
}

fn starts_with_numbering(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() || matches!(c, '-' | '+' | '•' | 'I' | 'V' | 'X') => true,
        Some(c) if c.is_lowercase() => chars.next() == Some(')'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_runs_tables() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>ỦY BAN NHÂN DÂN</w:t></w:r><w:r><w:br/><w:t>TỈNH X</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t xml:space="preserve">CỘNG HÒA &amp; </w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Căn cứ</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>KẾ </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>HOẠCH</w:t></w:r></w:p>
</w:body></w:document>"#;
        let lines = read_document_xml(xml).expect("valid xml");
        let got: Vec<(&str, bool, bool)> =
            lines.iter().filter(|l| !l.text.is_empty()).map(|l| (l.text.as_str(), l.bold, l.table)).collect();
        assert_eq!(
            got,
            vec![
                ("ỦY BAN NHÂN DÂN", false, true),
                ("TỈNH X", false, true),
                ("CỘNG HÒA &", false, true),
                ("Căn cứ", false, false),
                ("KẾ HOẠCH", true, false)
            ]
        );
    }

    #[test]
    fn a_document_xml_past_a_few_megabytes_is_refused() {
        use std::io::Write;
        // 6 MB of XML that compresses to a few KB: the shape of a zip bomb, far beyond any plan.
        let mut xml = String::from(r#"<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>"#);
        xml.push_str(&" ".repeat(6 * 1024 * 1024));
        xml.push_str("</w:t></w:r></w:p></w:body></w:document>");
        let mut zipped = Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut zipped);
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        w.start_file("word/document.xml", options).expect("entry");
        w.write_all(xml.as_bytes()).expect("write");
        w.finish().expect("zip");
        assert!(zipped.get_ref().len() < 100_000, "{} bytes", zipped.get_ref().len());
        assert!(matches!(read(zipped.get_ref()), Err(ParseError::TooLarge { .. })));
    }

    #[test]
    fn not_a_zip() {
        assert!(matches!(read(b"not a zip"), Err(ParseError::CorruptDocx(_))));
    }
}
