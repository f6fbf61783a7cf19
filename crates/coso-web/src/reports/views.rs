//! Typed pages of inboxes, report forms and sent reports. Fields are plain text and numbers
//! already worded in Vietnamese, so templates stay free of logic.

use askama::Template;
use askama_web::WebTemplate;
use coso_store::UnitRow;

use crate::views::{Nav, UnitChoice};

/// One line of a unit's inbox.
#[derive(Debug, Clone)]
pub struct InboxLine {
    pub plan_id: i64,
    pub plan_label: String,
    pub issuer: String,
    /// What is due, in words: "Báo cáo 6 tháng đầu năm 2026", "Kế hoạch thực hiện".
    pub obligation: String,
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
}

/// A report waiting at the receiving unit.
#[derive(Debug, Clone)]
pub struct ReceivedLine {
    pub submission_id: i64,
    pub unit_name: String,
    /// What is due, in words: "Báo cáo 6 tháng đầu năm 2026", "Kế hoạch thực hiện".
    pub obligation: String,
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
    /// What is due, in words: "Báo cáo 6 tháng đầu năm 2026", "Kế hoạch thực hiện".
    pub obligation: String,
    pub due_text: String,
    pub days_text: String,
    pub explanation: String,
    pub overdue: bool,
    pub is_report: bool,
    /// The case indicators were filled from the citizen cases.
    pub prefilled_from_cases: bool,
    pub template_name: String,
    pub indicators: Vec<IndicatorField>,
    pub sections: Vec<NarrativeField>,
    pub criteria: Vec<CriterionField>,
    pub bands: String,
    pub errors: Vec<crate::views::ErrorLink>,
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
    /// What is due, in words: "Báo cáo 6 tháng đầu năm 2026", "Kế hoạch thực hiện".
    pub obligation: String,
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
}
