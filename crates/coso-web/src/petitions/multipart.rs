//! Reading the petition form (`multipart/form-data`): its text fields and up to a few photos.
//! The parts are streamed here and handed to the domain's [`PetitionParts`], which keeps what
//! fits and marks what passed its limit (read to its end, not kept, reported on its own field).

use axum::extract::multipart::MultipartError;
use axum::http::StatusCode;
use coso_domain::case::intake::PetitionParts;

use crate::error::AppError;

/// The form as read.
pub type PetitionForm = PetitionParts;

fn unreadable(e: MultipartError) -> AppError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return AppError::TooLarge;
    }
    tracing::info!(error = %e, "unreadable petition form");
    AppError::BadRequest("Biểu mẫu không đọc được. Vui lòng tải lại trang và gửi lại.".into())
}

/// Reads the form; photos larger than `max_photo_bytes` are marked, not kept.
pub async fn read(mut form: axum::extract::Multipart, max_photo_bytes: usize) -> Result<PetitionForm, AppError> {
    let mut out = PetitionParts::default();
    while let Some(mut field) = form.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_string();
        let limit = PetitionParts::limit_of(&name, max_photo_bytes);
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
        out.push(&name, &file_name, buf, over).map_err(|e| AppError::BadRequest(e.message().into()))?;
    }
    Ok(out)
}
