//! One case as the officials handling it read it: its state, its deadlines, its timeline and,
//! for those entitled to it, its sender.

use coso_calendar::HolidayCalendar;
use coso_domain::case::CaseActionKind;
use coso_store::{CaseFileMeta, CaseRow, CaseSender};
use serde::Serialize;

use super::access::{audit_identity_read, case_to_handle, may_read_sender};
use super::deadlines::{CaseDates, DeadlineView, schedule};
use crate::{Actor, App, Result};

/// One step of a case's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    pub action: CaseActionKind,
    /// The action in Vietnamese.
    pub label: &'static str,
    pub on: chrono::NaiveDate,
    pub note: Option<String>,
    /// Who did it (the account's e-mail, or the system).
    pub actor: String,
    /// Details of the step: ground of a refusal, units of a forward, days of an extension…
    pub detail: serde_json::Value,
}

/// A case with what its page and the API show.
#[derive(Debug, Clone, Serialize)]
pub struct CaseView {
    pub case: CaseRow,
    pub deadlines: Vec<DeadlineView>,
    pub timeline: Vec<TimelineEntry>,
    /// Only when the actor may read it (see the module's notes); `None` otherwise.
    pub sender: Option<CaseSender>,
    /// The files the actor may see (a denouncer's handwriting only when cleared).
    pub files: Vec<CaseFileMeta>,
}

/// The case `id`, for an official who handles cases of its unit. Reading a denouncer's
/// identity is audited.
pub async fn get(app: &App, actor: &Actor, calendar: &HolidayCalendar, id: i64) -> Result<CaseView> {
    let case = case_to_handle(app, actor, id).await?;
    build(app, actor, calendar, case).await
}

/// The view of a case the actor was let at, with its sender for those entitled to read it.
pub(crate) async fn build(app: &App, actor: &Actor, calendar: &HolidayCalendar, case: CaseRow) -> Result<CaseView> {
    let may_read = may_read_sender(app, actor, &case).await?;
    assemble(app, actor, calendar, case, may_read).await
}

/// The view of a case, with its sender and the files that show them only when `show_sender`
/// (the caller asked whether the actor may read them). Reading a denouncer's identity is
/// audited.
pub(crate) async fn assemble(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    case: CaseRow,
    show_sender: bool,
) -> Result<CaseView> {
    let actions = app.store().case_actions(case.case_id()).await?;
    let deadlines = schedule(calendar, &CaseDates::of(&case, &actions))?;
    let sender = if show_sender {
        let sender = app.store().case_sender(case.case_id()).await?.filter(|s| !s.is_empty());
        if sender.is_some() && case.kind.identity_is_secret() {
            audit_identity_read(app, actor, &case).await?;
        }
        sender
    } else {
        None
    };
    let timeline = actions
        .into_iter()
        .map(|a| TimelineEntry {
            action: a.action,
            label: a.action.label(),
            on: a.on_date,
            note: a.note,
            actor: a.actor_label,
            detail: serde_json::from_str(&a.detail).unwrap_or(serde_json::Value::Null),
        })
        .collect();
    let files =
        app.store().case_files(case.case_id()).await?.into_iter().filter(|f| !f.identity || show_sender).collect();
    Ok(CaseView { case, deadlines, timeline, sender, files })
}
