//! Reading many cases at once: the counts per kind of a subtree's cases of a period, one query
//! on the indexes of migration 0007 (the officials' list of cases is `case_inbox.rs`).

use chrono::NaiveDate;
use coso_domain::case::CaseStatus;
use serde::Serialize;

use crate::dispatch::dispatch;
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
