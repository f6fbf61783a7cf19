//! WordprocessingML text building: escaping and the few paragraph and run shapes the layout uses.
//!
//! The XML is written as strings because the documents are small and fixed in shape; every piece
//! of document text goes through [`escape`], so no input can break or inject markup.

use std::fmt::Write as _;

use crate::layout::pt_to_half_points;

/// Escapes text for element content and attribute values, and drops the characters XML 1.0
/// forbids (C0 controls other than tab, newline, carriage return; U+FFFE, U+FFFF). A tab or line
/// break inside a field prints as a space: fields are single paragraphs.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

/// Character formatting of a run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Font {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    /// Points; `None` inherits the paragraph style's size.
    pub size_pt: Option<f64>,
}

impl Font {
    pub fn size(size_pt: f64) -> Self {
        Self { size_pt: Some(size_pt), ..Self::default() }
    }
    pub fn bold(self) -> Self {
        Self { bold: true, ..self }
    }
    pub fn italic(self) -> Self {
        Self { italic: true, ..self }
    }
    pub fn underline(self) -> Self {
        Self { underline: true, ..self }
    }
}

/// Paragraph alignment values of `w:jc` set directly; justified text comes from the body style.
#[derive(Debug, Clone, Copy)]
pub enum Align {
    Center,
}

/// Paragraph formatting beyond its style.
#[derive(Debug, Clone, Copy, Default)]
pub struct Para<'a> {
    /// A style id from `styles.xml`.
    pub style: Option<&'a str>,
    pub align: Option<Align>,
    pub before_pt: Option<f64>,
    pub after_pt: Option<f64>,
    pub keep_next: bool,
}

/// Writes `<w:p>` with one run per `(text, font)`.
pub fn paragraph(out: &mut String, para: &Para<'_>, runs: &[(&str, Font)]) {
    out.push_str("<w:p>");
    paragraph_properties(out, para, "");
    for (text, font) in runs {
        run(out, text, *font);
    }
    out.push_str("</w:p>");
}

/// Writes `<w:pPr>`; `extra` is inserted where the schema puts borders and indents.
pub fn paragraph_properties(out: &mut String, para: &Para<'_>, extra: &str) {
    out.push_str("<w:pPr>");
    if let Some(style) = para.style {
        let _ = write!(out, r#"<w:pStyle w:val="{style}"/>"#);
    }
    if para.keep_next {
        out.push_str("<w:keepNext/>");
    }
    out.push_str(extra);
    if para.before_pt.is_some() || para.after_pt.is_some() {
        out.push_str("<w:spacing");
        if let Some(before) = para.before_pt {
            let _ = write!(out, r#" w:before="{}""#, twentieths(before));
        }
        if let Some(after) = para.after_pt {
            let _ = write!(out, r#" w:after="{}""#, twentieths(after));
        }
        out.push_str("/>");
    }
    if let Some(align) = para.align {
        let value = match align {
            Align::Center => "center",
        };
        let _ = write!(out, r#"<w:jc w:val="{value}"/>"#);
    }
    out.push_str("</w:pPr>");
}

/// Writes `<w:r>` with its text; spaces are preserved (blank numbers and dates are spaces).
pub fn run(out: &mut String, text: &str, font: Font) {
    out.push_str("<w:r>");
    if font.bold || font.italic || font.underline || font.size_pt.is_some() {
        out.push_str("<w:rPr>");
        if font.bold {
            out.push_str("<w:b/><w:bCs/>");
        }
        if font.italic {
            out.push_str("<w:i/><w:iCs/>");
        }
        if font.underline {
            out.push_str(r#"<w:u w:val="single"/>"#);
        }
        if let Some(size) = font.size_pt {
            let hp = pt_to_half_points(size);
            let _ = write!(out, r#"<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>"#);
        }
        out.push_str("</w:rPr>");
    }
    out.push_str(r#"<w:t xml:space="preserve">"#);
    escape(text, out);
    out.push_str("</w:t></w:r>");
}

/// Points to twentieths of a point.
pub fn twentieths(pt: f64) -> u32 {
    (pt * 20.0).round().max(0.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        let mut out = String::new();
        escape("a<b>&\"c'\u{1}\u{fffe}\td", &mut out);
        assert_eq!(out, "a&lt;b&gt;&amp;&quot;c&apos; d");
    }

    #[test]
    fn runs_carry_their_formatting() {
        let mut out = String::new();
        run(&mut out, "Số:      /KH", Font::size(13.0).bold().italic());
        assert_eq!(
            out,
            r#"<w:r><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr><w:t xml:space="preserve">Số:      /KH</w:t></w:r>"#
        );
    }
}
