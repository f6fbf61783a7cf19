//! `coso document parse` end to end: JSON contract, summary, formats, errors.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/plans").join(name)
}

fn docs(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../coso-documents/tests/docs").join(name)
}

fn coso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coso")).args(args).output().expect("runs coso")
}

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("coso-document-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path
}

#[test]
fn parse_json_has_the_contract_keys() {
    let path = fixture("binh-phuoc-115-KH-UBND-2022.md");
    let out = coso(&["document", "parse", path.to_str().expect("utf-8 path"), "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    for key in [
        "number",
        "doc_type",
        "issuer",
        "place",
        "date",
        "title",
        "legal_bases",
        "other_cited_documents",
        "sections",
        "deadlines",
        "report_obligations",
        "tasks",
        "recipients",
        "signer",
    ] {
        assert!(v.get(key).is_some(), "missing key {key}");
    }
    assert_eq!(v["number"], "115/KH-UBND");
    assert_eq!(v["doc_type"], "KH");
    assert_eq!(v["date"], "2022-04-26");
    assert_eq!(v["legal_bases"].as_array().map(Vec::len), Some(2));
}

#[test]
fn docx_is_chosen_from_the_extension() {
    let path = docs("fixtures/hong-linh-KH-UBND-2022.docx");
    let out = coso(&["document", "parse", path.to_str().expect("utf-8 path"), "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["number"], serde_json::Value::Null);
    assert_eq!(v["number_raw"], "/KH-UBND");
    assert_eq!(v["deadlines"][0]["recurring"], "06-14 yearly");
}

#[test]
fn summary_is_vietnamese() {
    let path = fixture("van-gia-101-KH-UBND-2024.md");
    let out = coso(&["document", "parse", path.to_str().expect("utf-8 path")]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("Số, ký hiệu:       101/KH-UBND"), "{text}");
    assert!(
        text.contains("Người ký: TM. ỦY BAN NHÂN DÂN / KT.CHỦ TỊCH — PHÓ CHỦ TỊCH — Nguyễn Hữu Chiến Quốc"),
        "{text}"
    );
    assert!(text.contains("[công chức Tư pháp – Hộ tịch] (phối hợp: công chức Văn hoá – xã hội)"), "{text}");
}

#[test]
fn format_flag_overrides_the_extension() {
    let src = std::fs::read(fixture("van-gia-101-KH-UBND-2024.md")).expect("fixture");
    let path = tmp("van-gia.data", &src);
    let without = coso(&["document", "parse", path.to_str().expect("utf-8 path"), "--json"]);
    assert_eq!(without.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&without.stderr).contains("--format"));
    let with = coso(&["document", "parse", path.to_str().expect("utf-8 path"), "--format", "md", "--json"]);
    assert!(with.status.success());
    let v: serde_json::Value = serde_json::from_slice(&with.stdout).expect("JSON");
    assert_eq!(v["number"], "101/KH-UBND");
}

#[test]
fn errors_are_vietnamese_with_exit_code_2() {
    let broken = tmp("hong.docx", b"PK\x03\x04 not really a zip");
    let out = coso(&["document", "parse", broken.to_str().expect("utf-8 path"), "--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tệp DOCX hỏng"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());

    let latin1 = tmp("latin1.txt", b"K\xe9 ho\xe1ch s\xf4 12");
    let out = coso(&["document", "parse", latin1.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("không phải UTF-8"));

    let out = coso(&["document", "parse", "/khong/co/tep.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("không tìm thấy tệp"));

    let empty = tmp("empty.md", b"  \n\n");
    let out = coso(&["document", "parse", empty.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("không có nội dung"));
}

#[test]
fn render_is_a_subcommand() {
    let out = coso(&["document", "render", "--help"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--to"));
}
