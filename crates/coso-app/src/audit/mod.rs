//! The audit log, for administrators: read page by page and narrowed, in words, or downloaded
//! as CSV (the download is itself recorded).

mod entry;
mod filter;
pub mod labels;

use coso_export::{Cell, Column, ColumnKind, Table};
use coso_store::{AuditEntry, AuditRecord, Page};

pub use entry::{AuditLine, FieldChange};
pub use filter::{LogFilter, LogQuery};
pub use labels::Kind;

use crate::{Actor, App, Error, Result};

/// Entries on one page of the log.
pub const PAGE_SIZE: i64 = 50;
/// The most entries one download holds; a narrower filter gets the rest.
pub const EXPORT_MAX: i64 = 20_000;

/// The newest entries of the audit log.
pub async fn recent(app: &App, actor: &Actor, limit: Option<i64>) -> Result<Page<AuditRecord>> {
    actor.require_admin()?;
    Ok(app.store().audit_entries(None, limit).await?)
}

/// One page of the log as the filter keeps it.
#[derive(Debug, Clone)]
pub struct LogPage {
    pub lines: Vec<AuditLine>,
    pub total: i64,
    /// 1-based.
    pub page: i64,
    pub pages: i64,
    /// The positions of the first and last line shown (1-based; 0 when none).
    pub first: i64,
    pub last: i64,
}

/// Page `page` (1-based) of the entries `filter` keeps, newest first.
pub async fn page(app: &App, actor: &Actor, filter: &LogFilter, page: i64) -> Result<LogPage> {
    actor.require_admin()?;
    let page = page.max(1);
    let found = app.store().audit_search(&filter.store_filter(), PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let lines: Vec<AuditLine> = found.items.iter().map(AuditLine::of).collect();
    let first = if lines.is_empty() { 0 } else { (page - 1) * PAGE_SIZE + 1 };
    Ok(LogPage {
        first,
        last: if lines.is_empty() { 0 } else { first + lines.len() as i64 - 1 },
        pages: (found.total + PAGE_SIZE - 1) / PAGE_SIZE,
        total: found.total,
        page,
        lines,
    })
}

/// The entries `filter` keeps as CSV (UTF-8 with BOM, Vietnamese headers), newest first. The
/// download is recorded in the log with the filter and the number of rows.
pub async fn export_csv(app: &App, actor: &Actor, filter: &LogFilter) -> Result<Vec<u8>> {
    actor.require_admin()?;
    let store_filter = filter.store_filter();
    // The store's largest page.
    let step = 200;
    let mut lines = Vec::new();
    loop {
        let found = app.store().audit_search(&store_filter, step, lines.len() as i64).await?;
        let n = found.items.len() as i64;
        lines.extend(found.items.iter().map(AuditLine::of));
        if n < step || lines.len() as i64 >= EXPORT_MAX {
            break;
        }
    }
    let bytes = coso_export::to_csv(&table(&lines)).map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))?;
    let entry = AuditEntry {
        action: labels::EXPORT_ACTION,
        entity: "audit_log",
        entity_id: "csv".into(),
        unit_id: None,
        before: None,
        after: Some(serde_json::json!({ "rows": lines.len(), "filter": filter.words() })),
    };
    app.store().audit(actor.audit(), &entry).await?;
    Ok(bytes)
}

fn table(lines: &[AuditLine]) -> Table {
    let text = |h: &str| Column::new(h, ColumnKind::Text);
    let mut t = Table::new(
        "Nhật ký hệ thống",
        vec![
            text("Số"),
            text("Thời điểm (giờ Việt Nam)"),
            text("Người thực hiện"),
            text("Loại"),
            text("Thao tác"),
            text("Đối tượng"),
            text("Chi tiết"),
        ],
    );
    t.rows = lines
        .iter()
        .map(|l| {
            vec![
                Cell::Int(l.id),
                l.when.clone().into(),
                l.person.clone().into(),
                l.kind.into(),
                l.action.clone().into(),
                l.object.clone().into(),
                l.changes_text().into(),
            ]
        })
        .collect();
    t
}
