//! What an uploaded file is, read from its first bytes rather than from the name or content
//! type a browser sent: the one place that knows the signatures coso accepts.

/// A file format recognised by its leading bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signature {
    Pdf,
    Jpeg,
    Png,
    /// A ZIP container: DOCX and XLSX are ZIPs, told apart by the name only.
    Zip,
}

impl Signature {
    /// The signature `bytes` start with, if any coso accepts.
    pub fn of(bytes: &[u8]) -> Option<Signature> {
        if bytes.starts_with(b"%PDF-") {
            Some(Signature::Pdf)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Signature::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Signature::Png)
        } else if bytes.starts_with(b"PK\x03\x04") {
            Some(Signature::Zip)
        } else {
            None
        }
    }

    /// The content type a file with this signature is served with; a ZIP has none of its own.
    pub fn content_type(self) -> Option<&'static str> {
        match self {
            Signature::Pdf => Some("application/pdf"),
            Signature::Jpeg => Some("image/jpeg"),
            Signature::Png => Some("image/png"),
            Signature::Zip => None,
        }
    }

    /// Whether this is a photo coso keeps (JPEG or PNG).
    pub fn is_image(self) -> bool {
        matches!(self, Signature::Jpeg | Signature::Png)
    }
}

#[cfg(test)]
mod tests {
    use super::Signature;

    #[test]
    fn formats_are_read_from_their_first_bytes() {
        assert_eq!(Signature::of(b"%PDF-1.7 ..."), Some(Signature::Pdf));
        assert_eq!(Signature::of(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(Signature::Jpeg));
        assert_eq!(Signature::of(b"\x89PNG\r\n\x1a\nIHDR"), Some(Signature::Png));
        assert_eq!(Signature::of(b"PK\x03\x04rest"), Some(Signature::Zip));
        assert_eq!(Signature::of(b"MZ\x90\x00"), None, "a Windows program is nothing coso keeps");
        assert_eq!(Signature::of(b""), None);
        assert_eq!(Signature::of(&[0xFF, 0xD8]), None, "two bytes of a JPEG are not a JPEG");
    }

    #[test]
    fn only_pdf_and_images_have_a_content_type_of_their_own() {
        assert_eq!(Signature::Pdf.content_type(), Some("application/pdf"));
        assert_eq!(Signature::Png.content_type(), Some("image/png"));
        assert_eq!(Signature::Zip.content_type(), None);
        assert!(Signature::Jpeg.is_image() && !Signature::Pdf.is_image());
    }
}
