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
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::upload;
use crate::views::Nav;

/// The admin area's home; whoever has no part in it (a resident) is sent to their own home.
pub async fn admin_home(user: CurrentUser) -> Response {
    let home = crate::views::home_of(&user);
    if home != "/quan-tri" {
        return axum::response::Redirect::to(home).into_response();
    }
    AdminHomePage { nav: Nav::of(Some(&user)), grants: user.grants.clone() }.into_response()
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
) -> Result<AdminUnitPage, AppError> {
    let v = units::admin_view(&state.app, &user.actor(), code).await?;
    let manages_conventions = matches!(v.unit.kind, UnitKind::Village | UnitKind::ResidentialGroup)
        && coso_app::conventions::may_manage(&user.actor(), &v.unit);
    Ok(AdminUnitPage {
        manages_conventions,
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
        can_manage: v.can_manage,
        remote: v.remote,
        can_set_remote: v.can_set_remote,
        remote_options: super::remote::options(v.remote),
        kinds: creatable_kinds(),
    })
}

pub async fn admin_unit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<AdminUnitPage> {
    let form = UnitForm::with_kind("village");
    Ok(unit_page(&state, &user, &code, form, FieldErrors::default(), vec![]).await?)
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
            let notice = format!("Đã thêm {} (mã {}).", u.name, u.code);
            Ok(redirect_with_notice(&format!("/quan-tri/don-vi/{}", parent.code), &notice))
        }
        Err(AppError::Validation(errors)) => {
            let page = unit_page(&state, &user, &code, form, FieldErrors(errors), vec![]).await?;
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
            let notice = format!("Đã nhập {} đơn vị.", created.len());
            Ok(redirect_with_notice(&format!("/quan-tri/don-vi/{}", parent.code), &notice))
        }
        Err(AppError::Rows(rows)) => {
            let page = unit_page(&state, &user, &code, empty, FieldErrors::default(), rows).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}
