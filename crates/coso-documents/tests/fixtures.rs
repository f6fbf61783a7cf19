//! The seed plans in `fixtures/plans` parse to their expected JSON, from Markdown and
//! from the DOCX versions converted with LibreOffice (checked in under `tests/docs/fixtures`).

mod common;

use coso_documents::{Format, parse};

const FIXTURES: &[&str] = &["binh-phuoc-115-KH-UBND-2022", "van-gia-101-KH-UBND-2024", "hong-linh-KH-UBND-2022"];

fn check(stem: &str, bytes: &[u8], format: Format, label: &str) {
    let expected_path = common::fixtures_dir().join(format!("{stem}.expected.json"));
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&expected_path).expect("expected JSON")).expect("valid JSON");
    let doc = parse(bytes, format).expect("parses");
    let actual = serde_json::to_value(&doc).expect("serialises");
    let score = common::compare(&expected, &actual);
    println!("{}", score.report(&format!("{stem} ({label})")));
    assert!(score.failures.is_empty(), "{stem} ({label}):\n{}", score.failures.join("\n"));
}

#[test]
fn markdown_fixtures_match_expected() {
    for stem in FIXTURES {
        let bytes = std::fs::read(common::fixtures_dir().join(format!("{stem}.md"))).expect("fixture");
        check(stem, &bytes, Format::Markdown, "md");
    }
}

#[test]
fn docx_fixtures_match_expected() {
    for stem in FIXTURES {
        let bytes =
            std::fs::read(common::docs_dir().join("fixtures").join(format!("{stem}.docx"))).expect("fixture docx");
        check(stem, &bytes, Format::Docx, "docx");
    }
}
