//! The reception pages of a unit's admin area.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Datelike;
use coso_app::reception::{compliance, log, schedule};
use coso_app::units;
use coso_domain::authz::Action;
use coso_domain::reception::CompliancePeriod;

use super::forms::{PeriodQuery, ScheduleForm, SessionForm, VisitForm};
use super::views::{CompliancePage, LogPage, SchedulePage, SessionPage, base};
use super::visit_cases::VisitCaseForms;
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path, Query};
use crate::forms::{CsrfOnly, FieldErrors};
use crate::page_context::redirect_with_notice;
use crate::plans::api::{XLSX, download};
use crate::state::AppState;
use crate::views::{Nav, vn_date};

/// A page answered 422 because the form it shows has errors.
pub(super) fn refused(page: impl IntoResponse) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

async fn schedule_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: ScheduleForm,
    errors: FieldErrors,
) -> Result<SchedulePage, AppError> {
    let calendar = crate::calendar::current(state).await?;
    let v = schedule::view(&state.app, &user.actor(), code, &calendar).await?;
    Ok(SchedulePage {
        nav: Nav::of(Some(user)),
        unit: v.unit,
        ancestors: v.ancestors,
        rows: v.rows,
        upcoming: v.upcoming,
        form,
        errors,
    })
}

pub async fn schedule(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<SchedulePage> {
    let mut form = ScheduleForm::default();
    form.input.kind = "weekly".into();
    Ok(schedule_page(&state, &user, &code, form, FieldErrors::default()).await?)
}

pub async fn add_schedule(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<ScheduleForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = units::by_code(&state.app, &code).await?;
    match schedule::add(&state.app, &user.actor(), &unit, &form.input).await.map_err(AppError::from) {
        Ok(_) => Ok(redirect_with_notice(&format!("{}/lich", base(&unit.code)), "Đã thêm vào lịch tiếp công dân.")),
        Err(AppError::Validation(errors)) => {
            Ok(refused(schedule_page(&state, &user, &code, form, FieldErrors(errors)).await?))
        }
        Err(e) => Err(PageError(e)),
    }
}

pub async fn remove_schedule(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<CsrfOnly>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = units::by_code(&state.app, &code).await?;
    schedule::remove(&state.app, &user.actor(), &unit, id).await?;
    Ok(redirect_with_notice(&format!("{}/lich", base(&unit.code)), "Đã xóa một dòng của lịch tiếp công dân."))
}

async fn log_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: SessionForm,
    errors: FieldErrors,
) -> Result<LogPage, AppError> {
    let v = log::view(&state.app, &user.actor(), code).await?;
    Ok(LogPage {
        nav: Nav::of(Some(user)),
        unit: v.unit,
        ancestors: v.ancestors,
        sessions: v.sessions,
        cases: v.cases,
        form,
        errors,
    })
}

pub async fn log(State(state): State<AppState>, user: CurrentUser, Path(code): Path<String>) -> PageResult<LogPage> {
    let mut form = SessionForm::default();
    form.input.held_on = vn_date(state.app.today());
    form.input.receiver = "chairman".into();
    form.input.kind = "regular".into();
    Ok(log_page(&state, &user, &code, form, FieldErrors::default()).await?)
}

pub async fn record_session(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<SessionForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = units::by_code(&state.app, &code).await?;
    match log::record_session(&state.app, &user.actor(), &unit, &form.input).await.map_err(AppError::from) {
        Ok(id) => Ok(redirect_with_notice(
            &format!("{}/so/{id}", base(&unit.code)),
            "Đã ghi buổi tiếp công dân. Ghi tiếp từng lượt công dân đến bên dưới.",
        )),
        Err(AppError::Validation(errors)) => {
            Ok(refused(log_page(&state, &user, &code, form, FieldErrors(errors)).await?))
        }
        Err(e) => Err(PageError(e)),
    }
}

pub(super) async fn session_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    form: VisitForm,
    errors: FieldErrors,
    links: VisitCaseForms,
) -> Result<SessionPage, AppError> {
    let v = log::session(&state.app, &user.actor(), code, id).await?;
    Ok(SessionPage {
        nav: Nav::of(Some(user)),
        unit: v.unit,
        ancestors: v.ancestors,
        session: v.session,
        visits: v.visits,
        cases: v.cases,
        categories: v.categories,
        form,
        errors,
        links,
    })
}

pub async fn session(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<SessionPage> {
    let mut form = VisitForm::default();
    form.input.people_count = "1".into();
    Ok(session_page(&state, &user, &code, id, form, FieldErrors::default(), VisitCaseForms::default()).await?)
}

pub async fn record_visit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<VisitForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = units::by_code(&state.app, &code).await?;
    match log::record_visit(&state.app, &user.actor(), &unit, id, &form.input).await.map_err(AppError::from) {
        Ok(_) => Ok(redirect_with_notice(&format!("{}/so/{id}", base(&unit.code)), "Đã ghi lượt tiếp công dân.")),
        Err(AppError::Validation(errors)) => Ok(refused(
            session_page(&state, &user, &code, id, form, FieldErrors(errors), VisitCaseForms::default()).await?,
        )),
        Err(e) => Err(PageError(e)),
    }
}

/// The period asked for, or the current quarter.
pub fn period_of(state: &AppState, raw: &str) -> Result<CompliancePeriod, AppError> {
    if raw.trim().is_empty() {
        return Ok(CompliancePeriod::quarter_of(state.app.today()));
    }
    CompliancePeriod::parse("ky", raw).map_err(|e| AppError::Validation(vec![e]))
}

async fn compliance_view(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    q: &PeriodQuery,
) -> Result<compliance::ComplianceView, AppError> {
    let period = period_of(state, &q.ky)?;
    let calendar = crate::calendar::current(state).await?;
    Ok(compliance::view(&state.app, &user.actor(), code, period, &calendar).await?)
}

pub async fn compliance(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> PageResult<CompliancePage> {
    let view = compliance_view(&state, &user, &code, &q).await?;
    let ky = view.period.key();
    let year = view.today.year();
    let mut periods = Vec::new();
    for y in [year, year - 1] {
        periods.push(CompliancePeriod::Year(y));
        periods.extend((1..=4).map(|n| CompliancePeriod::Quarter(y, n)));
    }
    let periods = periods.into_iter().map(|p| (p.key(), p.label(), p == view.period)).collect();
    let can_manage = user.authorize(&view.unit.unit_path(), Action::ManageReception).is_ok()
        && coso_app::reception::receives_citizens(&view.unit);
    Ok(CompliancePage { nav: Nav::of(Some(&user)), chart: view.chart(), view, ky, periods, can_manage })
}

fn file_name(view: &compliance::ComplianceView, ext: &str) -> String {
    format!("tiep-cong-dan-{}-{}.{ext}", view.unit.code, view.period.key())
}

pub async fn compliance_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> PageResult<Response> {
    let view = compliance_view(&state, &user, &code, &q).await?;
    let bytes = compliance::csv(&view)?;
    Ok(download(bytes, "text/csv; charset=utf-8", &file_name(&view, "csv")))
}

pub async fn compliance_xlsx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> PageResult<Response> {
    let view = compliance_view(&state, &user, &code, &q).await?;
    let bytes = compliance::xlsx(&view)?;
    Ok(download(bytes, XLSX, &file_name(&view, "xlsx")))
}
