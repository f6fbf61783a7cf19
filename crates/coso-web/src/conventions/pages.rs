//! The officials' pages of a village's conventions under `/quan-tri/don-vi/{code}/huong-uoc`:
//! the list, the new convention, one convention with the form of each move its state allows,
//! and the diff of two versions. Every form answers with its page again, the errors beside the
//! fields and nothing saved, or with a redirect to the convention's page and a notice.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::conventions;

use super::forms::{ConventionForm, DiffParams, StepForm, rename};
use super::views::{ConventionPage, DiffPage, ListPage, NewPage, admin_base};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path, Query};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::views::Nav;

async fn ancestors(state: &AppState, unit: &coso_store::UnitRow) -> Result<Vec<coso_store::UnitRow>, AppError> {
    Ok(state.app.store().ancestors(unit).await.map_err(coso_app::Error::from)?)
}

pub async fn list(State(state): State<AppState>, user: CurrentUser, Path(code): Path<String>) -> PageResult<ListPage> {
    let (unit, rows) = conventions::list_for_unit(&state.app, &user.actor(), &code).await?;
    Ok(ListPage { nav: Nav::of(Some(&user)), ancestors: ancestors(&state, &unit).await?, unit, rows })
}

async fn new_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: ConventionForm,
    errors: FieldErrors,
) -> Result<NewPage, AppError> {
    // The list use case authorizes the visitor on the village, as the proposal will.
    let (unit, _) = conventions::list_for_unit(&state.app, &user.actor(), code).await?;
    Ok(NewPage { nav: Nav::of(Some(user)), ancestors: ancestors(state, &unit).await?, unit, form, errors })
}

pub async fn new(State(state): State<AppState>, user: CurrentUser, Path(code): Path<String>) -> PageResult<NewPage> {
    Ok(new_page(&state, &user, &code, ConventionForm::default(), FieldErrors::default()).await?)
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<ConventionForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    match conventions::propose(&state.app, &user.actor(), &code, &form.proposal()).await.map_err(AppError::from) {
        Ok(id) => Ok(redirect_with_notice(
            &format!("{}/{id}", admin_base(&code)),
            "Đã ghi đề xuất hương ước, quy ước; nội dung đã nhập là phiên bản 1.",
        )),
        Err(AppError::Validation(errors)) => {
            let page = new_page(&state, &user, &code, form, FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

async fn convention_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    form: ConventionForm,
    errors: FieldErrors,
) -> Result<ConventionPage, AppError> {
    let calendar = crate::calendar::current(state).await?;
    let v = conventions::view(&state.app, &user.actor(), &calendar, code, id).await?;
    Ok(ConventionPage {
        nav: Nav::of(Some(user)),
        ancestors: ancestors(state, &v.unit).await?,
        today: state.app.today(),
        v,
        form,
        errors,
    })
}

pub async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<ConventionPage> {
    Ok(convention_page(&state, &user, &code, id, ConventionForm::default(), FieldErrors::default()).await?)
}

/// Answers a form of the convention's page: back to the page with a notice, or the page again
/// with the errors beside the form's fields and what was typed (422, or 409 when the
/// convention moved meanwhile).
async fn after(
    state: &AppState,
    user: &CurrentUser,
    (code, id): (&str, i64),
    which: StepForm,
    done: Result<(), coso_app::Error>,
    notice: &str,
    form: ConventionForm,
) -> PageResult<Response> {
    let (status, errors) = match done.map_err(AppError::from) {
        Ok(()) => return Ok(redirect_with_notice(&format!("{}/{id}", admin_base(code)), notice)),
        Err(AppError::Validation(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors),
        Err(AppError::Conflict { field, message }) => {
            (StatusCode::CONFLICT, vec![coso_domain::FieldError::new(field, message)])
        }
        Err(e) => return Err(PageError(e)),
    };
    let page = convention_page(state, user, code, id, form, FieldErrors(rename(which, errors))).await?;
    Ok((status, page).into_response())
}

pub async fn version(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<ConventionForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let done = conventions::edit(&state.app, &user.actor(), &code, id, &form.version()).await.map(|_| ());
    after(&state, &user, (&code, id), StepForm::Version, done, "Đã lưu phiên bản mới của dự thảo.", form).await
}

pub async fn posting(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<ConventionForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let done = conventions::post(&state.app, &user.actor(), &code, id, &form.posting()).await;
    let notice = "Đã ghi việc niêm yết dự thảo; cộng đồng biểu quyết sau ít nhất 30 ngày niêm yết.";
    after(&state, &user, (&code, id), StepForm::Posting, done, notice, form).await
}

pub async fn opinions(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<ConventionForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let done = conventions::record_opinions(&state.app, &user.actor(), &code, id, &form.opinions()).await.map(|_| ());
    after(&state, &user, (&code, id), StepForm::Opinions, done, "Đã ghi nhận ý kiến góp ý.", form).await
}

/// The notice of a vote: what it gave.
fn vote_notice(j: &coso_domain::convention::Judgement) -> String {
    format!("Đã ghi kết quả biểu quyết: {}. {}", j.outcome.label().to_lowercase(), j.reason)
}

pub async fn vote(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<ConventionForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let calendar = crate::calendar::current(&state).await?;
    let done = conventions::record_vote(&state.app, &user.actor(), &calendar, &code, id, &form.vote()).await;
    let notice = done.as_ref().map(vote_notice).unwrap_or_default();
    after(&state, &user, (&code, id), StepForm::Vote, done.map(|_| ()), &notice, form).await
}

pub async fn vote_from_decision(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<ConventionForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let calendar = crate::calendar::current(&state).await?;
    let done =
        conventions::record_vote_from_decision(&state.app, &user.actor(), &calendar, &code, id, &form.decision).await;
    let notice = done.as_ref().map(vote_notice).unwrap_or_default();
    after(&state, &user, (&code, id), StepForm::VoteFromDecision, done.map(|_| ()), &notice, form).await
}

pub async fn dossier(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<ConventionForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let done = conventions::submit(&state.app, &user.actor(), &code, id, &form.dossier()).await;
    let notice = "Đã ghi việc gửi hồ sơ đề nghị công nhận đến Ủy ban nhân dân cấp xã.";
    after(&state, &user, (&code, id), StepForm::Dossier, done, notice, form).await
}

pub async fn recognition(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<ConventionForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let done = conventions::recognise(&state.app, &user.actor(), &code, id, &form.recognition()).await;
    let notice = "Đã ghi quyết định công nhận; nội dung được công nhận có hiệu lực.";
    after(&state, &user, (&code, id), StepForm::Recognition, done, notice, form).await
}

pub async fn return_dossier(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<ConventionForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let done = conventions::return_dossier(&state.app, &user.actor(), &code, id, &form.return_dossier()).await;
    after(&state, &user, (&code, id), StepForm::Return, done, "Đã trả lại hồ sơ, kèm lý do.", form).await
}

pub async fn review(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<ConventionForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let done = conventions::review(&state.app, &user.actor(), &code, id, &form.review()).await;
    after(&state, &user, (&code, id), StepForm::Review, done, "Đã ghi kết quả rà soát hằng năm.", form).await
}

/// `?tu=1&den=2`: the lines that turn one version into the other; the last two by default.
pub async fn diff(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Query(params): Query<DiffParams>,
) -> PageResult<DiffPage> {
    let calendar = crate::calendar::current(&state).await?;
    let v = conventions::view(&state.app, &user.actor(), &calendar, &code, id).await?;
    let (from, to) = params.versions(v.convention.state.current_version).map_err(AppError::Validation)?;
    let diff = conventions::diff(&state.app, &user.actor(), &code, id, from, to).await?;
    Ok(DiffPage { nav: Nav::of(Some(&user)), ancestors: ancestors(&state, &v.unit).await?, v, diff })
}
