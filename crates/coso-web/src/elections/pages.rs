//! The officials' pages of a village's elections and conferences, and a unit's compliance.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::{conferences, elections, units};
use coso_domain::conference::ConferenceInput;
use coso_domain::election::DismissalInput;
use coso_store::UnitRow;

use super::forms::{ConferenceForm, DismissalForm, ElectionForm, RecognitionForm, ResultForm, StepForm, YearParams};
use super::views::{CompliancePage, ConferencesPage, ElectionPage, ElectionsPage, conferences_base, elections_base};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path, Query};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::plans::api::download;
use crate::state::AppState;
use crate::views::Nav;

async fn ancestors(state: &AppState, unit: &UnitRow) -> Result<Vec<UnitRow>, AppError> {
    Ok(state.app.store().ancestors(unit).await?)
}

async fn elections_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: ElectionForm,
    dismissal_form: DismissalInput,
    errors: FieldErrors,
) -> Result<ElectionsPage, AppError> {
    let calendar = crate::calendar::current(state).await?;
    let (unit, list) = elections::list_for_unit(&state.app, &user.actor(), code).await?;
    let dismissals = elections::dismissals(&state.app, &user.actor(), &calendar, code).await?;
    let investment_boards = elections::investment_boards(&state.app, &unit).await?;
    Ok(ElectionsPage {
        nav: Nav::of(Some(user)),
        ancestors: ancestors(state, &unit).await?,
        unit,
        elections: list,
        dismissals,
        form,
        dismissal_form,
        investment_boards,
        errors,
    })
}

pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<ElectionsPage> {
    Ok(elections_page(&state, &user, &code, ElectionForm::default(), DismissalInput::default(), FieldErrors::default())
        .await?)
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<ElectionForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let calendar = crate::calendar::current(&state).await?;
    match elections::create(&state.app, &user.actor(), &calendar, &code, &form.input()).await.map_err(AppError::from) {
        Ok(e) => Ok(redirect_with_notice(
            &format!("{}/{}", elections_base(&e.unit_code), e.id),
            match e.kind {
                coso_domain::election::ElectionKind::VillageHead => {
                    "Đã tạo cuộc bầu trưởng thôn, tổ trưởng tổ dân phố."
                }
                _ => "Đã tạo cuộc bầu thành viên ban giám sát.",
            },
        )),
        Err(AppError::Validation(errors)) => {
            let page =
                elections_page(&state, &user, &code, form, DismissalInput::default(), FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

pub async fn dismiss(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<DismissalForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let calendar = crate::calendar::current(&state).await?;
    match elections::dismiss(&state.app, &user.actor(), &calendar, &code, &form.input).await.map_err(AppError::from) {
        Ok(d) => Ok(redirect_with_notice(
            &elections_base(&d.unit_code),
            "Đã ghi quyết định cho thôi làm và người tạm thời phụ trách; cần tổ chức bầu mới trong 60 ngày.",
        )),
        Err(AppError::Validation(errors)) => {
            let page =
                elections_page(&state, &user, &code, ElectionForm::default(), form.input, FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

/// The election `id` of the village `code`; one of another village is not found.
async fn election_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    forms: (StepForm, ResultForm, RecognitionForm),
    errors: FieldErrors,
) -> Result<ElectionPage, AppError> {
    let calendar = crate::calendar::current(state).await?;
    let e = elections::get(&state.app, &user.actor(), &calendar, id).await?;
    if e.unit_code != code {
        return Err(AppError::NotFound);
    }
    let unit = units::by_code(&state.app, code).await?;
    let (step_form, mut result_form, recognition_form) = forms;
    if result_form.votes.is_empty() {
        result_form.votes = e.candidates.iter().map(|c| format!("{}: ", c.name)).collect::<Vec<_>>().join("\n");
    }
    Ok(ElectionPage {
        nav: Nav::of(Some(user)),
        ancestors: ancestors(state, &unit).await?,
        e,
        step_form,
        result_form,
        recognition_form,
        errors,
    })
}

pub async fn election(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<ElectionPage> {
    Ok(election_page(&state, &user, &code, id, Default::default(), FieldErrors::default()).await?)
}

/// Answers a form of the election page: back to the page with a notice, or the page again with
/// the errors and what was typed.
async fn after(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    done: Result<(), AppError>,
    notice: &str,
    forms: (StepForm, ResultForm, RecognitionForm),
) -> PageResult<Response> {
    match done {
        Ok(()) => Ok(redirect_with_notice(&format!("{}/{id}", elections_base(code)), notice)),
        Err(AppError::Validation(errors)) => {
            let page = election_page(state, user, code, id, forms, FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

/// Checks that the election belongs to the village of the path before it is changed.
async fn of_village(state: &AppState, user: &CurrentUser, code: &str, id: i64) -> Result<(), AppError> {
    let calendar = crate::calendar::current(state).await?;
    let e = elections::get(&state.app, &user.actor(), &calendar, id).await?;
    if e.unit_code == code { Ok(()) } else { Err(AppError::NotFound) }
}

pub async fn step(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<StepForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    of_village(&state, &user, &code, id).await?;
    let calendar = crate::calendar::current(&state).await?;
    let done = elections::record_step(&state.app, &user.actor(), &calendar, id, &form.input())
        .await
        .map(|_| ())
        .map_err(AppError::from);
    let forms = (form, ResultForm::default(), RecognitionForm::default());
    after(&state, &user, &code, id, done, "Đã ghi nhận bước chuẩn bị bầu cử.", forms).await
}

pub async fn result(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<ResultForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    of_village(&state, &user, &code, id).await?;
    let calendar = crate::calendar::current(&state).await?;
    let done = match form.input() {
        Ok(input) => elections::record_result(&state.app, &user.actor(), &calendar, id, &input)
            .await
            .map(|_| ())
            .map_err(AppError::from),
        Err(errors) => Err(AppError::Validation(errors)),
    };
    let forms = (StepForm::default(), form, RecognitionForm::default());
    after(&state, &user, &code, id, done, "Đã ghi kết quả cuộc họp bầu.", forms).await
}

pub async fn recognition(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<RecognitionForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    of_village(&state, &user, &code, id).await?;
    let calendar = crate::calendar::current(&state).await?;
    let done = elections::decide(&state.app, &user.actor(), &calendar, id, &form.input())
        .await
        .map(|_| ())
        .map_err(AppError::from);
    let forms = (StepForm::default(), ResultForm::default(), form);
    after(&state, &user, &code, id, done, "Đã ghi quyết định của UBND xã về kết quả bầu.", forms).await
}

async fn conferences_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: ConferenceInput,
    errors: FieldErrors,
) -> Result<ConferencesPage, AppError> {
    let calendar = crate::calendar::current(state).await?;
    let (unit, list) = conferences::list_for_unit(&state.app, &user.actor(), &calendar, code).await?;
    Ok(ConferencesPage {
        nav: Nav::of(Some(user)),
        ancestors: ancestors(state, &unit).await?,
        unit,
        conferences: list,
        form,
        errors,
    })
}

pub async fn conference_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<ConferencesPage> {
    Ok(conferences_page(&state, &user, &code, ConferenceInput::default(), FieldErrors::default()).await?)
}

pub async fn record_conference(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<ConferenceForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let calendar = crate::calendar::current(&state).await?;
    match conferences::record(&state.app, &user.actor(), &calendar, &code, &form.input).await.map_err(AppError::from) {
        Ok(c) => {
            Ok(redirect_with_notice(&conferences_base(&c.unit_code), "Đã ghi hội nghị định kỳ của cộng đồng dân cư."))
        }
        Err(AppError::Validation(errors)) => {
            let page = conferences_page(&state, &user, &code, form.input, FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

async fn compliance_view(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    params: &YearParams,
) -> Result<coso_app::conferences::ComplianceView, AppError> {
    let year = params.year().map_err(|e| AppError::Validation(vec![e]))?;
    Ok(conferences::compliance(&state.app, &user.actor(), code, year).await?)
}

pub async fn compliance(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(params): Query<YearParams>,
) -> PageResult<CompliancePage> {
    let view = compliance_view(&state, &user, &code, &params).await?;
    let unit = units::by_code(&state.app, &code).await?;
    Ok(CompliancePage { nav: Nav::of(Some(&user)), ancestors: ancestors(&state, &unit).await?, view })
}

pub async fn compliance_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(params): Query<YearParams>,
) -> PageResult<Response> {
    let view = compliance_view(&state, &user, &code, &params).await?;
    let bytes = conferences::compliance_csv(&view)?;
    let name = format!("hoi-nghi-cong-dong-{}-{}.csv", view.unit_code, view.year);
    Ok(download(bytes, "text/csv; charset=utf-8", &name))
}
