//! Files attached to a case: the type a file's name says must be the type its content is
//! (read from its first bytes), and images are kept without their metadata (EXIF, XMP, IPTC,
//! comments, text chunks), which can hold where and when a photo was taken and by whom.

use crate::FieldError;

/// A kind of file a case accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Jpeg,
    Png,
    Docx,
    Xlsx,
}

/// The kinds a case accepts.
const CASE_KINDS: &[FileKind] = &[FileKind::Pdf, FileKind::Jpeg, FileKind::Png, FileKind::Docx];

impl FileKind {
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    fn label(self) -> &'static str {
        match self {
            FileKind::Pdf => "tệp PDF",
            FileKind::Jpeg => "ảnh JPEG",
            FileKind::Png => "ảnh PNG",
            FileKind::Docx => "văn bản Word (.docx)",
            FileKind::Xlsx => "bảng tính Excel (.xlsx)",
        }
    }

    fn of_name(file_name: &str) -> Option<FileKind> {
        let ext = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        match ext.as_str() {
            "pdf" => Some(FileKind::Pdf),
            "jpg" | "jpeg" => Some(FileKind::Jpeg),
            "png" => Some(FileKind::Png),
            "docx" => Some(FileKind::Docx),
            "xlsx" => Some(FileKind::Xlsx),
            _ => None,
        }
    }

    fn matches(self, bytes: &[u8]) -> bool {
        match self {
            FileKind::Pdf => bytes.starts_with(b"%PDF-"),
            FileKind::Jpeg => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
            FileKind::Png => bytes.starts_with(PNG_SIGNATURE),
            FileKind::Docx | FileKind::Xlsx => bytes.starts_with(b"PK\x03\x04"),
        }
    }
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The kind of `bytes` named `file_name`, if the name is of an accepted kind and the content
/// is what the name says; otherwise why not, on `field`.
pub fn check(field: &'static str, file_name: &str, bytes: &[u8]) -> Result<FileKind, FieldError> {
    let Some(kind) = FileKind::of_name(file_name).filter(|k| CASE_KINDS.contains(k)) else {
        return Err(FieldError::new(
            field,
            format!(
                "Tệp «{file_name}» không thuộc loại được nhận: chỉ nhận PDF, ảnh JPEG, PNG hoặc văn bản Word (.docx)."
            ),
        ));
    };
    content_matches(field, file_name, kind, bytes)
}

/// Like [`check`], for a capability that accepts the `accepted` kinds only (a disclosure's
/// attachments: PDF, Word and Excel).
pub fn check_among(
    field: &'static str,
    file_name: &str,
    bytes: &[u8],
    accepted: &[FileKind],
) -> Result<FileKind, FieldError> {
    let Some(kind) = FileKind::of_name(file_name).filter(|k| accepted.contains(k)) else {
        let names: Vec<&str> = accepted.iter().map(|k| k.label()).collect();
        return Err(FieldError::new(
            field,
            format!("Tệp «{file_name}» không thuộc loại được nhận: chỉ nhận {}.", names.join(", ")),
        ));
    };
    content_matches(field, file_name, kind, bytes)
}

fn content_matches(field: &'static str, file_name: &str, kind: FileKind, bytes: &[u8]) -> Result<FileKind, FieldError> {
    if kind.matches(bytes) {
        Ok(kind)
    } else {
        Err(FieldError::new(field, format!("Nội dung tệp «{file_name}» không phải là {} như tên tệp.", kind.label())))
    }
}

/// `bytes` without the metadata of an image (other kinds are returned as they are).
pub fn strip_metadata(field: &'static str, kind: FileKind, bytes: &[u8]) -> Result<Vec<u8>, FieldError> {
    let broken = || FieldError::new(field, "Tệp ảnh bị hỏng, không đọc được.");
    match kind {
        FileKind::Jpeg => strip_jpeg(bytes).ok_or_else(broken),
        FileKind::Png => strip_png(bytes).ok_or_else(broken),
        FileKind::Pdf | FileKind::Docx | FileKind::Xlsx => Ok(bytes.to_vec()),
    }
}

/// A JPEG without its APP1 (EXIF, XMP), APP3–APP13, APP15 and comment segments. JFIF (APP0),
/// the colour profile (APP2) and Adobe's colour transform (APP14) stay: they change how the
/// picture looks, not who took it. `None` when the segments do not hold together.
pub fn strip_jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(bytes.get(..2)?);
    let mut at = 2;
    loop {
        if bytes.get(at)? != &0xff {
            return None;
        }
        // Fill bytes (0xff repeated) may precede a marker.
        let mut m = at + 1;
        while bytes.get(m)? == &0xff {
            m += 1;
        }
        let marker = *bytes.get(m)?;
        let body = m + 1;
        match marker {
            // Markers without a length.
            0x01 | 0xd0..=0xd7 => {
                out.extend_from_slice(&[0xff, marker]);
                at = body;
            }
            0xd9 => {
                out.extend_from_slice(&[0xff, marker]);
                return Some(out);
            }
            _ => {
                let len = usize::from(u16::from_be_bytes([*bytes.get(body)?, *bytes.get(body + 1)?]));
                if len < 2 {
                    return None;
                }
                let end = body.checked_add(len)?;
                let segment = bytes.get(body..end)?;
                let metadata = matches!(marker, 0xe1 | 0xe3..=0xed | 0xef | 0xfe);
                if !metadata {
                    out.extend_from_slice(&[0xff, marker]);
                    out.extend_from_slice(segment);
                }
                if marker == 0xda {
                    // Start of scan: the entropy-coded data and whatever follows are the image.
                    out.extend_from_slice(&bytes[end..]);
                    return Some(out);
                }
                at = end;
            }
        }
    }
}

/// Ancillary PNG chunks kept: they change how the picture looks (transparency, colour, pixel
/// size), not who took it. Text, time and EXIF chunks, and any other, are dropped.
const PNG_KEPT: [&[u8; 4]; 8] = [b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT", b"bKGD", b"pHYs"];

/// A PNG with its critical chunks and the rendering chunks of `PNG_KEPT` only. `None` when
/// the chunks do not hold together or it does not start with IHDR and end with IEND.
pub fn strip_png(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(PNG_SIGNATURE);
    let mut at = PNG_SIGNATURE.len();
    let mut first = true;
    while at < bytes.len() {
        let len = usize::try_from(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?)).ok()?;
        let kind: [u8; 4] = bytes.get(at + 4..at + 8)?.try_into().ok()?;
        let end = at.checked_add(12)?.checked_add(len)?;
        let chunk = bytes.get(at..end)?;
        if first && &kind != b"IHDR" {
            return None;
        }
        first = false;
        let critical = kind[0].is_ascii_uppercase();
        if critical || PNG_KEPT.contains(&&kind) {
            out.extend_from_slice(chunk);
        }
        if &kind == b"IEND" {
            return Some(out);
        }
        at = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(marker: u8, body: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&u16::try_from(body.len() + 2).expect("short").to_be_bytes());
        s.extend_from_slice(body);
        s
    }

    fn chunk(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut c = u32::try_from(body.len()).expect("short").to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(body);
        c.extend_from_slice(&[0, 0, 0, 0]);
        c
    }

    #[test]
    fn a_file_must_be_what_its_name_says() {
        assert_eq!(check("file", "don.pdf", b"%PDF-1.7"), Ok(FileKind::Pdf));
        assert_eq!(check("file", "ANH.JPG", &[0xFF, 0xD8, 0xFF, 0xE0]), Ok(FileKind::Jpeg));
        let lie = check("file", "anh.png", b"%PDF-1.7").expect_err("a PDF named .png");
        assert_eq!(lie.field, "file");
        assert!(lie.message.contains("«anh.png»") && lie.message.contains("ảnh PNG"), "{}", lie.message);
        assert!(check("file", "chuong-trinh.exe", b"MZ").is_err());
        assert!(check("file", "khong-duoi", b"%PDF-").is_err());
    }

    #[test]
    fn jpeg_metadata_is_dropped_and_the_image_kept() {
        let mut jpeg = vec![0xFF, 0xD8];
        jpeg.extend(segment(0xE0, b"JFIF\0\x01\x01"));
        jpeg.extend(segment(0xE1, b"Exif\0\0GPS 21.0285 N 105.8542 E"));
        jpeg.extend(segment(0xFE, b"Nguyen Van A"));
        jpeg.extend(segment(0xDB, &[0; 65]));
        jpeg.extend(segment(0xDA, &[1, 2, 3]));
        jpeg.extend([0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD9]);
        let clean = strip_metadata("file", FileKind::Jpeg, &jpeg).expect("clean");
        let text = String::from_utf8_lossy(&clean);
        assert!(!text.contains("GPS") && !text.contains("Nguyen"), "{text}");
        assert!(text.contains("JFIF"));
        assert!(clean.ends_with(&[0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD9]), "the scan is untouched");
        assert_eq!(clean.len(), jpeg.len() - (4 + 30) - (4 + 12));
        assert!(strip_metadata("file", FileKind::Jpeg, &[0xFF, 0xD8, 0xFF, 0xE1, 0xFF]).is_err(), "truncated");
    }

    #[test]
    fn no_input_makes_the_cleaners_panic() {
        assert_eq!(strip_jpeg(&[]), None);
        assert_eq!(strip_jpeg(&[0xFF]), None);
        assert_eq!(strip_png(&[]), None);
        let mut jpeg = vec![0xFF, 0xD8];
        jpeg.extend(segment(0xE1, b"Exif\0\0GPS"));
        jpeg.extend(segment(0xDA, &[1, 2, 3]));
        let mut png = PNG_SIGNATURE.to_vec();
        png.extend(chunk(b"IHDR", &[0; 13]));
        png.extend(chunk(b"IEND", &[]));
        // Every cut short of the scan (JPEG) or of IEND (PNG) is refused, none panics.
        for end in 0..jpeg.len() - 3 {
            assert_eq!(strip_jpeg(&jpeg[..end]), None, "JPEG cut at {end}");
        }
        for end in 0..png.len() {
            assert_eq!(strip_png(&png[..end]), None, "PNG cut at {end}");
        }
    }

    #[test]
    fn png_text_chunks_are_dropped() {
        let mut png = PNG_SIGNATURE.to_vec();
        png.extend(chunk(b"IHDR", &[0; 13]));
        png.extend(chunk(b"tEXt", b"Author\0Tran Thi B"));
        png.extend(chunk(b"eXIf", b"MM\0*"));
        png.extend(chunk(b"IDAT", &[9; 20]));
        png.extend(chunk(b"IEND", &[]));
        let clean = strip_metadata("file", FileKind::Png, &png).expect("clean");
        let text = String::from_utf8_lossy(&clean);
        assert!(!text.contains("Tran") && !text.contains("eXIf"), "{text}");
        assert!(text.contains("IHDR") && text.contains("IDAT") && text.contains("IEND"));
        assert!(strip_metadata("file", FileKind::Png, &png[..png.len() - 5]).is_err(), "truncated");
    }
}
