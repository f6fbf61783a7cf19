//! `word/document.xml`: the header table, title, content, recipients-and-signer table and the
//! section properties (page size, margins, first page without a number).

use std::fmt::Write as _;

use crate::format::{MOTTO, NATIONAL_TITLE};
use crate::layout::{self, mm_to_twips, size};
use crate::view::{BlockKind, DocumentView};

use super::parts::{HEADER_DEFAULT_ID, HEADER_FIRST_ID, R_NS, W_NS, style};
use super::xml::{Align, Font, Para, paragraph, paragraph_properties};

/// Text width between the margins, twips.
fn text_width() -> u32 {
    mm_to_twips(layout::PAGE_WIDTH_MM - layout::MARGIN_LEFT_MM - layout::MARGIN_RIGHT_MM)
}

pub fn document_xml(view: &DocumentView) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>"
    );
    header_table(&mut out, view);
    title(&mut out, view);
    content(&mut out, view);
    footer_table(&mut out, view);
    section_properties(&mut out);
    out.push_str("</w:body></w:document>");
    out
}

/// Two borderless columns: issuing body and number on the left; national title, motto and
/// place-and-date on the right (Annex I, positions 1–4).
fn header_table(out: &mut String, view: &DocumentView) {
    let left = mm_to_twips(layout::HEADER_LEFT_COLUMN_MM);
    let right = text_width().saturating_sub(left);
    let centred = Para { align: Some(Align::Center), ..Para::default() };
    table_start(out, &[left, right]);

    // Row 1: bodies | national title and motto.
    out.push_str("<w:tr>");
    cell_start(out, left);
    if let Some(parent) = &view.parent_issuer {
        paragraph(out, &centred, &[(parent, Font::size(size::ISSUER))]);
    }
    for line in &view.issuer_lines {
        paragraph(out, &centred, &[(line, Font::size(size::ISSUER).bold())]);
    }
    if view.issuer_lines.is_empty() {
        paragraph(out, &centred, &[]);
    } else {
        let widest = view.issuer_lines.iter().map(|l| estimate_width(l, size::ISSUER, 0.72)).max();
        short_rule(out, left, widest.unwrap_or(0));
    }
    out.push_str("</w:tc>");
    cell_start(out, right);
    paragraph(out, &centred, &[(NATIONAL_TITLE, Font::size(size::NATIONAL_TITLE).bold())]);
    paragraph(out, &centred, &[(MOTTO, Font::size(size::MOTTO).bold().underline())]);
    out.push_str("</w:tc></w:tr>");

    // Row 2: number (and a công văn's abstract) | place and date.
    out.push_str("<w:tr>");
    cell_start(out, left);
    let spaced = Para { before_pt: Some(6.0), ..centred };
    paragraph(out, &spaced, &[(&view.number_line, Font::size(size::NUMBER))]);
    if view.is_cong_van()
        && let Some(line) = view.abstract_line()
    {
        paragraph(out, &centred, &[(&line, Font::size(size::CONG_VAN_ABSTRACT))]);
    }
    out.push_str("</w:tc>");
    cell_start(out, right);
    paragraph(out, &spaced, &[(&view.place_date_line, Font::size(size::PLACE_DATE).italic())]);
    out.push_str("</w:tc></w:tr></w:tbl>");
}

/// Type name and abstract, centred and bold, with a short rule under them (Annex I, position 5).
fn title(out: &mut String, view: &DocumentView) {
    let Some(type_name) = &view.type_name else {
        // A công văn's abstract is in the header; leave a line before the content.
        paragraph(out, &Para { before_pt: Some(12.0), ..Para::default() }, &[]);
        return;
    };
    let font = Font::size(size::TITLE).bold();
    let keep = Para { align: Some(Align::Center), keep_next: true, ..Para::default() };
    paragraph(out, &Para { before_pt: Some(24.0), ..keep }, &[(type_name, font)]);
    let mut widest = estimate_width(type_name, size::TITLE, 0.72);
    if let Some(text) = &view.abstract_text {
        paragraph(out, &keep, &[(text, font)]);
        widest = widest.max(estimate_width(text, size::TITLE, 0.5));
    }
    short_rule(out, text_width(), widest);
    paragraph(out, &Para { after_pt: Some(6.0), ..Para::default() }, &[]);
}

/// The content. The last paragraph keeps with the signature block, so that the signer never
/// stands alone on a page.
fn content(out: &mut String, view: &DocumentView) {
    let last = view.blocks.len().saturating_sub(1);
    for (i, block) in view.blocks.iter().enumerate() {
        let style = match block.kind {
            BlockKind::Paragraph => style::BODY,
            BlockKind::Heading(depth) => style::HEADING[depth.min(style::HEADING.len() - 1)],
        };
        let para = Para { style: Some(style), keep_next: i == last, ..Para::default() };
        paragraph(out, &para, &[(&block.text, Font::default())]);
    }
}

/// Recipients on the left, signer on the right (Annex I, positions 7–9), kept on one page.
fn footer_table(out: &mut String, view: &DocumentView) {
    let left = mm_to_twips(layout::FOOTER_LEFT_COLUMN_MM);
    let right = text_width().saturating_sub(left);
    let centred = Para { align: Some(Align::Center), ..Para::default() };
    let signer = Font::size(size::SIGNER).bold();
    paragraph(out, &Para { keep_next: true, ..Para::default() }, &[]);
    table_start(out, &[left, right]);
    out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");

    cell_start(out, left);
    let label = Para { before_pt: Some(6.0), ..Para::default() };
    paragraph(out, &label, &[("Nơi nhận:", Font::size(size::RECIPIENTS_LABEL).bold().italic())]);
    for line in &view.recipient_lines {
        paragraph(out, &Para::default(), &[(line, Font::size(size::RECIPIENTS))]);
    }
    out.push_str("</w:tc>");

    cell_start(out, right);
    for line in &view.authority_lines {
        paragraph(out, &centred, &[(line, signer)]);
    }
    if let Some(position) = &view.position {
        paragraph(out, &centred, &[(position, signer)]);
    }
    let signature = Para { before_pt: Some(layout::SIGNATURE_SPACE_MM * 72.0 / 25.4), ..centred };
    paragraph(out, &signature, &[(view.signer_name.as_deref().unwrap_or(""), signer)]);
    out.push_str("</w:tc></w:tr></w:tbl>");
}

/// A4, the margins of FMT-1, and a distinct first-page header so page 1 has no number (FMT-3).
fn section_properties(out: &mut String) {
    let _ = write!(
        out,
        concat!(
            r#"<w:sectPr><w:headerReference w:type="default" r:id="{default}"/><w:headerReference w:type="first" r:id="{first}"/>"#,
            r#"<w:pgSz w:w="{w}" w:h="{h}"/><w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="{header}" w:footer="{header}" w:gutter="0"/>"#,
            r#"<w:titlePg/></w:sectPr>"#
        ),
        default = HEADER_DEFAULT_ID,
        first = HEADER_FIRST_ID,
        w = mm_to_twips(layout::PAGE_WIDTH_MM),
        h = mm_to_twips(layout::PAGE_HEIGHT_MM),
        top = mm_to_twips(layout::MARGIN_TOP_MM),
        right = mm_to_twips(layout::MARGIN_RIGHT_MM),
        bottom = mm_to_twips(layout::MARGIN_BOTTOM_MM),
        left = mm_to_twips(layout::MARGIN_LEFT_MM),
        header = mm_to_twips(layout::HEADER_DISTANCE_MM),
    );
}

/// A borderless fixed-layout table whose columns add up to the text width.
fn table_start(out: &mut String, columns: &[u32]) {
    let total: u32 = columns.iter().sum();
    let _ = write!(
        out,
        concat!(
            r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>"#,
            r#"<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>"#,
            r#"<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#
        ),
        total = total
    );
    for width in columns {
        let _ = write!(out, r#"<w:gridCol w:w="{width}"/>"#);
    }
    out.push_str("</w:tblGrid>");
}

fn cell_start(out: &mut String, width: u32) {
    let _ = write!(out, r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>"#);
}

/// The short solid rule under the issuing body and under the abstract: a centred empty paragraph
/// with a bottom border, narrowed by indents to [`layout::SHORT_RULE_RATIO`] of the text above it.
/// A border rather than a drawing shape: every reader (Word, LibreOffice, the parser) handles it.
fn short_rule(out: &mut String, available: u32, text_width: u32) {
    let rule = ((f64::from(text_width.min(available)) * layout::SHORT_RULE_RATIO) as u32).max(mm_to_twips(15.0));
    let indent = available.saturating_sub(rule) / 2;
    out.push_str("<w:p>");
    let extra = format!(
        r#"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:spacing w:before="0" w:after="0" w:line="80" w:lineRule="exact"/><w:ind w:left="{indent}" w:right="{indent}"/>"#
    );
    paragraph_properties(out, &Para::default(), &extra);
    out.push_str("</w:p>");
}

/// Width of `text` in twips at `size_pt`, with `em` the average advance of its letters (about
/// 0.72 em for bold capitals and 0.5 em for bold mixed case in Times New Roman). Only used to size
/// the short rules, where a few millimetres do not matter.
fn estimate_width(text: &str, size_pt: f64, em: f64) -> u32 {
    (text.chars().count() as f64 * em * size_pt * 20.0) as u32
}
