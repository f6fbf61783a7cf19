//! `/quan-tri/vu-viec/moi`: registering a case at the desk, from a letter (with its scan), by
//! phone or brought by a village head. Errors name their field; nothing is saved on error.

use axum::extract::State;
use axum::extract::multipart::MultipartError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::cases::{self, Letter, NewCase, SenderInput};
use coso_domain::case::{CaseKind, Channel};
use serde::Deserialize;

use super::picker::unit_hits;
use super::views::{Choice, RegisterPage, RegisterValues};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Multipart, Query};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::views::{Nav, vn_date};

/// The longest text field of the form, in bytes (the content's own limit is the use case's).
const LONGEST_FIELD_BYTES: usize = 200_000;

#[derive(Debug, Default, Deserialize)]
pub struct RegisterQuery {
    #[serde(rename = "don-vi", default)]
    pub unit: String,
    #[serde(rename = "tim-don-vi", default)]
    pub unit_query: String,
}

/// The kinds an official registers (information is what an anonymous denunciation becomes).
const KINDS: [CaseKind; 3] = [CaseKind::Petition, CaseKind::Complaint, CaseKind::Denunciation];
/// The channels of the desk.
const CHANNELS: [Channel; 4] = [Channel::Desk, Channel::Letter, Channel::Phone, Channel::VillageHead];

async fn page(
    state: &AppState,
    user: &CurrentUser,
    values: RegisterValues,
    unit_query: &str,
    errors: FieldErrors,
) -> Result<RegisterPage, AppError> {
    let actor = user.actor();
    let unit = match state.app.store().unit_by_code(values.unit.trim()).await? {
        Some(u) => Some(u),
        None => cases::inbox_unit(&state.app, &actor, None).await.ok(),
    };
    let categories = match &unit {
        Some(u) => state.app.store().case_categories(u.unit_id()).await?,
        None => state.app.store().case_categories(coso_domain::UnitId(0)).await?,
    };
    let chosen_category = if values.category.is_empty() { "khac" } else { values.category.as_str() };
    let categories = categories.into_iter().map(|c| Choice::new(c.code, c.name, chosen_category)).collect();
    let kinds = KINDS.into_iter().map(|k| Choice::new(k.as_str(), k.label(), &values.kind)).collect();
    let channel = if values.channel.is_empty() { "desk" } else { values.channel.as_str() };
    let channels = CHANNELS.into_iter().map(|c| Choice::new(c.as_str(), c.label(), channel)).collect();
    let hits = unit_hits(state, unit_query, &values.unit).await?;
    Ok(RegisterPage {
        nav: Nav::of(Some(user)),
        values,
        kinds,
        channels,
        categories,
        unit_query: unit_query.to_string(),
        hits,
        errors,
        max_letter_mb: cases::MAX_LETTER_BYTES / 1_048_576,
    })
}

pub async fn form(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<RegisterQuery>,
) -> PageResult<RegisterPage> {
    // The form is for those who register cases somewhere.
    let actor = user.actor();
    cases::inbox_unit(&state.app, &actor, None).await?;
    let values = RegisterValues { unit: q.unit, received_on: vn_date(state.app.today()), ..RegisterValues::default() };
    Ok(page(&state, &user, values, &q.unit_query, FieldErrors::default()).await?)
}

fn unreadable(e: MultipartError) -> AppError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return AppError::TooLarge;
    }
    tracing::info!(error = %e, "unreadable multipart form");
    AppError::BadRequest("Biểu mẫu không đọc được. Vui lòng tải lại trang và gửi lại.".into())
}

/// The form's text fields, the CSRF token and the scanned letter, if one was chosen.
async fn read_form(
    mut form: axum::extract::Multipart,
    max_bytes: usize,
) -> Result<(String, Vec<(String, String)>, Option<Letter>), AppError> {
    let mut csrf = String::new();
    let mut fields = Vec::new();
    let mut letter = None;
    while let Some(mut field) = form.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_string();
        if name == "letter" {
            let file_name = field.file_name().unwrap_or_default().to_string();
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
                if bytes.len() + chunk.len() > max_bytes {
                    return Err(AppError::TooLarge);
                }
                bytes.extend_from_slice(&chunk);
            }
            if !bytes.is_empty() {
                letter = Some(Letter { file_name, bytes });
            }
            continue;
        }
        if fields.len() >= 32 {
            continue;
        }
        let value = field.text().await.map_err(unreadable)?;
        if value.len() > LONGEST_FIELD_BYTES {
            return Err(AppError::TooLarge);
        }
        if name == "csrf" {
            csrf = value;
        } else {
            fields.push((name, value));
        }
    }
    Ok((csrf, fields, letter))
}

fn values_of(fields: &[(String, String)]) -> RegisterValues {
    let get = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let on = |name: &str| !get(name).is_empty();
    RegisterValues {
        kind: get("kind"),
        channel: get("channel"),
        unit: get("unit"),
        category: get("category"),
        received_on: get("received_on"),
        content: get("content"),
        name: get("sender.name"),
        address: get("sender.address"),
        phone: get("sender.phone"),
        email: get("sender.email"),
        id_number: get("sender.id_number"),
        decision_received_on: get("decision_received_on"),
        anonymous: on("anonymous"),
        remote: on("remote"),
        complex: on("complex"),
        crowded: on("crowded"),
        over_level: on("over_level"),
    }
}

fn input_of(v: &RegisterValues) -> NewCase {
    let some = |s: &str| Some(s.to_string()).filter(|s| !s.trim().is_empty());
    NewCase {
        unit: v.unit.clone(),
        kind: v.kind.clone(),
        received_on: v.received_on.clone(),
        content: v.content.clone(),
        category: some(&v.category),
        channel: some(&v.channel),
        sender: SenderInput {
            name: some(&v.name),
            address: some(&v.address),
            phone: some(&v.phone),
            email: some(&v.email),
            id_number: some(&v.id_number),
        },
        anonymous: v.anonymous,
        remote: v.remote.then_some(true),
        complex: v.complex,
        complexity: None,
        decision_received_on: some(&v.decision_received_on),
        crowded: v.crowded,
        over_level: v.over_level,
        publish: false,
    }
}

pub async fn submit(
    State(state): State<AppState>,
    user: CurrentUser,
    Multipart(form): Multipart,
) -> PageResult<Response> {
    let (csrf, fields, letter) = read_form(form, state.settings.max_upload_bytes).await?;
    user.check_csrf(&csrf)?;
    // Who may register is answered before what is wrong with the form.
    cases::inbox_unit(&state.app, &user.actor(), None).await?;
    let values = values_of(&fields);
    if values.kind.trim().is_empty() {
        let errors = FieldErrors(vec![coso_domain::FieldError::new("kind", "Hãy chọn loại đơn.")]);
        let page = page(&state, &user, values, "", errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let calendar = crate::calendar::current(&state).await?;
    let registered = cases::register_at_desk(&state.app, &user.actor(), &calendar, &input_of(&values), letter).await;
    let errors = match registered.map_err(AppError::from) {
        Ok(view) => {
            let c = &view.case;
            let notice = format!("Đã tiếp nhận {} mã theo dõi {}.", c.kind.label().to_lowercase(), c.code);
            let to = if user.actor().may(&c.unit_path(), coso_domain::authz::Action::HandleCases) {
                super::case_page::case_path(c.id)
            } else {
                super::PATH.to_string()
            };
            return Ok(redirect_with_notice(&to, &notice));
        }
        Err(AppError::Validation(errors)) => FieldErrors(errors),
        Err(AppError::Conflict { field, message }) => FieldErrors(vec![coso_domain::FieldError::new(field, message)]),
        Err(e) => return Err(PageError(e)),
    };
    let page = page(&state, &user, values, "", errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
