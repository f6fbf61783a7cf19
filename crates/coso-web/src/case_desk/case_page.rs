//! A case's page: summary, deadlines with their explanation, timeline, files, documents, the
//! sender block, and one form per step the case's state allows (Post/Redirect/Get).

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use coso_app::cases::{self, CasePage, DueState};
use coso_calendar::HolidayCalendar;
use coso_domain::case::CaseActionKind;
use serde::Deserialize;

use super::documents::links as document_links;
use super::picker::unit_hits;
use super::steps::{self, forms, on_fields};
use super::views::{CasePageView, DeadlineRow, FileRow, SenderBlock, TimelineRow};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path, Query};
use crate::forms::CsrfOnly;
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::views::{ErrorLink, Nav, vn_date};

#[derive(Debug, Default, Deserialize)]
pub struct CaseQuery {
    /// What the forward picker searched.
    #[serde(rename = "tim-don-vi", default)]
    pub unit_query: String,
}

#[derive(Debug, Deserialize)]
pub struct FileQuery {
    /// The file's id.
    pub ma: i64,
}

pub fn case_path(id: i64) -> String {
    format!("{}/{id}", super::PATH)
}

fn size_words(size: i64) -> String {
    if size >= 1_048_576 {
        format!("{:.1} MB", size as f64 / 1_048_576.0)
    } else {
        format!("{} KB", (size + 1023) / 1024)
    }
}

/// The words of a timeline step's details: a refusal's ground, where a case went, the days
/// of an extension, who was given it.
fn detail_words(page: &CasePage, action: CaseActionKind, detail: &serde_json::Value) -> String {
    match action {
        CaseActionKind::Refuse => detail["ground_label"].as_str().unwrap_or_default().to_string(),
        CaseActionKind::Forward | CaseActionKind::Reopen => {
            detail["to"]["name"].as_str().map(|n| format!("Đến {n}")).unwrap_or_default()
        }
        CaseActionKind::Extend => detail["days"]
            .as_i64()
            .map(|d| format!("Gia hạn {d} ngày (lần {})", detail["extension"].as_i64().unwrap_or(1)))
            .unwrap_or_default(),
        CaseActionKind::Assign => detail["handler_user_id"]
            .as_i64()
            .and_then(|id| page.handlers.iter().find(|h| h.id == id))
            .map(|h| format!("Giao cho {}", h.display_name))
            .unwrap_or_default(),
        CaseActionKind::Receive => detail["channel"]
            .as_str()
            .and_then(|c| c.parse::<coso_domain::case::Channel>().ok())
            .map(|c| c.label().to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn summary(page: &CasePage) -> Vec<(&'static str, String)> {
    let c = &page.view.case;
    let mut flags = Vec::new();
    if c.crowded {
        flags.push("Đông người");
    }
    if c.over_level {
        flags.push("Vượt cấp");
    }
    if c.remote {
        flags.push("Vùng sâu, vùng xa");
    }
    let mut rows = vec![
        ("Mã theo dõi", c.code.clone()),
        ("Loại đơn", c.kind.label().to_string()),
        ("Trạng thái", c.status.label().to_string()),
        ("Đơn vị giải quyết", c.unit_name.clone()),
        ("Lĩnh vực", page.category_name.clone()),
        ("Kênh tiếp nhận", c.channel.label().to_string()),
        ("Ngày tiếp nhận", vn_date(c.received_on)),
        ("Mức độ", c.complexity.label().to_string()),
        ("Đặc điểm", if flags.is_empty() { "Không".into() } else { flags.join(", ") }),
        ("Người xử lý", c.handler_email.clone().unwrap_or_else(|| "Chưa giao".into())),
    ];
    if c.instance >= 2 {
        rows.push(("Lần giải quyết", "Khiếu nại lần hai".into()));
    }
    if let Some(d) = c.decision_received_on {
        rows.push(("Ngày nhận quyết định bị khiếu nại", vn_date(d)));
    }
    if let Some(d) = c.accepted_on {
        rows.push(("Ngày thụ lý", vn_date(d)));
    }
    if let Some(d) = c.answered_on {
        rows.push(("Ngày trả lời, giải quyết", vn_date(d)));
    }
    rows
}

fn deadline_rows(page: &CasePage, calendar: &HolidayCalendar, today: chrono::NaiveDate) -> Vec<DeadlineRow> {
    page.view
        .deadlines
        .iter()
        .map(|d| {
            let (state, tag) = match d.met_on {
                Some(met) => (format!("Đã thực hiện ngày {}", vn_date(met)), "ok"),
                None if !page.view.case.status.is_open() => ("Không còn áp dụng".to_string(), ""),
                None => match cases::due_state(calendar, Some(d.due), today) {
                    DueState::Late(n) => (format!("Quá hạn {n} ngày"), "late"),
                    DueState::Left(0) => ("Đến hạn hôm nay".to_string(), "wait"),
                    DueState::Left(n) => (format!("Còn {n} ngày làm việc"), "wait"),
                    DueState::None => (String::new(), ""),
                },
            };
            DeadlineRow {
                title: d.title.clone(),
                due: vn_date(d.due),
                state,
                tag,
                explanation: d.explanation.clone(),
                citation: d.citation.clone(),
            }
        })
        .collect()
}

fn sender_block(page: &CasePage) -> SenderBlock {
    if let Some(on) = page.view.case.personal_data_removed_on {
        return SenderBlock::Removed(crate::views::vn_date(on));
    }
    match &page.view.sender {
        Some(s) => {
            let lines = [
                ("Họ và tên", &s.name),
                ("Địa chỉ", &s.address),
                ("Số điện thoại", &s.phone),
                ("Thư điện tử", &s.email),
                ("Số định danh cá nhân, CCCD", &s.id_number),
            ]
            .into_iter()
            .filter_map(|(k, v)| v.clone().map(|v| (k, v)))
            .collect();
            SenderBlock::Shown(lines)
        }
        None if page.identity_secret => SenderBlock::Secret { may_reveal: page.may_reveal },
        None => SenderBlock::Anonymous,
    }
}

/// The page of a case, with a refused step's values and errors when there are.
async fn render(
    state: &AppState,
    user: &CurrentUser,
    page: CasePage,
    typed: &[(String, String)],
    errors: Vec<ErrorLink>,
    unit_query: &str,
) -> Result<CasePageView, AppError> {
    let calendar = crate::calendar::current(state).await?;
    let today = state.app.today();
    let id = page.view.case.id;
    let chosen = typed.iter().find(|(k, _)| k == "forward-to_unit").map_or("", |(_, v)| v.as_str());
    let hits = if page.steps.contains(&CaseActionKind::Forward) {
        unit_hits(state, unit_query, chosen).await?
    } else {
        vec![]
    };
    let timeline = page
        .view
        .timeline
        .iter()
        .map(|t| TimelineRow {
            on: vn_date(t.on),
            label: t.label,
            actor: t.actor.clone(),
            note: t.note.clone().unwrap_or_default(),
            detail: detail_words(&page, t.action, &t.detail),
        })
        .collect();
    let files = page
        .view
        .files
        .iter()
        .map(|f| FileRow {
            href: format!("{}/tep?ma={}", case_path(id), f.id),
            name: f.file_name.clone(),
            size: size_words(f.size),
        })
        .collect();
    let steps = forms(&page.steps, &page.handlers, typed, &errors, today);
    Ok(CasePageView {
        nav: Nav::of(Some(user)),
        id,
        code: page.view.case.code.clone(),
        kind: page.view.case.kind.label(),
        summary: summary(&page),
        content: page.view.case.content.clone(),
        public_answer: page.view.case.public_answer.clone().unwrap_or_default(),
        sender: sender_block(&page),
        deadlines: deadline_rows(&page, &calendar, today),
        timeline,
        files,
        documents: document_links(&page.view),
        steps,
        errors,
        unit_query: unit_query.to_string(),
        hits,
    })
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<CaseQuery>,
) -> PageResult<CasePageView> {
    let calendar = crate::calendar::current(&state).await?;
    let page = cases::case_page(&state.app, &user.actor(), &calendar, id).await?;
    Ok(render(&state, &user, page, &[], vec![], &q.unit_query).await?)
}

/// One step of handling, posted from its form.
pub async fn act(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(typed): Form<Vec<(String, String)>>,
) -> PageResult<Response> {
    let csrf = typed.iter().find(|(k, _)| k == "csrf").map_or("", |(_, v)| v.as_str());
    user.check_csrf(csrf)?;
    let calendar = crate::calendar::current(&state).await?;
    let actor = user.actor();
    let Some((step, command)) = steps::command(&typed) else {
        // Who may handle the case is answered before what is wrong with the form.
        cases::case_page(&state.app, &actor, &calendar, id).await?;
        return Err(PageError(AppError::BadRequest("Thao tác xử lý đơn không hợp lệ.".into())));
    };
    let errors = match cases::act(&state.app, &actor, &calendar, id, command).await.map_err(AppError::from) {
        Ok(view) if view.case.id != id => {
            let notice = format!("Đã tiếp nhận đơn khiếu nại lần hai, mã theo dõi {}.", view.case.code);
            return Ok(redirect_with_notice(&case_path(view.case.id), &notice));
        }
        Ok(view) => {
            let notice = format!("Đã ghi nhận «{}». Trạng thái: {}.", step.label(), view.case.status.label());
            return Ok(redirect_with_notice(&case_path(id), &notice));
        }
        Err(AppError::Validation(errors)) => on_fields(step, errors),
        Err(AppError::Conflict { field, message }) => {
            on_fields(step, vec![coso_domain::FieldError::new(field, message)])
        }
        Err(e) => return Err(PageError(e)),
    };
    let page = cases::case_page(&state.app, &actor, &calendar, id).await?;
    let view = render(&state, &user, page, &typed, errors, "").await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, view).into_response())
}

/// The page with the denouncer's identity, for a cleared user; every use is audited.
pub async fn reveal(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(form): Form<CsrfOnly>,
) -> PageResult<CasePageView> {
    user.check_csrf(&form.csrf)?;
    let calendar = crate::calendar::current(&state).await?;
    let page = cases::reveal_sender(&state.app, &user.actor(), &calendar, id).await?;
    Ok(render(&state, &user, page, &[], vec![], "").await?)
}

/// A file of the case, downloaded.
pub async fn file(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<FileQuery>,
) -> PageResult<Response> {
    let file = cases::case_file(&state.app, &user.actor(), id, q.ma).await?;
    let ascii: String = coso_text::fold(&file.meta.file_name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '-' })
        .collect();
    Ok((
        [
            (header::CONTENT_TYPE, file.meta.content_type.clone()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{ascii}\"")),
        ],
        file.data,
    )
        .into_response())
}
