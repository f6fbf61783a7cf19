//! Task follow-up: status, progress, notes and evidence files, by the issuing unit's officials.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::tasks::{self, TaskChange};
use coso_domain::{EvidenceId, PlanId, TaskId};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::wire::TaskEvidence;
use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody, PageResult};
use crate::extract::{FileBody, Form, Json, Multipart, Path, Query};
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::upload;

#[derive(Deserialize, ToSchema, Default)]
pub struct TaskUpdate {
    /// not_started | in_progress | done
    #[serde(default)]
    pub status: Option<String>,
    /// Percent, 0 to 100 (a number or a string as typed).
    #[serde(default)]
    #[schema(schema_with = crate::wire::optional_number_or_text)]
    pub progress: Option<serde_json::Value>,
    /// A note added to the task's log.
    #[serde(default)]
    pub note: Option<String>,
}

impl TaskUpdate {
    /// The body as typed: a progress sent as a JSON number is read like its text.
    fn change(&self) -> TaskChange {
        TaskChange {
            status: self.status.clone(),
            progress: self.progress.as_ref().map(|v| match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            }),
            note: self.note.clone(),
        }
    }
}

/// Updates a task's status and progress, and adds a note.
#[utoipa::path(patch, path = "/api/v1/plans/{id}/tasks/{task}", tag = "plans", params(("id" = i64, Path), ("task" = i64, Path)), request_body = TaskUpdate,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((plan_id, task_id)): Path<(i64, i64)>,
    Json(u): Json<TaskUpdate>,
) -> ApiResult<StatusCode> {
    tasks::update(&state.app, &user.actor(), PlanId(plan_id), TaskId(task_id), &u.change()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, IntoParams)]
pub struct EvidenceQuery {
    /// The file's name, e.g. `bien-ban-hop.pdf`.
    pub file_name: String,
}

/// Attaches an evidence file (PDF, JPEG, PNG, DOCX, XLSX, TXT; at most 10 MB) to a task.
#[utoipa::path(post, path = "/api/v1/plans/{id}/tasks/{task}/evidence", tag = "plans", params(("id" = i64, Path), ("task" = i64, Path), EvidenceQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = TaskEvidence), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_evidence(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((plan_id, task_id)): Path<(i64, i64)>,
    Query(q): Query<EvidenceQuery>,
    FileBody(body): FileBody,
) -> ApiResult<(StatusCode, Json<TaskEvidence>)> {
    let meta =
        tasks::add_evidence(&state.app, &user.actor(), PlanId(plan_id), TaskId(task_id), &q.file_name, &body).await?;
    Ok((StatusCode::CREATED, Json(meta.into())))
}

#[derive(Deserialize)]
pub struct TaskForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub progress: String,
    #[serde(default)]
    pub note: String,
}

/// The plan page's task form.
pub async fn update_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((plan_id, task_id)): Path<(i64, i64)>,
    Form(f): Form<TaskForm>,
) -> PageResult<Response> {
    user.check_csrf(&f.csrf)?;
    let change = TaskChange { status: Some(f.status), progress: Some(f.progress), note: Some(f.note) };
    match tasks::update(&state.app, &user.actor(), PlanId(plan_id), TaskId(task_id), &change)
        .await
        .map_err(AppError::from)
    {
        Ok(()) => Ok(redirect_with_notice(
            &format!("/quan-tri/ke-hoach/{plan_id}#nhiem-vu-{task_id}"),
            "Đã lưu tiến độ nhiệm vụ.",
        )),
        Err(AppError::Validation(errs)) => {
            let msg = errs.into_iter().map(|e| e.message).collect::<Vec<_>>().join(" ");
            let page = crate::plans::pages::plan_page(&state, &user, plan_id, Some(msg)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The plan page's evidence upload.
pub async fn evidence_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((plan_id, task_id)): Path<(i64, i64)>,
    Multipart(form): Multipart,
) -> PageResult<Response> {
    let up = upload::read(form, state.settings.max_upload_bytes).await?;
    user.check_csrf(&up.csrf)?;
    let added =
        tasks::add_evidence(&state.app, &user.actor(), PlanId(plan_id), TaskId(task_id), &up.file_name, &up.bytes)
            .await;
    match added.map_err(AppError::from) {
        Ok(_) => Ok(redirect_with_notice(
            &format!("/quan-tri/ke-hoach/{plan_id}#nhiem-vu-{task_id}"),
            "Đã tải lên minh chứng.",
        )),
        Err(AppError::Fields(errs)) => {
            let msg = errs.into_iter().map(|e| e.message).collect::<Vec<_>>().join(" ");
            let page = crate::plans::pages::plan_page(&state, &user, plan_id, Some(msg)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Downloads an evidence file, for those who may read the plan.
pub async fn download_evidence(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((plan_id, file_id)): Path<(i64, i64)>,
) -> PageResult<Response> {
    let f = tasks::evidence_file(&state.app, &user.actor(), PlanId(plan_id), EvidenceId(file_id)).await?;
    let ct: &'static str = match f.meta.content_type.as_str() {
        "application/pdf" => "application/pdf",
        "image/jpeg" => "image/jpeg",
        "image/png" => "image/png",
        _ => "application/octet-stream",
    };
    Ok(crate::plans::api::download(f.data, ct, &f.meta.file_name))
}
