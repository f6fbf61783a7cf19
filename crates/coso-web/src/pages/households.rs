//! The household register of a village, or of a whole subtree for reading.

use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::{households, units};
use coso_domain::household::HouseholdInput;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::forms::FieldErrors;
use crate::pages::upload;
use crate::state::AppState;
use crate::views::{HouseholdForm, HouseholdsPage, Nav};

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    pub q: String,
}

struct Extra {
    form: HouseholdForm,
    errors: FieldErrors,
    rows: Vec<coso_domain::RowError>,
    notice: Option<String>,
    q: String,
}

async fn page(state: &AppState, user: &CurrentUser, code: &str, extra: Extra) -> Result<HouseholdsPage, AppError> {
    let q = (!extra.q.is_empty()).then_some(extra.q.as_str());
    let r = households::register(&state.app, &user.actor(), code, q).await?;
    Ok(HouseholdsPage {
        nav: Nav::of(Some(user)),
        ancestors: r.ancestors,
        households: r.households.items,
        total: r.households.total,
        q: extra.q,
        form: extra.form,
        errors: extra.errors,
        row_errors: extra.rows,
        notice: extra.notice,
        can_manage: r.can_manage,
        is_register: r.is_register,
        unit: r.unit,
    })
}

fn extra(q: String) -> Extra {
    Extra { form: HouseholdForm::default(), errors: FieldErrors::default(), rows: vec![], notice: None, q }
}

pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<ListQuery>,
) -> PageResult<HouseholdsPage> {
    Ok(page(&state, &user, &code, extra(coso_text::clean(&q.q))).await?)
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<HouseholdForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let village = units::by_code(&state.app, &code).await?;
    let input = HouseholdInput {
        code: form.code.clone(),
        address: form.address.clone(),
        representative: form.representative.clone(),
        member_count: form.member_count.clone(),
        phone: form.phone.clone(),
        ..Default::default()
    };
    match households::create(&state.app, &user.actor(), &village, &input).await.map_err(AppError::from) {
        Ok(_) => {
            let e = Extra { notice: Some(format!("Đã thêm hộ {}.", form.code.trim())), ..extra(String::new()) };
            Ok(page(&state, &user, &code, e).await?.into_response())
        }
        Err(AppError::Validation(errors)) => {
            let e = Extra { form, errors: FieldErrors(errors), ..extra(String::new()) };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, &user, &code, e).await?).into_response())
        }
        Err(AppError::Conflict { field, message }) => {
            let e = Extra {
                form,
                errors: FieldErrors(vec![coso_domain::FieldError::new(field, message)]),
                ..extra(String::new())
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, &user, &code, e).await?).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

pub async fn import(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    form: Multipart,
) -> PageResult<Response> {
    let up = upload::read(form, state.settings.max_upload_bytes).await?;
    user.check_csrf(&up.csrf)?;
    let village = units::by_code(&state.app, &code).await?;
    match households::import(&state.app, &user.actor(), &village, &up.bytes).await.map_err(AppError::from) {
        Ok(r) => {
            let notice =
                format!("Đã nhập: {} hộ mới, {} hộ cập nhật, {} hộ không đổi.", r.inserted, r.updated, r.unchanged);
            let e = Extra { notice: Some(notice), ..extra(String::new()) };
            Ok(page(&state, &user, &code, e).await?.into_response())
        }
        Err(AppError::Rows(rows)) => {
            let e = Extra { rows, ..extra(String::new()) };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, &user, &code, e).await?).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}
