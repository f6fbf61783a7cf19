//! Photos sent with a petition: only JPEG and PNG whose content is what their name says, kept
//! without their metadata. A phone's photo carries where it was taken (EXIF GPS), the phone's
//! make and serial, and the time; none of it is needed to handle a petition and all of it may
//! identify the sender, so it is removed before anything is stored. The image data itself is
//! copied byte for byte (no decoding, no re-encoding): nothing is lost and nothing is run.

use coso_domain::FieldError;
pub use coso_domain::case::files::{strip_jpeg, strip_png};
use coso_domain::file_signature::Signature;

/// The field the errors of photos are shown on.
pub const FIELD: &str = "photos";

/// What a photo is, by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoKind {
    Jpeg,
    Png,
}

impl PhotoKind {
    pub fn content_type(self) -> &'static str {
        match self {
            PhotoKind::Jpeg => "image/jpeg",
            PhotoKind::Png => "image/png",
        }
    }

    fn label(self) -> &'static str {
        match self {
            PhotoKind::Jpeg => "ảnh JPEG",
            PhotoKind::Png => "ảnh PNG",
        }
    }

    /// The kind a file name announces, by its extension.
    fn by_name(name: &str) -> Option<PhotoKind> {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        match ext.as_str() {
            "jpg" | "jpeg" => Some(PhotoKind::Jpeg),
            "png" => Some(PhotoKind::Png),
            _ => None,
        }
    }

    /// The kind the content is, by its signature.
    fn by_content(bytes: &[u8]) -> Option<PhotoKind> {
        match Signature::of(bytes)? {
            Signature::Jpeg => Some(PhotoKind::Jpeg),
            Signature::Png => Some(PhotoKind::Png),
            Signature::Pdf | Signature::Zip => None,
        }
    }
}

/// A photo checked and cleaned: what is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanPhoto {
    pub file_name: String,
    pub kind: PhotoKind,
    pub bytes: Vec<u8>,
}

fn refused(message: String) -> FieldError {
    FieldError::new(FIELD, message)
}

/// Checks that `bytes` is the JPEG or PNG its name says, and removes its metadata.
pub fn clean(file_name: &str, bytes: &[u8]) -> Result<CleanPhoto, FieldError> {
    let shown = coso_text::clean(file_name);
    let Some(named) = PhotoKind::by_name(&shown) else {
        return Err(refused(format!(
            "Tệp «{shown}» không phải là ảnh: chỉ nhận ảnh JPEG (.jpg, .jpeg) hoặc PNG (.png)."
        )));
    };
    if PhotoKind::by_content(bytes) != Some(named) {
        return Err(refused(format!(
            "Tệp «{shown}» mang tên {} nhưng nội dung không phải là {}; hãy chọn đúng tệp ảnh.",
            named.label(),
            named.label()
        )));
    }
    let cleaned = match named {
        PhotoKind::Jpeg => strip_jpeg(bytes),
        PhotoKind::Png => strip_png(bytes),
    };
    let bytes = cleaned.ok_or_else(|| refused(format!("Ảnh «{shown}» bị hỏng, không đọc được; hãy chọn ảnh khác.")))?;
    Ok(CleanPhoto { file_name: shown, kind: named, bytes })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal JPEG: SOI, an EXIF APP1 with a GPS tag's bytes, a comment, JFIF, SOS, EOI.
    fn jpeg_with_exif() -> Vec<u8> {
        let mut j = vec![0xff, 0xd8];
        j.extend_from_slice(&[0xff, 0xe0, 0x00, 0x07, b'J', b'F', b'I', b'F', 0x00]);
        let exif = b"Exif\0\0GPSLatitude 21.0285";
        j.extend_from_slice(&[0xff, 0xe1]);
        j.extend_from_slice(&u16::try_from(exif.len() + 2).expect("short").to_be_bytes());
        j.extend_from_slice(exif);
        j.extend_from_slice(&[0xff, 0xfe, 0x00, 0x06, b'c', b'a', b'm', b'1']);
        j.extend_from_slice(&[0xff, 0xda, 0x00, 0x02, 0x12, 0x34, 0x56, 0xff, 0xd9]);
        j
    }

    #[test]
    fn exif_and_comments_leave_a_jpeg_and_the_picture_stays() {
        let photo = clean("anh.JPG", &jpeg_with_exif()).expect("a JPEG");
        let text = String::from_utf8_lossy(&photo.bytes);
        assert!(!text.contains("GPS") && !text.contains("Exif") && !text.contains("cam1"), "{text}");
        assert!(text.contains("JFIF"));
        assert!(photo.bytes.ends_with(&[0xff, 0xda, 0x00, 0x02, 0x12, 0x34, 0x56, 0xff, 0xd9]));
        assert_eq!(photo.kind.content_type(), "image/jpeg");
    }

    #[test]
    fn text_and_exif_chunks_leave_a_png() {
        let chunk = |kind: &[u8], data: &[u8]| {
            let mut c = u32::try_from(data.len()).expect("short").to_be_bytes().to_vec();
            c.extend_from_slice(kind);
            c.extend_from_slice(data);
            c.extend_from_slice(&[0, 0, 0, 0]);
            c
        };
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(chunk(b"IHDR", &[0; 13]));
        png.extend(chunk(b"eXIf", b"GPSLatitude"));
        png.extend(chunk(b"tEXt", b"Author\0Nguyen"));
        png.extend(chunk(b"IDAT", b"pixels"));
        png.extend(chunk(b"IEND", b""));
        let photo = clean("a.png", &png).expect("a PNG");
        let text = String::from_utf8_lossy(&photo.bytes);
        assert!(!text.contains("GPS") && !text.contains("Nguyen"));
        assert!(text.contains("IHDR") && text.contains("pixels") && text.contains("IEND"));
    }

    #[test]
    fn a_file_whose_content_is_not_its_name_is_refused_naming_it() {
        let err = clean("anh.jpg", b"%PDF-1.4 not a photo").expect_err("not a JPEG");
        assert_eq!(err.field, FIELD);
        assert!(err.message.contains("«anh.jpg»") && err.message.contains("JPEG"), "{}", err.message);
        let err = clean("anh.png", &jpeg_with_exif()).expect_err("a JPEG named .png");
        assert!(err.message.contains("PNG"), "{}", err.message);
        let err = clean("tai-lieu.pdf", b"%PDF").expect_err("not a photo");
        assert!(err.message.contains("chỉ nhận ảnh"), "{}", err.message);
        let mut broken = jpeg_with_exif();
        broken.truncate(12);
        assert!(clean("a.jpg", &broken).expect_err("broken").message.contains("bị hỏng"));
    }
}
