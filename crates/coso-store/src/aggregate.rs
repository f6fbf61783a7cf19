//! The aggregate of an occurrence over a plan's targets: one row per target unit with what it
//! sent, for the receiving unit's overview and the sums by subtree (computed in Rust).

use chrono::NaiveDate;
use coso_domain::report::SubmissionStatus;
use coso_domain::unit::UnitKind;
use coso_domain::{OccurrenceId, PlanId};
use serde::Serialize;

use crate::codes::{Code, OptCode};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::{Result, Store};

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct AggregateRow {
    pub unit_id: i64,
    pub code: String,
    pub name: String,
    /// An agency's report is read on the agencies' template, apart from the others.
    #[sqlx(try_from = "Code<UnitKind>")]
    pub kind: UnitKind,
    /// Materialized path, for grouping by subtree.
    pub path: String,
    pub sort_key: String,
    pub parent_id: Option<i64>,
    pub submission_id: Option<i64>,
    /// `None` when nothing was sent.
    #[sqlx(try_from = "OptCode<SubmissionStatus>")]
    pub status: Option<SubmissionStatus>,
    pub first_submitted_on: Option<NaiveDate>,
    pub version: Option<i64>,
    /// JSON object indicator code → number, left unparsed (thousands of rows).
    pub indicator_values: Option<String>,
    pub score: Option<f64>,
    pub rank: Option<String>,
}

impl Store {
    /// One row per target unit of `plan_id` with its submission for `occurrence_id`, in
    /// Vietnamese order of the unit names. One query, whatever the number of targets.
    pub async fn aggregate(
        &self,
        PlanId(plan_id): PlanId,
        OccurrenceId(occurrence_id): OccurrenceId,
    ) -> Result<Vec<AggregateRow>> {
        let rows = dispatch!(self, read, pool => {
            let of_plan: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM obligation_occurrence oc JOIN obligation o ON o.id = oc.obligation_id \
                 WHERE oc.id = $1 AND o.plan_id = $2",
            )
            .bind(occurrence_id)
            .bind(plan_id)
            .fetch_one(pool)
            .await?;
            if of_plan == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query_as::<_, AggregateRow>(
                "SELECT u.id AS unit_id, u.code, u.name, u.kind, u.path, u.sort_key, u.parent_id, s.id AS submission_id, s.status, \
                 s.first_submitted_on, s.version, s.indicator_values, s.score, s.rank \
                 FROM plan_target t \
                 JOIN unit u ON u.id = t.unit_id \
                 LEFT JOIN submission s ON s.occurrence_id = $2 AND s.unit_id = t.unit_id \
                 WHERE t.plan_id = $1 \
                 ORDER BY u.sort_key, u.id",
            )
            .bind(plan_id)
            .bind(occurrence_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}
