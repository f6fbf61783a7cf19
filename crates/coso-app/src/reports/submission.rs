//! One submission as its sender and its receiver see it: every kept version, the report's
//! content against its template, and whether it was sent on time.

use coso_domain::authz::Action;
use coso_domain::plan::{Timing, classify};
use coso_domain::report::{ReportContent, SubmissionStatus, Template};
use coso_domain::{OccurrenceId, SubmissionId, UnitId};
use coso_store::{SubmissionRow, UnitRow, VersionRow};

use crate::plans::{OccurrenceDetail, occurrence};
use crate::{Actor, App, Error, Result, stored, templates, units};

/// A submission with its sending unit, its occurrence and every version, first first.
pub struct SubmissionDetail {
    pub row: SubmissionRow,
    pub unit: UnitRow,
    pub occurrence: OccurrenceDetail,
    pub receiver: UnitRow,
    pub versions: Vec<VersionRow>,
}

impl SubmissionDetail {
    pub fn status(&self) -> Option<SubmissionStatus> {
        Some(self.row.status)
    }
}

/// The submission, if the actor may read it: at the sending unit, or reviewing at the
/// receiving unit.
pub async fn detail(app: &App, actor: &Actor, id: SubmissionId) -> Result<SubmissionDetail> {
    let row = app.store().submission(id).await?.ok_or(Error::NotFound)?;
    let unit = units::by_id(app, UnitId(row.unit_id)).await?;
    let occurrence = occurrence(app, OccurrenceId(row.occurrence_id)).await?;
    let receiver = units::by_id(app, occurrence.receiver_unit_id).await?;
    let ok = actor.may(&unit.unit_path(), Action::ReadPlans) || actor.may(&receiver.unit_path(), Action::ReviewReports);
    if !ok {
        return Err(Error::Forbidden);
    }
    let versions = app.store().submission_versions(id).await?;
    Ok(SubmissionDetail { row, unit, occurrence, receiver, versions })
}

/// What the submission's page shows.
pub struct SubmissionView {
    pub detail: SubmissionDetail,
    /// The template of a report (none for an implementing plan).
    pub template: Option<Template>,
    /// The content of the latest version.
    pub content: Option<ReportContent>,
    /// On time or late, judged on the first sending.
    pub timing: Timing,
    /// Whether the actor may accept or return it now.
    pub can_review: bool,
}

pub async fn view(app: &App, actor: &Actor, id: SubmissionId) -> Result<SubmissionView> {
    let detail = detail(app, actor, id).await?;
    let template = match detail.occurrence.template_id {
        Some(t) => Some(templates::for_unit(app, t, detail.occurrence.agency_template_id, &detail.unit).await?),
        None => None,
    };
    let content = match detail.versions.last() {
        Some(v) => Some(stored::decode("submission_version.content", &v.content)?),
        None => None,
    };
    let timing = classify(detail.occurrence.due_date, Some(detail.row.first_submitted_on), app.today());
    let can_review = detail.status() == Some(SubmissionStatus::Submitted)
        && actor.may(&detail.receiver.unit_path(), Action::ReviewReports);
    Ok(SubmissionView { detail, template, content, timing, can_review })
}
