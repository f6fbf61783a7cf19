//! `/api/v1/units/{code}/disclosures` (list, record, update, add files) and
//! `/api/v1/units/{code}/disclosure-compliance`.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::Datelike;
use coso_app::disclosures::{self, ListQuery, year};
use coso_app::units;
use coso_domain::DisclosureId;
use coso_domain::disclosure::DisclosureInput;
use serde::Deserialize;
use utoipa::IntoParams;

use super::wire::{
    CommuneCompliance, DisclosedItem, Disclosure, DisclosureCreate, DisclosureFiles, DisclosureList, LateDisclosure,
    RequiredItem, YearCompliance,
};
use crate::auth::{CurrentUser, MaybeUser};
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::extract::{Json, Multipart, Path, Query};
use crate::state::AppState;
use crate::wire::Created;

#[derive(Deserialize, IntoParams, Default)]
pub struct ListParams {
    /// Words of the title or content, with or without diacritics.
    #[serde(default)]
    pub q: String,
    /// 1-based page of 20.
    pub page: Option<i64>,
}

/// A unit's disclosures, newest first, with their compliance checks. A commune's are public; an
/// agency's only for its staff.
#[utoipa::path(get, path = "/api/v1/units/{code}/disclosures", tag = "disclosures", params(("code" = String, Path), ListParams),
    responses((status = 200, body = DisclosureList), (status = 404, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
    Query(p): Query<ListParams>,
) -> ApiResult<Json<DisclosureList>> {
    let actor = user.as_ref().map(CurrentUser::actor);
    let query = ListQuery { q: p.q, when: String::new(), page: p.page.unwrap_or(1) };
    let v = disclosures::list(&state.app, actor.as_ref(), &code, &query).await?;
    Ok(Json(DisclosureList {
        items: v.items.iter().map(|d| Disclosure::of(&v.unit.code, d)).collect(),
        page: v.page,
        has_more: v.has_more,
    }))
}

/// Records a disclosure of the unit (its officials). A form outside the ten, an end before the
/// start or an item outside the catalogue is refused naming the field; nothing is saved.
#[utoipa::path(post, path = "/api/v1/units/{code}/disclosures", tag = "disclosures", params(("code" = String, Path)), request_body = DisclosureCreate,
    responses((status = 201, body = Created), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<DisclosureCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let unit = units::by_code(&state.app, &code).await?;
    let id = disclosures::record(&state.app, &user.actor(), &unit, &input_of(b)).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.0 })))
}

/// Replaces what a disclosure of the unit says (its officials); its files and relays stay. The
/// body is the one a disclosure is recorded with; a refused field changes nothing.
#[utoipa::path(put, path = "/api/v1/units/{code}/disclosures/{id}", tag = "disclosures",
    params(("code" = String, Path), ("id" = i64, Path)), request_body = DisclosureCreate,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Json(b): Json<DisclosureCreate>,
) -> ApiResult<StatusCode> {
    let unit = units::by_code(&state.app, &code).await?;
    disclosures::update(&state.app, &user.actor(), &unit, DisclosureId(id), &input_of(b)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds files to a disclosure of the unit (its officials), as `multipart/form-data`: PDF, DOCX or
/// XLSX under `attachments`, JPEG or PNG photos of the posted notice under `photos` (their
/// metadata removed). A file refused or over the limit keeps all of them out.
#[utoipa::path(post, path = "/api/v1/units/{code}/disclosures/{id}/files", tag = "disclosures",
    params(("code" = String, Path), ("id" = i64, Path)),
    request_body(content = DisclosureFiles, content_type = "multipart/form-data"),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_files(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Multipart(body): Multipart,
) -> ApiResult<StatusCode> {
    let form = super::multipart::read(body, disclosures::file_limit(&state.app)).await?;
    if !form.too_large.is_empty() {
        return Err(AppError::TooLarge.into());
    }
    let unit = units::by_code(&state.app, &code).await?;
    disclosures::add_files(&state.app, &user.actor(), &unit, DisclosureId(id), &form.attachments, &form.photos).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The body of a record or an update, as the use cases read a form.
fn input_of(b: DisclosureCreate) -> DisclosureInput {
    DisclosureInput {
        item: b.item.to_string(),
        title: b.title,
        content: b.content,
        legal_basis: b.legal_basis.unwrap_or_default(),
        forms: b.forms,
        other_form_basis: b.other_form_basis.unwrap_or_default(),
        place: b.place.unwrap_or_default(),
        posted_from: b.posted_from,
        posted_to: b.posted_to.unwrap_or_default(),
        broadcast_days: b.broadcast_days.join(","),
        convention_vote_on: b.convention_vote_on.unwrap_or_default(),
        adopted_on: b.adopted_on.unwrap_or_default(),
    }
}

#[derive(Deserialize, IntoParams)]
pub struct YearParams {
    /// The year, e.g. 2026; default the current one.
    pub year: Option<i32>,
}

/// Which required items each commune of the unit's subtree disclosed in the year, which are
/// missing and which were disclosed late, with the due date against the posted date (those who
/// may see the unit in the admin area).
#[utoipa::path(get, path = "/api/v1/units/{code}/disclosure-compliance", tag = "disclosures", params(("code" = String, Path), YearParams),
    responses((status = 200, body = YearCompliance), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn compliance(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(p): Query<YearParams>,
) -> ApiResult<Json<YearCompliance>> {
    let y = p.year.unwrap_or_else(|| state.app.today().year());
    let v = year::year(&state.app, &user.actor(), &code, y).await?;
    Ok(Json(YearCompliance {
        unit: v.unit.code.clone(),
        year: v.year,
        required: v
            .required
            .iter()
            .map(|i| RequiredItem {
                item: i.number,
                title: i.title.clone(),
                legal_basis: i.legal_basis.clone(),
                radio_required: i.radio_required,
                verified: i.verified,
            })
            .collect(),
        communes: v
            .communes
            .iter()
            .map(|c| CommuneCompliance {
                code: c.unit.code.clone(),
                name: c.unit.name.clone(),
                disclosed: c
                    .items
                    .iter()
                    .map(|(n, d)| DisclosedItem {
                        item: *n,
                        first_posted_from: d.posted_from,
                        times: d.times,
                        forms: d.forms.iter().map(|f| (*f).into()).collect(),
                        late: d.late.as_ref().map(|l| LateDisclosure {
                            disclosure_id: l.disclosure_id,
                            due_on: l.due_on,
                            posted_from: l.posted_from,
                            reason: l.reason.clone(),
                        }),
                    })
                    .collect(),
                missing: c.missing(&v.required).collect(),
                late: c.late().map(|(n, _)| n).collect(),
            })
            .collect(),
    }))
}
