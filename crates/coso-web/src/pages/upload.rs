//! Reading one uploaded file and the CSRF field from a multipart form, within the size limit.

use axum::extract::Multipart;

use crate::error::AppError;

pub struct Upload {
    pub csrf: String,
    pub bytes: Vec<u8>,
}

pub async fn read(mut form: Multipart, max_bytes: usize) -> Result<Upload, AppError> {
    let mut csrf = String::new();
    let mut bytes = None;
    while let Some(mut field) = form.next_field().await.map_err(|e| AppError::BadRequest(format!("Biểu mẫu không đọc được: {e}")))? {
        match field.name() {
            Some("csrf") => csrf = field.text().await.map_err(|_| AppError::BadRequest("Biểu mẫu không đọc được.".into()))?,
            Some("file") => {
                let mut buf = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(|_| AppError::TooLarge)? {
                    if buf.len() + chunk.len() > max_bytes {
                        return Err(AppError::TooLarge);
                    }
                    buf.extend_from_slice(&chunk);
                }
                bytes = Some(buf);
            }
            _ => {}
        }
    }
    let bytes = bytes.filter(|b| !b.is_empty()).ok_or_else(|| AppError::BadRequest("Chưa chọn tệp để tải lên.".into()))?;
    Ok(Upload { csrf, bytes })
}
