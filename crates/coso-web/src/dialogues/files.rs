//! The results notice of a dialogue as DOCX and, with the `pdf` feature, PDF in the Decree 30
//! layout: `/quan-tri/don-vi/{code}/doi-thoai/{id}/ket-qua.{docx,pdf}` for its officials at any
//! time after the announcement, `/doi-thoai/{id}/ket-qua.{docx,pdf}` for anyone once published.

use axum::extract::State;
use axum::response::Response;
use coso_app::dialogues;
use coso_documents::Document;

use crate::auth::CurrentUser;
use crate::error::{AppError, PageResult};
use crate::extract::Path;
use crate::plans::api::{DOCX, download, pdf};
use crate::state::AppState;

/// Whether the file is asked for as PDF rather than DOCX.
#[derive(Debug, Clone, Copy)]
enum Format {
    Docx,
    Pdf,
}

async fn send(doc: Document, id: i64, format: Format) -> Result<Response, AppError> {
    Ok(match format {
        Format::Docx => download(coso_app::plans::summary::docx(&doc)?, DOCX, &format!("ket-qua-doi-thoai-{id}.docx")),
        Format::Pdf => download(pdf(doc).await?, "application/pdf", &format!("ket-qua-doi-thoai-{id}.pdf")),
    })
}

async fn official(state: &AppState, user: &CurrentUser, code: &str, id: i64, format: Format) -> PageResult<Response> {
    let calendar = crate::calendar::current(state).await?;
    let doc = dialogues::official_results_document(&state.app, &user.actor(), &calendar, code, id).await?;
    Ok(send(doc, id, format).await?)
}

pub async fn official_docx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<Response> {
    official(&state, &user, &code, id, Format::Docx).await
}

pub async fn official_pdf(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<Response> {
    official(&state, &user, &code, id, Format::Pdf).await
}

async fn public(state: &AppState, id: i64, format: Format) -> PageResult<Response> {
    let calendar = crate::calendar::current(state).await?;
    let doc = dialogues::public_results_document(&state.app, &calendar, id).await?;
    Ok(send(doc, id, format).await?)
}

pub async fn public_docx(State(state): State<AppState>, Path(id): Path<i64>) -> PageResult<Response> {
    public(&state, id, Format::Docx).await
}

pub async fn public_pdf(State(state): State<AppState>, Path(id): Path<i64>) -> PageResult<Response> {
    public(&state, id, Format::Pdf).await
}
