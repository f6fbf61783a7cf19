//! The same document gives the same bytes: exports can be cached, compared and signed.
#![expect(clippy::unwrap_used, reason = "a test stops at the first unexpected failure")]

#[expect(dead_code, reason = "this test uses only a part of the shared test support")]
mod common;

use common::{PLAN, REPORT, load};

#[test]
fn docx_is_byte_for_byte_reproducible() {
    for file in [PLAN, REPORT] {
        let doc = load(file);
        let first = coso_render::render_docx(&doc).unwrap();
        let second = coso_render::render_docx(&doc.clone()).unwrap();
        assert_eq!(first, second, "{file}");
    }
}

#[test]
fn different_documents_give_different_docx() {
    assert_ne!(coso_render::render_docx(&load(PLAN)).unwrap(), coso_render::render_docx(&load(REPORT)).unwrap());
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_is_byte_for_byte_reproducible() {
    for file in [PLAN, REPORT] {
        let doc = load(file);
        let first = coso_render::render_pdf(&doc).unwrap();
        // Another document in between, so that nothing cached from the first call hides a difference.
        let _ = coso_render::render_pdf(&load(if file == PLAN { REPORT } else { PLAN })).unwrap();
        let second = coso_render::render_pdf(&doc).unwrap();
        assert_eq!(first, second, "{file}");
        let text = String::from_utf8_lossy(&first);
        assert!(!text.contains("/CreationDate"), "no creation date in {file}");
        assert!(!text.contains("/ModDate"), "no modification date in {file}");
    }
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_is_reproducible_across_threads() {
    let doc = load(PLAN);
    let here = coso_render::render_pdf(&doc).unwrap();
    let there = std::thread::spawn(move || coso_render::render_pdf(&doc).unwrap()).join().unwrap();
    assert_eq!(here, there);
}
