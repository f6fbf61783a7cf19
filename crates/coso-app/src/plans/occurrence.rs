//! One occurrence with what the screens need to say about it: its obligation and its plan.

use crate::{App, Error, Result};
use chrono::NaiveDate;
use coso_domain::plan::{ObligationKind, PeriodKey, ReportPeriod};
use coso_domain::{ObligationId, OccurrenceId, PlanId, TemplateId, UnitId};

#[derive(Debug, Clone)]
pub struct OccurrenceDetail {
    pub id: OccurrenceId,
    pub obligation_id: ObligationId,
    pub plan_id: PlanId,
    pub plan_number: Option<String>,
    pub plan_title: String,
    pub period_key: PeriodKey,
    pub due_date: Option<NaiveDate>,
    pub kind: ObligationKind,
    pub period: Option<ReportPeriod>,
    pub template_id: Option<TemplateId>,
    /// The template the plan's agency targets report on; `None`: the agencies' default.
    pub agency_template_id: Option<TemplateId>,
    pub receiver_unit_id: UnitId,
}

/// The occurrence `id`, or `NotFound`.
pub async fn occurrence(app: &App, id: OccurrenceId) -> Result<OccurrenceDetail> {
    occurrence_detail(app, id).await?.ok_or(Error::NotFound)
}

pub async fn occurrence_detail(app: &App, id: OccurrenceId) -> Result<Option<OccurrenceDetail>> {
    let store = app.store();
    let Some(occ) = store.occurrence(id).await? else { return Ok(None) };
    let Some(plan) = store.plan(PlanId(occ.plan_id)).await? else { return Ok(None) };
    let obligations = store.obligations(PlanId(occ.plan_id)).await?;
    let Some(ob) = obligations.into_iter().find(|o| o.id == occ.obligation_id) else { return Ok(None) };
    Ok(Some(OccurrenceDetail {
        id,
        obligation_id: ObligationId(ob.id),
        plan_id: PlanId(plan.id),
        plan_number: plan.number,
        plan_title: plan.title,
        period_key: occ.period_key,
        due_date: occ.due_date,
        kind: ob.kind,
        period: ob.period,
        template_id: ob.template_id.map(TemplateId),
        agency_template_id: plan.agency_template_id.map(TemplateId),
        receiver_unit_id: UnitId(ob.receiver_unit_id),
    }))
}
