//! The officials' inbox of cases: a unit's subtree's cases by the nearest deadline, overdue
//! first, filtered, a page at a time; and its download without any sender's identity.

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_domain::authz::Action;
use coso_domain::case::{CaseKind, CaseStatus};
use coso_export::{Cell, Column, ColumnKind, Table};
use coso_store::{CaseCategoryRow, CaseListFilter, CaseRow, HandlerFilter, StatusFilter, UnitRow};

use crate::{Actor, App, Error, Result};

/// Cases on one page of the inbox.
pub const WORKLIST_PAGE_SIZE: i64 = 20;
/// The most cases one download holds.
pub const INBOX_EXPORT_MAX: i64 = 10_000;

/// The filters of the inbox, as typed (empty: no filter).
#[derive(Debug, Clone, Default)]
pub struct InboxQuery {
    /// `petition`, `complaint`, `denunciation`, `information`.
    pub kind: String,
    /// A status code, `all`, or empty for the open cases.
    pub status: String,
    pub category: String,
    /// `mine`, `none`, an account id, or empty for anyone.
    pub handler: String,
    pub q: String,
    /// From 1.
    pub page: i64,
}

/// Where a case stands against its next deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueState {
    /// Working days left until the due date (0: due today).
    Left(i64),
    /// Calendar days past the due date.
    Late(i64),
    /// Nothing is due (closed, answered, refused…).
    None,
}

/// One line of the inbox.
#[derive(Debug, Clone)]
pub struct InboxLine {
    pub case: CaseRow,
    pub category_name: String,
    pub due: DueState,
}

impl InboxLine {
    /// Complex, crowded, over-level, remote: the flags the list shows.
    pub fn flags(&self) -> Vec<&'static str> {
        let c = &self.case;
        let mut flags = Vec::new();
        if c.complexity != coso_domain::case::Complexity::Normal {
            flags.push(c.complexity.label());
        }
        if c.crowded {
            flags.push("Đông người");
        }
        if c.over_level {
            flags.push("Vượt cấp");
        }
        if c.remote {
            flags.push("Vùng sâu, vùng xa");
        }
        flags
    }
}

/// A page of the inbox with what its filters offer.
#[derive(Debug, Clone)]
pub struct Inbox {
    pub unit: UnitRow,
    pub lines: Vec<InboxLine>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    /// The unit's categories (defaults and its own).
    pub categories: Vec<CaseCategoryRow>,
    /// Whether the actor handles the cases (opens them) or only registers them (a village head).
    pub can_handle: bool,
}

/// The first unit the actor may see cases of: the unit asked for, or the first granted one.
pub async fn inbox_unit(app: &App, actor: &Actor, code: Option<&str>) -> Result<UnitRow> {
    let unit = match code.map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => app.store().unit_by_code(code).await?,
        None => {
            let granted = actor
                .first_unit_allowing(Action::HandleCases)
                .or_else(|| actor.first_unit_allowing(Action::ReceiveCases))
                .and_then(|p| p.ids().last())
                .ok_or(Error::Forbidden)?;
            app.store().unit_by_id(granted).await?
        }
    };
    let unit = unit.ok_or(Error::NotFound)?;
    let path = unit.unit_path();
    if !actor.may(&path, Action::HandleCases) && !actor.may(&path, Action::ReceiveCases) {
        return Err(Error::Forbidden);
    }
    Ok(unit)
}

fn filter(unit: &UnitRow, actor: &Actor, q: &InboxQuery) -> Result<CaseListFilter> {
    let invalid =
        |field: &'static str, message: String| Error::Validation(vec![coso_domain::FieldError::new(field, message)]);
    let kind = match q.kind.trim() {
        "" => None,
        k => Some(k.parse::<CaseKind>().map_err(|e| invalid("loai", format!("Loại đơn: {e}")))?),
    };
    let status = match q.status.trim() {
        "" => StatusFilter::Open,
        "all" => StatusFilter::All,
        s => {
            StatusFilter::Only(s.parse::<CaseStatus>().map_err(|e| invalid("trang-thai", format!("Trạng thái: {e}")))?)
        }
    };
    let handler = match q.handler.trim() {
        "" => HandlerFilter::Anyone,
        "none" => HandlerFilter::Nobody,
        "mine" => HandlerFilter::User(actor.user_id().map_or(0, |u| u.0)),
        h => HandlerFilter::User(
            h.parse::<i64>().map_err(|_| invalid("nguoi-xu-ly", format!("«{h}» không phải là người xử lý.")))?,
        ),
    };
    Ok(CaseListFilter {
        unit_path: unit.path.clone(),
        status,
        kind,
        category: Some(q.category.trim().to_string()).filter(|c| !c.is_empty()),
        handler,
        q: Some(coso_text::clean(&q.q)).filter(|s| !s.is_empty()),
    })
}

/// Working days left, or calendar days late, of a case due on `due` seen on `today`.
pub fn due_state(calendar: &HolidayCalendar, due: Option<NaiveDate>, today: NaiveDate) -> DueState {
    match due {
        None => DueState::None,
        Some(d) if d < today => DueState::Late((today - d).num_days()),
        Some(d) => DueState::Left(calendar.working_days_between(today, d).unwrap_or((d - today).num_days())),
    }
}

async fn lines(
    app: &App,
    calendar: &HolidayCalendar,
    categories: &[CaseCategoryRow],
    rows: Vec<CaseRow>,
) -> Vec<InboxLine> {
    let today = app.today();
    rows.into_iter()
        .map(|case| {
            let category_name =
                categories.iter().find(|c| c.code == case.category).map_or(case.category.clone(), |c| c.name.clone());
            let due = if case.status.is_open() { due_state(calendar, case.due_on, today) } else { DueState::None };
            InboxLine { case, category_name, due }
        })
        .collect()
}

/// The cases of `unit`'s subtree the filters keep, `limit` from `offset`, with the count of all:
/// the one query behind the pages, the downloads and the JSON API.
pub(crate) async fn found(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    q: &InboxQuery,
    limit: i64,
    offset: i64,
) -> Result<coso_store::Page<CaseRow>> {
    let f = filter(unit, actor, q)?;
    Ok(app.store().case_list(&f, limit, offset).await?)
}

/// One page of the inbox of `unit`'s subtree.
pub async fn worklist(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    unit: UnitRow,
    q: &InboxQuery,
) -> Result<Inbox> {
    let path = unit.unit_path();
    let can_handle = actor.may(&path, Action::HandleCases);
    let page = q.page.max(1);
    let found = found(app, actor, &unit, q, WORKLIST_PAGE_SIZE, (page - 1) * WORKLIST_PAGE_SIZE).await?;
    let categories = app.store().case_categories(unit.unit_id()).await?;
    let pages = ((found.total + WORKLIST_PAGE_SIZE - 1) / WORKLIST_PAGE_SIZE).max(1);
    let lines = lines(app, calendar, &categories, found.items).await;
    Ok(Inbox { unit, lines, total: found.total, page, pages, categories, can_handle })
}

/// The filtered list (up to [`INBOX_EXPORT_MAX`] cases) as a table for CSV or XLSX: code, kind,
/// category, unit, dates, status, handler, flags. Never the sender.
pub async fn inbox_table(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    unit: UnitRow,
    q: &InboxQuery,
) -> Result<Table> {
    let found = found(app, actor, &unit, q, INBOX_EXPORT_MAX, 0).await?;
    let categories = app.store().case_categories(unit.unit_id()).await?;
    let columns = vec![
        Column::new("Mã đơn", ColumnKind::Text),
        Column::new("Loại đơn", ColumnKind::Text),
        Column::new("Lĩnh vực", ColumnKind::Text),
        Column::new("Đơn vị giải quyết", ColumnKind::Text),
        Column::new("Ngày tiếp nhận", ColumnKind::Date),
        Column::new("Trạng thái", ColumnKind::Text),
        Column::new("Hạn tiếp theo", ColumnKind::Date),
        Column::new("Còn (ngày làm việc)", ColumnKind::Integer),
        Column::new("Quá hạn (ngày)", ColumnKind::Integer),
        Column::new("Người xử lý", ColumnKind::Text),
        Column::new("Đặc điểm", ColumnKind::Text),
    ];
    let mut table = Table::new(format!("Đơn thư · {}", unit.name), columns);
    table.subtitle = Some(format!("Xuất ngày {}", coso_calendar::format_vn(app.today())));
    for line in lines(app, calendar, &categories, found.items).await {
        let (left, late) = match line.due {
            DueState::Left(n) => (Cell::Int(n), Cell::Empty),
            DueState::Late(n) => (Cell::Empty, Cell::Int(n)),
            DueState::None => (Cell::Empty, Cell::Empty),
        };
        let flags = line.flags().join(", ");
        let c = line.case;
        table.rows.push(vec![
            Cell::Text(c.code),
            Cell::Text(c.kind.label().into()),
            Cell::Text(line.category_name),
            Cell::Text(c.unit_name),
            Cell::Date(c.received_on),
            Cell::Text(c.status.label().into()),
            c.due_on.filter(|_| c.status.is_open()).map_or(Cell::Empty, Cell::Date),
            left,
            late,
            Cell::Text(c.handler_email.unwrap_or_default()),
            Cell::Text(flags),
        ]);
    }
    Ok(table)
}
