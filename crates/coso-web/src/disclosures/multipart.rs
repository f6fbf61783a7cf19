//! Reading the record form (`multipart/form-data`): its text fields, attachments and photos of
//! the posted notice. A file over the limit is read to its end and not kept, and named on its
//! field, so the page can say which one it was.

use axum::extract::multipart::MultipartError;
use axum::http::StatusCode;
use coso_app::disclosures::Upload;

use crate::error::AppError;

const MAX_TEXT_BYTES: usize = 1024 * 1024;
const MAX_PARTS: usize = 60;

#[derive(Default)]
pub struct RecordForm {
    pub fields: Vec<(String, String)>,
    pub attachments: Vec<Upload>,
    pub photos: Vec<Upload>,
    /// (field, file name) of the files over the limit.
    pub too_large: Vec<(&'static str, String)>,
}

impl RecordForm {
    pub fn field(&self, name: &str) -> &str {
        self.fields.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }

    /// Every value of a repeated field (the forms' checkboxes).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.fields.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }
}

fn unreadable(e: MultipartError) -> AppError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return AppError::TooLarge;
    }
    tracing::info!(error = %e, "unreadable disclosure form");
    AppError::BadRequest("Biểu mẫu không đọc được. Vui lòng tải lại trang và gửi lại.".into())
}

/// Reads the form; files larger than `max_file_bytes` are named in `too_large`, not kept.
pub async fn read(mut form: axum::extract::Multipart, max_file_bytes: usize) -> Result<RecordForm, AppError> {
    let mut out = RecordForm::default();
    let mut parts = 0;
    while let Some(mut field) = form.next_field().await.map_err(unreadable)? {
        parts += 1;
        if parts > MAX_PARTS {
            return Err(AppError::BadRequest("Biểu mẫu có quá nhiều trường.".into()));
        }
        let name = field.name().unwrap_or_default().to_string();
        let file_field = match name.as_str() {
            "attachments" => Some("attachments"),
            "photos" => Some("photos"),
            _ => None,
        };
        let limit = if file_field.is_some() { max_file_bytes } else { MAX_TEXT_BYTES };
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
        match file_field {
            Some(f) if over => out.too_large.push((f, file_name)),
            // A browser sends an empty part when no file was chosen.
            Some(_) if buf.is_empty() && file_name.is_empty() => {}
            Some("photos") => out.photos.push(Upload { file_name, bytes: buf }),
            Some(_) => out.attachments.push(Upload { file_name, bytes: buf }),
            None if over => return Err(AppError::TooLarge),
            None => {
                let text = String::from_utf8(buf)
                    .map_err(|_| AppError::BadRequest("Biểu mẫu có chữ không đọc được (không phải UTF-8).".into()))?;
                out.fields.push((name, text));
            }
        }
    }
    Ok(out)
}
