//! The officials' side under `/quan-tri/don-vi/{code}/lay-y-kien`: the unit's consultations and
//! the upload of a draft, a consultation's page (review of the sections, open, moderate, close,
//! answer, the report), and a village's counts form (`{code}` is then the village).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::consultations;
use coso_domain::FieldError;
use coso_domain::authz::Action;
use coso_domain::consultation::{AnswerInput, ConsultationInput, DraftSection, HideInput, PaperInput};
use coso_domain::unit::UnitKind;
use serde::Deserialize;

use super::views::{AdminListPage, AdminPage, PaperPage, admin_base};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Multipart, Path};
use crate::forms::{CsrfOnly, FieldErrors};
use crate::page_context::redirect_with_notice;
use crate::plans::api::{DOCX, download, pdf};
use crate::state::AppState;
use crate::upload;
use crate::views::{Nav, vn_date};

/// A page answered 422 because the form it shows has errors.
fn refused(page: impl IntoResponse) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

async fn list_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: ConsultationInput,
    errors: FieldErrors,
) -> Result<AdminListPage, AppError> {
    let actor = user.actor();
    let unit = coso_app::units::by_code(&state.app, code).await?;
    let manages = actor.may(&unit.unit_path(), Action::ManageConsultations);
    let collects = actor.may(&unit.unit_path(), Action::CollectOpinions)
        && matches!(unit.kind, UnitKind::Village | UnitKind::ResidentialGroup);
    if !manages && !collects {
        return Err(AppError::Forbidden);
    }
    let rows = if manages { consultations::list_for_unit(&state.app, Some(&actor), code).await?.1 } else { vec![] };
    let asking = if collects { consultations::asking_village(&state.app, &unit).await? } else { vec![] };
    let villages = if manages {
        coso_app::units::children_today(&state.app, &unit)
            .await?
            .into_iter()
            .filter(|u| matches!(u.kind, UnitKind::Village | UnitKind::ResidentialGroup))
            .collect()
    } else {
        vec![]
    };
    let ancestors = state.app.store().ancestors(&unit).await.map_err(coso_app::Error::from)?;
    Ok(AdminListPage { nav: Nav::of(Some(user)), unit, ancestors, manages, rows, asking, villages, form, errors })
}

pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<AdminListPage> {
    let today = state.app.today();
    let form = ConsultationInput {
        kind: "plan".into(),
        audience: "unit".into(),
        opens_on: vn_date(today),
        closes_on: vn_date(today + chrono::Days::new(29)),
        ..Default::default()
    };
    Ok(list_page(&state, &user, &code, form, FieldErrors::default()).await?)
}

fn file_error(message: impl Into<String>) -> AppError {
    AppError::Validation(vec![FieldError::new("file", message)])
}

/// Reads the upload's draft: a .docx, .md or .txt file, on the document readers' pool.
async fn read_draft(state: &AppState, name: &str, bytes: Vec<u8>) -> Result<coso_documents::Document, AppError> {
    if bytes.is_empty() {
        return Err(file_error("Chọn tệp dự thảo (.docx, .md hoặc .txt)."));
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_lowercase()).unwrap_or_default();
    if !["docx", "md", "txt"].contains(&ext.as_str()) {
        return Err(file_error("Tệp dự thảo phải là .docx, .md hoặc .txt."));
    }
    match crate::plans::documents::read(state, name, bytes.into(), None).await {
        Err(AppError::BadRequest(m)) => Err(file_error(m)),
        other => other,
    }
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Multipart(form): Multipart,
) -> PageResult<Response> {
    let up = upload::read(form, state.settings.max_upload_bytes).await?;
    user.check_csrf(&up.csrf)?;
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    let actor = user.actor();
    actor.authorize(&unit.unit_path(), Action::ManageConsultations)?;
    let input = ConsultationInput {
        title: up.field("title").to_string(),
        kind: up.field("kind").to_string(),
        audience: up.field("audience").to_string(),
        villages: up.fields.iter().filter(|(k, _)| k == "villages").map(|(_, v)| v.clone()).collect(),
        opens_on: up.field("opens_on").to_string(),
        closes_on: up.field("closes_on").to_string(),
    };
    let result = match read_draft(&state, &up.file_name, up.bytes).await {
        Ok(doc) => consultations::create_draft(&state.app, &actor, &unit, &input, &doc, &up.file_name)
            .await
            .map_err(AppError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(redirect_with_notice(
            &format!("{}/{id}", admin_base(&unit.code)),
            "Đã đọc dự thảo. Kiểm tra các mục rồi đưa ra lấy ý kiến.",
        )),
        Err(AppError::Validation(errors)) => {
            Ok(refused(list_page(&state, &user, &code, input, FieldErrors(errors)).await?))
        }
        Err(e) => Err(PageError(e)),
    }
}

async fn admin_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    errors: FieldErrors,
) -> Result<AdminPage, AppError> {
    let v = consultations::manage_view(&state.app, &user.actor(), code, id).await?;
    Ok(AdminPage { nav: Nav::of(Some(user)), v, errors })
}

pub async fn manage(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<AdminPage> {
    Ok(admin_page(&state, &user, &code, id, FieldErrors::default()).await?)
}

/// The result of a form of the consultation's page: back to it with a notice, or the page
/// again with the errors.
async fn after(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    result: Result<(), coso_app::Error>,
    notice: &str,
) -> PageResult<Response> {
    match result.map_err(AppError::from) {
        Ok(()) => Ok(redirect_with_notice(&format!("{}/{id}", admin_base(code)), notice)),
        Err(AppError::Validation(errors)) => Ok(refused(admin_page(state, user, code, id, FieldErrors(errors)).await?)),
        Err(e) => Err(PageError(e)),
    }
}

fn value<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

pub async fn review(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult<Response> {
    user.check_csrf(value(&pairs, "csrf"))?;
    let limit = coso_domain::consultation::draft::SECTIONS_MAX + 1;
    let sections: Vec<DraftSection> = (1..=limit)
        .take_while(|i| pairs.iter().any(|(k, _)| *k == format!("h{i}")))
        .map(|i| DraftSection {
            heading: value(&pairs, &format!("h{i}")).to_string(),
            body: value(&pairs, &format!("b{i}")).to_string(),
        })
        .collect();
    let result = consultations::review_sections(&state.app, &user.actor(), &code, id, &sections).await;
    after(&state, &user, &code, id, result, "Đã lưu các mục của dự thảo.").await
}

pub async fn open(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<CsrfOnly>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let result = consultations::open(&state.app, &user.actor(), &code, id).await;
    after(&state, &user, &code, id, result, "Đã đưa dự thảo ra lấy ý kiến.").await
}

pub async fn close(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<CsrfOnly>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let result = consultations::close(&state.app, &user.actor(), &code, id).await.map(|_| ());
    after(
        &state,
        &user,
        &code,
        id,
        result,
        "Đã kết thúc lấy ý kiến; kết quả được đưa vào sổ công khai. Trả lời từng ý kiến ở dưới.",
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
pub struct HideForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub comment: String,
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
    let comment: i64 = form.comment.trim().parse().map_err(|_| AppError::NotFound)?;
    let input = HideInput { reason: form.reason };
    let result = consultations::hide_comment(&state.app, &user.actor(), &code, id, comment, &input).await;
    after(&state, &user, &code, id, result, "Đã ẩn ý kiến; lý do được hiển thị thay cho nội dung.").await
}

pub async fn answer(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult<Response> {
    user.check_csrf(value(&pairs, "csrf"))?;
    let input = AnswerInput {
        comments: pairs.iter().filter(|(k, _)| k == "comment").filter_map(|(_, v)| v.trim().parse().ok()).collect(),
        kind: value(&pairs, "kind").to_string(),
        reason: value(&pairs, "reason").to_string(),
    };
    let result = consultations::answer(&state.app, &user.actor(), &code, id, &input).await;
    let notice = match &result {
        Ok(true) => "Đã trả lời mọi ý kiến: báo cáo tiếp thu, giải trình đã đầy đủ.",
        _ => "Đã ghi câu trả lời.",
    };
    after(&state, &user, &code, id, result.map(|_| ()), notice).await
}

async fn paper_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    form: PaperInput,
    errors: FieldErrors,
) -> Result<PaperPage, AppError> {
    let (village, consultation, sections) = consultations::paper_context(&state.app, &user.actor(), code, id).await?;
    Ok(PaperPage { nav: Nav::of(Some(user)), village, consultation, sections, form, errors })
}

pub async fn paper_form(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<PaperPage> {
    let form = PaperInput { method: "meeting".into(), collected_on: vn_date(state.app.today()), ..Default::default() };
    Ok(paper_page(&state, &user, &code, id, form, FieldErrors::default()).await?)
}

#[derive(Debug, Default, Deserialize)]
pub struct PaperForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: PaperInput,
}

pub async fn paper(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<PaperForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    match consultations::record_paper(&state.app, &user.actor(), &code, id, &form.input).await.map_err(AppError::from) {
        Ok(_) => Ok(redirect_with_notice(&admin_base(&code), "Đã ghi kết quả lấy ý kiến của thôn, tổ dân phố.")),
        Err(AppError::Validation(errors)) => {
            Ok(refused(paper_page(&state, &user, &code, id, form.input, FieldErrors(errors)).await?))
        }
        Err(e) => Err(PageError(e)),
    }
}

/// `bao-cao.docx` and `bao-cao.pdf`: the report on how opinions were taken into account.
pub async fn report_file(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id, file)): Path<(String, i64, String)>,
) -> PageResult<Response> {
    let ext = match file.as_str() {
        "bao-cao.docx" => "docx",
        "bao-cao.pdf" => "pdf",
        _ => return Err(PageError(AppError::NotFound)),
    };
    let doc = consultations::report_document(&state.app, &user.actor(), &code, id).await?;
    let name = format!("bao-cao-tiep-thu-giai-trinh-{id}.{ext}");
    Ok(if ext == "docx" {
        download(coso_app::plans::summary::docx(&doc)?, DOCX, &name)
    } else {
        download(pdf(doc).await?, "application/pdf", &name)
    })
}
