//! The crate's own test documents (`tests/docs`): each `NAME.expected.json` is compared field
//! by field with every source of the same name (`NAME.md`, `NAME.txt`, `NAME.docx`). They
//! cover other number and date styles, a report and decisions, a notice and a công văn,
//! missing parts, tables and headers written as tables, in all three formats.

#[expect(dead_code, reason = "this test uses only a part of the shared test support")]
mod common;

use coso_documents::{Format, ParseContext, parse, parse_with_context};

#[test]
fn own_documents_match_expected() {
    let dir = common::docs_dir();
    let mut expected_files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/docs")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    expected_files.sort();
    assert!(expected_files.len() >= 10, "only {} documents", expected_files.len());
    let mut failures = Vec::new();
    let mut sources = 0;
    for path in &expected_files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let stem = name.trim_end_matches(".expected.json");
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("valid JSON");
        let mut found = 0;
        for (ext, format) in [("md", Format::Markdown), ("txt", Format::Text), ("docx", Format::Docx)] {
            let src = dir.join(format!("{stem}.{ext}"));
            let Ok(bytes) = std::fs::read(&src) else {
                continue;
            };
            found += 1;
            let doc = parse(&bytes, format).unwrap_or_else(|e| panic!("{stem}.{ext}: {e}"));
            let actual = serde_json::to_value(&doc).expect("serialises");
            let score = common::compare(&expected, &actual);
            println!("{}", score.report(&format!("{stem}.{ext}")));
            failures.extend(score.failures.iter().map(|f| format!("{stem}.{ext}: {f}")));
        }
        assert!(found > 0, "no source document for {name}");
        sources += found;
    }
    assert!(sources >= 10);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn implied_year_comes_from_context_and_is_reported() {
    let bytes = std::fs::read(common::docs_dir().join("khong-tieu-de-ke-hoach-thon.txt")).expect("doc");
    // The document has no date of issue; its first sentence says "năm 2024" but it has no title,
    // so the caller's year is used.
    let doc = parse_with_context(&bytes, Format::Text, &ParseContext { default_year: Some(2025) }).expect("parses");
    let dates: Vec<Option<&str>> = doc.deadlines.iter().map(|d| d.date.as_deref()).collect();
    assert_eq!(dates, vec![Some("2025-05-20"), Some("2025-06-15")]);
    assert!(doc.warnings.iter().any(|w| w.contains("“20/5” không ghi năm; đã lấy năm 2025")), "{:?}", doc.warnings);
    let without = parse(&bytes, Format::Text).expect("parses");
    assert!(without.deadlines.is_empty());
}

#[test]
fn decomposed_input_is_normalised() {
    let src = "Số: 12/KH-UBND\nHo\u{0302}\u{0300}ng Li\u{0303}nh, nga\u{0300}y 05 tha\u{0301}ng 02 na\u{0306}m 2024\nKÊ\u{0301} HOA\u{0323}CH\nThử nghiệm\n";
    let doc = parse(src.as_bytes(), Format::Text).expect("parses");
    assert_eq!(doc.place.as_deref(), Some("Hồng Lĩnh"));
    assert_eq!(doc.date.as_deref(), Some("2024-02-05"));
    assert_eq!(doc.doc_type.as_deref(), Some("KH"));
}
