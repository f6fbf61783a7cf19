//! Reading uploaded plan documents: on the blocking pool, never on the threads that answer
//! requests, and only a few at a time. A DOCX costs CPU and memory out of proportion to its
//! size; without the cap a handful of parallel uploads stalled every other request.

use axum::body::Bytes;
use coso_app::plans::import;
use coso_documents::Document;

use crate::error::AppError;
use crate::state::AppState;

/// Documents read at once; more are refused with 503 and `Retry-After` rather than queued, so
/// that waiting uploads hold no memory.
pub const READERS: usize = 2;

/// Reads a plan document. A document that cannot be read is a `BadRequest` with the reader's
/// Vietnamese explanation; a full reader pool is `Busy`.
pub async fn read(state: &AppState, file_name: &str, bytes: Bytes, year: Option<i32>) -> Result<Document, AppError> {
    let permit = state.document_readers.clone().try_acquire_owned().map_err(|_| AppError::Busy)?;
    let file_name = file_name.to_string();
    let read = tokio::task::spawn_blocking(move || {
        // Held until the reading is done, even if the client has gone away meanwhile.
        let _permit = permit;
        import::read_document(&file_name, &bytes, year)
    });
    Ok(read.await.map_err(|e| AppError::Internal(e.into()))??)
}
