//! Typed pages of plans, their review step and aggregate views. Fields are plain text and
//! numbers already worded in Vietnamese, so templates stay free of logic.

use askama::Template;
use askama_web::WebTemplate;
use coso_store::UnitRow;

use crate::views::{ErrorLink, Nav, UnitChoice};

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
    /// "Báo cáo 6 tháng", "Kế hoạch thực hiện".
    pub title: String,
    pub due: String,
    pub receiver: String,
    /// (occurrence id, period label, on time, late, missing)
    pub occurrences: Vec<(i64, String, i64, i64, i64)>,
    /// Whether its periods have figures to aggregate: reports do, implementing plans do not.
    pub aggregatable: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/plan.html")]
pub struct PlanPage {
    pub nav: Nav,
    pub id: i64,
    pub label: String,
    pub issuer: String,
    /// The body of the unit that issued it, by name.
    pub issuing_body: String,
    pub issued: String,
    pub legal_bases: Vec<String>,
    pub sections: Vec<String>,
    pub tasks: Vec<TaskLine>,
    pub obligations: Vec<ObligationLine>,
    pub targets: Vec<(String, String)>,
    pub parent: Option<(i64, String)>,
    pub children: Vec<(i64, String, String)>,
    pub can_manage: bool,
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
    /// The report aggregated, in words: "Báo cáo 6 tháng đầu năm 2026".
    pub obligation: String,
    pub due_text: String,
    pub scope: String,
    pub crumbs: Vec<(String, String)>,
    /// (occurrence id, label, selected)
    pub periods: Vec<(i64, String, bool)>,
    pub columns: Vec<ColumnHead>,
    pub rows: Vec<AggregateLine>,
    pub totals: Vec<String>,
    pub counts: String,
    pub charts: Vec<Chart>,
    pub export_query: String,
    /// The agencies among the targets, on their own template.
    pub agencies: Option<AgencyTable>,
}

/// The agencies' table of an aggregate page: their template's columns, never the communes'.
#[derive(Debug, Clone)]
pub struct AgencyTable {
    pub template_name: String,
    pub counts: String,
    pub columns: Vec<ColumnHead>,
    pub rows: Vec<AggregateLine>,
    pub totals: Vec<String>,
}

/// An indicator's column: a short header (`CT1`), its full name on hover and in the legend.
#[derive(Debug, Clone)]
pub struct ColumnHead {
    pub short: String,
    pub full: String,
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
    /// The chosen issuing body's code, and every body as (code, name for this unit).
    pub issuer: &'static str,
    pub issuers: Vec<(&'static str, String)>,
    pub year: String,
    pub targets: String,
    /// The code of the template chosen for agency targets (empty: the agencies' default), and
    /// every template as (code, name).
    pub agency_template: String,
    pub agency_templates: Vec<(String, String)>,
    /// (kind, period, due, raw)
    pub obligations: Vec<(String, String, String, String)>,
    /// (text, lead, due)
    pub tasks: Vec<(String, String, String)>,
    pub warnings: Vec<String>,
    pub errors: Vec<String>,
    /// A plan typed from scratch (no document read): the page is worded as issuing, not review.
    pub blank: bool,
}

impl PlansPage {
    /// A refused document: the summary links to the file field.
    pub fn error_links(&self) -> Vec<ErrorLink> {
        self.errors.iter().map(|e| ErrorLink::new("file", e.clone())).collect()
    }
}

impl PlanReviewPage {
    /// What blocks issuing: the summary links to the review form.
    pub fn error_links(&self) -> Vec<ErrorLink> {
        self.errors.iter().map(|e| ErrorLink::new("ban-hanh", e.clone())).collect()
    }

    /// The last breadcrumb: issuing from scratch or reviewing a document read.
    pub fn crumb(&self) -> &'static str {
        if self.blank { "Ban hành" } else { "Xem lại" }
    }
}

impl PlanPage {
    /// A refused task form: the summary links to the task list.
    pub fn error_links(&self) -> Vec<ErrorLink> {
        self.error.iter().map(|e| ErrorLink::new("nhiem-vu", e.clone())).collect()
    }
}
