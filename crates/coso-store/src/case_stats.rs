//! The statistics of citizen cases rolled up a unit's tree: per child of the unit (a province
//! sees each commune's line) and per kind, with satisfaction; and the hot spots — categories
//! and places with many or crowded cases. Each is one aggregate query: the cases are counted
//! per unit first, then the few per-unit rows are summed under the child whose subtree holds
//! them, so the cost does not grow with the number of children.

use chrono::NaiveDate;
use coso_domain::case::CaseStatus;
use serde::Serialize;

use crate::case_queries::{code_list, subtree_bounds};
use crate::dispatch::dispatch;
use crate::units::UnitRow;
use crate::{Result, Store};

/// One line of the rollup: the cases of one kind under one child of the unit (`child_id`
/// `None`: the cases of the unit itself), received in the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CaseRollupRow {
    pub child_id: Option<i64>,
    pub child_code: Option<String>,
    pub child_name: Option<String>,
    pub kind: String,
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

/// A place or a category with its cases of the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CaseHotSpotRow {
    /// The unit's code, or the category's code.
    pub code: String,
    /// The unit's name; the category's code again (its name is the unit's list's).
    pub name: String,
    pub cases: i64,
    pub crowded: i64,
    pub over_level: i64,
}

/// `SUM(CASE WHEN cond THEN 1 ELSE 0 END)` as a BIGINT on both databases (PostgreSQL sums
/// BIGINTs to NUMERIC).
fn count_if(cond: &str) -> String {
    format!("CAST(COALESCE(SUM(CASE WHEN {cond} THEN 1 ELSE 0 END), 0) AS BIGINT)")
}

const IN_PERIOD: &str = "u.path >= $1 AND u.path < $2 AND c.received_on >= $3 AND c.received_on <= $4";

impl Store {
    /// The cases of `unit`'s subtree received from `from` to `to`, per child of `unit` and per
    /// kind; open cases count as overdue when their next step was due before `today`.
    pub async fn case_rollup(
        &self,
        unit: &UnitRow,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<CaseRollupRow>> {
        let (low, high) = subtree_bounds(&unit.path);
        let open = code_list(&CaseStatus::OPEN);
        // A case is resolved when answered, or closed without an answer (information).
        let resolved = "COALESCE(c.answered_on, CASE WHEN c.status = 'closed' THEN c.closed_on END)";
        let per_unit = [
            "COUNT(*) AS received".to_string(),
            format!("{} AS accepted", count_if("c.accepted_on IS NOT NULL")),
            format!(
                "{} AS resolved_on_time",
                count_if(&format!(
                    "{resolved} IS NOT NULL AND (c.resolution_due_on IS NULL OR {resolved} <= c.resolution_due_on)"
                ))
            ),
            format!(
                "{} AS resolved_late",
                count_if(&format!("{resolved} IS NOT NULL AND {resolved} > c.resolution_due_on"))
            ),
            format!("{} AS open_overdue", count_if(&format!("c.status IN ({open}) AND c.due_on < $5"))),
            format!("{} AS open", count_if(&format!("c.status IN ({open})"))),
            format!("{} AS crowded", count_if("c.crowded")),
            format!("{} AS over_level", count_if("c.over_level")),
            format!("{} AS rated", count_if("c.rating IS NOT NULL")),
            "CAST(COALESCE(SUM(c.rating), 0) AS BIGINT) AS rating_sum".to_string(),
            format!("{} AS rating_1", count_if("c.rating = 1")),
            format!("{} AS rating_2", count_if("c.rating = 2")),
            format!("{} AS rating_3", count_if("c.rating = 3")),
            format!("{} AS rating_4", count_if("c.rating = 4")),
            format!("{} AS rating_5", count_if("c.rating = 5")),
        ]
        .join(", ");
        let summed = [
            "received",
            "accepted",
            "resolved_on_time",
            "resolved_late",
            "open_overdue",
            "open",
            "crowded",
            "over_level",
            "rated",
            "rating_sum",
            "rating_1",
            "rating_2",
            "rating_3",
            "rating_4",
            "rating_5",
        ]
        .iter()
        .map(|c| format!("CAST(SUM(p.{c}) AS BIGINT) AS {c}"))
        .collect::<Vec<_>>()
        .join(", ");
        // A child's subtree is the paths from its own up to its own with the final '/' raised
        // to '0' (paths are digits and '/').
        let sql = format!(
            "WITH per_unit AS (SELECT c.unit_id AS unit_id, c.kind AS kind, {per_unit} \
             FROM citizen_case c JOIN unit u ON u.id = c.unit_id WHERE {IN_PERIOD} GROUP BY c.unit_id, c.kind) \
             SELECT ch.id AS child_id, ch.code AS child_code, ch.name AS child_name, p.kind AS kind, {summed} \
             FROM per_unit p JOIN unit u ON u.id = p.unit_id \
             LEFT JOIN unit ch ON ch.parent_id = $6 AND u.path >= ch.path \
                 AND u.path < SUBSTR(ch.path, 1, LENGTH(ch.path) - 1) || '0' \
             GROUP BY ch.id, ch.code, ch.name, p.kind ORDER BY ch.code, p.kind"
        );
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CaseRollupRow>(sqlx::AssertSqlSafe(sql))
                .bind(&low)
                .bind(&high)
                .bind(from)
                .bind(to)
                .bind(today)
                .bind(unit.id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// The units of `unit`'s subtree that received the most cases in the period (the crowded
    /// ones first among equals), at most `limit`.
    pub async fn case_hot_places(
        &self,
        unit: &UnitRow,
        from: NaiveDate,
        to: NaiveDate,
        limit: i64,
    ) -> Result<Vec<CaseHotSpotRow>> {
        self.case_hot_spots(("u.code", "u.name", "u.id, u.code, u.name"), unit, from, to, limit).await
    }

    /// The categories of the cases of `unit`'s subtree in the period, the most frequent first.
    pub async fn case_hot_categories(
        &self,
        unit: &UnitRow,
        from: NaiveDate,
        to: NaiveDate,
        limit: i64,
    ) -> Result<Vec<CaseHotSpotRow>> {
        self.case_hot_spots(("c.category", "c.category", "c.category"), unit, from, to, limit).await
    }

    /// `(code, name, group by)`: what the two hot-spot queries differ in.
    async fn case_hot_spots(
        &self,
        (code, name, group): (&str, &str, &str),
        unit: &UnitRow,
        from: NaiveDate,
        to: NaiveDate,
        limit: i64,
    ) -> Result<Vec<CaseHotSpotRow>> {
        let (low, high) = subtree_bounds(&unit.path);
        let sql = format!(
            "SELECT {code} AS code, {name} AS name, COUNT(*) AS cases, {crowded} AS crowded, {over} AS over_level \
             FROM citizen_case c JOIN unit u ON u.id = c.unit_id WHERE {IN_PERIOD} \
             GROUP BY {group} ORDER BY COUNT(*) DESC, {crowded} DESC, {code} LIMIT $5",
            crowded = count_if("c.crowded"),
            over = count_if("c.over_level"),
        );
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CaseHotSpotRow>(sqlx::AssertSqlSafe(sql.clone()))
                .bind(&low)
                .bind(&high)
                .bind(from)
                .bind(to)
                .bind(limit.clamp(1, 100))
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }
}
