//! The officials' side under `/quan-tri/don-vi/{code}/doi-thoai`: the commune's dialogues and
//! voters' requests with the forms to set up a dialogue and record a request, and a dialogue's
//! page (announce, answer and hide questions, record commitments and their progress, publish the
//! results).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::dialogues;
use coso_domain::FieldError;
use coso_domain::dialogue::{
    AnswerInput, CommitmentInput, DialogueInput, HideInput, ProgressInput, RequestInput, ResultsInput,
};
use coso_domain::unit::UnitKind;
use serde::Deserialize;

use super::views::{AdminListPage, AdminPage, Focus, admin_base};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path};
use crate::forms::{CsrfOnly, FieldErrors};
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::views::Nav;

fn refused(page: impl IntoResponse) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

async fn list_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: DialogueInput,
    request_form: RequestInput,
    errors: FieldErrors,
) -> Result<AdminListPage, AppError> {
    let actor = user.actor();
    let (unit, rows, requests) = dialogues::manage_list(&state.app, &actor, code).await?;
    let villages = coso_app::units::children_today(&state.app, &unit)
        .await?
        .into_iter()
        .filter(|u| matches!(u.kind, UnitKind::Village | UnitKind::ResidentialGroup))
        .collect();
    let ancestors = state.app.store().ancestors(&unit).await.map_err(coso_app::Error::from)?;
    Ok(AdminListPage {
        nav: Nav::of(Some(user)),
        unit,
        ancestors,
        rows,
        requests,
        villages,
        form,
        request_form,
        errors,
    })
}

pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<AdminListPage> {
    Ok(list_page(&state, &user, &code, DialogueInput::default(), RequestInput::default(), FieldErrors::default())
        .await?)
}

/// The create form as its pairs: the villages' checkboxes repeat one name, which a struct of
/// the form reader cannot take.
fn create_input(pairs: &[(String, String)]) -> (String, DialogueInput) {
    let mut csrf = String::new();
    let mut input = DialogueInput::default();
    for (k, v) in pairs {
        match k.as_str() {
            "csrf" => csrf = v.clone(),
            "topic" => input.topic = v.clone(),
            "villages" => input.villages.push(v.clone()),
            "held_on" => input.held_on = v.clone(),
            "place" => input.place = v.clone(),
            "online" => input.online = v.clone(),
            "voters" => input.voters = v.clone(),
            _ => {}
        }
    }
    (csrf, input)
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult<Response> {
    let (csrf, input) = create_input(&pairs);
    user.check_csrf(&csrf)?;
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let calendar = crate::calendar::current(&state).await?;
    match dialogues::create(&state.app, &user.actor(), &calendar, &unit, &input, None).await.map_err(AppError::from) {
        Ok(id) => Ok(redirect_with_notice(&format!("{}/{id}", admin_base(&code)), "Đã tạo hội nghị đối thoại.")),
        Err(AppError::Validation(errors)) => {
            Ok(refused(list_page(&state, &user, &code, input, RequestInput::default(), FieldErrors(errors)).await?))
        }
        Err(e) => Err(PageError(e)),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub signatures: String,
    #[serde(default)]
    pub request_voters: String,
}

pub async fn request(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<RequestForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let input = RequestInput { signatures: form.signatures, voters: form.request_voters, subject: form.subject };
    match dialogues::record_request(&state.app, &user.actor(), &unit, &input).await.map_err(AppError::from) {
        Ok(r) => {
            let notice = if r.required {
                format!(
                    "Đã ghi nhận đề nghị: {} chữ ký, đủ 10% cử tri. Xã phải tổ chức hội nghị đối thoại.",
                    r.signatures
                )
            } else {
                format!(
                    "Đã ghi nhận đề nghị: {} chữ ký, chưa đủ {} chữ ký (10% cử tri).",
                    r.signatures, r.required_signatures
                )
            };
            Ok(redirect_with_notice(&admin_base(&code), &notice))
        }
        Err(AppError::Validation(errors)) => {
            // The request form names its voters field apart from the create form's.
            let errors = errors
                .into_iter()
                .map(|e| if e.field == "voters" { FieldError::new("request_voters", e.message) } else { e })
                .collect();
            Ok(refused(list_page(&state, &user, &code, DialogueInput::default(), input, FieldErrors(errors)).await?))
        }
        Err(e) => Err(PageError(e)),
    }
}

async fn manage_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    focus: Focus,
) -> Result<AdminPage, AppError> {
    let calendar = crate::calendar::current(state).await?;
    let v = dialogues::dialogue_view(&state.app, &user.actor(), &calendar, code, id).await?;
    Ok(AdminPage { nav: Nav::of(Some(user)), v, focus })
}

pub async fn manage(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<AdminPage> {
    Ok(manage_page(&state, &user, &code, id, Focus::default()).await?)
}

/// Answers a change of the dialogue's page: back to the page with a notice, or the page again
/// with the refused form's errors.
async fn after(
    state: &AppState,
    user: &CurrentUser,
    (code, id): (&str, i64),
    form: String,
    result: coso_app::Result<()>,
    anchor: &str,
    notice: &str,
) -> PageResult<Response> {
    match result.map_err(AppError::from) {
        Ok(()) => Ok(redirect_with_notice(&format!("{}/{id}#{anchor}", admin_base(code)), notice)),
        Err(AppError::Validation(errors)) => {
            Ok(refused(manage_page(state, user, code, id, Focus { form, errors: FieldErrors(errors) }).await?))
        }
        Err(e) => Err(PageError(e)),
    }
}

pub async fn announce(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<CsrfOnly>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let result = dialogues::announce(&state.app, &user.actor(), &code, id).await;
    after(&state, &user, (&code, id), "thong-bao".into(), result, "cau-hoi", "Đã thông báo hội nghị đối thoại.").await
}

/// A form that names one question or commitment of the dialogue.
fn id_field(raw: &str) -> Result<i64, AppError> {
    raw.trim().parse().map_err(|_| AppError::NotFound)
}

#[derive(Debug, Default, Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub answer: String,
}

pub async fn answer(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<AnswerForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let q = id_field(&form.question)?;
    let result = dialogues::answer(&state.app, &user.actor(), &code, id, q, &AnswerInput { answer: form.answer }).await;
    after(&state, &user, (&code, id), format!("tra-loi-{q}"), result, &format!("cau-hoi-{q}"), "Đã lưu câu trả lời.")
        .await
}

#[derive(Debug, Default, Deserialize)]
pub struct HideForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub reason: String,
}

pub async fn hide(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<HideForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let q = id_field(&form.question)?;
    let result =
        dialogues::hide_question(&state.app, &user.actor(), &code, id, q, &HideInput { reason: form.reason }).await;
    after(&state, &user, (&code, id), format!("an-{q}"), result, &format!("cau-hoi-{q}"), "Đã ẩn câu hỏi.").await
}

#[derive(Debug, Default, Deserialize)]
pub struct CommitmentForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: CommitmentInput,
}

pub async fn commit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<CommitmentForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let result = dialogues::add_commitment(&state.app, &user.actor(), &code, id, &form.input).await.map(|_| ());
    after(&state, &user, (&code, id), "cam-ket".into(), result, "cam-ket", "Đã ghi cam kết.").await
}

#[derive(Debug, Default, Deserialize)]
pub struct ProgressForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub commitment: String,
    #[serde(flatten)]
    pub input: ProgressInput,
}

pub async fn progress(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<ProgressForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let c = id_field(&form.commitment)?;
    let result = dialogues::update_progress(&state.app, &user.actor(), &code, id, c, &form.input).await;
    after(&state, &user, (&code, id), format!("tien-do-{c}"), result, &format!("cam-ket-{c}"), "Đã cập nhật tiến độ.")
        .await
}

#[derive(Debug, Default, Deserialize)]
pub struct ResultsForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: ResultsInput,
}

pub async fn results(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<ResultsForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let calendar = crate::calendar::current(&state).await?;
    let result = dialogues::publish_results(&state.app, &user.actor(), &calendar, &code, id, &form.input).await;
    after(&state, &user, (&code, id), "ket-qua".into(), result, "ket-qua", "Đã công bố kết quả hội nghị đối thoại.")
        .await
}
