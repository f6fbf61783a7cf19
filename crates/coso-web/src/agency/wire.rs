//! The API's bodies for agencies: a staff conference with its outcome, internal rules.

use chrono::NaiveDate;
use coso_app::agency::{RuleView, StaffConferenceView};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A resolution voted at the conference.
#[derive(Deserialize, Serialize, ToSchema)]
pub struct ResolutionCreate {
    pub title: String,
    pub yes: i64,
}

/// A staff conference: `work_year`, all the `staff`, those `present` and the `yes` of its
/// resolution; or several `resolutions`, each with its `title` and `yes`.
#[derive(Deserialize, ToSchema)]
pub struct StaffConferenceCreate {
    pub work_year: i64,
    pub staff: i64,
    pub present: i64,
    /// The yes votes of the conference's one resolution (when `resolutions` is empty).
    #[serde(default)]
    pub yes: Option<i64>,
    /// What that resolution decides; «Nghị quyết hội nghị» when absent.
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub resolutions: Vec<ResolutionCreate>,
    /// `yyyy-mm-dd` or `dd/mm/yyyy`.
    #[serde(default)]
    pub held_on: String,
    #[serde(default)]
    pub minutes: String,
}

#[derive(Serialize, ToSchema)]
pub struct Resolution {
    pub title: String,
    pub yes: u32,
    /// The fewest yes that pass it: more than half of those present.
    pub required: u32,
    pub passed: bool,
    pub reason: String,
}

/// A deadline: `rule` is stable (`staff_conference.due`).
#[derive(Serialize, ToSchema)]
pub struct Deadline {
    pub rule: String,
    pub due: NaiveDate,
    pub explanation: String,
    pub citation: String,
}

/// A staff conference judged: `due` (AG-3), `valid` at two thirds present and `passed` with
/// more than half of those present (AG-4), with the `reason` in Vietnamese.
#[derive(Serialize, ToSchema)]
pub struct StaffConference {
    pub id: i64,
    pub unit: String,
    pub work_year: i32,
    pub held_on: Option<NaiveDate>,
    pub staff: u32,
    pub present: u32,
    pub due: NaiveDate,
    pub late: bool,
    pub quorum: u32,
    pub valid: bool,
    pub passed: bool,
    pub reason: String,
    pub resolutions: Vec<Resolution>,
    pub deadlines: Vec<Deadline>,
    pub minutes: Option<String>,
}

impl From<&StaffConferenceView> for StaffConference {
    fn from(v: &StaffConferenceView) -> Self {
        StaffConference {
            id: v.id,
            unit: v.unit_code.clone(),
            work_year: v.work_year,
            held_on: v.held_on,
            staff: v.staff,
            present: v.present,
            due: v.due,
            late: v.late,
            quorum: v.quorum,
            valid: v.valid,
            passed: v.passed,
            reason: v.reason.clone(),
            resolutions: v
                .resolutions
                .iter()
                .map(|r| Resolution {
                    title: r.title.clone(),
                    yes: r.yes,
                    required: r.required,
                    passed: r.passed,
                    reason: r.reason.clone(),
                })
                .collect(),
            deadlines: v
                .deadlines
                .iter()
                .map(|d| Deadline {
                    rule: d.rule.to_string(),
                    due: d.due,
                    explanation: d.explanation.clone(),
                    citation: d.citation.clone(),
                })
                .collect(),
            minutes: v.minutes.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct StaffConferenceList {
    pub items: Vec<StaffConference>,
}

/// A new internal rule (`kind` democracy | spending | recruitment | assets | work | other) with
/// its first version, or a new version of a rule (`kind` and `title` ignored).
#[derive(Deserialize, ToSchema)]
#[schema(as = InternalRuleCreate)]
pub struct RuleCreate {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub number: String,
    pub issued_on: String,
    #[serde(default)]
    pub summary: String,
}

#[derive(Serialize, ToSchema)]
pub struct RuleVersion {
    pub version: i64,
    pub number: Option<String>,
    pub issued_on: NaiveDate,
    pub summary: Option<String>,
}

/// An internal rule with every version, the latest (in force) first.
#[derive(Serialize, ToSchema)]
#[schema(as = InternalRule)]
pub struct Rule {
    pub id: i64,
    pub kind: String,
    pub kind_label: String,
    pub title: String,
    pub versions: Vec<RuleVersion>,
}

impl From<&RuleView> for Rule {
    fn from(r: &RuleView) -> Self {
        Rule {
            id: r.id,
            kind: r.kind.as_str().to_string(),
            kind_label: r.kind_label.to_string(),
            title: r.title.clone(),
            versions: r
                .versions
                .iter()
                .map(|v| RuleVersion {
                    version: v.version,
                    number: v.number.clone(),
                    issued_on: v.issued_on,
                    summary: v.summary.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct RuleList {
    pub items: Vec<Rule>,
}
