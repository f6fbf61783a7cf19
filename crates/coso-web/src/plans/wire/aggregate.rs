//! The aggregate view of one period of a plan, as the API shows it.

use chrono::NaiveDate;
use coso_app::reports::aggregate::{AgencySection, AggregateView, Column, Row, StatusCounts};
use serde::Serialize;
use utoipa::ToSchema;

/// Every target unit for one period: timing, indicators, score and rank; totals up the tree.
#[derive(Serialize, ToSchema)]
pub struct Aggregate {
    pub plan_id: i64,
    pub occurrence_id: i64,
    /// `2026`, `2026-H1`, `2026-9M`, `2026-Q1` or `2026-05`.
    pub period_key: String,
    pub due: Option<NaiveDate>,
    pub today: NaiveDate,
    /// The unit the rows are seen from (the issuer, or a unit drilled into).
    pub scope_code: String,
    pub scope_name: String,
    pub columns: Vec<AggregateColumn>,
    pub rows: Vec<AggregateRow>,
    /// The sums of every column over all rows, in column order.
    pub totals: Vec<f64>,
    pub counts: UnitCounts,
    /// `[rank, number of units]`, in band order, then «Chưa xếp loại».
    pub ranks: Vec<(String, i64)>,
    /// The mean score of the units that reported one.
    pub mean_score: Option<f64>,
    /// The agencies among the targets in scope, on their own template; null when there are none.
    pub agencies: Option<AggregateAgencies>,
}

impl From<AggregateView> for Aggregate {
    fn from(v: AggregateView) -> Self {
        Aggregate {
            plan_id: v.plan_id,
            occurrence_id: v.occurrence_id,
            period_key: v.period_key.to_string(),
            due: v.due,
            today: v.today,
            scope_code: v.scope_code,
            scope_name: v.scope_name,
            columns: v.columns.into_iter().map(AggregateColumn::from).collect(),
            rows: v.rows.into_iter().map(AggregateRow::from).collect(),
            totals: v.totals,
            counts: v.counts.into(),
            ranks: v.ranks,
            mean_score: v.mean_score,
            agencies: v.agencies.map(AggregateAgencies::from),
        }
    }
}

/// The agencies of an aggregate view: one row per agency, on the agencies' template.
#[derive(Serialize, ToSchema)]
pub struct AggregateAgencies {
    /// The template they report on.
    pub template_code: String,
    pub template_name: String,
    pub columns: Vec<AggregateColumn>,
    pub rows: Vec<AggregateRow>,
    pub totals: Vec<f64>,
    pub counts: UnitCounts,
    /// `[rank, number of agencies]`.
    pub ranks: Vec<(String, i64)>,
    pub mean_score: Option<f64>,
}

impl From<AgencySection> for AggregateAgencies {
    fn from(a: AgencySection) -> Self {
        AggregateAgencies {
            template_code: a.template_code,
            template_name: a.template_name,
            columns: a.columns.into_iter().map(AggregateColumn::from).collect(),
            rows: a.rows.into_iter().map(AggregateRow::from).collect(),
            totals: a.totals,
            counts: a.counts.into(),
            ranks: a.ranks,
            mean_score: a.mean_score,
        }
    }
}

/// An indicator column.
#[derive(Serialize, ToSchema)]
pub struct AggregateColumn {
    pub code: String,
    pub label: String,
    /// *Đơn vị tính*: `lần`, `cuộc`, `đơn`…
    pub unit_of_measure: String,
}

impl From<Column> for AggregateColumn {
    fn from(c: Column) -> Self {
        AggregateColumn { code: c.code, label: c.label, unit_of_measure: c.unit_of_measure }
    }
}

/// One row: a target unit, or the sum of the targets below one child of the viewpoint.
#[derive(Serialize, ToSchema)]
pub struct AggregateRow {
    pub unit_code: String,
    pub unit_name: String,
    /// The number of target units summed in this row (1 for a target unit itself).
    pub target_count: i64,
    /// `on_time`, `late`, `missing`, `pending`, or `group` for a sum of several units.
    pub status: String,
    /// Calendar days late for a late report; days overdue for a missing one.
    pub days: Option<i64>,
    pub status_label: String,
    pub counts: UnitCounts,
    /// The indicator values in column order; null where nothing was reported.
    pub values: Vec<Option<f64>>,
    pub score: Option<f64>,
    pub rank: Option<String>,
    pub submission_id: Option<i64>,
}

impl From<Row> for AggregateRow {
    fn from(r: Row) -> Self {
        AggregateRow {
            unit_code: r.unit_code,
            unit_name: r.unit_name,
            target_count: r.target_count,
            status: r.status.to_string(),
            days: r.days,
            status_label: r.status_label,
            counts: r.counts.into(),
            values: r.values,
            score: r.score,
            rank: r.rank,
            submission_id: r.submission_id,
        }
    }
}

/// How many target units are in each state.
#[derive(Serialize, ToSchema)]
pub struct UnitCounts {
    pub on_time: i64,
    pub late: i64,
    pub missing: i64,
    /// Not sent and not yet due.
    pub pending: i64,
}

impl From<StatusCounts> for UnitCounts {
    fn from(c: StatusCounts) -> Self {
        UnitCounts { on_time: c.on_time, late: c.late, missing: c.missing, pending: c.pending }
    }
}
