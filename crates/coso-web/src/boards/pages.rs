//! The officials' and members' pages under `/quan-tri/don-vi/{code}/ban-giam-sat`: the unit's
//! boards (with the overdue findings of its subtree and the form that records a board), one
//! board with its plan, activities, findings and reports; and the public page of a commune's
//! boards `/don-vi/{code}/ban-giam-sat`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::boards;
use coso_app::cases::photos;
use coso_domain::FieldError;
use coso_domain::authz::Action;
use coso_domain::board::{ActivityInput, AnswerInput, BoardInput, FindingInput, MemberInput, PlanInput, ProjectInput};
use serde::Deserialize;

use super::views::{BoardForm, BoardPage, ListPage, PublicPage, admin_base};
use crate::auth::{CurrentUser, MaybeUser};
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Multipart, Path};
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
    form: BoardForm,
    errors: FieldErrors,
) -> Result<ListPage, AppError> {
    let actor = user.actor();
    let unit = coso_app::units::by_code(&state.app, code).await?;
    let boards = boards::list_for_unit(&state.app, &actor, &unit).await?;
    let manages = actor.may(&unit.unit_path(), Action::ManageBoards);
    let overdue = if manages { boards::overdue_overview(&state.app, &actor, &unit).await? } else { Default::default() };
    let ancestors = state.app.store().ancestors(&unit).await.map_err(coso_app::Error::from)?;
    Ok(ListPage { nav: Nav::of(Some(user)), unit, ancestors, manages, boards, overdue, form, errors })
}

pub async fn list(State(state): State<AppState>, user: CurrentUser, Path(code): Path<String>) -> PageResult<ListPage> {
    let form = BoardForm { kind: "inspection".into(), reports: "quarterly".into(), ..Default::default() };
    Ok(list_page(&state, &user, &code, form, FieldErrors::default()).await?)
}

/// Reads one member line: `Họ tên; chức danh; thôn; thành phần; email`. The role and the
/// source are read from their Vietnamese words or their codes.
fn member_line(line: &str) -> MemberInput {
    let parts: Vec<&str> = line.split(';').map(str::trim).collect();
    let part = |i: usize| parts.get(i).copied().unwrap_or("").to_string();
    let folded = |i: usize| coso_text::fold(&part(i)).trim().to_string();
    let role = match folded(1).as_str() {
        "truong ban" => "head".to_string(),
        "pho truong ban" => "deputy".to_string(),
        "thanh vien" | "" => "member".to_string(),
        _ => part(1),
    };
    let from = match folded(3).as_str() {
        "mat tran" | "mttq" | "uy ban mat tran to quoc" => "front".to_string(),
        "ban thanh tra nhan dan" | "bttnd" => "inspection_board".to_string(),
        "nguoi dan" | "" => String::new(),
        _ => part(3),
    };
    MemberInput { name: part(0), role, village: part(2), from, account: part(4) }
}

fn board_input(f: &BoardForm) -> BoardInput {
    let project = (f.kind == "investment").then(|| ProjectInput {
        name: f.project_name.clone(),
        investor: f.project_investor.clone(),
        budget: f.project_budget.clone(),
        contributions: f.project_contributions.clone(),
        starts_on: f.project_starts_on.clone(),
        ends_on: f.project_ends_on.clone(),
    });
    BoardInput {
        kind: f.kind.clone(),
        members: f.members.lines().filter(|l| !l.trim().is_empty()).map(member_line).collect(),
        elected_by: f.elected_by.clone(),
        elected_on: f.elected_on.clone(),
        reports: f.reports.clone(),
        project,
    }
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<BoardForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    match boards::create(&state.app, &user.actor(), &unit, &board_input(&form)).await.map_err(AppError::from) {
        Ok(id) => {
            Ok(redirect_with_notice(&format!("{}/{id}", admin_base(&code)), "Đã ghi nhận ban và các thành viên."))
        }
        Err(AppError::Validation(errors)) => {
            Ok(refused(list_page(&state, &user, &code, form, FieldErrors(errors)).await?))
        }
        Err(e) => Err(PageError(e)),
    }
}

async fn board_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    errors: FieldErrors,
) -> Result<BoardPage, AppError> {
    let v = boards::board_view(&state.app, &user.actor(), id).await?;
    if v.board.unit_code != code {
        return Err(AppError::NotFound);
    }
    let unit = coso_app::units::by_code(&state.app, code).await?;
    let mut targets = vec![unit.clone()];
    targets.extend(coso_app::units::children_today(&state.app, &unit).await?);
    let photo_limit = coso_app::disclosures::file_limit(&state.app);
    Ok(BoardPage { nav: Nav::of(Some(user)), v, unit, targets, errors, photo_limit })
}

pub async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<BoardPage> {
    Ok(board_page(&state, &user, &code, id, FieldErrors::default()).await?)
}

/// Back to the board's page with a notice, or the page again with the form's errors.
async fn after<T>(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    result: Result<T, coso_app::Error>,
    notice: &str,
) -> PageResult<Response> {
    match result.map_err(AppError::from) {
        Ok(_) => Ok(redirect_with_notice(&format!("{}/{id}", admin_base(code)), notice)),
        Err(AppError::Validation(errors)) => Ok(refused(board_page(state, user, code, id, FieldErrors(errors)).await?)),
        Err(e) => Err(PageError(e)),
    }
}

/// The board `id` must be of the unit `code`.
async fn check_unit(state: &AppState, user: &CurrentUser, code: &str, id: i64) -> Result<(), AppError> {
    let access = boards::board_for_work(&state.app, &user.actor(), id).await?;
    if access.unit.code == code { Ok(()) } else { Err(AppError::NotFound) }
}

#[derive(Debug, Default, Deserialize)]
pub struct FindingForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: FindingInput,
}

pub async fn send_finding(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<FindingForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    check_unit(&state, &user, &code, id).await?;
    let result = boards::send(&state.app, &user.actor(), id, &form.input).await;
    after(&state, &user, &code, id, result, "Đã gửi kiến nghị.").await
}

/// `step`: `answer` (with `answer`) by the unit that received the finding, `close` by the board.
#[derive(Debug, Default, Deserialize)]
pub struct StepForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub step: String,
    #[serde(default)]
    pub answer: String,
}

pub async fn finding_step(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id, finding)): Path<(String, i64, i64)>,
    Form(form): Form<StepForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let row = boards::finding(&state.app, &user.actor(), finding).await?;
    if row.row.board_id != id || row.row.board_unit_id != coso_app::units::by_code(&state.app, &code).await?.id {
        return Err(PageError(AppError::NotFound));
    }
    let actor = user.actor();
    match form.step.as_str() {
        "answer" => {
            let result = boards::answer(&state.app, &actor, finding, &AnswerInput { answer: form.answer }).await;
            after(&state, &user, &code, id, result, "Đã ghi trả lời kiến nghị.").await
        }
        "close" => {
            let result = boards::close(&state.app, &actor, finding).await;
            after(&state, &user, &code, id, result, "Đã kết thúc kiến nghị.").await
        }
        _ => Err(PageError(AppError::BadRequest("Thao tác không hợp lệ.".into()))),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub period: String,
}

pub async fn send_report(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<ReportForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    check_unit(&state, &user, &code, id).await?;
    let result = boards::send_report(&state.app, &user.actor(), id, &form.period).await;
    after(&state, &user, &code, id, result, "Đã gửi báo cáo đến Ban Thường trực Ủy ban Mặt trận Tổ quốc.").await
}

#[derive(Debug, Default, Deserialize)]
pub struct PlanForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: PlanInput,
}

pub async fn save_plan(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<PlanForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    check_unit(&state, &user, &code, id).await?;
    let result = boards::save_plan(&state.app, &user.actor(), id, &form.input).await;
    after(&state, &user, &code, id, result, "Đã lưu kế hoạch công tác năm.").await
}

/// The activity form, `multipart/form-data` for its photos (`photos`, repeated): a photo over
/// the upload limit, or one that is no JPEG or PNG, refuses the whole form, naming the file.
pub async fn add_activity(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Multipart(body): Multipart,
) -> PageResult<Response> {
    let limit = coso_app::disclosures::file_limit(&state.app);
    let form = crate::disclosures::multipart::read(body, limit).await?;
    user.check_csrf(form.field("csrf"))?;
    check_unit(&state, &user, &code, id).await?;
    let input = ActivityInput {
        kind: form.field("kind").to_string(),
        subject: form.field("subject").to_string(),
        held_on: form.field("held_on").to_string(),
        notes: form.field("notes").to_string(),
    };
    let too_large: Vec<FieldError> = form
        .too_large
        .iter()
        .map(|(_, name)| {
            let shown: String = coso_text::clean(name).chars().take(80).collect();
            FieldError::new(
                photos::FIELD,
                format!("Ảnh «{shown}» quá lớn: mỗi ảnh tối đa {:.1} MB.", limit as f64 / 1_048_576.0),
            )
        })
        .collect();
    let result = if too_large.is_empty() {
        let photos: Vec<(String, Vec<u8>)> = form.photos.into_iter().map(|u| (u.file_name, u.bytes)).collect();
        boards::add_activity(&state.app, &user.actor(), id, &input, &photos).await
    } else {
        Err(coso_app::Error::Validation(too_large))
    };
    after(&state, &user, &code, id, result, "Đã ghi hoạt động giám sát.").await
}

#[derive(Debug, Default, Deserialize)]
pub struct DissolveForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub reason: String,
}

/// Dissolves a working board, an investment board when its project ends (GS-1).
pub async fn dissolve(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<DissolveForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let result = boards::dissolve(&state.app, &user.actor(), &code, id, &form.reason).await;
    after(&state, &user, &code, id, result, "Đã giải thể ban giám sát.").await
}

/// The boards of a commune (or an agency), with their members and closed findings; public.
pub async fn public(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
) -> PageResult<PublicPage> {
    let (unit, boards) = boards::public_boards(&state.app, &code).await?;
    Ok(PublicPage { nav: Nav::of(user.as_ref()), unit, boards })
}
