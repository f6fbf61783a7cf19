//! `/api/v1/units/{code}/disclosures` and `/api/v1/units/{code}/disclosure-compliance`.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::Datelike;
use coso_app::disclosures::{self, ListQuery, year};
use coso_app::units;
use coso_domain::disclosure::DisclosureInput;
use serde::Deserialize;
use utoipa::IntoParams;

use super::wire::{
    CommuneCompliance, DisclosedItem, Disclosure, DisclosureCreate, DisclosureList, RequiredItem, YearCompliance,
};
use crate::auth::{CurrentUser, MaybeUser};
use crate::error::{ApiResult, ErrorBody};
use crate::extract::{Json, Path, Query};
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
    let input = DisclosureInput {
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
    };
    let id = disclosures::record(&state.app, &user.actor(), &unit, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.0 })))
}

#[derive(Deserialize, IntoParams)]
pub struct YearParams {
    /// The year, e.g. 2026; default the current one.
    pub year: Option<i32>,
}

/// Which required items each commune of the unit's subtree disclosed in the year, and which
/// are missing (those who may see the unit in the admin area).
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
                    })
                    .collect(),
                missing: c.missing(&v.required).collect(),
            })
            .collect(),
    }))
}
