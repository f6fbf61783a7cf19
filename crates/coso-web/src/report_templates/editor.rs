//! Report templates: everyone signed in reads them; administrators edit them, as a form of
//! indicators, narrative sections and checks in the page or as JSON through the API, with the
//! domain's checks and a version guard.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::templates;
use coso_domain::TemplateId;
use coso_domain::report::Template;
use coso_store::ReportTemplateRow;
use serde::Deserialize;
use utoipa::ToSchema;

use super::form::{Action, TemplateForm};
use super::views::TemplatePage;
use super::wire::{ReportTemplate, template_definition};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody, PageResult};
use crate::extract::{Form, Json, Path};
use crate::state::AppState;
use crate::views::{ErrorLink, Nav};

/// Every report template.
#[utoipa::path(get, path = "/api/v1/report-templates", tag = "plans", responses((status = 200, body = Vec<ReportTemplate>), (status = 401, body = ErrorBody)))]
pub async fn list(State(state): State<AppState>, _user: CurrentUser) -> ApiResult<Json<Vec<ReportTemplate>>> {
    Ok(Json(templates::list(&state.app).await?.into_iter().map(ReportTemplate::from).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct TemplateUpdate {
    pub name: String,
    /// The template: `indicators`, `sections`, `criteria`, `rank_bands` and `checks`.
    #[schema(schema_with = template_definition)]
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
    responses((status = 200, body = ReportTemplate), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Json(b): Json<TemplateUpdate>,
) -> ApiResult<Json<ReportTemplate>> {
    let definition = as_template(b.definition)?;
    let saved = templates::save(&state.app, &user.actor(), TemplateId(id), &b.name, &definition, b.version).await?;
    Ok(Json(saved.into()))
}

/// The stored definition as the domain's template.
fn parsed(row: &ReportTemplateRow) -> Result<Template, AppError> {
    serde_json::from_value(row.definition.clone())
        .map_err(|e| AppError::BadRequest(format!("Mẫu báo cáo lưu trong cơ sở dữ liệu bị hỏng: {e}")))
}

fn page(
    user: &CurrentUser,
    row: &ReportTemplateRow,
    stored: &Template,
    form: TemplateForm,
    errors: Vec<ErrorLink>,
) -> TemplatePage {
    TemplatePage {
        nav: Nav::of(Some(user)),
        id: row.id,
        code: row.code.clone(),
        form,
        errors,
        json: serde_json::to_string_pretty(&row.definition).unwrap_or_default(),
        criteria: stored.criteria.len(),
        rank_bands: stored.rank_bands.len(),
    }
}

pub async fn edit_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> PageResult<TemplatePage> {
    let row = templates::stored(&state.app, &user.actor(), TemplateId(id)).await?;
    let stored = parsed(&row)?;
    let form = TemplateForm::of(&row.name, row.version, &stored);
    Ok(page(&user, &row, &stored, form, vec![]))
}

/// A row action ("Thêm dòng", "Xoá", "Lên", "Xuống") shows the form again as typed, changed;
/// "Lưu" checks it and saves it (Post/Redirect/Get), or shows it again with the problems.
pub async fn save_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult<Response> {
    let csrf = fields.iter().find(|(k, _)| k == "csrf").map_or("", |(_, v)| v.as_str());
    user.check_csrf(csrf)?;
    let actor = user.actor();
    let row = templates::stored(&state.app, &actor, TemplateId(id)).await?;
    let stored = parsed(&row)?;
    let mut form = TemplateForm::parse(&fields);
    form.fill_codes();
    let action = Action::parse(fields.iter().find(|(k, _)| k == "hanh-dong").map_or("", |(_, v)| v.as_str()));
    if action != Action::Save {
        form.apply(action);
        return Ok(page(&user, &row, &stored, form, vec![]).into_response());
    }
    let template = match form.template(&stored) {
        Ok(t) => t,
        Err(errors) => {
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&user, &row, &stored, form, errors)).into_response());
        }
    };
    match templates::save(&state.app, &actor, TemplateId(id), &form.name, &template, form.version)
        .await
        .map_err(AppError::from)
    {
        Ok(saved) => Ok(crate::page_context::redirect_with_notice(
            &format!("/quan-tri/mau-bao-cao/{}", saved.id),
            "Đã lưu mẫu báo cáo.",
        )),
        Err(AppError::Fields(errs)) => {
            let errors = errs.into_iter().map(|e| ErrorLink::new("nang-cao", e.message)).collect();
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&user, &row, &stored, form, errors)).into_response())
        }
        Err(AppError::Conflict { message, .. }) => {
            let errors = vec![ErrorLink::new("name", message)];
            Ok((StatusCode::CONFLICT, page(&user, &row, &stored, form, errors)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// `/quan-tri/mau-bao-cao`: the editor of the (first) template.
pub async fn edit_default_template(State(state): State<AppState>, user: CurrentUser) -> PageResult<Response> {
    let id = templates::first_editable(&state.app, &user.actor()).await?;
    Ok(axum::response::Redirect::to(&format!("/quan-tri/mau-bao-cao/{id}")).into_response())
}
