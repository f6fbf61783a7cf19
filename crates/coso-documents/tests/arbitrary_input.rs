//! Whatever the bytes, the reader returns a document or an error; it never panics.

#[expect(dead_code, reason = "this test uses only a part of the shared test support")]
mod common;

use coso_documents::{Format, ParseContext, parse, parse_with_context};
use proptest::prelude::*;

fn fixture_texts() -> Vec<String> {
    ["binh-phuoc-115-KH-UBND-2022", "van-gia-101-KH-UBND-2024", "hong-linh-KH-UBND-2022"]
        .iter()
        .map(|s| std::fs::read_to_string(common::fixtures_dir().join(format!("{s}.md"))).expect("fixture"))
        .collect()
}

fn fixture_docx() -> Vec<u8> {
    std::fs::read(common::docs_dir().join("fixtures/van-gia-101-KH-UBND-2024.docx")).expect("fixture docx")
}

/// Pieces that the heuristics react to, spliced into real documents.
const TOKENS: &[&str] = &[
    "Số:",
    "/KH-UBND",
    "ngày",
    "tháng",
    "năm",
    "trước ngày 20/5",
    "hằng năm",
    "Căn cứ",
    "số 12-CT/TW",
    "của",
    "giữa",
    "(khóa",
    ")",
    "(",
    "I.",
    "1.",
    "a)",
    "- ",
    "Nơi nhận:",
    "TM.",
    "KT.",
    "báo cáo",
    "về UBND",
    "(qua",
    "phối hợp với",
    "chủ trì",
    ":",
    ";",
    "./.",
    "\n",
    "\n\n",
    "|",
    "**",
    "<br>",
    "Điều 1.",
    "ấ",
    "\u{0301}",
    "\u{feff}",
    "31/2/2024",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for format in [Format::Markdown, Format::Text, Format::Docx] {
            let _ = parse(&bytes, format);
        }
    }

    #[test]
    fn random_text_never_panics(s in "\\PC{0,600}") {
        for format in [Format::Markdown, Format::Text] {
            let _ = parse_with_context(s.as_bytes(), format, &ParseContext { default_year: Some(2024) });
        }
    }

    #[test]
    fn mutated_fixtures_never_panic(
        which in 0usize..3,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..TOKENS.len(), 0usize..3), 1..24),
    ) {
        let texts = fixture_texts();
        let mut s = texts[which].clone();
        for (at, token, op) in edits {
            let mut cut = at.index(s.len() + 1);
            while !s.is_char_boundary(cut) {
                cut -= 1;
            }
            match op {
                0 => s.insert_str(cut, TOKENS[token]),
                1 => {
                    let mut end = (cut + 40).min(s.len());
                    while !s.is_char_boundary(end) {
                        end -= 1;
                    }
                    s.replace_range(cut..end, "");
                }
                _ => s.truncate(cut),
            }
        }
        for format in [Format::Markdown, Format::Text] {
            let _ = parse(s.as_bytes(), format);
        }
    }

    #[test]
    fn mutated_docx_never_panics(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16)) {
        let mut bytes = fixture_docx();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        let _ = parse(&bytes, Format::Docx);
    }
}

#[test]
fn huge_line_and_deep_nesting() {
    let long = "Căn cứ Nghị định số 1/2020/NĐ-CP ngày 1/1/2020 của Chính phủ; ".repeat(20_000);
    let doc = parse(long.as_bytes(), Format::Text).expect("parses");
    assert!(doc.legal_bases.len() > 1000);
    let deep: String = (0..5_000).map(|i| format!("{}\n", ["I. A", "1. b", "a) c", "- d", "+ e"][i % 5])).collect();
    assert!(parse(deep.as_bytes(), Format::Markdown).is_ok());
}

#[test]
fn empty_and_invalid_inputs_are_errors() {
    assert_eq!(parse(b"", Format::Markdown), Err(coso_documents::ParseError::Empty));
    assert!(matches!(parse(b"\xff\xfe", Format::Text), Err(coso_documents::ParseError::NotUtf8(0))));
    assert!(matches!(parse(b"", Format::Docx), Err(coso_documents::ParseError::CorruptDocx(_))));
    let msg = parse(b"PK\x03\x04", Format::Docx).expect_err("not a zip").to_string();
    assert!(msg.starts_with("tệp DOCX hỏng"), "{msg}");
}
