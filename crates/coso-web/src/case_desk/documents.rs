//! `/quan-tri/vu-viec/{id}/van-ban/{file}`: a case's answer, notices and decisions as DOCX
//! and, with the `pdf` feature, PDF in the Decree 30 layout.

use axum::extract::State;
use axum::response::Response;
use coso_app::cases::{self, CaseDocument, CaseView};

use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::Path;
use crate::plans::api::{DOCX, download, pdf};
use crate::state::AppState;

use super::views::DocumentLink;

/// The documents the case gives where it stands, with their downloads.
pub fn links(view: &CaseView) -> Vec<DocumentLink> {
    let base = format!("{}/van-ban", super::case_page::case_path(view.case.id));
    CaseDocument::ALL
        .into_iter()
        .filter(|d| d.available(&view.case))
        .map(|d| DocumentLink {
            label: d.label(),
            docx: format!("{base}/{}.docx", d.slug()),
            pdf: format!("{base}/{}.pdf", d.slug()),
        })
        .collect()
}

pub async fn download_document(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, file)): Path<(i64, String)>,
) -> PageResult<Response> {
    let (stem, ext) = file.rsplit_once('.').ok_or(PageError(AppError::NotFound))?;
    let which = CaseDocument::from_slug(stem).ok_or(PageError(AppError::NotFound))?;
    if ext != "docx" && ext != "pdf" {
        return Err(PageError(AppError::NotFound));
    }
    let calendar = crate::calendar::current(&state).await?;
    let doc = cases::case_document(&state.app, &user.actor(), &calendar, id, which).await?;
    let name = format!("{}-{id}.{ext}", which.slug());
    Ok(if ext == "docx" {
        download(coso_app::plans::summary::docx(&doc)?, DOCX, &name)
    } else {
        download(pdf(doc).await?, "application/pdf", &name)
    })
}
