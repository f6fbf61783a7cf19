//! The statistics of citizen cases of a unit's subtree received in a period, as one aggregate
//! query: the cases counted per unit, kind and category (a few thousand groups for a
//! province's year), from which the use case sums the lines per child unit, the satisfaction
//! and the hot spots without reading the cases again. The index `citizen_case_stats`
//! (migration 0012) holds every column it reads.

use chrono::NaiveDate;
use coso_domain::case::CaseStatus;
use serde::Serialize;

use crate::case_queries::{code_list, subtree_bounds};
use crate::dispatch::dispatch;
use crate::units::UnitRow;
use crate::{Result, Store};

/// The cases of one unit, kind and category received in the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CaseGroupRow {
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub unit_path: String,
    pub kind: String,
    pub category: String,
    pub received: i64,
    pub accepted: i64,
    pub resolved_on_time: i64,
    pub resolved_late: i64,
    pub open_overdue: i64,
    pub open: i64,
    pub crowded: i64,
    pub over_level: i64,
    /// How many were rated, the sum of the ratings, and how many got each rating.
    pub rated: i64,
    pub rating_sum: i64,
    pub rating_1: i64,
    pub rating_2: i64,
    pub rating_3: i64,
    pub rating_4: i64,
    pub rating_5: i64,
}

/// `SUM(CASE WHEN cond THEN 1 ELSE 0 END)` as a BIGINT on both databases (PostgreSQL sums
/// BIGINTs to NUMERIC).
fn count_if(cond: &str) -> String {
    format!("CAST(COALESCE(SUM(CASE WHEN {cond} THEN 1 ELSE 0 END), 0) AS BIGINT)")
}

impl Store {
    /// The cases of `unit`'s subtree received from `from` to `to`, per unit, kind and category;
    /// open cases count as overdue when their next step was due before `today`.
    pub async fn case_groups(
        &self,
        unit: &UnitRow,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<CaseGroupRow>> {
        let (low, high) = subtree_bounds(&unit.path);
        let open = code_list(&CaseStatus::OPEN);
        // A case is resolved when answered, or closed without an answer (information).
        let resolved = "COALESCE(c.answered_on, CASE WHEN c.status = 'closed' THEN c.closed_on END)";
        let figures = [
            "COUNT(*) AS received".to_string(),
            format!("{} AS accepted", count_if("c.accepted_on IS NOT NULL")),
            format!(
                "{} AS resolved_on_time",
                count_if(&format!(
                    "{resolved} IS NOT NULL AND (c.resolution_due_on IS NULL OR {resolved} <= c.resolution_due_on)"
                ))
            ),
            format!("{} AS resolved_late", count_if(&format!("{resolved} > c.resolution_due_on"))),
            format!("{} AS open_overdue", count_if(&format!("c.status IN ({open}) AND c.due_on < $5"))),
            format!("{} AS open", count_if(&format!("c.status IN ({open})"))),
            format!("{} AS crowded", count_if("c.crowded")),
            format!("{} AS over_level", count_if("c.over_level")),
            "COUNT(c.rating) AS rated".to_string(),
            "CAST(COALESCE(SUM(c.rating), 0) AS BIGINT) AS rating_sum".to_string(),
            format!("{} AS rating_1", count_if("c.rating = 1")),
            format!("{} AS rating_2", count_if("c.rating = 2")),
            format!("{} AS rating_3", count_if("c.rating = 3")),
            format!("{} AS rating_4", count_if("c.rating = 4")),
            format!("{} AS rating_5", count_if("c.rating = 5")),
        ]
        .join(", ");
        let sql = format!(
            "SELECT u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, \
             c.kind AS kind, c.category AS category, {figures} \
             FROM citizen_case c JOIN unit u ON u.id = c.unit_id \
             WHERE u.path >= $1 AND u.path < $2 AND c.received_on >= $3 AND c.received_on <= $4 \
             GROUP BY u.id, u.code, u.name, u.path, c.kind, c.category"
        );
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CaseGroupRow>(sqlx::AssertSqlSafe(sql))
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
