//! Evidence files of tasks and reports: a size limit and a type check on the content itself,
//! not on the name the browser sent.

use crate::{Error, Result};
use coso_domain::file_signature::Signature;

/// Largest evidence file (the store enforces it too): scans of minutes and photos fit;
/// videos do not belong here.
pub use coso_store::MAX_EVIDENCE_BYTES;

/// The content type of an accepted evidence file, read from its first bytes: PDF, JPEG, PNG,
/// DOCX or XLSX (ZIP containers named so), or plain UTF-8 text.
pub fn check(file_name: &str, bytes: &[u8]) -> Result<&'static str> {
    if bytes.is_empty() {
        return Err(Error::field("file", "Tệp minh chứng rỗng."));
    }
    if bytes.len() > MAX_EVIDENCE_BYTES {
        return Err(Error::field(
            "file",
            format!(
                "Tệp minh chứng quá lớn: {:.1} MB, tối đa {} MB.",
                bytes.len() as f64 / 1_048_576.0,
                MAX_EVIDENCE_BYTES / 1_048_576
            ),
        ));
    }
    let ext = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let kind = if let Some(Signature::Zip) = Signature::of(bytes) {
        match ext.as_str() {
            "docx" => Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            "xlsx" => Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            _ => None,
        }
    } else if let Some(signature) = Signature::of(bytes) {
        signature.content_type()
    } else if matches!(ext.as_str(), "txt" | "csv") && std::str::from_utf8(bytes).is_ok() {
        Some("text/plain; charset=utf-8")
    } else {
        None
    };
    kind.ok_or_else(|| {
        Error::field("file", "Chỉ nhận tệp PDF, ảnh JPEG/PNG, Word (.docx), Excel (.xlsx) hoặc văn bản (.txt, .csv).")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_decides_not_the_name() {
        assert_eq!(check("bien-ban.pdf", b"%PDF-1.7 ...").ok(), Some("application/pdf"));
        assert_eq!(check("anh.jpg", &[0xFF, 0xD8, 0xFF, 0xE0]).ok(), Some("image/jpeg"));
        assert!(check("bien-ban.pdf", b"MZ\x90\x00 a program").is_err(), "an executable named .pdf");
        assert!(check("bao-cao.docx", b"%PDF-").is_ok(), "a PDF is a PDF whatever its name");
        assert!(check("x.zip", b"PK\x03\x04....").is_err(), "a ZIP that is not DOCX/XLSX");
        assert!(check("ghi-chu.txt", &[0xFF, 0xFE, 0x00]).is_err(), "not UTF-8");
    }

    #[test]
    fn size_is_limited_and_named() {
        let big = vec![b'a'; MAX_EVIDENCE_BYTES + 1];
        match check("a.txt", &big) {
            Err(Error::Fields(e)) => {
                assert_eq!(e[0].field, "file");
                assert!(e[0].message.contains("tối đa 10 MB"), "{}", e[0].message);
            }
            other => panic!("{other:?}"),
        }
        assert!(check("a.txt", b"").is_err());
    }
}
