//! The officials' register (`/quan-tri/don-vi/{code}/cong-khai`): the unit's disclosures with
//! their checks and the form recording one with attachments and photo proofs; the year's
//! compliance of the subtree with its chart and downloads; the village head's relay page.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Datelike;
use coso_app::disclosures::{self, ListQuery, year};
use coso_app::units;
use coso_domain::disclosure::{DisclosureInput, RelayInput};
use coso_domain::{DisclosureId, FieldError};
use serde::Deserialize;

use super::multipart::{self, RecordForm};
use super::views::{CompliancePage, DisclosureForm, EditPage, RegisterPage, RelayPageView};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Multipart, Path, Query};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::plans::api::{XLSX, download};
use crate::state::AppState;
use crate::views::Nav;

#[derive(Deserialize, Default)]
pub struct RegisterParams {
    #[serde(default)]
    pub q: String,
    #[serde(default, rename = "trang")]
    pub page: Option<i64>,
}

async fn register_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    query: &ListQuery,
    input: DisclosureInput,
    errors: FieldErrors,
) -> Result<RegisterPage, AppError> {
    let list = disclosures::admin_list(&state.app, &user.actor(), code, query).await?;
    let level = disclosures::level_of(&list.unit)?;
    let items = disclosures::items(&state.app, level).await?;
    let rules = state.app.settings().disclosure;
    let (min_days, within_days) = (rules.posting_min_days, rules.publish_within_days);
    Ok(RegisterPage {
        nav: Nav::of(Some(user)),
        list,
        form: DisclosureForm { items, input, errors, min_days, within_days },
    })
}

pub async fn register(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(p): Query<RegisterParams>,
) -> PageResult<RegisterPage> {
    let query = ListQuery { q: p.q, when: String::new(), page: p.page.unwrap_or(1) };
    Ok(register_page(&state, &user, &code, &query, DisclosureInput::default(), FieldErrors::default()).await?)
}

fn input_of(form: &RecordForm) -> DisclosureInput {
    DisclosureInput {
        item: form.field("item").to_owned(),
        title: form.field("title").to_owned(),
        content: form.field("content").to_owned(),
        legal_basis: form.field("legal_basis").to_owned(),
        forms: form.all("forms"),
        other_form_basis: form.field("other_form_basis").to_owned(),
        place: form.field("place").to_owned(),
        posted_from: form.field("posted_from").to_owned(),
        posted_to: form.field("posted_to").to_owned(),
        broadcast_days: form.field("broadcast_days").to_owned(),
        convention_vote_on: form.field("convention_vote_on").to_owned(),
        adopted_on: form.field("adopted_on").to_owned(),
    }
}

/// The files of `form` over `limit`, each named on its field.
fn too_large(form: &RecordForm, limit: usize) -> Vec<FieldError> {
    form.too_large.iter().map(|(field, name)| crate::upload::too_large(field, name, limit)).collect()
}

/// Records a disclosure from the multipart form; a refused form comes back with its errors.
pub async fn record(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Multipart(body): Multipart,
) -> PageResult<Response> {
    let limit = disclosures::file_limit(&state.app);
    let form = multipart::read(body, limit).await?;
    user.check_csrf(form.field("csrf"))?;
    let unit = units::by_code(&state.app, &code).await?;
    let input = input_of(&form);
    let too_large = too_large(&form, limit);
    let result = if too_large.is_empty() {
        disclosures::record_with_files(&state.app, &user.actor(), &unit, &input, &form.attachments, &form.photos)
            .await
            .map_err(AppError::from)
    } else {
        Err(AppError::Validation(too_large))
    };
    match result {
        Ok(id) => Ok(redirect_with_notice(
            &format!("/don-vi/{}/cong-khai/{}", unit.code, id.0),
            "Đã ghi sổ nội dung công khai.",
        )),
        Err(AppError::Validation(errors)) => {
            let query = ListQuery { page: 1, ..Default::default() };
            let page = register_page(&state, &user, &code, &query, input, FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

async fn edit_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    typed: Option<DisclosureInput>,
    errors: FieldErrors,
) -> Result<EditPage, AppError> {
    let unit = units::by_code(&state.app, code).await?;
    let (view, stored) = disclosures::for_edit(&state.app, &user.actor(), &unit, DisclosureId(id)).await?;
    let items = disclosures::items(&state.app, disclosures::level_of(&unit)?).await?;
    let min_days = state.app.settings().disclosure.posting_min_days;
    let within_days = state.app.settings().disclosure.publish_within_days;
    let form = DisclosureForm { items, input: typed.unwrap_or(stored), errors, min_days, within_days };
    Ok(EditPage { nav: Nav::of(Some(user)), unit, view, form })
}

/// `/quan-tri/don-vi/{code}/cong-khai/{id}/sua`: the disclosure's fields as stored.
pub async fn edit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<EditPage> {
    Ok(edit_page(&state, &user, &code, id, None, FieldErrors::default()).await?)
}

/// Saves the edit form; a refused form comes back with what was typed and its errors, and
/// nothing is changed.
pub async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Multipart(body): Multipart,
) -> PageResult<Response> {
    let form = multipart::read(body, disclosures::file_limit(&state.app)).await?;
    user.check_csrf(form.field("csrf"))?;
    let unit = units::by_code(&state.app, &code).await?;
    let input = input_of(&form);
    match disclosures::update(&state.app, &user.actor(), &unit, DisclosureId(id), &input).await.map_err(AppError::from)
    {
        Ok(()) => Ok(redirect_with_notice(
            &format!("/don-vi/{}/cong-khai/{id}", unit.code),
            "Đã lưu thay đổi của nội dung công khai.",
        )),
        Err(AppError::Validation(errors)) => {
            let page = edit_page(&state, &user, &code, id, Some(input), FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

/// Adds attachments and photos of the posted notice; a refused file comes back named on its
/// field, and none of the files is kept.
pub async fn add_files(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Multipart(body): Multipart,
) -> PageResult<Response> {
    let limit = disclosures::file_limit(&state.app);
    let form = multipart::read(body, limit).await?;
    user.check_csrf(form.field("csrf"))?;
    let unit = units::by_code(&state.app, &code).await?;
    let too_large = too_large(&form, limit);
    let result = if too_large.is_empty() {
        disclosures::add_files(&state.app, &user.actor(), &unit, DisclosureId(id), &form.attachments, &form.photos)
            .await
            .map_err(AppError::from)
    } else {
        Err(AppError::Validation(too_large))
    };
    match result {
        Ok(()) => Ok(redirect_with_notice(
            &format!("/quan-tri/don-vi/{}/cong-khai/{id}/sua#tep", unit.code),
            "Đã thêm tệp vào nội dung công khai.",
        )),
        Err(AppError::Validation(errors)) => {
            let page = edit_page(&state, &user, &code, id, None, FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

#[derive(Deserialize, Default)]
pub struct YearQuery {
    #[serde(default)]
    pub year: Option<i32>,
}

async fn year_view(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    q: &YearQuery,
) -> Result<year::YearView, AppError> {
    let y = q.year.unwrap_or_else(|| state.app.today().year());
    Ok(year::year(&state.app, &user.actor(), code, y).await?)
}

pub async fn compliance(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<YearQuery>,
) -> PageResult<CompliancePage> {
    let view = year_view(&state, &user, &code, &q).await?;
    let chart = view.chart();
    let years = (2023..=state.app.today().year()).rev().collect();
    let within_days = state.app.settings().disclosure.publish_within_days;
    Ok(CompliancePage { nav: Nav::of(Some(&user)), view, chart, years, within_days })
}

pub async fn compliance_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<YearQuery>,
) -> PageResult<Response> {
    let view = year_view(&state, &user, &code, &q).await?;
    let bytes = year::csv(&view)?;
    Ok(download(bytes, "text/csv; charset=utf-8", &format!("cong-khai-{}-{}.csv", view.unit.code, view.year)))
}

pub async fn compliance_xlsx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<YearQuery>,
) -> PageResult<Response> {
    let view = year_view(&state, &user, &code, &q).await?;
    let bytes = year::xlsx(&view)?;
    Ok(download(bytes, XLSX, &format!("cong-khai-{}-{}.xlsx", view.unit.code, view.year)))
}

async fn relay_view(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    open: Option<i64>,
    input: RelayInput,
    errors: FieldErrors,
) -> Result<RelayPageView, AppError> {
    let page = disclosures::relay_page(&state.app, &user.actor(), code).await?;
    Ok(RelayPageView { nav: Nav::of(Some(user)), page, open, input, errors })
}

/// The village head's page: the commune's disclosures to relay, each with its form.
pub async fn relays(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<RelayPageView> {
    Ok(relay_view(&state, &user, &code, None, RelayInput::default(), FieldErrors::default()).await?)
}

#[derive(Deserialize, Default)]
pub struct RelayForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: RelayInput,
}

pub async fn relay(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<RelayForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let village = units::by_code(&state.app, &code).await?;
    match disclosures::relay(&state.app, &user.actor(), &village, DisclosureId(id), &form.input)
        .await
        .map_err(AppError::from)
    {
        Ok(()) => Ok(redirect_with_notice(
            &format!("/quan-tri/don-vi/{}/thong-tin-lai", village.code),
            "Đã ghi nhận việc thông tin lại cho thôn, tổ dân phố.",
        )),
        Err(AppError::Validation(errors)) => {
            let page = relay_view(&state, &user, &code, Some(id), form.input, FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}
