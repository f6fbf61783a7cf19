//! `coso document render`: JSON in, DOCX or PDF out; Vietnamese errors with exit code 2.
#![expect(clippy::unwrap_used, reason = "a test stops at the first unexpected failure")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn plan_json() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../coso-render/tests/data/plan-tan-lap-07-KH-UBND-2024.json")
}

fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("document_render_cli").join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn coso(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coso")).args(["document", "render"]).args(args).output().unwrap()
}

fn os<S: AsRef<std::ffi::OsStr> + ?Sized>(s: &S) -> &std::ffi::OsStr {
    s.as_ref()
}

#[test]
fn renders_docx_and_pdf() {
    let dir = scratch("renders");
    for (format, magic) in [("docx", &b"PK\x03\x04"[..]), ("pdf", &b"%PDF-"[..])] {
        let out = dir.join(format!("plan.{format}"));
        let result = coso(&[os(&plan_json()), os("--to"), os(format), os("-o"), os(&out)]);
        assert!(result.status.success(), "{}", String::from_utf8_lossy(&result.stderr));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(magic), "{format} output");
    }
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn unknown_format_is_a_vietnamese_error() {
    let dir = scratch("format");
    let out = dir.join("plan.odt");
    let result = coso(&[os(&plan_json()), os("--to"), os("odt"), os("-o"), os(&out)]);
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("định dạng \"odt\" không được hỗ trợ"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn missing_file_and_bad_json_are_vietnamese_errors() {
    let dir = scratch("input");
    let out = dir.join("x.docx");
    let missing = coso(&[os(&dir.join("nope.json")), os("--to"), os("docx"), os("-o"), os(&out)]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("không đọc được tệp"));

    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"number\": 7").unwrap();
    let result = coso(&[os(&bad), os("--to"), os("docx"), os("-o"), os(&out)]);
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("không phải JSON của một văn bản"));
    assert!(!out.exists());
}

#[test]
fn impossible_date_is_named_and_leaves_the_old_file() {
    let dir = scratch("date");
    let input = dir.join("doc.json");
    std::fs::write(&input, r#"{"number": "07/KH-UBND", "date": "2023-02-30"}"#).unwrap();
    let out = dir.join("doc.docx");
    std::fs::write(&out, b"old").unwrap();
    let result = coso(&[os(&input), os("--to"), os("docx"), os("-o"), os(&out)]);
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("`date`") && stderr.contains("2023-02-30"), "{stderr}");
    assert_eq!(std::fs::read(&out).unwrap(), b"old");
}
