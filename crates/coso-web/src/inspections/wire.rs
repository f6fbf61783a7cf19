//! The API's bodies for inspections.

use chrono::NaiveDate;
use coso_app::inspections::{InspectionView, RemediationView};
use coso_store::InspectionEvidenceMeta;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A member of the inspection team: `role` head | deputy | member | secretary; `account` the
/// e-mail of the member's account, if any.
#[derive(Deserialize, ToSchema)]
pub struct TeamMemberCreate {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub account: String,
}

/// An inspection to plan: `kind` scheduled | surprise | self; `target` the code of a unit below
/// the inspecting unit (the unit itself, or empty, for a self-inspection); `template` the id of
/// the report template whose criteria make the checklist (the default template when absent).
#[derive(Deserialize, ToSchema)]
pub struct InspectionCreate {
    pub kind: String,
    #[serde(default)]
    pub target: String,
    pub subject: String,
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: String,
    pub team: Vec<TeamMemberCreate>,
    #[serde(default)]
    pub template: Option<i64>,
}

/// The finding on one criterion of the checklist: `verdict` met | partly | not_met; a note is
/// required unless met.
#[derive(Deserialize, ToSchema)]
#[schema(as = InspectionFindingCreate)]
pub struct FindingCreate {
    pub criterion: String,
    pub verdict: String,
    #[serde(default)]
    pub note: String,
}

/// The conclusion (*kết luận kiểm tra*).
#[derive(Deserialize, ToSchema)]
pub struct ConclusionCreate {
    pub conclusion: String,
}

/// A remediation task: `lead_unit` the code of the unit that leads it, `due_on` its deadline.
#[derive(Deserialize, ToSchema)]
pub struct RemediationCreate {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub lead_unit: String,
    #[serde(default)]
    pub due_on: String,
}

/// What was done to finish a remediation task.
#[derive(Deserialize, ToSchema)]
pub struct RemediationDone {
    pub note: String,
}

#[derive(Serialize, ToSchema)]
#[schema(as = InspectionDeadline)]
pub struct Deadline {
    /// `inspection.remediation`.
    pub rule: String,
    pub due: NaiveDate,
}

#[derive(Serialize, ToSchema)]
pub struct EvidenceFile {
    pub id: i64,
    pub file_name: String,
}

fn files(list: &[InspectionEvidenceMeta]) -> Vec<EvidenceFile> {
    list.iter().map(|f| EvidenceFile { id: f.id, file_name: f.file_name.clone() }).collect()
}

#[derive(Serialize, ToSchema)]
pub struct TeamMember {
    pub name: String,
    pub role: String,
}

/// A criterion of the checklist with its finding: `verdict` met | partly | not_met, or null
/// before it is assessed.
#[derive(Serialize, ToSchema)]
pub struct Criterion {
    pub code: String,
    pub label: String,
    pub verdict: Option<String>,
    pub note: Option<String>,
    pub evidence: Vec<EvidenceFile>,
}

/// A remediation task: `status` open | done; `overdue` when open after its deadline.
#[derive(Serialize, ToSchema)]
pub struct Remediation {
    pub id: i64,
    pub title: String,
    pub lead_unit: String,
    pub due_on: NaiveDate,
    pub status: String,
    pub overdue: bool,
    pub done_on: Option<NaiveDate>,
    pub done_late: bool,
    pub done_note: Option<String>,
    pub evidence: Vec<EvidenceFile>,
}

impl From<&RemediationView> for Remediation {
    fn from(t: &RemediationView) -> Self {
        let r = &t.row;
        Remediation {
            id: r.id,
            title: r.title.clone(),
            lead_unit: r.lead_unit_code.clone(),
            due_on: r.due_on,
            status: r.status.as_str().into(),
            overdue: t.overdue,
            done_on: r.done_on,
            done_late: t.done_late,
            done_note: r.done_note.clone(),
            evidence: files(&t.evidence),
        }
    }
}

/// An inspection: `kind` scheduled | surprise | self; `status` planned | in_progress | concluded
/// | closed; `deadlines` those of the remediation tasks still open.
#[derive(Serialize, ToSchema)]
pub struct Inspection {
    pub id: i64,
    pub unit: String,
    pub target: String,
    pub kind: String,
    pub status: String,
    pub subject: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub template: String,
    pub team: Vec<TeamMember>,
    pub checklist: Vec<Criterion>,
    pub conclusion: Option<String>,
    pub concluded_on: Option<NaiveDate>,
    pub remediation: Vec<Remediation>,
    pub deadlines: Vec<Deadline>,
    pub disclosure_id: Option<i64>,
    pub closed_on: Option<NaiveDate>,
}

impl From<&InspectionView> for Inspection {
    fn from(v: &InspectionView) -> Self {
        let r = &v.row;
        Inspection {
            id: r.id,
            unit: r.unit_code.clone(),
            target: r.target_code.clone(),
            kind: r.kind.as_str().into(),
            status: r.status.as_str().into(),
            subject: r.subject.clone(),
            starts_on: r.starts_on,
            ends_on: r.ends_on,
            template: r.template_code.clone(),
            team: v.team.iter().map(|m| TeamMember { name: m.name.clone(), role: m.role.as_str().into() }).collect(),
            checklist: v
                .checklist
                .iter()
                .map(|c| Criterion {
                    code: c.row.code.clone(),
                    label: c.row.label.clone(),
                    verdict: c.row.verdict.map(|x| x.as_str().to_string()),
                    note: c.row.note.clone(),
                    evidence: files(&c.evidence),
                })
                .collect(),
            conclusion: r.conclusion.clone(),
            concluded_on: r.concluded_on,
            remediation: v.remediation.iter().map(Into::into).collect(),
            deadlines: v.deadlines.iter().map(|d| Deadline { rule: d.rule.into(), due: d.due }).collect(),
            disclosure_id: r.disclosure_id,
            closed_on: r.closed_on,
        }
    }
}
