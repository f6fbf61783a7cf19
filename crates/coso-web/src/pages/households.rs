//! The household register of a village, or of a whole subtree for reading.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_domain::authz::Action;
use coso_domain::household::HouseholdInput;
use serde::Deserialize;

use crate::actions;
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Multipart, Path, Query};
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
    let unit = actions::unit(state, code).await?;
    let q = (!extra.q.is_empty()).then_some(extra.q.as_str());
    let (list, ancestors) =
        tokio::try_join!(actions::list_households(state, user, &unit, q, Some(100), None), async {
            state.store().ancestors(&unit).await.map_err(AppError::from)
        })?;
    let can_manage = user.authorize(&unit.unit_path(), Action::ManageHouseholds).is_ok();
    let is_register = unit.unit_kind().is_some_and(|k| k.has_households());
    Ok(HouseholdsPage {
        nav: Nav::of(Some(user)),
        ancestors,
        households: list.items,
        total: list.total,
        q: extra.q,
        form: extra.form,
        errors: extra.errors,
        row_errors: extra.rows,
        notice: extra.notice,
        can_manage,
        is_register,
        unit,
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
    let village = actions::unit(&state, &code).await?;
    let input = HouseholdInput {
        code: form.code.clone(),
        address: form.address.clone(),
        representative: form.representative.clone(),
        member_count: form.member_count.clone(),
        phone: form.phone.clone(),
        ..Default::default()
    };
    match actions::create_household(&state, &user, &village, &input).await {
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
    Multipart(form): Multipart,
) -> PageResult<Response> {
    let up = upload::read(form, state.settings.max_upload_bytes).await?;
    user.check_csrf(&up.csrf)?;
    let village = actions::unit(&state, &code).await?;
    match actions::import_households(&state, &user, &village, &up.bytes).await {
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
