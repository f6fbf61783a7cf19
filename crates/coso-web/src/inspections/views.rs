//! The inspection pages: a unit's inspections with the plan form; one inspection with its
//! checklist and findings, conclusion and remediation tasks.

use askama::Template;
use askama_web::WebTemplate;
use coso_app::inspections::{InspectionView, RemediationView};
use coso_domain::inspection::{InspectionKind, InspectionStatus, RemediationStatus, Verdict};
use coso_store::{InspectionRow, UnitRow};

use crate::forms::FieldErrors;
use crate::views::{Nav, vn_date};

/// The path of a unit's inspection pages in the admin area.
pub fn admin_base(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/kiem-tra")
}

fn status_kind(s: InspectionStatus) -> &'static str {
    match s {
        InspectionStatus::Planned => "wait",
        InspectionStatus::InProgress | InspectionStatus::Concluded => "info",
        InspectionStatus::Closed => "ok",
    }
}

/// The plan form as typed: `team` one member per line, `Họ tên; chức danh; e-mail`.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PlanForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: String,
    #[serde(default)]
    pub team: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "inspections/list.html")]
pub struct ListPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub inspections: Vec<InspectionRow>,
    /// The units that may be inspected: the unit itself (self-inspection) and those below it.
    pub targets: Vec<UnitRow>,
    pub form: PlanForm,
    pub errors: FieldErrors,
}

impl ListPage {
    pub fn base(&self) -> String {
        admin_base(&self.unit.code)
    }
    pub fn date(&self, d: &chrono::NaiveDate) -> String {
        vn_date(*d)
    }
    pub fn tag_kind(&self, r: &InspectionRow) -> &'static str {
        status_kind(r.status)
    }
    pub fn kinds(&self) -> Vec<(String, &'static str, bool)> {
        InspectionKind::ALL
            .into_iter()
            .map(|k| (k.as_str().to_string(), k.label(), k.as_str() == self.form.kind))
            .collect()
    }
    pub fn target_options(&self) -> Vec<(String, String, bool)> {
        self.targets
            .iter()
            .map(|t| {
                let label = if t.id == self.unit.id { format!("{} (tự kiểm tra)", t.name) } else { t.name.clone() };
                (t.code.clone(), label, t.code == self.form.target)
            })
            .collect()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "inspections/inspection.html")]
pub struct InspectionPage {
    pub nav: Nav,
    pub v: InspectionView,
    pub unit: UnitRow,
    /// The units a remediation task may be led by: the inspecting unit and those below it.
    pub leads: Vec<UnitRow>,
    pub errors: FieldErrors,
}

impl InspectionPage {
    pub fn base(&self) -> String {
        format!("{}/{}", admin_base(&self.unit.code), self.v.row.id)
    }
    pub fn api(&self) -> String {
        format!("/api/v1/inspections/{}", self.v.row.id)
    }
    pub fn date(&self, d: &chrono::NaiveDate) -> String {
        vn_date(*d)
    }
    pub fn opt_date(&self, d: &Option<chrono::NaiveDate>) -> String {
        d.map(vn_date).unwrap_or_default()
    }
    pub fn status_kind(&self) -> &'static str {
        status_kind(self.v.row.status)
    }
    pub fn takes_findings(&self) -> bool {
        self.v.row.status.takes_findings().is_ok()
    }
    pub fn may_conclude(&self) -> bool {
        self.v.row.status == InspectionStatus::InProgress
    }
    pub fn follows_remediation(&self) -> bool {
        self.v.row.status == InspectionStatus::Concluded
    }
    pub fn may_publish(&self) -> bool {
        self.v.row.status.publishable().is_ok() && self.v.row.disclosure_id.is_none()
    }
    pub fn verdict_tag(&self, v: &Option<Verdict>) -> (&'static str, &'static str) {
        match v {
            None => ("Chưa đánh giá", "wait"),
            Some(Verdict::Met) => (Verdict::Met.label(), "ok"),
            Some(Verdict::Partly) => (Verdict::Partly.label(), "info"),
            Some(Verdict::NotMet) => (Verdict::NotMet.label(), "late"),
        }
    }
    pub fn verdicts(&self) -> Vec<(String, &'static str, bool)> {
        Verdict::ALL.into_iter().map(|v| (v.as_str().to_string(), v.label(), false)).collect()
    }
    pub fn task_tag(&self, t: &RemediationView) -> (&'static str, &'static str) {
        match t.row.status {
            RemediationStatus::Open if t.overdue => ("Quá hạn", "late"),
            RemediationStatus::Open => (RemediationStatus::Open.label(), "wait"),
            RemediationStatus::Done if t.done_late => ("Hoàn thành (quá hạn)", "info"),
            RemediationStatus::Done => (RemediationStatus::Done.label(), "ok"),
        }
    }
    pub fn task_open(&self, t: &RemediationView) -> bool {
        t.row.status == RemediationStatus::Open
    }
}

/// The path of the inspected unit's side of its inspections.
pub fn inspected_base(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/duoc-kiem-tra")
}

fn task_tag(t: &RemediationView) -> (&'static str, &'static str) {
    match t.row.status {
        RemediationStatus::Open if t.overdue => ("Quá hạn", "late"),
        RemediationStatus::Open => (RemediationStatus::Open.label(), "wait"),
        RemediationStatus::Done if t.done_late => ("Hoàn thành (quá hạn)", "info"),
        RemediationStatus::Done => (RemediationStatus::Done.label(), "ok"),
    }
}

/// The inspections of a unit and the remediation tasks it leads, as its officials see them.
#[derive(Template, WebTemplate)]
#[template(path = "inspections/inspected_list.html")]
pub struct InspectedListPage {
    pub nav: Nav,
    pub seen: coso_app::inspections::Inspected,
}

impl InspectedListPage {
    pub fn base(&self) -> String {
        inspected_base(&self.seen.unit.code)
    }
    pub fn date(&self, d: &chrono::NaiveDate) -> String {
        vn_date(*d)
    }
    pub fn tag_kind(&self, r: &InspectionRow) -> &'static str {
        status_kind(r.status)
    }
    pub fn task_tag(&self, t: &RemediationView) -> (&'static str, &'static str) {
        task_tag(t)
    }
}

/// One inspection as the inspected unit (or a task's lead unit) sees it: read only, but for the
/// tasks it leads.
#[derive(Template, WebTemplate)]
#[template(path = "inspections/inspected.html")]
pub struct InspectedPage {
    pub nav: Nav,
    pub seen: coso_app::inspections::InspectedView,
    pub errors: FieldErrors,
}

impl InspectedPage {
    pub fn base(&self) -> String {
        format!("{}/{}", inspected_base(&self.seen.unit.code), self.seen.v.row.id)
    }
    pub fn date(&self, d: &chrono::NaiveDate) -> String {
        vn_date(*d)
    }
    pub fn opt_date(&self, d: &Option<chrono::NaiveDate>) -> String {
        d.map(vn_date).unwrap_or_default()
    }
    pub fn status_kind(&self) -> &'static str {
        status_kind(self.seen.v.row.status)
    }
    pub fn verdict_tag(&self, v: &Option<Verdict>) -> (&'static str, &'static str) {
        match v {
            None => ("Chưa đánh giá", "wait"),
            Some(Verdict::Met) => (Verdict::Met.label(), "ok"),
            Some(Verdict::Partly) => (Verdict::Partly.label(), "info"),
            Some(Verdict::NotMet) => (Verdict::NotMet.label(), "late"),
        }
    }
    pub fn task_tag(&self, t: &RemediationView) -> (&'static str, &'static str) {
        task_tag(t)
    }
    /// Whether the viewer may report on `t`: a task the unit leads, open, of a concluded
    /// inspection.
    pub fn reports_on(&self, t: &RemediationView) -> bool {
        self.seen.reports
            && self.seen.leads(&t.row)
            && t.row.status == RemediationStatus::Open
            && self.seen.v.row.status == InspectionStatus::Concluded
    }
}
