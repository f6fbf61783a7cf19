//! Reading the petition form (`multipart/form-data`): its text fields and up to a few photos.
//! A field or photo over its limit is not an error of the whole request: it is read to its
//! end, not kept, and reported on its own field, so that the page can say which one it was.

use axum::extract::multipart::MultipartError;
use axum::http::StatusCode;
use coso_app::cases::PhotoUpload;

use crate::error::AppError;

/// The longest text field kept, in bytes: far beyond any field's own limit, so that the use
/// case can say by how much a text is too long.
const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;
/// Parts read at most (fields and photos).
const MAX_PARTS: usize = 40;
/// The field of the photos.
pub const PHOTOS: &str = "photos";

#[derive(Default)]
pub struct PetitionForm {
    pub fields: Vec<(String, String)>,
    pub photos: Vec<PhotoUpload>,
    /// Text fields that passed `MAX_TEXT_BYTES`.
    pub too_long: Vec<String>,
}

impl PetitionForm {
    pub fn field(&self, name: &str) -> &str {
        self.fields.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }

    /// An error on each text field that was too long to read (nothing is sent on then).
    pub fn too_long_errors(&self) -> Vec<coso_domain::FieldError> {
        self.too_long
            .iter()
            .map(|f| {
                coso_domain::FieldError::new(static_field(f), "Nội dung nhập vào trường này quá dài; hãy rút gọn.")
            })
            .collect()
    }
}

/// The field names a form error may carry (`FieldError` holds a `&'static str`).
fn static_field(name: &str) -> &'static str {
    match name {
        "place" => "place",
        "name" => "name",
        "phone" => "phone",
        "email" => "email",
        "address" => "address",
        "id_number" => "id_number",
        _ => "content",
    }
}

fn unreadable(e: MultipartError) -> AppError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return AppError::TooLarge;
    }
    tracing::info!(error = %e, "unreadable petition form");
    AppError::BadRequest("Biểu mẫu không đọc được. Vui lòng tải lại trang và gửi lại.".into())
}

/// Reads the form; photos larger than `max_photo_bytes` are marked, not kept.
pub async fn read(mut form: axum::extract::Multipart, max_photo_bytes: usize) -> Result<PetitionForm, AppError> {
    let mut out = PetitionForm::default();
    let mut parts = 0;
    while let Some(mut field) = form.next_field().await.map_err(unreadable)? {
        parts += 1;
        if parts > MAX_PARTS {
            return Err(AppError::BadRequest("Biểu mẫu có quá nhiều trường.".into()));
        }
        let name = field.name().unwrap_or_default().to_string();
        let is_photo = name == PHOTOS;
        let limit = if is_photo { max_photo_bytes } else { MAX_TEXT_BYTES };
        let file_name = field.file_name().unwrap_or_default().to_string();
        let mut buf = Vec::new();
        let mut over = false;
        while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
            if over || buf.len() + chunk.len() > limit {
                over = true;
                buf = Vec::new();
                continue;
            }
            buf.extend_from_slice(&chunk);
        }
        if is_photo {
            // A browser sends an empty part when no photo was chosen.
            if over || !buf.is_empty() {
                out.photos.push(PhotoUpload { file_name, bytes: buf, too_large: over });
            }
        } else if over {
            out.too_long.push(name);
        } else {
            let text = String::from_utf8(buf)
                .map_err(|_| AppError::BadRequest("Biểu mẫu có chữ không đọc được (không phải UTF-8).".into()))?;
            out.fields.push((name, text));
        }
    }
    Ok(out)
}
