//! `/quan-tri/vu-viec`: the subtree's cases by the nearest deadline, overdue first, with
//! filters, pages, a unit picker and the filtered list as CSV or XLSX.

use axum::extract::State;
use axum::response::Response;
use coso_app::cases::{self, DueState, InboxLine, InboxQuery};
use coso_domain::case::{CaseKind, CaseStatus};
use serde::Deserialize;

use super::picker::unit_hits;
use super::views::{Choice, InboxPage, InboxRow};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageResult};
use crate::extract::{Path, Query};
use crate::forms::FieldErrors;
use crate::plans::api::{XLSX, download};
use crate::state::AppState;
use crate::views::{Nav, vn_date};

/// The inbox's filters as the page's query sends them.
#[derive(Debug, Default, Deserialize)]
pub struct InboxParams {
    #[serde(rename = "don-vi", default)]
    pub unit: String,
    #[serde(rename = "loai", default)]
    pub kind: String,
    #[serde(rename = "trang-thai", default)]
    pub status: String,
    #[serde(rename = "linh-vuc", default)]
    pub category: String,
    #[serde(rename = "nguoi-xu-ly", default)]
    pub handler: String,
    #[serde(default)]
    pub q: String,
    #[serde(rename = "trang", default)]
    pub page: Option<i64>,
    /// What the unit picker searched.
    #[serde(rename = "tim-don-vi", default)]
    pub unit_query: String,
}

impl InboxParams {
    fn query(&self) -> InboxQuery {
        InboxQuery {
            kind: self.kind.clone(),
            status: self.status.clone(),
            category: self.category.clone(),
            handler: self.handler.clone(),
            q: self.q.clone(),
            page: self.page.unwrap_or(1),
        }
    }

    /// The filters as a query string, for the pages and the downloads.
    fn filter_query(&self, unit: &str) -> String {
        let pairs = [
            ("don-vi", unit),
            ("loai", self.kind.as_str()),
            ("trang-thai", self.status.as_str()),
            ("linh-vuc", self.category.as_str()),
            ("nguoi-xu-ly", self.handler.as_str()),
            ("q", self.q.as_str()),
        ];
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs.iter().filter(|(_, v)| !v.trim().is_empty()))
            .finish()
    }
}

fn row(line: InboxLine, can_handle: bool) -> InboxRow {
    let flags = line.flags();
    let c = line.case;
    let (due, due_tag) = match (line.due, c.due_on) {
        (DueState::Late(n), _) => (format!("Quá hạn {n} ngày"), "late"),
        (DueState::Left(0), Some(d)) => (format!("{} · đến hạn hôm nay", vn_date(d)), "wait"),
        (DueState::Left(n), Some(d)) => (format!("{} · còn {n} ngày làm việc", vn_date(d)), "wait"),
        _ => (String::new(), ""),
    };
    let status_tag = match c.status {
        _ if due_tag == "late" => "late",
        CaseStatus::Answered | CaseStatus::Closed => "ok",
        s if s.is_open() => "wait",
        _ => "",
    };
    InboxRow {
        href: if can_handle { super::case_page::case_path(c.id) } else { String::new() },
        code: c.code,
        kind: c.kind.label(),
        category: line.category_name,
        unit: c.unit_name,
        received: vn_date(c.received_on),
        status: c.status.label(),
        status_tag,
        due,
        due_tag,
        flags,
        handler: c.handler_email.unwrap_or_default(),
    }
}

pub async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(p): Query<InboxParams>,
) -> PageResult<InboxPage> {
    let actor = user.actor();
    let calendar = crate::calendar::current(&state).await?;
    let unit = cases::inbox_unit(&state.app, &actor, Some(&p.unit)).await?;
    let (inbox, errors) = match cases::worklist(&state.app, &actor, &calendar, unit.clone(), &p.query()).await {
        Ok(inbox) => (inbox, FieldErrors::default()),
        Err(coso_app::Error::Validation(errors)) => {
            let plain = InboxQuery { page: 1, ..InboxQuery::default() };
            (cases::worklist(&state.app, &actor, &calendar, unit, &plain).await?, FieldErrors(errors))
        }
        Err(e) => return Err(AppError::from(e).into()),
    };
    let kinds = std::iter::once(Choice::new("", "Tất cả", &p.kind))
        .chain(CaseKind::ALL.into_iter().map(|k| Choice::new(k.as_str(), k.label(), &p.kind)))
        .collect();
    let statuses = [Choice::new("", "Đang giải quyết", &p.status), Choice::new("all", "Tất cả", &p.status)]
        .into_iter()
        .chain(CaseStatus::ALL.into_iter().map(|s| Choice::new(s.as_str(), s.label(), &p.status)))
        .collect();
    let categories = std::iter::once(Choice::new("", "Tất cả", &p.category))
        .chain(inbox.categories.iter().map(|c| Choice::new(c.code.clone(), c.name.clone(), &p.category)))
        .collect();
    let handlers = [
        Choice::new("", "Mọi người", &p.handler),
        Choice::new("mine", "Đơn giao cho tôi", &p.handler),
        Choice::new("none", "Chưa giao", &p.handler),
    ]
    .into_iter()
    .collect();
    let hits = unit_hits(&state, &p.unit_query, &inbox.unit.code).await?;
    let can_handle = inbox.can_handle;
    Ok(InboxPage {
        nav: Nav::of(Some(&user)),
        filter_query: p.filter_query(&inbox.unit.code),
        rows: inbox.lines.into_iter().map(|l| row(l, can_handle)).collect(),
        total: inbox.total,
        page: inbox.page,
        pages: inbox.pages,
        unit: inbox.unit,
        kinds,
        statuses,
        categories,
        handlers,
        q: p.q,
        unit_query: p.unit_query,
        hits,
        can_handle,
        errors,
    })
}

async fn table(state: &AppState, user: &CurrentUser, p: &InboxParams) -> Result<coso_export::Table, AppError> {
    let actor = user.actor();
    let calendar = crate::calendar::current(state).await?;
    let unit = cases::inbox_unit(&state.app, &actor, Some(&p.unit)).await?;
    Ok(cases::inbox_table(&state.app, &actor, &calendar, unit, &p.query()).await?)
}

fn export_error(e: coso_export::ExportError) -> AppError {
    AppError::from(coso_app::Error::Internal(format!("Không tạo được tệp: {e}")))
}

/// `/quan-tri/vu-viec/tai-ve/danh-sach.csv` or `.xlsx`: the filtered list (no sender's identity).
pub async fn download_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(file): Path<String>,
    Query(p): Query<InboxParams>,
) -> PageResult<Response> {
    let content_type = match file.as_str() {
        "danh-sach.csv" => "text/csv; charset=utf-8",
        "danh-sach.xlsx" => XLSX,
        _ => return Err(AppError::NotFound.into()),
    };
    let t = table(&state, &user, &p).await?;
    let bytes = if content_type == XLSX { coso_export::to_xlsx(&t) } else { coso_export::to_csv(&t) };
    Ok(download(bytes.map_err(export_error)?, content_type, &format!("don-thu-{file}")))
}
