//! The admin area: the unit tree, adding units by form and CSV, and the audit log.

use axum::Form;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::units;
use coso_domain::unit::{UnitInput, UnitKind};

use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::forms::FieldErrors;
use crate::pages::upload;
use crate::state::AppState;
use crate::views::{AdminIndexPage, AdminUnitPage, AuditPage, Nav, UnitForm};

pub async fn index(user: CurrentUser) -> AdminIndexPage {
    AdminIndexPage { nav: Nav::of(Some(&user)), grants: user.grants.clone() }
}

fn creatable_kinds() -> Vec<(&'static str, &'static str)> {
    UnitKind::ALL.into_iter().filter(|k| k.created_by_officials()).map(|k| (k.as_str(), k.label())).collect()
}

async fn unit_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: UnitForm,
    errors: FieldErrors,
    rows: Vec<coso_domain::RowError>,
    notice: Option<String>,
) -> Result<AdminUnitPage, AppError> {
    let v = units::admin_view(&state.app, &user.actor(), code).await?;
    Ok(AdminUnitPage {
        nav: Nav::of(Some(user)),
        unit: v.unit,
        ancestors: v.ancestors,
        children: v.children,
        form,
        errors,
        row_errors: rows,
        notice,
        can_manage: v.can_manage,
        kinds: creatable_kinds(),
    })
}

pub async fn unit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<AdminUnitPage> {
    let form = UnitForm { kind: "village".into(), ..Default::default() };
    Ok(unit_page(&state, &user, &code, form, FieldErrors::default(), vec![], None).await?)
}

pub async fn create_unit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<UnitForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let parent = units::by_code(&state.app, &code).await?;
    let input = UnitInput {
        code: form.code.clone(),
        name: form.name.clone(),
        kind: form.kind.clone(),
        valid_from: form.valid_from.clone(),
        valid_to: form.valid_to.clone(),
    };
    match units::create(&state.app, &user.actor(), &parent, &input).await.map_err(AppError::from) {
        Ok(u) => {
            let notice = Some(format!("Đã thêm {} (mã {}).", u.name, u.code));
            let fresh = UnitForm { kind: form.kind, ..Default::default() };
            Ok(unit_page(&state, &user, &code, fresh, FieldErrors::default(), vec![], notice).await?.into_response())
        }
        Err(AppError::Validation(errors)) => {
            let page = unit_page(&state, &user, &code, form, FieldErrors(errors), vec![], None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

pub async fn import_units(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    form: Multipart,
) -> PageResult<Response> {
    let up = upload::read(form, state.settings.max_upload_bytes).await?;
    user.check_csrf(&up.csrf)?;
    let parent = units::by_code(&state.app, &code).await?;
    let empty = UnitForm { kind: "village".into(), ..Default::default() };
    match units::import(&state.app, &user.actor(), &parent, &up.bytes).await.map_err(AppError::from) {
        Ok(created) => {
            let notice = Some(format!("Đã nhập {} đơn vị.", created.len()));
            Ok(unit_page(&state, &user, &code, empty, FieldErrors::default(), vec![], notice).await?.into_response())
        }
        Err(AppError::Rows(rows)) => {
            let page = unit_page(&state, &user, &code, empty, FieldErrors::default(), rows, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

pub async fn audit(State(state): State<AppState>, user: CurrentUser) -> PageResult<AuditPage> {
    let page = coso_app::audit::recent(&state.app, &user.actor(), Some(200)).await?;
    Ok(AuditPage { nav: Nav::of(Some(&user)), entries: page.items, total: page.total })
}
