//! The log of trainings and dissemination events of a unit, and its form.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::dissemination::trainings;
use coso_app::units;

use super::forms::TrainingForm;
use super::views::TrainingsPage;
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::views::{Nav, vn_date};

async fn page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: coso_domain::dissemination::TrainingInput,
    errors: FieldErrors,
) -> Result<TrainingsPage, AppError> {
    let log = trainings::log(&state.app, &user.actor(), code).await?;
    Ok(TrainingsPage { nav: Nav::of(Some(user)), log, form, errors })
}

pub async fn log(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<TrainingsPage> {
    let form = coso_domain::dissemination::TrainingInput {
        held_on: vn_date(state.app.today()),
        ..coso_domain::dissemination::TrainingInput::default()
    };
    Ok(page(&state, &user, &code, form, FieldErrors::default()).await?)
}

pub async fn record(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<TrainingForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = units::by_code(&state.app, &code).await?;
    match trainings::record(&state.app, &user.actor(), &unit, &form.input).await.map_err(AppError::from) {
        Ok(_) => Ok(redirect_with_notice(
            &format!("/quan-tri/don-vi/{}/tap-huan", unit.code),
            "Đã ghi buổi tập huấn, tuyên truyền vào sổ.",
        )),
        Err(AppError::Validation(errors)) => {
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, &user, &code, form.input, FieldErrors(errors)).await?)
                .into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}
