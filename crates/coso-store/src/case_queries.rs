//! Reading many cases at once: a unit's inbox (open cases of its subtree by the nearest due
//! date) and the statistics of a period, each one query on the indexes of migration 0007.

use chrono::NaiveDate;
use coso_domain::case::{CaseKind, CaseStatus};
use serde::Serialize;

use crate::cases::{CASE_SELECT, CaseRow};
use crate::dispatch::dispatch;
use crate::rows::{Page, clamp_limit};
use crate::units::UnitRow;
use crate::{Result, Store};

/// The bounds of the paths of a subtree, `[path, path with its final '/' raised to '0')`, which
/// both databases answer from the `unit_path` index (SQLite's LIKE cannot use it).
pub(crate) fn subtree_bounds(path: &str) -> (String, String) {
    let high = match path.strip_suffix('/') {
        Some(head) => format!("{head}0"),
        None => format!("{path}\u{10FFFF}"),
    };
    (path.to_string(), high)
}

/// `'received', 'forwarded'`: codes of the domain, written into the query as a list.
pub(crate) fn code_list(statuses: &[CaseStatus]) -> String {
    statuses.iter().map(|s| format!("'{}'", s.as_str())).collect::<Vec<_>>().join(", ")
}

/// Per kind of case, what happened to those received in a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CaseCounts {
    pub kind: String,
    pub received: i64,
    pub accepted: i64,
    pub resolved_on_time: i64,
    pub resolved_late: i64,
    pub open_overdue: i64,
    pub open: i64,
}

impl Store {
    /// Cases of `unit`'s subtree in `statuses` (and of `kind`), the nearest due date first
    /// (so overdue first), cases without one last.
    pub async fn case_inbox(
        &self,
        unit: &UnitRow,
        statuses: &[CaseStatus],
        kind: Option<CaseKind>,
        limit: Option<i64>,
        offset: i64,
    ) -> Result<Page<CaseRow>> {
        let (low, high) = subtree_bounds(&unit.path);
        let statuses = code_list(if statuses.is_empty() { &CaseStatus::OPEN } else { statuses });
        let kind = kind.map(|k| k.as_str());
        let limit = clamp_limit(limit, 50);
        let filter =
            format!("WHERE u.path >= $1 AND u.path < $2 AND c.status IN ({statuses}) AND ($3 IS NULL OR c.kind = $3)");
        let page = dispatch!(self, read, pool => {
            let items: Vec<CaseRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{CASE_SELECT} {filter} ORDER BY CASE WHEN c.due_on IS NULL THEN 1 ELSE 0 END, c.due_on, c.received_on, c.id LIMIT $4 OFFSET $5"
            )))
            .bind(&low)
            .bind(&high)
            .bind(kind)
            .bind(limit)
            .bind(offset.max(0))
            .fetch_all(pool)
            .await?;
            let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM citizen_case c JOIN unit u ON u.id = c.unit_id {filter}"
            )))
            .bind(&low)
            .bind(&high)
            .bind(kind)
            .fetch_one(pool)
            .await?;
            Page { items, total }
        });
        Ok(page)
    }

    /// For the cases of `unit`'s subtree received from `from` to `to`, per kind: how many were
    /// received, accepted, resolved on or after their due date, and are open (overdue on
    /// `today`). One aggregate query.
    pub async fn case_counts(
        &self,
        unit: &UnitRow,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<CaseCounts>> {
        let (low, high) = subtree_bounds(&unit.path);
        let open = code_list(&CaseStatus::OPEN);
        // A case is resolved when answered, or closed without an answer (information).
        let resolved = "COALESCE(c.answered_on, CASE WHEN c.status = 'closed' THEN c.closed_on END)";
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CaseCounts>(sqlx::AssertSqlSafe(format!(
                "SELECT c.kind AS kind, COUNT(*) AS received, \
                 COALESCE(SUM(CASE WHEN c.accepted_on IS NOT NULL THEN 1 ELSE 0 END), 0) AS accepted, \
                 COALESCE(SUM(CASE WHEN {resolved} IS NOT NULL AND (c.resolution_due_on IS NULL OR {resolved} <= c.resolution_due_on) THEN 1 ELSE 0 END), 0) AS resolved_on_time, \
                 COALESCE(SUM(CASE WHEN {resolved} IS NOT NULL AND {resolved} > c.resolution_due_on THEN 1 ELSE 0 END), 0) AS resolved_late, \
                 COALESCE(SUM(CASE WHEN c.status IN ({open}) AND c.due_on < $5 THEN 1 ELSE 0 END), 0) AS open_overdue, \
                 COALESCE(SUM(CASE WHEN c.status IN ({open}) THEN 1 ELSE 0 END), 0) AS open \
                 FROM citizen_case c JOIN unit u ON u.id = c.unit_id \
                 WHERE u.path >= $1 AND u.path < $2 AND c.received_on >= $3 AND c.received_on <= $4 \
                 GROUP BY c.kind ORDER BY c.kind"
            )))
            .bind(&low)
            .bind(&high)
            .bind(from)
            .bind(to)
            .bind(today)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}
