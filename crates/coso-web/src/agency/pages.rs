//! The officials' pages of an agency (`/quan-tri/don-vi/{code}/dan-chu-co-quan…`: conferences
//! with the record form, one conference's result, the rules register, the staff's accounts) and
//! the staff's page `/co-quan/{code}`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::agency;
use coso_app::disclosures::ListQuery;
use coso_domain::FieldError;
use coso_domain::agency::InternalRuleInput;
use coso_domain::authz::Action;
use coso_store::UnitRow;

use super::forms::{ConferenceForm, RemoveForm, RuleForm, StaffForm};
use super::views::{ConferencePage, ConferencesPage, RulesPage, StaffAccountsPage, StaffPage, base};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::views::Nav;

async fn ancestors(state: &AppState, unit: &UnitRow) -> Result<Vec<UnitRow>, AppError> {
    Ok(state.app.store().ancestors(unit).await?)
}

async fn conferences_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: ConferenceForm,
    errors: FieldErrors,
) -> Result<ConferencesPage, AppError> {
    let calendar = crate::calendar::current(state).await?;
    let (unit, conferences) = agency::conference::list(&state.app, &user.actor(), &calendar, code).await?;
    Ok(ConferencesPage {
        nav: Nav::of(Some(user)),
        ancestors: ancestors(state, &unit).await?,
        unit,
        conferences,
        form,
        errors,
    })
}

pub async fn conferences(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<ConferencesPage> {
    let form = ConferenceForm {
        work_year: (chrono::Datelike::year(&state.app.today()) - 1).to_string(),
        ..Default::default()
    };
    Ok(conferences_page(&state, &user, &code, form, FieldErrors::default()).await?)
}

pub async fn record(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<ConferenceForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let calendar = crate::calendar::current(&state).await?;
    let input = form.input();
    match agency::conference::record(&state.app, &user.actor(), &calendar, &code, &input).await.map_err(AppError::from)
    {
        Ok(c) => Ok(redirect_with_notice(
            &format!("{}/hoi-nghi/{}", base(&c.unit_code), c.id),
            "Đã ghi hội nghị cán bộ, công chức, viên chức, người lao động.",
        )),
        Err(AppError::Validation(errors)) => {
            let page = conferences_page(&state, &user, &code, form, FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

pub async fn conference(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<ConferencePage> {
    let calendar = crate::calendar::current(&state).await?;
    let c = agency::conference::get(&state.app, &user.actor(), &calendar, id).await?;
    if c.unit_code != code {
        return Err(PageError(AppError::NotFound));
    }
    let unit = agency::agency(&state.app, &code).await?;
    Ok(ConferencePage { nav: Nav::of(Some(&user)), ancestors: ancestors(&state, &unit).await?, unit, c })
}

async fn rules_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: InternalRuleInput,
    errors: FieldErrors,
    version_of: Option<i64>,
) -> Result<RulesPage, AppError> {
    let (unit, rules) = agency::rules::list(&state.app, &user.actor(), code).await?;
    Ok(RulesPage {
        nav: Nav::of(Some(user)),
        ancestors: ancestors(state, &unit).await?,
        unit,
        rules,
        form,
        errors,
        version_of,
    })
}

pub async fn rules(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<RulesPage> {
    Ok(rules_page(&state, &user, &code, InternalRuleInput::default(), FieldErrors::default(), None).await?)
}

pub async fn register_rule(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<RuleForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    match agency::rules::register(&state.app, &user.actor(), &code, &form.input).await.map_err(AppError::from) {
        Ok(_) => Ok(redirect_with_notice(&format!("{}/quy-che", base(&code)), "Đã đăng ký quy chế nội bộ.")),
        Err(AppError::Validation(errors)) => {
            let page = rules_page(&state, &user, &code, form.input, FieldErrors(errors), None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

pub async fn add_version(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<RuleForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    match agency::rules::add_version(&state.app, &user.actor(), &code, id, &form.input).await.map_err(AppError::from) {
        Ok(r) => Ok(redirect_with_notice(
            &format!("{}/quy-che#quy-che-{id}", base(&code)),
            &format!("Đã ghi phiên bản mới của {}.", r.title),
        )),
        Err(AppError::Validation(errors)) => {
            let page =
                rules_page(&state, &user, &code, InternalRuleInput::default(), FieldErrors(errors), Some(id)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

/// What a staff member reads of the agency: the disclosures still posted, the rules in force,
/// the last conference. Other agencies' staff and the public get «not found».
pub async fn staff(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<StaffPage> {
    let actor = user.actor();
    let calendar = crate::calendar::current(&state).await?;
    let query = ListQuery { when: "hien-hanh".into(), page: 1, ..Default::default() };
    let listed = agency::staff::disclosures(&state.app, &actor, &code, &query).await?;
    let (_, rules) = agency::rules::list(&state.app, &actor, &code).await?;
    let (unit, conferences) = agency::conference::list(&state.app, &actor, &calendar, &code).await?;
    Ok(StaffPage {
        nav: Nav::of(Some(&user)),
        unit,
        disclosures: listed.items,
        rules,
        conference: conferences.into_iter().next(),
    })
}

async fn staff_accounts_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: StaffForm,
    errors: FieldErrors,
) -> Result<StaffAccountsPage, AppError> {
    let actor = user.actor();
    let (unit, staff) = agency::staff::list(&state.app, &actor, code).await?;
    Ok(StaffAccountsPage {
        nav: Nav::of(Some(user)),
        ancestors: ancestors(state, &unit).await?,
        manages: actor.may(&unit.unit_path(), Action::ManageAgencyStaff),
        unit,
        staff,
        form,
        errors,
    })
}

/// The accounts of the agency's staff and the form that creates one.
pub async fn staff_accounts(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<StaffAccountsPage> {
    Ok(staff_accounts_page(&state, &user, &code, StaffForm::default(), FieldErrors::default()).await?)
}

/// Creates a staff account; a refused one shows the form again with each wrong field named and
/// without the password.
pub async fn add_staff(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(mut form): Form<StaffForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let errors = match agency::staff::add(&state.app, &user.actor(), &code, &form.input).await.map_err(AppError::from) {
        Ok(a) => {
            return Ok(redirect_with_notice(
                &format!("{}/can-bo", base(&code)),
                &format!("Đã tạo tài khoản {} cho cán bộ, công chức, viên chức của cơ quan.", a.email),
            ));
        }
        Err(AppError::Validation(errors)) => errors,
        Err(AppError::Conflict { field, message }) => vec![FieldError::new(field, message)],
        Err(e) => return Err(PageError(e)),
    };
    form.input.password.clear();
    let page = staff_accounts_page(&state, &user, &code, form, FieldErrors(errors)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// Takes the agency's role away from a staff account.
pub async fn remove_staff(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<RemoveForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    agency::staff::remove(&state.app, &user.actor(), &code, id).await?;
    Ok(redirect_with_notice(
        &format!("{}/can-bo", base(&code)),
        "Đã gỡ tài khoản khỏi danh sách cán bộ, công chức, viên chức của cơ quan.",
    ))
}
