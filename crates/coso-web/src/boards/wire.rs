//! The API's bodies for supervision boards.

use chrono::NaiveDate;
use coso_app::boards::{BoardView, FindingView, ReportDue};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A member of a board to record: `role` head | deputy | member; `village` the code or name of
/// a village or residential group of the commune; `from` (investment boards) front |
/// inspection_board | resident (the default); `account` the e-mail of the member's
/// `board_member` account, if any.
#[derive(Deserialize, ToSchema)]
pub struct MemberCreate {
    pub name: String,
    pub role: String,
    #[serde(default)]
    pub village: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub account: String,
}

/// The project an investment board supervises; amounts in đồng.
#[derive(Deserialize, ToSchema)]
pub struct ProjectCreate {
    pub name: String,
    pub investor: String,
    pub budget: String,
    #[serde(default)]
    pub contributions: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// A board to record: `kind` inspection | investment, its members, the decision that elected
/// them (`elected_by`, `elected_on`), `reports` quarterly (default) | half_yearly, and for an
/// investment board its `project`. A board breaking BTT-1, BTT-2, BTT-6, GS-1, GS-2 or GS-3 is
/// refused (422) with the rule named in the message.
#[derive(Deserialize, ToSchema)]
pub struct BoardCreate {
    pub kind: String,
    pub members: Vec<MemberCreate>,
    #[serde(default)]
    pub elected_by: String,
    #[serde(default)]
    pub elected_on: String,
    #[serde(default)]
    pub reports: String,
    #[serde(default)]
    pub project: Option<ProjectCreate>,
}

/// A finding and recommendation sent to a unit (`to_unit`, a code in the board's subtree) with
/// the day its answer is due.
#[derive(Deserialize, ToSchema)]
pub struct FindingCreate {
    pub subject: String,
    pub body: String,
    pub to_unit: String,
    pub due_on: String,
    #[serde(default)]
    pub activity_id: Option<i64>,
}

/// The answer of the unit that received a finding.
#[derive(Deserialize, ToSchema)]
#[schema(as = FindingAnswerCreate)]
pub struct AnswerCreate {
    pub answer: String,
}

/// The period of a report: `2026-Q1`… for a quarterly board, `2026-H1` or `2026` (the second
/// half) for a half-yearly one.
#[derive(Deserialize, ToSchema)]
pub struct ReportCreate {
    pub period: String,
}

#[derive(Serialize, ToSchema)]
#[schema(as = BoardDeadline)]
pub struct Deadline {
    /// `board.finding_answer` or `board.report`.
    pub rule: String,
    pub due: NaiveDate,
}

#[derive(Serialize, ToSchema)]
pub struct Member {
    pub name: String,
    pub role: String,
    pub from: String,
    pub village: Option<String>,
}

/// A finding with where it stands: `status` sent | answered | closed.
#[derive(Serialize, ToSchema)]
pub struct Finding {
    pub id: i64,
    pub board_id: i64,
    pub subject: String,
    pub body: String,
    pub to_unit: String,
    pub sent_on: NaiveDate,
    pub status: String,
    pub overdue: bool,
    pub escalated: bool,
    pub answer: Option<String>,
    pub answered_on: Option<NaiveDate>,
    pub answered_late: bool,
    pub closed_on: Option<NaiveDate>,
    pub deadlines: Vec<Deadline>,
}

impl From<&FindingView> for Finding {
    fn from(f: &FindingView) -> Self {
        let r = &f.row;
        Finding {
            id: r.id,
            board_id: r.board_id,
            subject: r.subject.clone(),
            body: r.body.clone(),
            to_unit: r.to_unit_code.clone(),
            sent_on: r.sent_on,
            status: r.status.as_str().into(),
            overdue: f.overdue,
            escalated: r.escalated_at.is_some(),
            answer: r.answer.clone(),
            answered_on: r.answered_on,
            answered_late: f.answered_late,
            closed_on: r.closed_on,
            deadlines: f.deadlines.iter().map(|d| Deadline { rule: d.rule.into(), due: d.due }).collect(),
        }
    }
}

/// A report the board owes: `period` as `2026-Q1`, `sent_on` once sent.
#[derive(Serialize, ToSchema)]
pub struct Report {
    pub period: String,
    pub label: String,
    pub sent_on: Option<NaiveDate>,
    pub overdue: bool,
    pub deadlines: Vec<Deadline>,
}

impl From<&ReportDue> for Report {
    fn from(r: &ReportDue) -> Self {
        Report {
            period: r.period.to_string(),
            label: r.label.clone(),
            sent_on: r.sent_on,
            overdue: r.overdue,
            deadlines: vec![Deadline { rule: r.rule.into(), due: r.due }],
        }
    }
}

/// A board with its members, findings and reports: `kind` inspection | investment, `status`
/// active | dissolved.
#[derive(Serialize, ToSchema)]
pub struct Board {
    pub id: i64,
    pub unit: String,
    pub kind: String,
    pub status: String,
    pub elected_by: String,
    pub elected_on: NaiveDate,
    /// The election whose recognised result formed the board or last renewed its members
    /// (`/api/v1/elections/{id}`).
    pub election: Option<i64>,
    pub project: Option<String>,
    pub members: Vec<Member>,
    pub findings: Vec<Finding>,
    pub reports: Vec<Report>,
}

impl From<&BoardView> for Board {
    fn from(v: &BoardView) -> Self {
        let b = &v.board;
        Board {
            id: b.id,
            unit: b.unit_code.clone(),
            kind: b.kind.as_str().into(),
            status: b.status.as_str().into(),
            elected_by: b.elected_by.clone(),
            elected_on: b.elected_on,
            election: b.election_id,
            project: b.project_name.clone(),
            members: v
                .members
                .iter()
                .map(|m| Member {
                    name: m.name.clone(),
                    role: m.role.as_str().into(),
                    from: m.source.as_str().into(),
                    village: m.village_name.clone(),
                })
                .collect(),
            findings: v.findings.iter().map(Into::into).collect(),
            reports: v.obligations.iter().map(Into::into).collect(),
        }
    }
}
