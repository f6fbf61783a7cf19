//! `/cua-toi/don` (the resident's own cases, newest first) and `/cua-toi/gui-don` (a
//! petition, complaint or denunciation sent under the account's name, with the petition form's
//! multipart reader and photo checks). Nothing here shows anyone else's case.

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::cases::{self, MY_CASES_PAGE_SIZE, ResidentCase};
use coso_domain::case::CaseKind;
use serde::Deserialize;
use std::net::SocketAddr;

use super::case_views::{MyCaseLine, MyCasesPage, SendPage, SendValues};
use crate::auth::CurrentUser;
use crate::case_desk::unit_hits;
use crate::error::{AppError, PageResult};
use crate::extract::{Multipart, Query};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::petitions::{PetitionForm, limits, read_form};
use crate::state::AppState;
use crate::views::Nav;

/// The kinds a resident sends under their name.
const KINDS: [CaseKind; 3] = [CaseKind::Petition, CaseKind::Complaint, CaseKind::Denunciation];

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub trang: Option<i64>,
}

/// Every case the signed-in account sent, a page at a time.
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> PageResult<MyCasesPage> {
    let mine = cases::my_cases(&state.app, &user.actor(), q.trang.unwrap_or(1), MY_CASES_PAGE_SIZE).await?;
    Ok(MyCasesPage {
        nav: Nav::of(Some(&user)),
        lines: mine.items.into_iter().map(MyCaseLine::from).collect(),
        total: mine.total,
        page: mine.page,
        pages: mine.pages,
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct SendQuery {
    #[serde(rename = "don-vi", default)]
    pub unit: String,
    #[serde(rename = "tim-don-vi", default)]
    pub unit_query: String,
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    values: SendValues,
    unit_query: &str,
    errors: FieldErrors,
) -> Result<SendPage, AppError> {
    let unit = state.app.store().unit_by_code(values.unit.trim()).await?;
    // Before a unit is chosen, the shipped categories (every unit has them).
    let unit_id = unit.as_ref().map_or(coso_domain::UnitId(0), |u| u.unit_id());
    let chosen = if values.category.is_empty() { "khac" } else { values.category.as_str() };
    let categories = state
        .app
        .store()
        .case_categories(unit_id)
        .await?
        .into_iter()
        .map(|c| {
            let selected = c.code == chosen;
            (c.code, c.name, selected)
        })
        .collect();
    let kind = if values.kind.is_empty() { "petition" } else { values.kind.as_str() };
    let kinds =
        KINDS.into_iter().map(|k| (k.as_str().to_string(), k.label().to_string(), k.as_str() == kind)).collect();
    let hits = unit_hits(state, unit_query, &values.unit).await?;
    Ok(SendPage {
        nav: Nav::of(Some(user)),
        name: user.display_name.clone(),
        email: user.email.clone(),
        values,
        kinds,
        categories,
        unit_query: unit_query.to_string(),
        hits,
        errors,
        max_photo_mb: state.settings.max_photo_bytes.div_ceil(1024 * 1024),
        max_photos: cases::MAX_PHOTOS,
    })
}

/// The form; `?tim-don-vi=` searches the units, `?don-vi=` chooses one.
pub async fn form(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<SendQuery>,
) -> PageResult<SendPage> {
    let values = SendValues { unit: q.unit, ..SendValues::default() };
    Ok(page(&state, &user, values, &q.unit_query, FieldErrors::default()).await?)
}

fn values_of(form: &PetitionForm) -> SendValues {
    SendValues {
        kind: form.field("kind").into(),
        unit: form.field("unit").into(),
        category: form.field("category").into(),
        content: form.field("content").into(),
        address: form.field("address").into(),
        phone: form.field("phone").into(),
        id_number: form.field("id_number").into(),
        publish: !form.field("publish").is_empty(),
    }
}

/// Sends the case; on success, to its tracking page with the code shown.
pub async fn submit(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    user: CurrentUser,
    Multipart(body): Multipart,
) -> PageResult<Response> {
    state.check_intake(addr.ip())?;
    let form = read_form(body, state.settings.max_photo_bytes).await?;
    user.check_csrf(form.field("csrf"))?;
    let values = values_of(&form);
    if !form.too_long.is_empty() {
        let errors = form.too_long_errors();
        let page = page(&state, &user, values, "", FieldErrors(errors)).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let input = ResidentCase {
        kind: values.kind.clone(),
        unit: values.unit.clone(),
        category: values.category.clone(),
        content: values.content.clone(),
        address: values.address.clone(),
        phone: values.phone.clone(),
        id_number: values.id_number.clone(),
        publish: values.publish,
        photos: form.photos,
    };
    let calendar = crate::calendar::current(&state).await?;
    match cases::submit_as_resident(&state.app, &user.actor(), &calendar, input, limits(&state)).await {
        Ok(sent) => {
            let notice =
                format!("Đã gửi đơn {}. Mã theo dõi của bạn: {}.", sent.kind.label().to_lowercase(), sent.code);
            Ok(redirect_with_notice(&format!("/theo-doi/{}", sent.code), &notice))
        }
        Err(coso_app::Error::Validation(errors)) => {
            let page = page(&state, &user, values, "", FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
