//! The officials' side under `/quan-tri/don-vi/{code}/quyet-dinh`: the decisions of the unit and
//! below with the open form, a decision's page, a meeting's attendance (a count or the
//! households ticked), its vote, and the close of a meeting that cannot reach the ratio.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::decisions;
use coso_domain::FieldError;
use coso_domain::authz::Action;
use coso_domain::decision::{DecisionInput, MeetingTally, VotingMethod};
use coso_store::Attendance;
use serde::Deserialize;

use super::views::{DecisionPage, ListPage, TallyTyped, admin_base};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path};
use crate::forms::FieldErrors;
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
    form: DecisionInput,
    errors: FieldErrors,
) -> Result<ListPage, AppError> {
    let actor = user.actor();
    let unit = coso_app::units::by_code(&state.app, code).await?;
    let rows = decisions::list_for_unit(&state.app, &actor, &unit).await?;
    let manages = actor.may(&unit.unit_path(), Action::ManageDecisions);
    let ancestors = state.app.store().ancestors(&unit).await.map_err(coso_app::Error::from)?;
    Ok(ListPage { nav: Nav::of(Some(user)), unit, ancestors, rows, manages, form, errors })
}

pub async fn list(State(state): State<AppState>, user: CurrentUser, Path(code): Path<String>) -> PageResult<ListPage> {
    let form = DecisionInput { matter: "1".into(), form: "meeting".into(), ..Default::default() };
    Ok(list_page(&state, &user, &code, form, FieldErrors::default()).await?)
}

#[derive(Debug, Default, Deserialize)]
pub struct OpenForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: DecisionInput,
}

pub async fn open(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<OpenForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    match decisions::open(&state.app, &user.actor(), &unit, &form.input).await.map_err(AppError::from) {
        Ok(id) => Ok(redirect_with_notice(
            &format!("{}/{id}", admin_base(&code)),
            "Đã mở và lập danh sách hộ gia đình từ sổ hộ.",
        )),
        Err(AppError::Validation(errors)) => {
            Ok(refused(list_page(&state, &user, &code, form.input, FieldErrors(errors)).await?))
        }
        Err(e) => Err(PageError(e)),
    }
}

async fn decision_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    typed: TallyTyped,
    errors: FieldErrors,
) -> Result<DecisionPage, AppError> {
    let actor = user.actor();
    let (unit, _) = decisions::decision_of_unit(&state.app, code, id).await?;
    let calendar = crate::calendar::current(state).await?;
    let v = decisions::view(&state.app, &actor, &calendar, &unit, id).await?;
    let manages = actor.may(&unit.unit_path(), Action::ManageDecisions);
    let households =
        if manages { decisions::households(&state.app, &actor, &unit, id).await?.households } else { vec![] };
    let convention = coso_app::conventions::voted_by(&state.app, id).await?;
    Ok(DecisionPage { nav: Nav::of(Some(user)), unit, v, manages, households, convention, typed, errors })
}

pub async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<DecisionPage> {
    Ok(decision_page(&state, &user, &code, id, TallyTyped::default(), FieldErrors::default()).await?)
}

fn value<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

/// The attendance form: the households ticked, or else the count typed.
pub async fn attendance(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult<Response> {
    user.check_csrf(value(&pairs, "csrf"))?;
    let (unit, _) = decisions::decision_of_unit(&state.app, &code, id).await?;
    decisions::manage_permit(&user.actor(), &unit)?;
    let ticked: Vec<i64> =
        pairs.iter().filter(|(k, _)| k == "households").filter_map(|(_, v)| v.trim().parse().ok()).collect();
    let typed = value(&pairs, "present").trim();
    let attendance = if !ticked.is_empty() {
        Ok(Attendance::Households(ticked))
    } else {
        typed.parse::<i64>().map(Attendance::Count).map_err(|_| {
            AppError::Validation(vec![FieldError::new(
                "present",
                "Nhập số hộ dự họp (một số nguyên) hoặc đánh dấu các hộ có mặt.",
            )])
        })
    };
    let result = match attendance {
        Ok(a) => decisions::record_attendance(&state.app, &user.actor(), &unit, id, &a).await.map_err(AppError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(n) => Ok(redirect_with_notice(&format!("{}/{id}", admin_base(&code)), &format!("Đã ghi {n} hộ dự họp."))),
        Err(AppError::Validation(errors)) => {
            Ok(refused(decision_page(&state, &user, &code, id, TallyTyped::default(), FieldErrors(errors)).await?))
        }
        Err(e) => Err(PageError(e)),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct TallyForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub yes: String,
    #[serde(default)]
    pub no: String,
    #[serde(default)]
    pub invalid: String,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub secretary: String,
    #[serde(default)]
    pub secretary_votes: String,
    #[serde(default)]
    pub board: String,
    #[serde(default)]
    pub board_votes: String,
}

impl TallyForm {
    fn typed(&self) -> TallyTyped {
        TallyTyped {
            yes: self.yes.clone(),
            no: self.no.clone(),
            invalid: self.invalid.clone(),
            method: self.method.clone(),
            secretary: self.secretary.clone(),
            secretary_votes: self.secretary_votes.clone(),
            board: self.board.clone(),
            board_votes: self.board_votes.clone(),
        }
    }

    /// The counts read, each error naming its field.
    fn tally(&self) -> Result<MeetingTally, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut count = |field: &'static str, label: &str, raw: &str, required: bool| -> Option<u32> {
            let raw = raw.trim();
            if raw.is_empty() && !required {
                return None;
            }
            let parsed = raw.parse::<u32>().ok();
            if parsed.is_none() {
                errors.push(FieldError::new(field, format!("{label} phải là một số nguyên không âm.")));
            }
            parsed
        };
        let yes = count("yes", "Số hộ đồng ý", &self.yes, true);
        let no = count("no", "Số hộ không đồng ý", &self.no, true);
        let invalid = count("invalid", "Số phiếu không hợp lệ", &self.invalid, false);
        let secretary_votes = count("secretary_votes", "Số đại diện hộ tán thành thư ký", &self.secretary_votes, false);
        let board_votes = count("board_votes", "Số đại diện hộ tán thành tổ kiểm phiếu", &self.board_votes, false);
        let method = match self.method.trim() {
            "" => VotingMethod::ShowOfHands,
            code => code.parse().unwrap_or_else(|_| {
                errors.push(FieldError::new("method", "Chọn cách biểu quyết."));
                VotingMethod::ShowOfHands
            }),
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(MeetingTally {
            yes: yes.unwrap_or(0),
            no: no.unwrap_or(0),
            invalid: invalid.unwrap_or(0),
            method,
            secretary: Some(self.secretary.clone()),
            secretary_votes,
            board: self.board.split(',').map(str::to_string).collect(),
            board_votes,
        })
    }
}

pub async fn tally(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<TallyForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let (unit, _) = decisions::decision_of_unit(&state.app, &code, id).await?;
    decisions::manage_permit(&user.actor(), &unit)?;
    let calendar = crate::calendar::current(&state).await?;
    let result = match form.tally() {
        Ok(t) => {
            decisions::tally_meeting(&state.app, &user.actor(), &calendar, &unit, id, t).await.map_err(AppError::from)
        }
        Err(errors) => Err(AppError::Validation(errors)),
    };
    match result {
        Ok(outcome) => Ok(redirect_with_notice(
            &format!("{}/{id}", admin_base(&code)),
            &format!("Đã ghi kết quả biểu quyết: {}.", outcome.label()),
        )),
        Err(AppError::Validation(errors)) => {
            Ok(refused(decision_page(&state, &user, &code, id, form.typed(), FieldErrors(errors)).await?))
        }
        Err(e) => Err(PageError(e)),
    }
}

pub async fn close(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<crate::forms::CsrfOnly>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let (unit, _) = decisions::decision_of_unit(&state.app, &code, id).await?;
    decisions::close(&state.app, &user.actor(), &unit, id).await?;
    Ok(redirect_with_notice(
        &format!("{}/{id}", admin_base(&code)),
        "Đã kết thúc cuộc họp: không đủ hộ dự họp để đạt tỷ lệ; hãy tổ chức phát phiếu lấy ý kiến.",
    ))
}
