//! Reading one uploaded file and the CSRF field from a multipart form, within the size limit.

use axum::extract::Multipart;
use axum::extract::multipart::MultipartError;
use axum::http::StatusCode;

use crate::error::AppError;

pub struct Upload {
    pub csrf: String,
    pub bytes: Vec<u8>,
    /// The file's name as sent by the browser (for its extension).
    pub file_name: String,
    /// The other text fields of the form.
    pub fields: Vec<(String, String)>,
}

impl Upload {
    /// The value of a text field, or an empty string.
    pub fn field(&self, name: &str) -> &str {
        self.fields.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }
}

/// A part of the form that could not be read: too large, or broken (the reason in axum's
/// English is only logged).
fn unreadable(e: MultipartError) -> AppError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return AppError::TooLarge;
    }
    tracing::info!(error = %e, "unreadable multipart form");
    AppError::BadRequest("Biểu mẫu không đọc được. Vui lòng tải lại trang và gửi lại.".into())
}

pub async fn read(mut form: Multipart, max_bytes: usize) -> Result<Upload, AppError> {
    let mut csrf = String::new();
    let mut bytes = None;
    let mut file_name = String::new();
    let mut fields = Vec::new();
    while let Some(mut field) = form.next_field().await.map_err(unreadable)? {
        match field.name() {
            Some("csrf") => {
                csrf = field.text().await.map_err(|_| AppError::BadRequest("Biểu mẫu không đọc được.".into()))?
            }
            Some("file") => {
                file_name = field.file_name().unwrap_or_default().to_string();
                let mut buf = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
                    if buf.len() + chunk.len() > max_bytes {
                        return Err(AppError::TooLarge);
                    }
                    buf.extend_from_slice(&chunk);
                }
                bytes = Some(buf);
            }
            Some(name) if fields.len() < 32 => {
                let name = name.to_string();
                let value = field.text().await.map_err(|_| AppError::BadRequest("Biểu mẫu không đọc được.".into()))?;
                if value.len() > 10_000 {
                    return Err(AppError::TooLarge);
                }
                fields.push((name, value));
            }
            _ => {}
        }
    }
    let bytes =
        bytes.filter(|b| !b.is_empty()).ok_or_else(|| AppError::BadRequest("Chưa chọn tệp để tải lên.".into()))?;
    Ok(Upload { csrf, bytes, file_name, fields })
}
