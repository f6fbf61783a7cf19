//! The inspected unit's pages under `/quan-tri/don-vi/{code}/duoc-kiem-tra`: the inspections of
//! the unit and the remediation tasks it leads; one inspection read only, with its conclusion as
//! DOCX or PDF; evidence and completion reported on the tasks the unit leads. Every form
//! answers with Post/Redirect/Get.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::inspections;

use super::pages::DoneForm;
use super::views::{InspectedListPage, InspectedPage, inspected_base};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Multipart, Path};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::plans::api::{DOCX, download, pdf};
use crate::state::AppState;
use crate::views::Nav;

pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<InspectedListPage> {
    let seen = inspections::inspected(&state.app, &user.actor(), &code).await.map_err(AppError::from)?;
    Ok(InspectedListPage { nav: Nav::of(Some(&user)), seen })
}

async fn inspected_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    errors: FieldErrors,
) -> Result<InspectedPage, AppError> {
    let seen = inspections::inspected_view(&state.app, &user.actor(), code, id).await?;
    Ok(InspectedPage { nav: Nav::of(Some(user)), seen, errors })
}

pub async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<InspectedPage> {
    Ok(inspected_page(&state, &user, &code, id, FieldErrors::default()).await?)
}

pub async fn conclusion_docx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<Response> {
    let doc = inspections::inspected_document(&state.app, &user.actor(), &code, id).await.map_err(AppError::from)?;
    let bytes = coso_app::plans::summary::docx(&doc).map_err(AppError::from)?;
    Ok(download(bytes, DOCX, &format!("ket-luan-kiem-tra-{id}.docx")))
}

pub async fn conclusion_pdf(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<Response> {
    let doc = inspections::inspected_document(&state.app, &user.actor(), &code, id).await.map_err(AppError::from)?;
    Ok(download(pdf(doc).await?, "application/pdf", &format!("ket-luan-kiem-tra-{id}.pdf")))
}

/// Back to the inspection's page with a notice, or the page again with the form's errors.
async fn after<T>(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    result: Result<T, coso_app::Error>,
    notice: &str,
) -> PageResult<Response> {
    match result.map_err(AppError::from) {
        Ok(_) => Ok(redirect_with_notice(&format!("{}/{id}", inspected_base(code)), notice)),
        Err(AppError::Validation(errors)) => {
            let page = inspected_page(state, user, code, id, FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(AppError::Fields(errors)) => {
            let errors = errors.into_iter().map(|e| coso_domain::FieldError::new("file", e.message)).collect();
            let page = inspected_page(state, user, code, id, FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

pub async fn finish_task(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id, task)): Path<(String, i64, i64)>,
    Form(form): Form<DoneForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let result = inspections::finish_led_task(&state.app, &user.actor(), &code, id, task, &form.input).await;
    after(&state, &user, &code, id, result, "Đã báo cáo hoàn thành nhiệm vụ khắc phục.").await
}

pub async fn task_evidence(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id, task)): Path<(String, i64, i64)>,
    Multipart(form): Multipart,
) -> PageResult<Response> {
    let up = crate::upload::read(form, state.settings.max_upload_bytes).await?;
    user.check_csrf(&up.csrf)?;
    let result =
        inspections::add_led_task_evidence(&state.app, &user.actor(), &code, id, task, &up.file_name, &up.bytes).await;
    after(&state, &user, &code, id, result, "Đã gửi minh chứng khắc phục.").await
}
