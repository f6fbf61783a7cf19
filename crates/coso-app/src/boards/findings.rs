//! Findings and recommendations (*kiến nghị*): the board sends one to a unit of its subtree with
//! a deadline; the unit answers; the board closes it. The daily job sends the overdue ones to the
//! commune chairman (the inbox of the board's unit), once each.

use std::collections::HashMap;

use chrono::NaiveDate;
use coso_domain::FieldError;
use coso_domain::UnitId;
use coso_domain::authz::Action;
use coso_domain::board::finding::ANSWER_RULE;
use coso_domain::board::{AnswerData, AnswerInput, FindingData, FindingInput, FindingState};
use coso_store::{Escalation, FindingRow, NewFinding};
use serde::Serialize;

use super::access::board_for_work;
use super::work::working;
use crate::{Actor, App, Error, Result};

/// A deadline as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub rule: &'static str,
    pub due: NaiveDate,
}

/// A finding as the pages and the API show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingView {
    #[serde(flatten)]
    pub row: FindingRow,
    pub overdue: bool,
    pub answered_late: bool,
    pub deadlines: Vec<Deadline>,
}

pub(crate) fn state(row: &FindingRow) -> FindingState {
    FindingState { status: row.status, due_on: row.due_on, answered_on: row.answered_on }
}

impl FindingView {
    pub fn of(row: FindingRow, today: NaiveDate) -> FindingView {
        let s = state(&row);
        let deadlines = vec![Deadline { rule: ANSWER_RULE, due: row.due_on }];
        FindingView { overdue: s.overdue(today), answered_late: s.answered_late(), deadlines, row }
    }
}

/// Sends a finding of the board to a unit of its subtree.
pub async fn send(app: &App, actor: &Actor, board_id: i64, input: &FindingInput) -> Result<i64> {
    let access = working(app, actor, board_id).await?;
    let today = app.today();
    let data = FindingData::parse(input, today).map_err(Error::Validation)?;
    let to = app.store().unit_by_code(&data.to_unit).await?;
    let to = to.filter(|u| access.unit.unit_path().contains(&u.unit_path())).ok_or_else(|| {
        Error::Validation(vec![FieldError::new(
            "to_unit",
            format!("«{}» không phải đơn vị thuộc {}.", data.to_unit, access.unit.name),
        )])
    })?;
    if let Some(activity) = input.activity_id {
        let ours = app.store().board_activities(board_id).await?.iter().any(|a| a.id == activity);
        if !ours {
            return Err(Error::Validation(vec![FieldError::new("activity_id", "Hoạt động không thuộc ban này.")]));
        }
    }
    let new = NewFinding {
        activity_id: input.activity_id,
        to_unit_id: to.id,
        subject: data.subject,
        body: data.body,
        sent_on: today,
        due_on: data.due_on,
    };
    Ok(app.store().send_finding(&access.permit, &access.unit, board_id, &new, actor.audit()).await?)
}

/// One finding, for those who may see its board or answer it.
pub async fn get(app: &App, actor: &Actor, id: i64) -> Result<FindingView> {
    let row = app.store().finding(id).await?.ok_or(Error::NotFound)?;
    let to = crate::units::by_id(app, UnitId(row.to_unit_id)).await?;
    if !actor.may(&to.unit_path(), Action::ManageBoards) {
        board_for_work(app, actor, row.board_id).await?;
    }
    Ok(FindingView::of(row, app.today()))
}

/// The answer of the unit the finding was sent to, given by one of its officials.
pub async fn answer(app: &App, actor: &Actor, id: i64, input: &AnswerInput) -> Result<()> {
    let row = app.store().finding(id).await?.ok_or(Error::NotFound)?;
    let to = crate::units::by_id(app, UnitId(row.to_unit_id)).await?;
    let permit = actor.authorize(&to.unit_path(), Action::ManageBoards)?;
    let data = AnswerData::parse(input).map_err(|e| Error::Validation(vec![e]))?;
    state(&row).answer().map_err(|e| Error::Conflict { field: "status", message: e.message })?;
    Ok(app.store().answer_finding(&permit, &to, id, &data.answer, app.today(), actor.audit()).await?)
}

/// Closes an answered finding of the board.
pub async fn close(app: &App, actor: &Actor, id: i64) -> Result<()> {
    let row = app.store().finding(id).await?.ok_or(Error::NotFound)?;
    let access = board_for_work(app, actor, row.board_id).await?;
    state(&row).close().map_err(|e| Error::Conflict { field: "status", message: e.message })?;
    Ok(app.store().close_finding(&access.permit, &access.unit, id, app.today(), actor.audit()).await?)
}

/// Sends every finding overdue on `today` and not yet sent on to the inbox of its board's unit
/// (the commune chairman's, or the agency head's), once; returns how many went.
pub async fn escalate_overdue(app: &App, today: NaiveDate) -> Result<u64> {
    let rows = app.store().findings_to_escalate(today).await?;
    let mut codes: HashMap<i64, String> = HashMap::new();
    let mut escalations = Vec::new();
    for f in rows {
        let code = match codes.get(&f.board_unit_id) {
            Some(code) => code.clone(),
            None => {
                let code = crate::units::by_id(app, UnitId(f.board_unit_id)).await?.code;
                codes.insert(f.board_unit_id, code.clone());
                code
            }
        };
        escalations.push(Escalation {
            finding_id: f.id,
            unit_id: f.board_unit_id,
            title: format!("Kiến nghị quá hạn trả lời: {}", f.subject),
            body: format!(
                "{} của {} gửi {} kiến nghị «{}», hạn trả lời ngày {}; đến nay chưa có trả lời. \
                 Đề nghị Chủ tịch chỉ đạo trả lời.",
                f.board_kind.label(),
                f.board_unit_name,
                f.to_unit_name,
                f.subject,
                f.due_on.format("%d/%m/%Y")
            ),
            link: format!("/quan-tri/don-vi/{code}/ban-giam-sat/{}", f.board_id),
        });
    }
    let system = Actor::system("jobs");
    Ok(app.store().escalate_findings(&escalations, system.audit()).await?)
}
