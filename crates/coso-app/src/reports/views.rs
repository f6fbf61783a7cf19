//! Which aggregate views an actor may open: a plan they may read, seen from the issuer or a
//! unit below it they may read plans at, for one report period.

use coso_documents::Document;
use coso_domain::authz::Action;
use coso_domain::plan::{ObligationKind, PeriodKey, period_label};
use coso_domain::{OccurrenceId, PlanId};
use coso_store::{PlanRow, UnitRow};

use super::aggregate::{AgencyTemplate, AggregateView, aggregate_with};
use super::inbox::{plan_label, what};
use crate::plans::{occurrence, readable, summary};
use crate::{Actor, App, Error, Result, templates, units};

/// An aggregate view with the plan and the issuing unit it belongs to.
pub struct PlanView {
    pub view: AggregateView,
    pub plan: PlanRow,
    pub issuer: UnitRow,
}

impl PlanView {
    /// "Kế hoạch 115/KH-UBND: Thực hiện …".
    pub fn plan_label(&self) -> String {
        plan_label(self.plan.number.as_deref(), &self.plan.title)
    }

    /// The title of the exported table.
    pub fn title(&self) -> String {
        format!(
            "Tổng hợp {} — {}",
            what(ObligationKind::Report, self.view.period_key).to_lowercase(),
            self.plan_label()
        )
    }

    /// The summary report (báo cáo tổng hợp) of the view, dated today.
    pub fn summary(&self, app: &App) -> Document {
        summary::summary_document(&self.issuer, &self.plan_label(), &self.view, app.today())
    }
}

/// The report periods of a plan: (occurrence id, period key), in plan order.
pub async fn report_periods(app: &App, plan_id: PlanId) -> Result<Vec<(OccurrenceId, PeriodKey)>> {
    Ok(app
        .store()
        .obligations(plan_id)
        .await?
        .into_iter()
        .filter(|o| o.kind == ObligationKind::Report)
        .flat_map(|o| o.occurrences.into_iter().map(|oc| (OccurrenceId(oc.id), oc.period_key)))
        .collect())
}

/// The first report period of a plan.
pub async fn first_report_period(app: &App, plan_id: PlanId) -> Result<OccurrenceId> {
    report_periods(app, plan_id)
        .await?
        .first()
        .map(|(id, _)| *id)
        .ok_or_else(|| Error::BadRequest("Kế hoạch không yêu cầu báo cáo nào để tổng hợp.".into()))
}

/// The view of `occurrence` (the first report period when `None`) of a plan the actor may
/// read, seen from the unit `unit_code` (at or below the issuer) or from the issuer.
pub async fn view(
    app: &App,
    actor: &Actor,
    plan_id: PlanId,
    occurrence_id: Option<OccurrenceId>,
    unit_code: Option<&str>,
) -> Result<PlanView> {
    let (plan, issuer) = readable(app, actor, plan_id).await?;
    let scope = match unit_code.filter(|c| !c.is_empty()) {
        Some(code) => {
            let u = units::by_code(app, code).await?;
            if !issuer.unit_path().contains(&u.unit_path()) {
                return Err(Error::NotFound);
            }
            u
        }
        None => issuer.clone(),
    };
    actor.authorize(&scope.unit_path(), Action::ReadPlans)?;
    let occurrence_id = match occurrence_id {
        Some(id) => id,
        None => first_report_period(app, plan_id).await?,
    };
    // An occurrence of another plan is not this plan's period: refused before its template is read.
    let occ = occurrence(app, occurrence_id).await?;
    if occ.plan_id != plan_id {
        return Err(Error::NotFound);
    }
    let template_id = occ
        .template_id
        .ok_or_else(|| Error::BadRequest("Kỳ này là kế hoạch thực hiện, không có số liệu để tổng hợp.".into()))?;
    let template = templates::load(app, template_id).await?;
    let agencies = AgencyTemplate { template_id, chosen: occ.agency_template_id };
    let view =
        aggregate_with(app, &template, Some(agencies), plan_id, occurrence_id, Some(&scope), app.today()).await?;
    Ok(PlanView { view, plan, issuer })
}

/// The same scope over the plan's report periods (at most twelve), labelled, when it has more
/// than one: what the trend chart is drawn from.
pub async fn period_views(
    app: &App,
    actor: &Actor,
    plan_id: PlanId,
    unit_code: Option<&str>,
) -> Result<Vec<(String, AggregateView)>> {
    let periods = report_periods(app, plan_id).await?;
    let mut out = Vec::new();
    if periods.len() > 1 {
        for (id, key) in periods.iter().take(12) {
            if let Ok(v) = view(app, actor, plan_id, Some(*id), unit_code).await {
                out.push((period_label(key), v.view));
            }
        }
    }
    Ok(out)
}
