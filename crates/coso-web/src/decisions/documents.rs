//! Mẫu 01, 02 and 03 of a community meeting as DOCX or PDF: for the officials' page under
//! `…/quyet-dinh/{id}/tep/{file}` and for `/api/v1/decisions/{id}/…`.

use axum::extract::State;
use axum::response::Response;
use coso_app::decisions::{self, meeting_documents};
use coso_store::UnitRow;

use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::extract::Path;
use crate::plans::api::{DOCX, download, pdf};
use crate::state::AppState;

/// One of the meeting's three documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MeetingDocument {
    /// Mẫu 01.
    Invitation,
    /// Mẫu 02.
    CountMinutes,
    /// Mẫu 03.
    Resolution,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Docx,
    Pdf,
}

impl MeetingDocument {
    /// The file's name without its extension, as the page links it.
    fn stem(self) -> &'static str {
        match self {
            MeetingDocument::Invitation => "giay-moi-hop",
            MeetingDocument::CountMinutes => "bien-ban-kiem-phieu-hop",
            MeetingDocument::Resolution => "nghi-quyet-hop",
        }
    }

    /// The document and format a page's file name asks for.
    fn of_file(file: &str) -> Option<(MeetingDocument, Format)> {
        let (stem, ext) = file.rsplit_once('.')?;
        let format = match ext {
            "docx" => Format::Docx,
            "pdf" => Format::Pdf,
            _ => return None,
        };
        [MeetingDocument::Invitation, MeetingDocument::CountMinutes, MeetingDocument::Resolution]
            .into_iter()
            .find(|d| d.stem() == stem)
            .map(|d| (d, format))
    }

    async fn respond(
        self,
        state: &AppState,
        user: &CurrentUser,
        unit: &UnitRow,
        id: i64,
        format: Format,
    ) -> Result<Response, AppError> {
        let (app, actor) = (&state.app, user.actor());
        let doc = match self {
            MeetingDocument::Invitation => meeting_documents::invitation(app, &actor, unit, id).await?,
            MeetingDocument::CountMinutes => meeting_documents::count_minutes(app, &actor, unit, id).await?,
            MeetingDocument::Resolution => meeting_documents::resolution(app, &actor, unit, id).await?,
        };
        Ok(match format {
            Format::Docx => {
                download(coso_app::plans::summary::docx(&doc)?, DOCX, &format!("{}-{id}.docx", self.stem()))
            }
            Format::Pdf => download(pdf(doc).await?, "application/pdf", &format!("{}-{id}.pdf", self.stem())),
        })
    }
}

/// The meeting's document a page's file name asks for; `None` when the name is none of them.
pub async fn page_file(
    state: &AppState,
    user: &CurrentUser,
    unit: &UnitRow,
    id: i64,
    file: &str,
) -> Option<Result<Response, AppError>> {
    let (doc, format) = MeetingDocument::of_file(file)?;
    Some(doc.respond(state, user, unit, id, format).await)
}

async fn api(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    doc: MeetingDocument,
    format: Format,
) -> ApiResult<Response> {
    let (unit, _) = decisions::unit_of(&state.app, id).await?;
    Ok(doc.respond(state, user, &unit, id, format).await?)
}

/// Mẫu 01, the meeting's invitation, as DOCX.
#[utoipa::path(get, path = "/api/v1/decisions/{id}/invitation.docx", tag = "decisions", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn invitation_docx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    api(&state, &user, id, MeetingDocument::Invitation, Format::Docx).await
}

/// Mẫu 01 as PDF (501 in a build without PDF output).
#[utoipa::path(get, path = "/api/v1/decisions/{id}/invitation.pdf", tag = "decisions", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 501, body = ErrorBody)))]
pub async fn invitation_pdf(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    api(&state, &user, id, MeetingDocument::Invitation, Format::Pdf).await
}

/// Mẫu 02, the minutes of the meeting's vote count, as DOCX (409 before the vote or for a
/// meeting closed without one).
#[utoipa::path(get, path = "/api/v1/decisions/{id}/meeting-minutes.docx", tag = "decisions", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn minutes_docx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    api(&state, &user, id, MeetingDocument::CountMinutes, Format::Docx).await
}

/// Mẫu 02 as PDF (501 in a build without PDF output).
#[utoipa::path(get, path = "/api/v1/decisions/{id}/meeting-minutes.pdf", tag = "decisions", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 501, body = ErrorBody)))]
pub async fn minutes_pdf(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> ApiResult<Response> {
    api(&state, &user, id, MeetingDocument::CountMinutes, Format::Pdf).await
}

/// Mẫu 03, the community's resolution (the meeting's minutes when nothing was adopted), as
/// DOCX (409 before the meeting has its result).
#[utoipa::path(get, path = "/api/v1/decisions/{id}/resolution.docx", tag = "decisions", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn resolution_docx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    api(&state, &user, id, MeetingDocument::Resolution, Format::Docx).await
}

/// Mẫu 03 as PDF (501 in a build without PDF output).
#[utoipa::path(get, path = "/api/v1/decisions/{id}/resolution.pdf", tag = "decisions", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 501, body = ErrorBody)))]
pub async fn resolution_pdf(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    api(&state, &user, id, MeetingDocument::Resolution, Format::Pdf).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pages_file_name_names_the_document_and_its_format() {
        assert_eq!(MeetingDocument::of_file("giay-moi-hop.docx"), Some((MeetingDocument::Invitation, Format::Docx)));
        assert_eq!(MeetingDocument::of_file("nghi-quyet-hop.pdf"), Some((MeetingDocument::Resolution, Format::Pdf)));
        assert_eq!(MeetingDocument::of_file("bien-ban-kiem-phieu.docx"), None, "Mẫu 04 is the ballot's");
        assert_eq!(MeetingDocument::of_file("giay-moi-hop.odt"), None);
    }
}
