//! Files given with a disclosure: attachments (PDF, Word, Excel) checked against their names
//! like a case's files, and photos of the posted notice cleaned of their metadata by the
//! petitions' photo cleaner. Both within the upload limit.

use coso_domain::FieldError;
use coso_domain::case::files::check_among;
use coso_domain::disclosure::{ATTACHMENT_KINDS, DEFAULT_FILE_LIMIT};
use coso_store::NewDisclosureFile;

use crate::App;
use crate::cases::photos;

/// A file as uploaded: its name and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The largest file a disclosure accepts (the settings' upload limit, else 10 MiB).
pub fn file_limit(app: &App) -> usize {
    app.settings().case_file_limit.unwrap_or(DEFAULT_FILE_LIMIT)
}

fn size_check(field: &'static str, name: &str, len: usize, limit: usize) -> Result<(), FieldError> {
    if len == 0 {
        return Err(FieldError::new(field, format!("Tệp «{name}» rỗng.")));
    }
    if len > limit {
        return Err(FieldError::new(
            field,
            format!(
                "Tệp «{name}» quá lớn: {:.1} MB, tối đa {:.1} MB.",
                len as f64 / 1_048_576.0,
                limit as f64 / 1_048_576.0
            ),
        ));
    }
    Ok(())
}

/// The files to store, or the errors of every file refused (on `attachments` or `photos`).
pub(super) fn checked(
    limit: usize,
    attachments: &[Upload],
    photo_uploads: &[Upload],
) -> Result<Vec<NewDisclosureFile>, Vec<FieldError>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for up in attachments {
        let name = coso_text::clean(&up.file_name);
        let kind = size_check("attachments", &name, up.bytes.len(), limit)
            .and_then(|()| check_among("attachments", &name, &up.bytes, ATTACHMENT_KINDS));
        match kind {
            Ok(kind) => files.push(NewDisclosureFile {
                kind: "attachment",
                file_name: name,
                content_type: kind.content_type(),
                data: up.bytes.clone(),
            }),
            Err(e) => errors.push(e),
        }
    }
    for up in photo_uploads {
        let name = coso_text::clean(&up.file_name);
        let clean = size_check(photos::FIELD, &name, up.bytes.len(), limit)
            .and_then(|()| photos::clean(&up.file_name, &up.bytes));
        match clean {
            Ok(photo) => files.push(NewDisclosureFile {
                kind: "photo",
                file_name: photo.file_name,
                content_type: photo.kind.content_type(),
                data: photo.bytes,
            }),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() { Ok(files) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn up(name: &str, bytes: &[u8]) -> Upload {
        Upload { file_name: name.to_owned(), bytes: bytes.to_vec() }
    }

    #[test]
    fn attachments_are_pdf_word_or_excel_within_the_limit() {
        let ok = checked(64, &[up("du-toan.xlsx", b"PK\x03\x04rest"), up("ke-hoach.pdf", b"%PDF-1.7")], &[]);
        let files = ok.expect("accepted");
        assert_eq!(files[0].content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        let errors =
            checked(8, &[up("lon.pdf", b"%PDF-1.7 too long"), up("virus.exe", b"MZ")], &[]).expect_err("refused");
        assert_eq!(errors.len(), 2);
        assert!(errors[0].message.contains("quá lớn") && errors[0].field == "attachments", "{}", errors[0].message);
        assert!(errors[1].message.contains("virus.exe"));
        // A photo is not an attachment, and an attachment is not a photo.
        assert!(checked(64, &[up("anh.jpg", &[0xFF, 0xD8, 0xFF, 0xD9])], &[]).is_err());
        let photo_errors = checked(64, &[], &[up("bang.xlsx", b"PK\x03\x04")]).expect_err("refused");
        assert_eq!(photo_errors[0].field, "photos");
    }
}
