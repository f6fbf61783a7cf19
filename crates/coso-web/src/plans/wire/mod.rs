//! The API's view of plans: a plan with the same JSON as `coso plan import --json`, a draft
//! read from a document, and the aggregate view of a period; typed here so that the document
//! describes them.

pub mod aggregate;
pub mod draft;

use chrono::NaiveDate;
use coso_app::plans::PlanJson;
use coso_app::plans::plan_json::{ObligationJson, OccurrenceJson, TaskJson};
use serde::Serialize;
use utoipa::ToSchema;

/// A plan with its tasks and obligations.
#[derive(Serialize, ToSchema)]
pub struct Plan {
    pub id: i64,
    /// Number and symbol (`115/KH-UBND`).
    pub number: Option<String>,
    pub title: String,
    /// The year the plan's reports are counted in.
    pub year: i32,
    pub issued_on: Option<NaiveDate>,
    /// The code of the issuing unit.
    pub unit_code: String,
    /// The body that issued it: `people_committee`, `steering_committee` or `party_committee`.
    pub issuer: String,
    /// That body's name for the issuing unit.
    pub issuer_name: String,
    /// For an implementing plan: the plan it implements.
    pub parent_plan_id: Option<i64>,
    pub tasks: Vec<PlanTask>,
    pub obligations: Vec<PlanObligation>,
    /// The number of target units.
    pub target_count: usize,
}

impl From<PlanJson> for Plan {
    fn from(p: PlanJson) -> Self {
        Plan {
            id: p.id,
            number: p.number,
            title: p.title,
            year: p.year,
            issued_on: p.issued_on,
            unit_code: p.unit_code,
            issuer: p.issuer.as_str().to_string(),
            issuer_name: p.issuer_name,
            parent_plan_id: p.parent_plan_id,
            tasks: p.tasks.into_iter().map(PlanTask::from).collect(),
            obligations: p.obligations.into_iter().map(PlanObligation::from).collect(),
            target_count: p.target_count,
        }
    }
}

/// A task of a plan and how far it is.
#[derive(Serialize, ToSchema)]
pub struct PlanTask {
    pub id: i64,
    pub text: String,
    /// The lead unit (*chủ trì*): the unit's name, or the text of the document.
    pub lead_unit: Option<String>,
    /// The partner units (*phối hợp*) as written.
    pub partner_units: Vec<String>,
    pub due: Option<NaiveDate>,
    /// A yearly due day, `MM-DD yearly`.
    pub recurring: Option<String>,
    /// `not_started`, `in_progress` or `done`.
    pub status: String,
    /// Percent, 0 to 100.
    pub progress: i64,
}

impl From<TaskJson> for PlanTask {
    fn from(t: TaskJson) -> Self {
        PlanTask {
            id: t.id,
            text: t.text,
            lead_unit: t.lead_unit,
            partner_units: t.partner_units,
            due: t.due,
            recurring: t.recurring,
            status: t.status.as_str().to_string(),
            progress: t.progress,
        }
    }
}

/// What every target unit must send, and its periods.
#[derive(Serialize, ToSchema)]
pub struct PlanObligation {
    pub id: i64,
    /// `report` or `implementing_plan`.
    pub kind: String,
    /// The report's period; null for an implementing plan.
    pub period: Option<String>,
    pub due: Option<NaiveDate>,
    /// A yearly due day, `MM-DD yearly`.
    pub recurring: Option<String>,
    pub target_count: usize,
    pub occurrences: Vec<PlanOccurrence>,
}

impl From<ObligationJson> for PlanObligation {
    fn from(o: ObligationJson) -> Self {
        PlanObligation {
            id: o.id,
            kind: o.kind.as_str().to_string(),
            period: o.period.map(|p| p.as_str().to_string()),
            due: o.due,
            recurring: o.recurring,
            target_count: o.target_count,
            occurrences: o.occurrences.into_iter().map(PlanOccurrence::from).collect(),
        }
    }
}

/// One period of an obligation; once counted, how many target units sent on time, late, not at
/// all, or are not yet due.
#[derive(Serialize, ToSchema)]
pub struct PlanOccurrence {
    pub id: i64,
    /// `2026`, `2026-H1`, `2026-9M`, `2026-Q1` or `2026-05`.
    pub period_key: String,
    pub due: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_time: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub late: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<i64>,
    /// Not sent and not yet due.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending: Option<i64>,
}

impl From<OccurrenceJson> for PlanOccurrence {
    fn from(o: OccurrenceJson) -> Self {
        PlanOccurrence {
            id: o.id,
            period_key: o.period_key.to_string(),
            due: o.due,
            on_time: o.counts.map(|c| c.on_time),
            late: o.counts.map(|c| c.late),
            missing: o.counts.map(|c| c.missing),
            pending: o.counts.map(|c| c.pending),
        }
    }
}
