//! The admin area's home, and a unit's admin page: its children, adding units by form and CSV.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::units;
use coso_domain::unit::UnitKind;

use super::forms::UnitForm;
use super::views::{AdminHomePage, AdminUnitPage};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Multipart, Path};
use crate::forms::FieldErrors;
use crate::state::AppState;
use crate::upload;
use crate::views::Nav;

pub async fn admin_home(user: CurrentUser) -> AdminHomePage {
    AdminHomePage { nav: Nav::of(Some(&user)), grants: user.grants.clone() }
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
        // The column by the header people write in the file, not by the field's code.
        row_errors: rows
            .into_iter()
            .map(|e| coso_domain::RowError { field: coso_domain::unit_import::column_label(&e.field).to_string(), ..e })
            .collect(),
        notice,
        can_manage: v.can_manage,
        kinds: creatable_kinds(),
    })
}

pub async fn admin_unit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<AdminUnitPage> {
    let form = UnitForm::with_kind("village");
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
    match units::create(&state.app, &user.actor(), &parent, &form.input).await.map_err(AppError::from) {
        Ok(u) => {
            let notice = Some(format!("Đã thêm {} (mã {}).", u.name, u.code));
            let fresh = UnitForm::with_kind(form.input.kind);
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
    Multipart(form): Multipart,
) -> PageResult<Response> {
    let up = upload::read(form, state.settings.max_upload_bytes).await?;
    user.check_csrf(&up.csrf)?;
    let parent = units::by_code(&state.app, &code).await?;
    let empty = UnitForm::with_kind("village");
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
