//! No input makes the renderers panic: empty and odd documents render, impossible values are
//! reported in Vietnamese.
#![expect(clippy::unwrap_used, reason = "a test stops at the first unexpected failure")]

use coso_documents::{Document, Section, Signer};
use coso_render::{RenderError, render_docx};

fn odd_documents() -> Vec<Document> {
    let mut deep = Section { heading: "a)".into(), ..Section::default() };
    for _ in 0..200 {
        deep = Section { heading: "1.".into(), paragraphs: vec!["x".into()], children: vec![deep] };
    }
    vec![
        Document::default(),
        Document {
            number: Some("   ".into()),
            doc_type: Some("XYZ".into()),
            issuer: Some("\n\t ".into()),
            title: Some("\u{0}\u{1}".into()),
            sections: vec!["".into(), "I. MỤC ĐÍCH".into()],
            recipients: vec!["".into(), "-".into(), ";".into()],
            signer: Some(Signer::default()),
            ..Document::default()
        },
        Document {
            title: Some("Đ".repeat(5_000)),
            preamble: vec!["x".repeat(20_000), "🙂 𝔘 \u{202e}RTL \u{200b}".into()],
            body: vec![deep],
            ..Document::default()
        },
    ]
}

#[test]
fn odd_documents_render_as_docx() {
    for doc in odd_documents() {
        let bytes = render_docx(&doc).unwrap();
        assert!(bytes.starts_with(b"PK"));
    }
}

#[cfg(feature = "pdf")]
#[test]
fn odd_documents_render_as_pdf() {
    for doc in odd_documents() {
        let bytes = coso_render::render_pdf(&doc).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
    }
}

#[test]
fn impossible_dates_are_named_in_vietnamese() {
    let doc = Document { date: Some("2023-02-29".into()), ..Document::default() };
    let err = render_docx(&doc).unwrap_err();
    assert!(matches!(err, RenderError::InvalidField { field: "date", .. }));
    let message = err.to_string();
    assert!(message.contains("không hợp lệ") && message.contains("2023-02-29"), "{message}");
    #[cfg(feature = "pdf")]
    assert!(coso_render::render_pdf(&doc).is_err());
}
