//! A unit's inbox of cases for the JSON API: the officials' worklist (its one query and its
//! filters), each case with the time left in working days or the lateness in calendar days.

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_domain::authz::Action;
use coso_domain::case::{CaseKind, CaseStatus};
use coso_domain::plan::days_late;
use coso_store::UnitRow;
use serde::Serialize;

use super::worklist::{InboxQuery, found};
use crate::reports::inbox::DayCounter;
use crate::{Actor, App, Result};

/// Cases on a page of the inbox.
pub const INBOX_PAGE_SIZE: i64 = 50;

/// What the inbox is narrowed to, as typed (`status=accepted&kind=complaint&page=2`).
#[derive(Debug, Clone, Default)]
pub struct InboxFilter {
    /// A status or `all`; default: the open ones (received, forwarded, accepted).
    pub status: Option<String>,
    pub kind: Option<String>,
    /// From 1.
    pub page: Option<i64>,
}

/// One case in the inbox.
#[derive(Debug, Clone, Serialize)]
pub struct InboxRow {
    pub id: i64,
    pub code: String,
    pub kind: CaseKind,
    pub kind_label: &'static str,
    pub status: CaseStatus,
    pub status_label: &'static str,
    pub unit_code: String,
    pub unit_name: String,
    pub category: String,
    pub received_on: NaiveDate,
    /// The due date of the step the case waits for.
    pub due_on: Option<NaiveDate>,
    pub handler: Option<String>,
    /// Working days from today to the due date.
    pub working_days_left: Option<i64>,
    /// Calendar days past the due date (`coso_domain::plan::days_late`).
    pub days_late: Option<i64>,
    pub overdue: bool,
    /// "Còn 5 ngày làm việc", "Quá hạn 3 ngày", "Hạn là hôm nay", "Không có hạn".
    pub days_text: String,
    /// How the days were counted.
    pub explanation: String,
}

/// One page of the inbox and the number of all its cases.
#[derive(Debug, Clone, Serialize)]
pub struct InboxPage {
    pub items: Vec<InboxRow>,
    pub total: i64,
    pub page: i64,
    pub page_size: i64,
}

/// The inbox of `unit` for those who handle its cases.
pub async fn inbox(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    unit: &UnitRow,
    filter: &InboxFilter,
) -> Result<InboxPage> {
    actor.authorize(&unit.unit_path(), Action::HandleCases)?;
    let page = filter.page.unwrap_or(1).max(1);
    let query = InboxQuery {
        kind: filter.kind.clone().unwrap_or_default(),
        status: filter.status.clone().unwrap_or_default(),
        page,
        ..InboxQuery::default()
    };
    let rows = found(app, actor, unit, &query, INBOX_PAGE_SIZE, (page - 1).saturating_mul(INBOX_PAGE_SIZE)).await?;
    let today = app.today();
    let counter = DayCounter::new(calendar, today, rows.items.iter().filter_map(|c| c.due_on));
    let items = rows
        .items
        .into_iter()
        .map(|c| {
            let open = c.status.is_open();
            let (working_days_left, days_text, explanation) = match c.due_on {
                Some(due) if open => counter.days_left(due),
                Some(due) => (None, format!("Hạn {}", coso_calendar::format_vn(due)), String::new()),
                None => (None, "Không có hạn".to_string(), String::new()),
            };
            let days_late = c.due_on.filter(|_| open).and_then(|due| days_late(due, today));
            InboxRow {
                id: c.id,
                kind_label: c.kind.label(),
                status_label: c.status.label(),
                code: c.code,
                kind: c.kind,
                status: c.status,
                unit_code: c.unit_code,
                unit_name: c.unit_name,
                category: c.category,
                received_on: c.received_on,
                due_on: c.due_on,
                handler: c.handler_email,
                working_days_left,
                overdue: days_late.is_some(),
                days_late,
                days_text,
                explanation,
            }
        })
        .collect();
    Ok(InboxPage { items, total: rows.total, page, page_size: INBOX_PAGE_SIZE })
}
