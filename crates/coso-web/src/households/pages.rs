//! The household register of a village, or of a whole subtree for reading.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::{households, units};
use serde::Deserialize;

use super::forms::HouseholdForm;
use super::views::HouseholdsPage;
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Multipart, Path, Query};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::upload;
use crate::views::Nav;

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    pub q: String,
}

/// What a register page shows besides the register: the form as typed, its errors, the CSV's
/// row errors, and the search.
struct PageParts {
    form: HouseholdForm,
    errors: FieldErrors,
    rows: Vec<coso_domain::RowError>,
    q: String,
}

async fn register_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    parts: PageParts,
) -> Result<HouseholdsPage, AppError> {
    let q = (!parts.q.is_empty()).then_some(parts.q.as_str());
    let r = households::register(&state.app, &user.actor(), code, q).await?;
    Ok(HouseholdsPage {
        nav: Nav::of(Some(user)),
        ancestors: r.ancestors,
        households: r.households.items,
        total: r.households.total,
        q: parts.q,
        form: parts.form,
        errors: parts.errors,
        // The column by the header people write in the file, not by the field's code.
        row_errors: parts
            .rows
            .into_iter()
            .map(|e| coso_domain::RowError {
                field: coso_domain::household_import::column_label(&e.field).to_string(),
                ..e
            })
            .collect(),
        can_manage: r.can_manage,
        is_register: r.is_register,
        unit: r.unit,
    })
}

fn register_path(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/ho-gia-dinh")
}

/// A page with an empty form and nothing to report.
fn plain_parts(q: String) -> PageParts {
    PageParts { form: HouseholdForm::default(), errors: FieldErrors::default(), rows: vec![], q }
}

pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<ListQuery>,
) -> PageResult<HouseholdsPage> {
    Ok(register_page(&state, &user, &code, plain_parts(coso_text::clean(&q.q))).await?)
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<HouseholdForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let village = units::by_code(&state.app, &code).await?;
    match households::create(&state.app, &user.actor(), &village, &form.input).await.map_err(AppError::from) {
        Ok(_) => {
            let notice = format!("Đã thêm hộ {}.", form.input.code.trim());
            Ok(redirect_with_notice(&register_path(&village.code), &notice))
        }
        Err(AppError::Validation(errors)) => {
            let e = PageParts { form, errors: FieldErrors(errors), ..plain_parts(String::new()) };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, register_page(&state, &user, &code, e).await?).into_response())
        }
        Err(AppError::Conflict { field, message }) => {
            let e = PageParts {
                form,
                errors: FieldErrors(vec![coso_domain::FieldError::new(field, message)]),
                ..plain_parts(String::new())
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, register_page(&state, &user, &code, e).await?).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

pub async fn import(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Multipart(form): Multipart,
) -> PageResult<Response> {
    let up = upload::read(form, state.settings.max_upload_bytes).await?;
    user.check_csrf(&up.csrf)?;
    let village = units::by_code(&state.app, &code).await?;
    match households::import(&state.app, &user.actor(), &village, &up.bytes).await.map_err(AppError::from) {
        Ok(r) => {
            let notice =
                format!("Đã nhập: {} hộ mới, {} hộ cập nhật, {} hộ không đổi.", r.inserted, r.updated, r.unchanged);
            Ok(redirect_with_notice(&register_path(&village.code), &notice))
        }
        Err(AppError::Rows(rows)) => {
            let e = PageParts { rows, ..plain_parts(String::new()) };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, register_page(&state, &user, &code, e).await?).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}
