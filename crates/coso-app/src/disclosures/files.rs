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
