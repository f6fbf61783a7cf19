//! The officials' pages under `/quan-tri/don-vi/{code}/kiem-tra`: the unit's inspections with
//! the plan form, and one inspection with its checklist, findings and evidence, conclusion,
//! remediation tasks, publication and closing. Every form answers with Post/Redirect/Get.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::inspections;
use coso_domain::inspection::{
    ConclusionInput, DoneInput, FindingInput, InspectionInput, RemediationInput, TeamMemberInput,
};
use serde::Deserialize;

use super::views::{InspectionPage, ListPage, PlanForm, admin_base};
use crate::auth::CurrentUser;
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
    form: PlanForm,
    errors: FieldErrors,
) -> Result<ListPage, AppError> {
    let unit = coso_app::units::by_code(&state.app, code).await?;
    let list = inspections::list_for_unit(&state.app, &user.actor(), &unit).await?;
    let ancestors = state.app.store().ancestors(&unit).await.map_err(coso_app::Error::from)?;
    let mut targets = vec![unit.clone()];
    targets.extend(coso_app::units::children_today(&state.app, &unit).await?);
    Ok(ListPage { nav: Nav::of(Some(user)), unit, ancestors, inspections: list, targets, form, errors })
}

pub async fn list(State(state): State<AppState>, user: CurrentUser, Path(code): Path<String>) -> PageResult<ListPage> {
    let form = PlanForm { kind: "scheduled".into(), ..Default::default() };
    Ok(list_page(&state, &user, &code, form, FieldErrors::default()).await?)
}

/// Reads one team line: `Họ tên; chức danh; e-mail`, the role from its Vietnamese words or code.
fn member_line(line: &str) -> TeamMemberInput {
    let parts: Vec<&str> = line.split(';').map(str::trim).collect();
    let part = |i: usize| parts.get(i).copied().unwrap_or("").to_string();
    let role = match coso_text::fold(&part(1)).trim() {
        "truong doan" => "head".to_string(),
        "pho truong doan" => "deputy".to_string(),
        "thu ky" => "secretary".to_string(),
        "thanh vien" | "" => "member".to_string(),
        _ => part(1),
    };
    TeamMemberInput { name: part(0), role, account: part(2) }
}

fn plan_input(f: &PlanForm) -> InspectionInput {
    InspectionInput {
        kind: f.kind.clone(),
        target: f.target.clone(),
        subject: f.subject.clone(),
        starts_on: f.starts_on.clone(),
        ends_on: f.ends_on.clone(),
        team: f.team.lines().filter(|l| !l.trim().is_empty()).map(member_line).collect(),
        template: String::new(),
    }
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<PlanForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    match inspections::plan(&state.app, &user.actor(), &unit, &plan_input(&form)).await.map_err(AppError::from) {
        Ok(id) => Ok(redirect_with_notice(&format!("{}/{id}", admin_base(&code)), "Đã lập kế hoạch kiểm tra.")),
        Err(AppError::Validation(errors)) => {
            Ok(refused(list_page(&state, &user, &code, form, FieldErrors(errors)).await?))
        }
        Err(e) => Err(PageError(e)),
    }
}

async fn inspection_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    errors: FieldErrors,
) -> Result<InspectionPage, AppError> {
    let v = inspections::view(&state.app, &user.actor(), id).await?;
    if v.row.unit_code != code {
        return Err(AppError::NotFound);
    }
    let unit = coso_app::units::by_code(&state.app, code).await?;
    let mut leads = vec![unit.clone()];
    leads.extend(coso_app::units::children_today(&state.app, &unit).await?);
    Ok(InspectionPage { nav: Nav::of(Some(user)), v, unit, leads, errors })
}

pub async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<InspectionPage> {
    Ok(inspection_page(&state, &user, &code, id, FieldErrors::default()).await?)
}

/// Back to the inspection's page with a notice, or the page again with the form's errors.
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
        Err(AppError::Validation(errors)) => {
            Ok(refused(inspection_page(state, user, code, id, FieldErrors(errors)).await?))
        }
        Err(AppError::Fields(errors)) => {
            let errors = errors.into_iter().map(|e| coso_domain::FieldError::new("file", e.message)).collect();
            Ok(refused(inspection_page(state, user, code, id, FieldErrors(errors)).await?))
        }
        Err(e) => Err(PageError(e)),
    }
}

/// The inspection `id` must be of the unit `code`.
async fn check_unit(state: &AppState, user: &CurrentUser, code: &str, id: i64) -> Result<(), AppError> {
    let work = inspections::for_work(&state.app, &user.actor(), id).await?;
    if work.unit.code == code { Ok(()) } else { Err(AppError::NotFound) }
}

#[derive(Debug, Default, Deserialize)]
pub struct FindingForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: FindingInput,
}

pub async fn record_finding(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<FindingForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    check_unit(&state, &user, &code, id).await?;
    let result = inspections::record_finding(&state.app, &user.actor(), id, &form.input).await;
    after(&state, &user, &code, id, result, "Đã ghi đánh giá tiêu chí.").await
}

/// An evidence file for the finding on `criterion`, or for the remediation task `task`.
pub async fn add_evidence(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Multipart(form): Multipart,
) -> PageResult<Response> {
    let up = crate::upload::read(form, state.settings.max_upload_bytes).await?;
    user.check_csrf(&up.csrf)?;
    check_unit(&state, &user, &code, id).await?;
    let actor = user.actor();
    let result = match up.field("task").parse::<i64>() {
        Ok(task) => inspections::add_task_evidence(&state.app, &actor, id, task, &up.file_name, &up.bytes).await,
        Err(_) => {
            inspections::add_evidence(&state.app, &actor, id, up.field("criterion"), &up.file_name, &up.bytes).await
        }
    };
    after(&state, &user, &code, id, result, "Đã tải lên minh chứng.").await
}

#[derive(Debug, Default, Deserialize)]
pub struct ConclusionForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: ConclusionInput,
}

pub async fn conclude(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<ConclusionForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    check_unit(&state, &user, &code, id).await?;
    let result = inspections::conclude(&state.app, &user.actor(), id, &form.input).await;
    after(&state, &user, &code, id, result, "Đã ghi kết luận kiểm tra.").await
}

#[derive(Debug, Default, Deserialize)]
pub struct TaskForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: RemediationInput,
}

pub async fn add_task(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<TaskForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    check_unit(&state, &user, &code, id).await?;
    let result = inspections::add_task(&state.app, &user.actor(), id, &form.input).await;
    after(&state, &user, &code, id, result, "Đã giao nhiệm vụ khắc phục.").await
}

#[derive(Debug, Default, Deserialize)]
pub struct DoneForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: DoneInput,
}

pub async fn finish_task(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id, task)): Path<(String, i64, i64)>,
    Form(form): Form<DoneForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    check_unit(&state, &user, &code, id).await?;
    let result = inspections::finish_task(&state.app, &user.actor(), id, task, &form.input).await;
    after(&state, &user, &code, id, result, "Đã ghi hoàn thành nhiệm vụ khắc phục.").await
}

/// `step`: `publish` (the result into the disclosure register) or `close`.
#[derive(Debug, Default, Deserialize)]
pub struct StepForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub step: String,
}

pub async fn step(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<StepForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    check_unit(&state, &user, &code, id).await?;
    let actor = user.actor();
    match form.step.as_str() {
        "publish" => {
            let result = inspections::publish(&state.app, &actor, id).await;
            after(&state, &user, &code, id, result, "Đã công khai kết quả kiểm tra trong sổ công khai.").await
        }
        "close" => {
            let result = inspections::close(&state.app, &actor, id).await;
            after(&state, &user, &code, id, result, "Đã kết thúc cuộc kiểm tra.").await
        }
        _ => Err(PageError(AppError::BadRequest("Thao tác không hợp lệ.".into()))),
    }
}
