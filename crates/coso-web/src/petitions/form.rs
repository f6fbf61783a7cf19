//! `/don-vi/{code}/phan-anh/gui`: the resident's petition form (no script, readable at 360 px)
//! and its answer: a redirect to the confirmation page with the tracking code, or the form
//! again with every refused field named.

use axum::extract::{ConnectInfo, State};
use axum::response::{IntoResponse, Response};
use coso_app::cases::{self, IntakeLimits, PublicPetition, Submitter};
use coso_domain::case::Channel;
use std::net::SocketAddr;

use super::multipart::{self, PetitionForm};
use super::views::{FormPage, PetitionValues};
use crate::auth::MaybeUser;
use crate::error::{AppError, PageResult};
use crate::extract::{Multipart, Path};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::views::Nav;

/// The limits of a submission, from the web settings.
pub fn limits(state: &AppState) -> IntakeLimits {
    IntakeLimits { max_photo_bytes: state.settings.max_photo_bytes }
}

async fn page(
    state: &AppState,
    user: Option<&crate::auth::CurrentUser>,
    code: &str,
    values: PetitionValues,
    errors: FieldErrors,
) -> Result<FormPage, AppError> {
    let unit = coso_app::units::by_code(&state.app, code).await?;
    let categories = state.store().case_categories(unit.unit_id()).await?;
    Ok(FormPage {
        nav: Nav::of(user),
        unit_code: unit.code,
        unit_name: unit.name,
        categories,
        values,
        errors,
        max_photo_mb: state.settings.max_photo_bytes.div_ceil(1024 * 1024),
        max_photos: cases::MAX_PHOTOS,
    })
}

pub async fn show(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
) -> PageResult<FormPage> {
    Ok(page(&state, user.as_ref(), &code, PetitionValues::default(), FieldErrors::default()).await?)
}

fn values_of(form: &PetitionForm) -> PetitionValues {
    PetitionValues {
        category: form.field("category").into(),
        content: form.field("content").into(),
        place: form.field("place").into(),
        publish: !form.field("publish").is_empty(),
        name: form.field("name").into(),
        phone: form.field("phone").into(),
        email: form.field("email").into(),
    }
}

pub async fn submit(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
    Multipart(body): Multipart,
) -> PageResult<Response> {
    state.check_intake(addr.ip())?;
    let form = multipart::read(body, state.settings.max_photo_bytes).await?;
    if let Some(u) = &user {
        u.check_csrf(form.field("csrf"))?;
    }
    let values = values_of(&form);
    if !form.too_long.is_empty() {
        // Nothing is sent on: the page names each field that was too long to read.
        let page = page(&state, user.as_ref(), &code, values, FieldErrors(form.too_long_errors())).await?;
        return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let input = PublicPetition {
        unit: code.clone(),
        category: values.category.clone(),
        content: values.content.clone(),
        place: values.place.clone(),
        publish: values.publish,
        name: values.name.clone(),
        phone: values.phone.clone(),
        email: values.email.clone(),
        photos: form.photos,
        channel: Some(Channel::Web),
        ..Default::default()
    };
    let calendar = crate::calendar::current(&state).await?;
    let request_id = crate::request_id::current();
    let actor = user.as_ref().map(|u| u.actor());
    let who = match &actor {
        Some(a) => Submitter::Account(a),
        None => Submitter::Public { via: "form", request_id: Some(&request_id) },
    };
    match cases::submit_petition(&state.app, who, &calendar, input, limits(&state)).await {
        Ok(sent) => {
            let notice = format!("Đã gửi phản ánh, kiến nghị. Mã theo dõi của bạn: {}.", sent.code);
            Ok(redirect_with_notice(&format!("/theo-doi/{}/da-gui", sent.code), &notice))
        }
        Err(coso_app::Error::Validation(errors)) => {
            let page = page(&state, user.as_ref(), &code, values, FieldErrors(errors)).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
