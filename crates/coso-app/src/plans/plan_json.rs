//! The JSON shapes of a plan and its status: the CLI contract (`coso plan import --json`,
//! `coso plan status --json`) and the API answer.

use chrono::NaiveDate;
use coso_domain::plan::{ObligationKind, PeriodKey, PlanIssuer, ReportPeriod, TaskStatus};
use coso_domain::{OccurrenceId, PlanId};
use serde::Serialize;

use crate::reports::aggregate::{StatusCounts, occurrence_counts};
use crate::{App, Error, Result};

#[derive(Debug, Clone, Serialize)]
pub struct PlanJson {
    pub id: i64,
    pub number: Option<String>,
    pub title: String,
    pub year: i32,
    pub issued_on: Option<NaiveDate>,
    pub unit_code: String,
    /// The body that issued it: `people_committee`, `steering_committee` or `party_committee`.
    pub issuer: PlanIssuer,
    /// That body's name for the issuing unit (`Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh …`).
    pub issuer_name: String,
    pub parent_plan_id: Option<i64>,
    pub tasks: Vec<TaskJson>,
    pub obligations: Vec<ObligationJson>,
    pub target_count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskJson {
    pub id: i64,
    pub text: String,
    pub lead_unit: Option<String>,
    pub partner_units: Vec<String>,
    pub due: Option<NaiveDate>,
    pub recurring: Option<String>,
    pub status: TaskStatus,
    pub progress: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ObligationJson {
    pub id: i64,
    pub kind: ObligationKind,
    pub period: Option<ReportPeriod>,
    pub due: Option<NaiveDate>,
    /// "MM-DD yearly"
    pub recurring: Option<String>,
    pub target_count: usize,
    pub occurrences: Vec<OccurrenceJson>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OccurrenceJson {
    pub id: i64,
    pub period_key: PeriodKey,
    pub due: Option<NaiveDate>,
    #[serde(flatten)]
    pub counts: Option<StatusCounts>,
}

/// A plan with its tasks and obligations; with `today`, each occurrence carries the count of
/// target units on time, late, missing and not yet due.
pub(crate) async fn plan_json(app: &App, id: PlanId, today: Option<NaiveDate>) -> Result<PlanJson> {
    let store = app.store();
    let plan = store.plan(id).await?.ok_or(Error::NotFound)?;
    let issuer = store.unit_by_id(coso_domain::UnitId(plan.unit_id)).await?.ok_or(Error::NotFound)?;
    let (tasks, obligations, targets) =
        (store.plan_tasks(id).await?, store.obligations(id).await?, store.plan_targets(id).await?);
    let target_count = targets.len();
    let mut out_obligations = Vec::with_capacity(obligations.len());
    for o in obligations {
        let mut occ = Vec::with_capacity(o.occurrences.len());
        for oc in &o.occurrences {
            let counts = match today {
                Some(t) => Some(occurrence_counts(app, id, OccurrenceId(oc.id), oc.due_date, t).await?),
                None => None,
            };
            occ.push(OccurrenceJson { id: oc.id, period_key: oc.period_key, due: oc.due_date, counts });
        }
        out_obligations.push(ObligationJson {
            id: o.id,
            kind: o.kind,
            period: o.period,
            due: o.due_date,
            recurring: o.due_recurring.map(|r| format!("{r} yearly")),
            target_count,
            occurrences: occ,
        });
    }
    Ok(PlanJson {
        id: id.0,
        number: plan.number,
        title: plan.title,
        year: plan.year,
        issued_on: plan.issued_on,
        issuer: plan.issuer,
        issuer_name: plan.issuer.body_name(issuer.kind, &issuer.name),
        unit_code: issuer.code,
        parent_plan_id: plan.parent_plan_id,
        tasks: tasks
            .into_iter()
            .map(|t| TaskJson {
                id: t.id,
                text: t.text,
                lead_unit: t.lead_unit_name.or(t.lead_text),
                partner_units: t.partner_texts,
                due: t.due_date,
                recurring: t.due_recurring.map(|r| format!("{r} yearly")),
                status: t.status,
                progress: t.progress,
            })
            .collect(),
        obligations: out_obligations,
        target_count,
    })
}
