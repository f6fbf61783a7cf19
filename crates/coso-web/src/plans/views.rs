//! Typed pages of plans, inboxes, reports and aggregate views. Fields are plain text and
//! numbers already worded in Vietnamese, so templates stay free of logic.

use askama::Template;
use askama_web::WebTemplate;
use coso_store::UnitRow;

use crate::views::Nav;

/// A unit the user can switch to (inbox, plans).
#[derive(Debug, Clone)]
pub struct UnitChoice {
    pub code: String,
    pub name: String,
    pub selected: bool,
}

/// One line of a unit's inbox.
#[derive(Debug, Clone)]
pub struct InboxLine {
    pub plan_id: i64,
    pub plan_label: String,
    pub issuer: String,
    pub what: String,
    pub due_text: String,
    /// "Còn 5 ngày làm việc", "Quá hạn 3 ngày", "Không ghi hạn".
    pub days_text: String,
    /// The calendar's explanation of the count.
    pub explanation: String,
    pub overdue: bool,
    pub status: String,
    pub href: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "reports/inbox.html")]
pub struct InboxPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub units: Vec<UnitChoice>,
    pub due: Vec<InboxLine>,
    pub done: Vec<InboxLine>,
    /// Items left out of the lists above (see all with `?tat-ca=1`).
    pub hidden: usize,
    pub received: Vec<ReceivedLine>,
    pub notifications: Vec<(String, String, String)>,
    pub notice: Option<String>,
}

/// A report waiting at the receiving unit.
#[derive(Debug, Clone)]
pub struct ReceivedLine {
    pub submission_id: i64,
    pub unit_name: String,
    pub what: String,
    pub submitted: String,
    pub status: String,
}

#[derive(Debug, Clone)]
pub struct IndicatorField {
    pub name: String,
    pub label: String,
    pub unit_of_measure: String,
    pub definition: String,
    pub required: bool,
    pub value: String,
    pub error: String,
}

#[derive(Debug, Clone)]
pub struct NarrativeField {
    pub name: String,
    pub title: String,
    pub required: bool,
    pub value: String,
    pub error: String,
}

#[derive(Debug, Clone)]
pub struct CriterionField {
    pub name: String,
    pub evidence_name: String,
    pub label: String,
    pub max_points: String,
    pub guidance: String,
    pub points: String,
    pub evidence: String,
    pub error: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "reports/report_form.html")]
pub struct ReportFormPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub action: String,
    pub plan_label: String,
    pub what: String,
    pub due_text: String,
    pub days_text: String,
    pub explanation: String,
    pub overdue: bool,
    pub is_report: bool,
    pub template_name: String,
    pub indicators: Vec<IndicatorField>,
    pub sections: Vec<NarrativeField>,
    pub criteria: Vec<CriterionField>,
    pub bands: String,
    pub errors: Vec<String>,
    /// The reviewer's comment when the report was returned.
    pub returned_comment: Option<String>,
    pub status: Option<String>,
    pub can_submit: bool,
    pub implementing_plans: Vec<(i64, String)>,
}

/// One kept version of a submission.
#[derive(Debug, Clone)]
pub struct VersionLine {
    pub version: i64,
    pub submitted: String,
    pub by: String,
    pub score: String,
    pub rank: String,
    pub review: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "reports/submission.html")]
pub struct SubmissionPage {
    pub nav: Nav,
    pub submission_id: i64,
    pub unit_name: String,
    pub plan_id: i64,
    pub plan_label: String,
    pub what: String,
    pub status: String,
    pub timing: String,
    pub score: String,
    pub rank: String,
    /// (label, value with its unit of measure)
    pub indicators: Vec<(String, String)>,
    pub narrative: Vec<(String, String)>,
    /// (criterion, points / max, evidence)
    pub assessment: Vec<(String, String, String)>,
    pub versions: Vec<VersionLine>,
    pub can_review: bool,
    pub error: Option<String>,
    pub notice: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PlanLine {
    pub id: i64,
    pub label: String,
    pub year: i32,
    pub issued: String,
    pub targets: i64,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/list.html")]
pub struct PlansPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub units: Vec<UnitChoice>,
    pub plans: Vec<PlanLine>,
    pub can_manage: bool,
    pub errors: Vec<String>,
    pub targets: String,
    pub year: String,
}

#[derive(Debug, Clone)]
pub struct TaskLine {
    pub id: i64,
    pub text: String,
    pub lead: String,
    pub partners: String,
    pub due: String,
    pub status: String,
    /// not_started | in_progress | done, for the form.
    pub status_code: &'static str,
    pub overdue: bool,
    pub progress: i64,
    /// (id, name, size)
    pub files: Vec<(i64, String, String)>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ObligationLine {
    pub what: String,
    pub due: String,
    pub receiver: String,
    /// (occurrence id, period label, on time, late, missing)
    pub occurrences: Vec<(i64, String, i64, i64, i64)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/plan.html")]
pub struct PlanPage {
    pub nav: Nav,
    pub id: i64,
    pub label: String,
    pub issuer: String,
    pub issued: String,
    pub legal_bases: Vec<String>,
    pub sections: Vec<String>,
    pub tasks: Vec<TaskLine>,
    pub obligations: Vec<ObligationLine>,
    pub targets: Vec<(String, String)>,
    pub parent: Option<(i64, String)>,
    pub children: Vec<(i64, String, String)>,
    pub can_manage: bool,
    pub notice: Option<String>,
    pub error: Option<String>,
    pub warnings: Vec<String>,
}

/// One row of an aggregate table.
#[derive(Debug, Clone)]
pub struct AggregateLine {
    pub name: String,
    /// Drill-down link when the row sums several target units.
    pub href: Option<String>,
    pub status: String,
    pub status_class: &'static str,
    pub values: Vec<String>,
    pub score: String,
    pub rank: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/aggregate.html")]
pub struct AggregatePage {
    pub nav: Nav,
    pub plan_id: i64,
    pub plan_label: String,
    pub what: String,
    pub due_text: String,
    pub scope: String,
    pub crumbs: Vec<(String, String)>,
    /// (occurrence id, label, selected)
    pub periods: Vec<(i64, String, bool)>,
    pub columns: Vec<String>,
    pub rows: Vec<AggregateLine>,
    pub totals: Vec<String>,
    pub counts: String,
    pub charts: Vec<Chart>,
    pub export_query: String,
}

/// An SVG chart with the table it was drawn from.
#[derive(Debug, Clone)]
pub struct Chart {
    pub title: String,
    pub svg: String,
    pub table: Vec<(String, String)>,
}

/// The review step of an imported plan: what the reader understood, editable.
#[derive(Template, WebTemplate)]
#[template(path = "plans/review.html")]
pub struct PlanReviewPage {
    pub nav: Nav,
    pub unit: UnitRow,
    /// The parsed document as JSON, carried through the form for rendering later.
    pub document: String,
    pub number: String,
    pub issued_on: String,
    pub title: String,
    pub year: String,
    pub targets: String,
    /// (kind, period, due, raw)
    pub obligations: Vec<(String, String, String, String)>,
    /// (text, lead, due)
    pub tasks: Vec<(String, String, String)>,
    pub warnings: Vec<String>,
    pub errors: Vec<String>,
}

/// The administrators' editor of a report template (its JSON, checked on save).
#[derive(Template, WebTemplate)]
#[template(path = "report_templates/editor.html")]
pub struct TemplatePage {
    pub nav: Nav,
    pub id: i64,
    pub code: String,
    pub version: i64,
    pub name: String,
    pub definition: String,
    pub errors: Vec<String>,
    pub notice: Option<String>,
}
