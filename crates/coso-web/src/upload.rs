//! Reading one uploaded file and the CSRF field from a multipart form, within the size limit.
//! [`read`] refuses a file over the limit with 413; [`read_marked`] reads it to its end (or to
//! the request's limit), keeps none of it and says so, so that a page can put the error on
//! the file's field with the other fields kept ([`too_large`] words it).

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
    /// The file passed the limit and was not kept.
    pub too_large: bool,
}

/// The error of a file over `limit` bytes, on its `field`, naming the file and the limit.
pub fn too_large(field: &'static str, file_name: &str, limit: usize) -> coso_domain::FieldError {
    let shown: String = coso_text::clean(file_name).chars().take(80).collect();
    coso_domain::FieldError::new(field, format!("Tệp «{shown}» quá lớn: tối đa {:.1} MB.", limit as f64 / 1_048_576.0))
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

/// Reads the form; a file over `max_bytes` is refused with 413.
pub async fn read(form: Multipart, max_bytes: usize) -> Result<Upload, AppError> {
    let up = read_marked(form, max_bytes).await?;
    if up.too_large {
        return Err(AppError::TooLarge);
    }
    Ok(up)
}

/// Reads the form; a file over `max_bytes` is not kept and is marked `too_large`, the fields
/// read with it. When the request itself passes its limit inside the file, the fields sent
/// before the file (the page puts the file last) are what comes back.
pub async fn read_marked(mut form: Multipart, max_bytes: usize) -> Result<Upload, AppError> {
    let mut csrf = String::new();
    let mut bytes = None;
    let mut file_name = String::new();
    let mut fields = Vec::new();
    let mut too_large = false;
    while let Some(mut field) = form.next_field().await.map_err(unreadable)? {
        match field.name() {
            Some("csrf") => {
                csrf = field.text().await.map_err(|_| AppError::BadRequest("Biểu mẫu không đọc được.".into()))?
            }
            Some("file") => {
                file_name = field.file_name().unwrap_or_default().to_string();
                let mut buf = Vec::new();
                loop {
                    match field.chunk().await {
                        Ok(Some(chunk)) if too_large || buf.len() + chunk.len() > max_bytes => {
                            too_large = true;
                            buf = Vec::new();
                        }
                        Ok(Some(chunk)) => buf.extend_from_slice(&chunk),
                        Ok(None) => break,
                        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                            too_large = true;
                            return Ok(Upload { csrf, bytes: Vec::new(), file_name, fields, too_large });
                        }
                        Err(e) => return Err(unreadable(e)),
                    }
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
    if too_large {
        return Ok(Upload { csrf, bytes: Vec::new(), file_name, fields, too_large });
    }
    let bytes =
        bytes.filter(|b| !b.is_empty()).ok_or_else(|| AppError::BadRequest("Chưa chọn tệp để tải lên.".into()))?;
    Ok(Upload { csrf, bytes, file_name, fields, too_large })
}
