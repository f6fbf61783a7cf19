//! Report templates: everyone signed in reads them; administrators edit them (indicators,
//! narrative sections, criteria, rank bands), with the domain's checks and a version guard.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::templates;
use coso_domain::TemplateId;
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
    Ok(Json(templates::list(&state.app).await?))
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

/// The definition as the domain's template; a field of the wrong shape is named by its path
/// (`indicators.0.code`, …) in Vietnamese.
fn as_template(definition: serde_json::Value) -> Result<Template, AppError> {
    crate::extract::from_json_value(definition, "definition")
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
    let definition = as_template(b.definition)?;
    Ok(Json(templates::save(&state.app, &user.actor(), TemplateId(id), &b.name, &definition, b.version).await?))
}

fn page(user: &CurrentUser, row: &ReportTemplateRow, name: String, text: String, errors: Vec<String>) -> TemplatePage {
    TemplatePage {
        nav: Nav::of(Some(user)),
        id: row.id,
        code: row.code.clone(),
        version: row.version,
        name,
        definition: text,
        errors,
    }
}

pub async fn edit_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> PageResult<TemplatePage> {
    let row = templates::stored(&state.app, &user.actor(), TemplateId(id)).await?;
    let text = serde_json::to_string_pretty(&row.definition).unwrap_or_default();
    Ok(page(&user, &row, row.name.clone(), text, vec![]))
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
    let actor = user.actor();
    let row = templates::stored(&state.app, &actor, TemplateId(id)).await?;
    let parsed: Result<serde_json::Value, _> = serde_json::from_str(&f.definition);
    let result = match parsed {
        Ok(v) => match as_template(v) {
            Ok(t) => templates::save(&state.app, &actor, TemplateId(id), &f.name, &t, f.version)
                .await
                .map_err(AppError::from),
            Err(e) => Err(e),
        },
        Err(e) => Err(AppError::Fields(vec![coso_domain::PathError {
            field: "definition".into(),
            message: format!("Nội dung không phải JSON hợp lệ (dòng {}, cột {}).", e.line(), e.column()),
        }])),
    };
    match result {
        Ok(saved) => Ok(crate::page_context::redirect_with_notice(
            &format!("/quan-tri/mau-bao-cao/{}", saved.id),
            "Đã lưu mẫu báo cáo.",
        )),
        Err(AppError::Fields(errs)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            page(
                &user,
                &row,
                f.name,
                f.definition,
                errs.into_iter().map(|e| format!("{}: {}", e.field, e.message)).collect(),
            ),
        )
            .into_response()),
        Err(AppError::Conflict { message, .. }) => {
            Ok((StatusCode::CONFLICT, page(&user, &row, f.name, f.definition, vec![message])).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// `/quan-tri/mau-bao-cao`: the editor of the (first) template.
pub async fn edit_default_template(State(state): State<AppState>, user: CurrentUser) -> PageResult<Response> {
    let id = templates::first_editable(&state.app, &user.actor()).await?;
    Ok(axum::response::Redirect::to(&format!("/quan-tri/mau-bao-cao/{id}")).into_response())
}
