//! The printed text of a [`Document`], worked out once for both writers.
//!
//! Everything a writer needs is here already in its final form (upper case where the decree asks
//! for it, NFC, numbers padded), so the DOCX and PDF writers only place text and never decide it:
//! the two formats cannot drift apart.

use coso_documents::{Document, Section};
use unicode_normalization::UnicodeNormalization;

use crate::RenderError;
use crate::format;

/// What is printed on the document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentView {
    /// The issuing body's parent, upper case, not bold (FMT-5).
    pub parent_issuer: Option<String>,
    /// The issuing body, upper case, bold; one entry per line.
    pub issuer_lines: Vec<String>,
    /// `Số: 07/KH-UBND`.
    pub number_line: String,
    /// `Vạn Giã, ngày 06 tháng 02 năm 2024`.
    pub place_date_line: String,
    /// `KẾ HOẠCH`; `None` for a công văn.
    pub type_name: Option<String>,
    /// The abstract (trích yếu). For a công văn it is printed under the number as `V/v …`.
    pub abstract_text: Option<String>,
    /// Body paragraphs and headings, preamble and closing included.
    pub blocks: Vec<Block>,
    /// `- X;` lines, `- Lưu: VT.` last.
    pub recipient_lines: Vec<String>,
    /// `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`.
    pub authority_lines: Vec<String>,
    /// `PHÓ CHỦ TỊCH`.
    pub position: Option<String>,
    /// The signer's full name.
    pub signer_name: Option<String>,
}

impl DocumentView {
    /// A công văn has no type name; its abstract goes under the number (FMT-7).
    pub fn is_cong_van(&self) -> bool {
        self.type_name.is_none()
    }

    /// The abstract as printed: `V/v …` for a công văn.
    pub fn abstract_line(&self) -> Option<String> {
        let text = self.abstract_text.as_deref()?;
        Some(if self.is_cong_van() && !text.starts_with("V/v") { format!("V/v {text}") } else { text.to_owned() })
    }
}

/// One paragraph of the content.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

/// How a block is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A section heading; depth 0 is `I.`, 1 is `1.`, 2 is `a)` and below.
    Heading(usize),
    Paragraph,
}

/// Collective bodies whose name is conventionally broken after the body kind:
/// `ỦY BAN NHÂN DÂN` / `TỈNH BÌNH PHƯỚC`.
const BODY_KINDS: &[&str] =
    &["ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM"];

/// Builds the view. Fails only on values that cannot be printed (an impossible date).
pub fn build(doc: &Document) -> Result<DocumentView, RenderError> {
    let type_name = doc.doc_type.as_deref().and_then(format::type_name).or_else(|| {
        doc.number
            .as_deref()
            .or(doc.number_raw.as_deref())
            .and_then(format::type_code_of_symbol)
            .and_then(format::type_name)
    });
    let signer = doc.signer.clone().unwrap_or_default();
    let place_date = format::place_date_line(doc.place.as_deref(), doc.date.as_deref(), doc.date_partial.as_deref())?;
    Ok(DocumentView {
        parent_issuer: non_empty(doc.parent_issuer.as_deref()).map(|p| upper(&p)),
        issuer_lines: non_empty(doc.issuer.as_deref()).map(|issuer| issuer_lines(&upper(&issuer))).unwrap_or_default(),
        number_line: nfc(&format::number_line(doc.number.as_deref(), doc.number_raw.as_deref())),
        place_date_line: nfc(&place_date),
        type_name: type_name.map(str::to_owned),
        abstract_text: non_empty(doc.title.as_deref()),
        blocks: blocks(doc),
        recipient_lines: format::recipient_lines(&doc.recipients).iter().map(|l| nfc(l)).collect(),
        authority_lines: signer.role_line.as_deref().map(|r| format::authority_lines(&nfc(r))).unwrap_or_default(),
        position: non_empty(signer.position.as_deref()).map(|p| upper(&p)),
        signer_name: non_empty(signer.name.as_deref()),
    })
}

fn blocks(doc: &Document) -> Vec<Block> {
    let mut out = Vec::new();
    paragraphs(&doc.preamble, &mut out);
    if doc.body.is_empty() {
        for heading in &doc.sections {
            push(&mut out, BlockKind::Heading(0), heading);
        }
    } else {
        for section in &doc.body {
            walk(section, &mut out);
        }
    }
    paragraphs(&doc.closing, &mut out);
    out
}

/// Pre-order walk with an explicit stack: no recursion, so no input depth can overflow the stack.
fn walk(section: &Section, out: &mut Vec<Block>) {
    let mut stack = vec![(section, 0usize)];
    while let Some((section, depth)) = stack.pop() {
        push(out, BlockKind::Heading(depth), &section.heading);
        paragraphs(&section.paragraphs, out);
        stack.extend(section.children.iter().rev().map(|child| (child, depth + 1)));
    }
}

fn paragraphs(texts: &[String], out: &mut Vec<Block>) {
    for text in texts {
        push(out, BlockKind::Paragraph, text);
    }
}

fn push(out: &mut Vec<Block>, kind: BlockKind, text: &str) {
    if let Some(text) = non_empty(Some(text)) {
        out.push(Block { kind, text });
    }
}

/// `ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC` → [`ỦY BAN NHÂN DÂN`, `TỈNH BÌNH PHƯỚC`].
fn issuer_lines(issuer: &str) -> Vec<String> {
    for kind in BODY_KINDS {
        if let Some(rest) = issuer.strip_prefix(kind) {
            let rest = rest.trim();
            if !rest.is_empty() {
                return vec![(*kind).to_owned(), rest.to_owned()];
            }
        }
    }
    vec![issuer.to_owned()]
}

/// Trimmed, NFC, and `None` when empty. Line breaks inside a field become spaces: a field is one
/// paragraph, and a stray newline must not split a header line.
fn non_empty(text: Option<&str>) -> Option<String> {
    let text = nfc(text?.trim());
    let joined = text.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty());
    let joined: Vec<&str> = joined.collect();
    (!joined.is_empty()).then(|| joined.join(" "))
}

fn nfc(text: &str) -> String {
    text.nfc().collect()
}

fn upper(text: &str) -> String {
    nfc(&text.to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use coso_documents::Signer;

    fn plan() -> Document {
        Document {
            number: Some("7/KH-UBND".into()),
            doc_type: Some("KH".into()),
            issuer: Some("Ủy ban nhân dân xã Tân Lập".into()),
            place: Some("Tân Lập".into()),
            date: Some("2024-02-05".into()),
            title: Some("Thực hiện dân chủ ở cơ sở năm 2024".into()),
            sections: vec!["I. MỤC ĐÍCH, YÊU CẦU".into()],
            signer: Some(Signer {
                role_line: Some("TM. Ủy ban nhân dân / KT. Chủ tịch".into()),
                position: Some("Phó Chủ tịch".into()),
                name: Some("Nguyễn Văn A".into()),
            }),
            ..Document::default()
        }
    }

    #[test]
    fn header_text_is_final() {
        let view = build(&plan()).expect("valid plan");
        assert_eq!(view.issuer_lines, ["ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP"]);
        assert_eq!(view.number_line, "Số: 07/KH-UBND");
        assert_eq!(view.place_date_line, "Tân Lập, ngày 05 tháng 02 năm 2024");
        assert_eq!(view.type_name.as_deref(), Some("KẾ HOẠCH"));
        assert_eq!(view.authority_lines, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]);
        assert_eq!(view.position.as_deref(), Some("PHÓ CHỦ TỊCH"));
        assert_eq!(view.blocks, [Block { kind: BlockKind::Heading(0), text: "I. MỤC ĐÍCH, YÊU CẦU".into() }]);
    }

    #[test]
    fn decomposed_input_is_printed_in_nfc() {
        let mut doc = plan();
        doc.issuer = Some("U\u{309}y ban nhân dân xa\u{303} Tân Lâ\u{323}p".into());
        let view = build(&doc).expect("valid plan");
        assert_eq!(view.issuer_lines, ["ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP"]);
    }

    #[test]
    fn a_document_without_type_is_a_cong_van() {
        let mut doc = plan();
        doc.doc_type = None;
        doc.number = Some("123/UBND-VP".into());
        doc.title = Some("triển khai Luật Thực hiện dân chủ ở cơ sở".into());
        let view = build(&doc).expect("valid");
        assert!(view.is_cong_van());
        assert_eq!(view.abstract_line().as_deref(), Some("V/v triển khai Luật Thực hiện dân chủ ở cơ sở"));
    }

    #[test]
    fn the_type_falls_back_to_the_symbol() {
        let mut doc = plan();
        doc.doc_type = None;
        doc.number = Some("12/BC-UBND".into());
        assert_eq!(build(&doc).expect("valid").type_name.as_deref(), Some("BÁO CÁO"));
    }

    #[test]
    fn body_tree_is_flattened_in_order() {
        let mut doc = plan();
        doc.preamble = vec!["Căn cứ …".into()];
        doc.body = vec![Section {
            heading: "I. MỤC ĐÍCH".into(),
            paragraphs: vec!["p1".into(), "  ".into()],
            children: vec![Section {
                heading: "1. Mục đích".into(), paragraphs: vec!["p2".into()], children: vec![]
            }],
        }];
        doc.closing = vec!["Trên đây …".into()];
        let kinds: Vec<_> = build(&doc).expect("valid").blocks.into_iter().map(|b| (b.kind, b.text)).collect();
        assert_eq!(
            kinds,
            [
                (BlockKind::Paragraph, "Căn cứ …".to_owned()),
                (BlockKind::Heading(0), "I. MỤC ĐÍCH".to_owned()),
                (BlockKind::Paragraph, "p1".to_owned()),
                (BlockKind::Heading(1), "1. Mục đích".to_owned()),
                (BlockKind::Paragraph, "p2".to_owned()),
                (BlockKind::Paragraph, "Trên đây …".to_owned()),
            ]
        );
    }

    #[test]
    fn deep_trees_do_not_overflow() {
        let mut section = Section { heading: "x".into(), ..Section::default() };
        for _ in 0..2_000 {
            section = Section { heading: "x".into(), paragraphs: vec![], children: vec![section] };
        }
        let doc = Document { body: vec![section], ..Document::default() };
        let view = build(&doc).expect("valid");
        assert_eq!(view.blocks.len(), 2_001);
        assert_eq!(view.blocks.last().map(|b| b.kind), Some(BlockKind::Heading(2_000)));
    }
}
