//! The register of commendations and models under `/quan-tri/don-vi/{code}/khen-thuong…`: the
//! lists filtered by unit and year with the forms that record an entry and the CSV/XLSX
//! downloads; and a unit's public list of models `/don-vi/{code}/mo-hinh`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::steering::recognition::{self, RegisterFilter};
use coso_domain::FieldError;
use coso_domain::authz::Action;
use coso_domain::steering::{CommendationInput, ModelInput};
use serde::Deserialize;

use super::views::{ModelForm, PublicModelsPage, RegisterPage, register_base};
use crate::auth::{CurrentUser, MaybeUser};
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path, Query};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::plans::api::{XLSX, download};
use crate::state::AppState;
use crate::views::Nav;

/// `?nam=2026&don-vi=V1`.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct RegisterQuery {
    #[serde(default)]
    pub nam: String,
    #[serde(default, rename = "don-vi")]
    pub unit: String,
}

impl RegisterQuery {
    /// The filter, or the error naming the year.
    fn filter(&self) -> Result<RegisterFilter, FieldError> {
        let year = match self.nam.trim() {
            "" => None,
            y => Some(y.parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)).ok_or_else(|| {
                FieldError::new("nam", "Năm lọc không hợp lệ: ghi năm từ 2000 đến 2100, ví dụ 2026.")
            })?),
        };
        let unit = Some(self.unit.trim().to_string()).filter(|u| !u.is_empty());
        Ok(RegisterFilter { unit, year })
    }
}

/// The register page; a bad filter shows the whole register with the filter's error.
async fn register_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    q: &RegisterQuery,
    commendation: CommendationInput,
    model: ModelForm,
    mut errors: FieldErrors,
) -> Result<RegisterPage, AppError> {
    let actor = user.actor();
    let unit = coso_app::units::by_code(&state.app, code).await?;
    let filter = match q.filter() {
        Ok(f) => f,
        Err(e) => {
            errors.0.push(e);
            RegisterFilter::default()
        }
    };
    let view = match recognition::register(&state.app, &actor, &unit, &filter).await.map_err(AppError::from) {
        Ok(v) => v,
        Err(AppError::Validation(errs)) => {
            errors.0.extend(errs.into_iter().map(|e| FieldError { field: "don-vi", ..e }));
            recognition::register(&state.app, &actor, &unit, &RegisterFilter::default()).await?
        }
        Err(e) => return Err(e),
    };
    let manages = actor.may(&unit.unit_path(), Action::ManageSteering);
    let ancestors = state.app.store().ancestors(&unit).await.map_err(coso_app::Error::from)?;
    Ok(RegisterPage {
        nav: Nav::of(Some(user)),
        ancestors,
        view,
        query: q.clone(),
        manages,
        commendation,
        model,
        errors,
    })
}

pub async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<RegisterQuery>,
) -> PageResult<Response> {
    let model = ModelForm::default();
    let page =
        register_page(&state, &user, &code, &q, CommendationInput::default(), model, FieldErrors::default()).await?;
    let status = if page.errors.0.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, page).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct CommendationForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: CommendationInput,
}

pub async fn record_commendation(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<CommendationForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let result = recognition::record_commendation(&state.app, &user.actor(), &unit, &form.input).await;
    match result.map_err(AppError::from) {
        Ok(_) => Ok(redirect_with_notice(&register_base(&code), "Đã ghi khen thưởng vào sổ.")),
        Err(AppError::Validation(errors)) => {
            let q = RegisterQuery::default();
            let page =
                register_page(&state, &user, &code, &q, form.input, ModelForm::default(), FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

/// The model form's fields carry a `model.` prefix, so their ids differ from the commendation
/// form's on the same page.
fn model_field(field: &'static str) -> &'static str {
    match field {
        "name" => "model.name",
        "unit" => "model.unit",
        "year" => "model.year",
        "description" => "model.description",
        "status" => "model.status",
        other => other,
    }
}

pub async fn record_model(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<ModelForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let input = ModelInput {
        name: form.name.clone(),
        unit: form.unit.clone(),
        year: form.year.clone(),
        description: form.description.clone(),
        status: form.status.clone(),
    };
    match recognition::record_model(&state.app, &user.actor(), &unit, &input).await.map_err(AppError::from) {
        Ok(_) => {
            Ok(redirect_with_notice(&format!("{}#mo-hinh", register_base(&code)), "Đã ghi mô hình, điển hình vào sổ."))
        }
        Err(AppError::Validation(errors)) => {
            let errors = errors.into_iter().map(|e| FieldError { field: model_field(e.field), ..e }).collect();
            let q = RegisterQuery::default();
            let page = register_page(&state, &user, &code, &q, CommendationInput::default(), form, FieldErrors(errors))
                .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

/// One of the register's downloads: `which` is the table, `ext` its format.
async fn download_table(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    q: &RegisterQuery,
    which: &str,
    ext: &str,
) -> PageResult<Response> {
    let unit = coso_app::units::by_code(&state.app, code).await?;
    let filter = q.filter().map_err(|e| AppError::Validation(vec![e]))?;
    let view = recognition::register(&state.app, &user.actor(), &unit, &filter).await?;
    let year = view.year.map(|y| format!("-{y}")).unwrap_or_default();
    let name = format!("{which}-{}{year}.{ext}", view.scope.code);
    let bytes = if which == "mo-hinh" {
        let table = view.models_table();
        if ext == "csv" { recognition::csv(&table)? } else { recognition::xlsx(&table)? }
    } else {
        // Persons' names: an audited download.
        recognition::commendations_download(&state.app, &user.actor(), &view, ext).await?
    };
    let content_type = if ext == "csv" { "text/csv; charset=utf-8" } else { XLSX };
    Ok(download(bytes, content_type, &name))
}

pub async fn commendations_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<RegisterQuery>,
) -> PageResult<Response> {
    download_table(&state, &user, &code, &q, "khen-thuong", "csv").await
}

pub async fn commendations_xlsx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<RegisterQuery>,
) -> PageResult<Response> {
    download_table(&state, &user, &code, &q, "khen-thuong", "xlsx").await
}

pub async fn models_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<RegisterQuery>,
) -> PageResult<Response> {
    download_table(&state, &user, &code, &q, "mo-hinh", "csv").await
}

pub async fn models_xlsx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<RegisterQuery>,
) -> PageResult<Response> {
    download_table(&state, &user, &code, &q, "mo-hinh", "xlsx").await
}

/// The models of a unit and the units below it; public.
pub async fn public(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
) -> PageResult<PublicModelsPage> {
    let (unit, models) = recognition::public_models(&state.app, &code).await?;
    Ok(PublicModelsPage { nav: Nav::of(user.as_ref()), unit, models })
}
