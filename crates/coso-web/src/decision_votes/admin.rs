//! The officials' page of a household ballot, `/quan-tri/don-vi/{code}/quyet-dinh/{id}/phat-phieu`:
//! the plan (which issues the ballots), the sheets and the distribution list to print,
//! collection by code, the count entered by two members one after the other with the mismatch
//! flagged and then reconciled, and Mẫu 04 once counted. And the close of an online vote.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::decisions::{self, ballots, online};
use coso_domain::decision::DecisionForm;
use coso_domain::decision::ballot::{BallotPlanInput, EntrySlot, TallyInput, TallyState};
use serde::Deserialize;

use super::views::{BallotPage, EntryLine, OnlinePage};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path};
use crate::forms::{CsrfOnly, FieldErrors};
use crate::page_context::redirect_with_notice;
use crate::plans::api::{DOCX, download, pdf};
use crate::state::AppState;
use crate::views::Nav;

/// The decision's officials' path.
pub fn base(code: &str, id: i64) -> String {
    format!("/quan-tri/don-vi/{code}/quyet-dinh/{id}")
}

#[derive(Debug, Default, Deserialize)]
pub struct PlanForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: BallotPlanInput,
}

#[derive(Debug, Default, Deserialize)]
pub struct CollectForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub codes: String,
    #[serde(default)]
    pub on: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct TallyForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub slot: String,
    #[serde(flatten)]
    pub input: TallyInput,
}

/// The entry the page asks for next.
fn next_slot(state: &TallyState) -> Option<EntrySlot> {
    match state {
        TallyState::NotEntered => Some(EntrySlot::First),
        TallyState::OneEntry => Some(EntrySlot::Second),
        TallyState::Mismatch { .. } => Some(EntrySlot::Reconciled),
        TallyState::Agreed { .. } | TallyState::Reconciled { .. } => None,
    }
}

async fn ballot_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    typed: BallotPlanInput,
    errors: FieldErrors,
) -> Result<BallotPage, AppError> {
    let actor = user.actor();
    let (unit, d) = decisions::decision_of_unit(&state.app, code, id).await?;
    decisions::manage_permit(&actor, &unit)?;
    if d.form != DecisionForm::Ballot {
        return Err(AppError::NotFound);
    }
    let progress = ballots::progress(&state.app, id).await?;
    let typed = if typed == BallotPlanInput::default() {
        BallotPlanInput {
            starts_on: d.held_on.format("%d/%m/%Y").to_string(),
            ends_on: d.ends_on.format("%d/%m/%Y").to_string(),
            participants: format!("Các hộ gia đình của {} ({} hộ)", unit.name, d.households),
            ..BallotPlanInput::default()
        }
    } else {
        typed
    };
    let mismatched = match &progress.tally {
        TallyState::Mismatch { fields } => fields.iter().map(|f| f.label()).collect(),
        _ => Vec::new(),
    };
    Ok(BallotPage {
        nav: Nav::of(Some(user)),
        base: base(code, id),
        unit_code: unit.code.clone(),
        unit_name: unit.name.clone(),
        title: d.title.clone(),
        households: d.households,
        period: format!("{} – {}", d.held_on.format("%d/%m/%Y"), d.ends_on.format("%d/%m/%Y")),
        outcome: d.outcome.map(|o| o.label()),
        reason: d.reason.clone().unwrap_or_default(),
        planned: progress.plan.is_some(),
        content: progress.plan.as_ref().map(|p| p.content.clone()).unwrap_or_default(),
        issued: progress.issued,
        collected: progress.collected,
        entries: progress.entries.iter().map(EntryLine::from).collect(),
        tally_label: progress.tally.label(),
        mismatched,
        next_slot: if d.outcome.is_some() { None } else { next_slot(&progress.tally) }.map(|s| (s.as_str(), s.label())),
        counted: progress.tally.result().is_some(),
        today: state.app.clock().today().format("%d/%m/%Y").to_string(),
        typed,
        errors,
    })
}

pub async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<BallotPage> {
    Ok(ballot_page(&state, &user, &code, id, BallotPlanInput::default(), FieldErrors::default()).await?)
}

/// Back to the page with a notice, or the page again with the errors and the status 422.
async fn after<T>(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    typed: BallotPlanInput,
    result: Result<T, coso_app::Error>,
    notice: impl FnOnce(T) -> String,
) -> PageResult<Response> {
    match result.map_err(AppError::from) {
        Ok(value) => Ok(redirect_with_notice(&format!("{}/phat-phieu", base(code, id)), &notice(value))),
        Err(AppError::Validation(errors)) => {
            let page = ballot_page(state, user, code, id, typed, FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(AppError::Conflict { field, message }) => {
            let page = ballot_page(
                state,
                user,
                code,
                id,
                typed,
                FieldErrors(vec![coso_domain::FieldError::new(field, message)]),
            )
            .await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

pub async fn plan(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<PlanForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let calendar = crate::calendar::current(&state).await?;
    let result = ballots::issue(&state.app, &user.actor(), &calendar, &unit, id, &form.input).await;
    after(&state, &user, &code, id, form.input, result, |n| format!("Đã lập kế hoạch và phát {n} phiếu lấy ý kiến."))
        .await
}

pub async fn collect(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<CollectForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let result = match coso_domain::field::date("on", "Ngày thu phiếu", &form.on) {
        Ok(on) => ballots::collect(&state.app, &user.actor(), &unit, id, &form.codes, on).await,
        Err(e) => Err(coso_app::Error::Validation(vec![e])),
    };
    after(&state, &user, &code, id, BallotPlanInput::default(), result, |n| format!("Đã ghi nhận {n} phiếu thu về."))
        .await
}

pub async fn tally(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<TallyForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let mut entries = ballots::TallyEntries::default();
    match form.slot.as_str() {
        "first" => entries.first = Some(form.input),
        "second" => entries.second = Some(form.input),
        "reconciled" => entries.reconciled = Some(form.input),
        _ => return Err(PageError(AppError::BadRequest("Lần nhập không hợp lệ.".into()))),
    }
    let result = ballots::enter_tally(&state.app, &user.actor(), &unit, id, &entries).await;
    after(&state, &user, &code, id, BallotPlanInput::default(), result, |s: TallyState| {
        format!("Đã ghi kết quả kiểm phiếu: {}.", s.label())
    })
    .await
}

pub async fn file(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id, file)): Path<(String, i64, String)>,
) -> PageResult<Response> {
    let (unit, _) = decisions::decision_of_unit(&state.app, &code, id).await?;
    let actor = user.actor();
    let response = match file.as_str() {
        "phieu.pdf" => download(
            super::files::sheets(&state, &user, &unit, id).await?,
            "application/pdf",
            &format!("phieu-lay-y-kien-{id}.pdf"),
        ),
        "danh-sach-phat-phieu.pdf" => download(
            super::files::distribution(&state, &user, &unit, id).await?,
            "application/pdf",
            &format!("danh-sach-phat-phieu-{id}.pdf"),
        ),
        "bien-ban-kiem-phieu.docx" => {
            let doc = ballots::minutes(&state.app, &actor, &unit, id).await?;
            download(coso_app::plans::summary::docx(&doc)?, DOCX, &format!("bien-ban-kiem-phieu-{id}.docx"))
        }
        "bien-ban-kiem-phieu.pdf" => {
            let doc = ballots::minutes(&state.app, &actor, &unit, id).await?;
            download(pdf(doc).await?, "application/pdf", &format!("bien-ban-kiem-phieu-{id}.pdf"))
        }
        other => match crate::decisions::documents::page_file(&state, &user, &unit, id, other).await {
            Some(response) => response?,
            None => return Err(PageError(AppError::NotFound)),
        },
    };
    Ok(response)
}

async fn online_page(state: &AppState, user: &CurrentUser, code: &str, id: i64) -> Result<OnlinePage, AppError> {
    let actor = user.actor();
    let (unit, d) = decisions::decision_of_unit(&state.app, code, id).await?;
    decisions::manage_permit(&actor, &unit)?;
    if d.form != DecisionForm::Online {
        return Err(AppError::NotFound);
    }
    let count = state.app.store().online_count(id).await.map_err(coso_app::Error::from)?;
    Ok(OnlinePage {
        nav: Nav::of(Some(user)),
        base: base(code, id),
        unit_code: unit.code.clone(),
        unit_name: unit.name.clone(),
        title: d.title.clone(),
        households: d.households,
        period: format!("{} – {}", d.held_on.format("%d/%m/%Y"), d.ends_on.format("%d/%m/%Y")),
        voted: count.yes + count.no,
        outcome: d.outcome.map(|o| o.label()),
        reason: d.reason.clone().unwrap_or_default(),
        yes: d.yes_votes,
        no: d.no_votes,
    })
}

pub async fn online(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<OnlinePage> {
    Ok(online_page(&state, &user, &code, id).await?)
}

pub async fn close_online(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<CsrfOnly>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let outcome = online::close(&state.app, &user.actor(), &unit, id).await?;
    Ok(redirect_with_notice(
        &format!("{}/truc-tuyen", base(&code, id)),
        &format!("Đã kết thúc biểu quyết trực tuyến: {}.", outcome.label()),
    ))
}
