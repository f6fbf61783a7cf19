//! Task follow-up: status, progress, notes and evidence files, by the issuing unit's officials.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coso_domain::authz::Action;
use coso_domain::plan::{TaskStatus, parse_progress};
use coso_reporting::evidence;
use coso_store::{EvidenceMeta, EvidenceOwner};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody, PageResult};
use crate::extract::{FileBody, Form, Json, Multipart, Path, Query};
use crate::reporting::access;
use crate::state::AppState;
use crate::upload;

/// The task, after checking it belongs to the plan and the user manages the plan.
async fn managed_task(
    state: &AppState,
    user: &CurrentUser,
    plan_id: i64,
    task_id: i64,
) -> Result<coso_store::TaskRow, AppError> {
    let (_, issuer) = access::readable_plan(state, user, plan_id).await?;
    user.authorize(&issuer.unit_path(), Action::ManagePlans)?;
    state.store().plan_tasks(plan_id).await?.into_iter().find(|t| t.id == task_id).ok_or(AppError::NotFound)
}

#[derive(Deserialize, ToSchema, Default)]
pub struct TaskUpdate {
    /// not_started | in_progress | done
    #[serde(default)]
    pub status: Option<String>,
    /// Percent, 0 to 100 (a number or a string as typed).
    #[serde(default)]
    #[schema(value_type = Object)]
    pub progress: Option<serde_json::Value>,
    /// A note added to the task's log.
    #[serde(default)]
    pub note: Option<String>,
}

/// Applies an update; every field is checked before anything is written.
async fn apply(
    state: &AppState,
    user: &CurrentUser,
    task: &coso_store::TaskRow,
    u: &TaskUpdate,
) -> Result<(), AppError> {
    let mut errors = Vec::new();
    let progress = match &u.progress {
        None => task.progress as u8,
        Some(v) => {
            let raw = match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            parse_progress(&raw).unwrap_or_else(|e| {
                errors.push(e);
                0
            })
        }
    };
    let status = match u.status.as_deref().filter(|s| !s.is_empty()) {
        None if u.progress.is_some() => TaskStatus::suggested_by(progress),
        None => TaskStatus::parse(&task.status).unwrap_or(TaskStatus::NotStarted),
        Some(s) => TaskStatus::parse(s).unwrap_or_else(|| {
            errors.push(coso_domain::FieldError::new(
                "status",
                "Trạng thái nhiệm vụ không hợp lệ (chưa thực hiện, đang thực hiện, hoàn thành).",
            ));
            TaskStatus::NotStarted
        }),
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let actor = user.actor();
    state.store().update_task(task.id, status.as_str(), i64::from(progress), &actor).await?;
    if let Some(note) = u.note.as_deref().map(coso_text::clean).filter(|n| !n.is_empty()) {
        state.store().add_task_note(task.id, &note, &actor).await?;
    }
    Ok(())
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
    let task = managed_task(&state, &user, plan_id, task_id).await?;
    apply(&state, &user, &task, &u).await?;
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
    responses((status = 201, body = Object), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_evidence(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((plan_id, task_id)): Path<(i64, i64)>,
    Query(q): Query<EvidenceQuery>,
    FileBody(body): FileBody,
) -> ApiResult<(StatusCode, Json<EvidenceMeta>)> {
    let task = managed_task(&state, &user, plan_id, task_id).await?;
    let content_type = evidence::check(&q.file_name, &body)?;
    let meta = state
        .store()
        .add_evidence(EvidenceOwner::Task(task.id), &coso_text::clean(&q.file_name), content_type, &body, &user.actor())
        .await?;
    Ok((StatusCode::CREATED, Json(meta)))
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
    let task = managed_task(&state, &user, plan_id, task_id).await?;
    let u = TaskUpdate {
        status: Some(f.status),
        progress: Some(serde_json::Value::String(f.progress)),
        note: Some(f.note),
    };
    match apply(&state, &user, &task, &u).await {
        Ok(()) => Ok(Redirect::to(&format!("/quan-tri/ke-hoach/{plan_id}#nhiem-vu-{task_id}")).into_response()),
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
    let task = managed_task(&state, &user, plan_id, task_id).await?;
    match evidence::check(&up.file_name, &up.bytes) {
        Ok(content_type) => {
            state
                .store()
                .add_evidence(
                    EvidenceOwner::Task(task.id),
                    &coso_text::clean(&up.file_name),
                    content_type,
                    &up.bytes,
                    &user.actor(),
                )
                .await?;
            Ok(Redirect::to(&format!("/quan-tri/ke-hoach/{plan_id}#nhiem-vu-{task_id}")).into_response())
        }
        Err(e) => {
            let msg = match e {
                coso_reporting::ReportingError::Invalid(errs) => {
                    errs.into_iter().map(|e| e.message).collect::<Vec<_>>().join(" ")
                }
                other => other.to_string(),
            };
            let page = crate::plans::pages::plan_page(&state, &user, plan_id, Some(msg)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// Downloads an evidence file, for those who may read the plan.
pub async fn download_evidence(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((plan_id, file_id)): Path<(i64, i64)>,
) -> PageResult<Response> {
    access::readable_plan(&state, &user, plan_id).await?;
    let f = state.store().evidence(file_id).await?.ok_or(AppError::NotFound)?;
    let tasks = state.store().plan_tasks(plan_id).await?;
    if !f.meta.task_id.is_some_and(|t| tasks.iter().any(|x| x.id == t)) {
        return Err(AppError::NotFound.into());
    }
    let ct: &'static str = match f.meta.content_type.as_str() {
        "application/pdf" => "application/pdf",
        "image/jpeg" => "image/jpeg",
        "image/png" => "image/png",
        _ => "application/octet-stream",
    };
    Ok(crate::plans::api::download(f.data, ct, &f.meta.file_name))
}
