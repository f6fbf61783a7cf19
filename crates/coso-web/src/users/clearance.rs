//! `/quan-tri/nguoi-dung/quyen-to-cao`: the clearances to read denouncers' identity (Law on
//! Denunciations Art. 56), granted and revoked by an administrator on a unit's subtree, each
//! change audited. Nobody holds one by default, administrators included.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::cases;
use coso_store::ClearanceHolder;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::Form;
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::views::{Nav, vn_date};

pub const PATH: &str = "/quan-tri/nguoi-dung/quyen-to-cao";

#[derive(Debug, Default, Deserialize)]
pub struct ClearanceForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub unit: String,
}

/// One clearance, as listed.
#[derive(Debug, Clone)]
pub struct HolderLine {
    pub name: String,
    pub email: String,
    pub unit_code: String,
    pub unit_name: String,
    pub granted: String,
}

impl From<ClearanceHolder> for HolderLine {
    fn from(h: ClearanceHolder) -> Self {
        HolderLine {
            name: h.display_name,
            email: h.email,
            unit_code: h.unit_code,
            unit_name: h.unit_name,
            granted: format!("{} ({})", vn_date(h.created_at.date_naive()), h.granted_by),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "users/clearance.html")]
pub struct ClearancePage {
    pub nav: Nav,
    pub holders: Vec<HolderLine>,
    pub email: String,
    pub unit: String,
    pub errors: FieldErrors,
}

async fn render(
    state: &AppState,
    user: &CurrentUser,
    form: ClearanceForm,
    errors: FieldErrors,
) -> Result<ClearancePage, AppError> {
    let holders = cases::clearance_holders(&state.app, &user.actor()).await?;
    Ok(ClearancePage {
        nav: Nav::of(Some(user)),
        holders: holders.into_iter().map(HolderLine::from).collect(),
        email: form.email,
        unit: form.unit,
        errors,
    })
}

pub async fn page(State(state): State<AppState>, user: CurrentUser) -> PageResult<ClearancePage> {
    Ok(render(&state, &user, ClearanceForm::default(), FieldErrors::default()).await?)
}

async fn answer(
    state: &AppState,
    user: &CurrentUser,
    form: ClearanceForm,
    done: coso_app::Result<()>,
    notice: String,
) -> PageResult<Response> {
    let errors = match done.map_err(AppError::from) {
        Ok(()) => return Ok(redirect_with_notice(PATH, &notice)),
        Err(AppError::Validation(errors)) => FieldErrors(errors),
        Err(AppError::Conflict { field, message }) => FieldErrors(vec![coso_domain::FieldError::new(field, message)]),
        Err(AppError::NotFound) => FieldErrors(vec![coso_domain::FieldError::new(
            "unit",
            "Người dùng không có quyền xem thông tin người tố cáo tại đơn vị này.",
        )]),
        Err(e) => return Err(PageError(e)),
    };
    let page = render(state, user, form, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

pub async fn grant(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(form): Form<ClearanceForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let done = cases::grant_clearance(&state.app, &user.actor(), &form.email, &form.unit).await;
    let notice = format!(
        "Đã cấp cho {} quyền xem thông tin người tố cáo tại đơn vị mã {} và các đơn vị trực thuộc.",
        form.email.trim(),
        form.unit.trim()
    );
    answer(&state, &user, form, done, notice).await
}

pub async fn revoke(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(form): Form<ClearanceForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let done = cases::revoke_clearance(&state.app, &user.actor(), &form.email, &form.unit).await;
    let notice = format!(
        "Đã thu hồi quyền xem thông tin người tố cáo của {} tại đơn vị mã {}.",
        form.email.trim(),
        form.unit.trim()
    );
    answer(&state, &user, ClearanceForm::default(), done, notice).await
}
