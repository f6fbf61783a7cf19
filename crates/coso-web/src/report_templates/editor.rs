//! Report templates: everyone signed in reads them; administrators edit them (indicators,
//! narrative sections, criteria, rank bands), with the domain's checks and a version guard.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_domain::report::Template;
use coso_store::ReportTemplateRow;
use serde::Deserialize;
use utoipa::ToSchema;

use super::views::TemplatePage;
use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody, PageResult};
use crate::extract::{Form, Json, Path};
use crate::state::AppState;
use crate::views::Nav;

/// Every report template.
#[utoipa::path(get, path = "/api/v1/report-templates", tag = "plans", responses((status = 200, body = Object), (status = 401, body = ErrorBody)))]
pub async fn list(State(state): State<AppState>, _user: CurrentUser) -> ApiResult<Json<Vec<ReportTemplateRow>>> {
    coso_reporting::templates::ensure_default(state.store()).await?;
    Ok(Json(state.store().report_templates().await?))
}

#[derive(Deserialize, ToSchema)]
pub struct TemplateUpdate {
    pub name: String,
    /// The template: `indicators`, `sections`, `criteria`, `rank_bands`.
    #[schema(value_type = Object)]
    pub definition: serde_json::Value,
    /// The version that was read; a newer one in the database means someone else saved.
    pub version: i64,
}

/// Parses and checks a definition; the errors name the path (`indicators.0.code`, …).
fn checked(definition: &serde_json::Value) -> Result<Template, AppError> {
    let t: Template = crate::extract::from_json_value(definition.clone(), "definition")?;
    t.validate().map_err(AppError::Fields)?;
    Ok(t)
}

async fn save(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    name: &str,
    definition: &serde_json::Value,
    version: i64,
) -> Result<ReportTemplateRow, AppError> {
    if !user.is_admin() {
        return Err(AppError::Forbidden);
    }
    let t = checked(definition)?;
    let value = serde_json::to_value(&t).map_err(|e| AppError::Internal(e.into()))?;
    Ok(state.store().update_report_template(id, name, &value, version, &user.actor()).await?)
}

/// Replaces a template's definition (administrators only).
#[utoipa::path(put, path = "/api/v1/report-templates/{id}", tag = "plans", params(("id" = i64, Path)), request_body = TemplateUpdate,
    responses((status = 200, body = Object), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<TemplateUpdate>,
) -> ApiResult<Json<ReportTemplateRow>> {
    Ok(Json(save(&state, &user, id, &b.name, &b.definition, b.version).await?))
}

fn page(
    user: &CurrentUser,
    row: &ReportTemplateRow,
    name: String,
    text: String,
    errors: Vec<String>,
    notice: Option<String>,
) -> TemplatePage {
    TemplatePage {
        nav: Nav::of(Some(user)),
        id: row.id,
        code: row.code.clone(),
        version: row.version,
        name,
        definition: text,
        errors,
        notice,
    }
}

pub async fn edit_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> PageResult<TemplatePage> {
    if !user.is_admin() {
        return Err(AppError::Forbidden.into());
    }
    let row = state.store().report_template(id).await?.ok_or(AppError::NotFound)?;
    let text = serde_json::to_string_pretty(&row.definition).unwrap_or_default();
    Ok(page(&user, &row, row.name.clone(), text, vec![], None))
}

#[derive(Deserialize)]
pub struct TemplateForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub definition: String,
    #[serde(default)]
    pub version: i64,
}

pub async fn save_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<TemplateForm>,
) -> PageResult<Response> {
    user.check_csrf(&f.csrf)?;
    let row = state.store().report_template(id).await?.ok_or(AppError::NotFound)?;
    let parsed: Result<serde_json::Value, _> = serde_json::from_str(&f.definition);
    let result = match parsed {
        Ok(v) => save(&state, &user, id, &f.name, &v, f.version).await,
        Err(e) => Err(AppError::Fields(vec![coso_domain::PathError {
            field: "definition".into(),
            message: format!("Nội dung không phải JSON hợp lệ (dòng {}, cột {}).", e.line(), e.column()),
        }])),
    };
    match result {
        Ok(saved) => {
            let text = serde_json::to_string_pretty(&saved.definition).unwrap_or_default();
            Ok(page(&user, &saved, saved.name.clone(), text, vec![], Some("Đã lưu mẫu báo cáo.".into()))
                .into_response())
        }
        Err(AppError::Fields(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            page(
                &user,
                &row,
                f.name,
                f.definition,
                errs.into_iter().map(|e| format!("{}: {}", e.field, e.message)).collect(),
                None,
            ),
        )
            .into_response()),
        Err(AppError::Conflict { message, .. }) => {
            Ok((StatusCode::CONFLICT, page(&user, &row, f.name, f.definition, vec![message], None)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// `/quan-tri/mau-bao-cao`: the editor of the (first) template.
pub async fn edit_default_template(State(state): State<AppState>, user: CurrentUser) -> PageResult<Response> {
    if !user.is_admin() {
        return Err(AppError::Forbidden.into());
    }
    let id = coso_reporting::templates::ensure_default(state.store()).await.map_err(AppError::from)?;
    Ok(axum::response::Redirect::to(&format!("/quan-tri/mau-bao-cao/{id}")).into_response())
}
