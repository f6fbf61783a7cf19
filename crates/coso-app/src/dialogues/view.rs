//! What the pages and the API show of dialogues: a unit's list, one dialogue with its
//! deadlines, questions and commitments (for residents, or for the officials with hidden
//! questions' text), and the commitments of a unit's subtree with their progress.

use std::collections::HashMap;

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_domain::authz::Action;
use coso_domain::dialogue::{CommitmentStatus, DialogueStatus, may_ask};
use coso_store::{
    CommitmentCounts, CommitmentRow, DialogueRequestRow, DialogueRow, DialogueVillageRow, ProgressRow, QuestionRow,
    UnitRow,
};
use serde::Serialize;

use super::access::dialogue_of_unit;
use super::deadlines::{DeadlineView, deadlines};
use crate::{Actor, App, Error, Result};

/// Commitments shown per page of a unit's public commitments.
pub const PUBLIC_COMMITMENTS_PER_PAGE: i64 = 50;

/// A dialogue in a list.
#[derive(Debug, Clone, Serialize)]
pub struct DialogueSummary {
    pub id: i64,
    pub title: String,
    pub held_on: NaiveDate,
    pub place: Option<String>,
    pub online: bool,
    pub status: DialogueStatus,
}

/// A question as shown: a hidden one only by its reason (its text for the officials).
#[derive(Debug, Clone, Serialize)]
pub struct QuestionView {
    pub id: i64,
    pub author_label: String,
    pub body: Option<String>,
    pub hidden_reason: Option<String>,
    pub answer: Option<String>,
}

/// A commitment as shown, late when not done by its due date, with its progress updates.
#[derive(Debug, Clone, Serialize)]
pub struct CommitmentView {
    pub id: i64,
    pub dialogue_id: i64,
    /// The dialogue it was made at, as its title reads.
    pub dialogue_title: String,
    pub dialogue_unit_name: String,
    pub held_on: NaiveDate,
    pub question_id: Option<i64>,
    pub body: String,
    pub owner_code: String,
    pub owner_name: String,
    pub due_on: NaiveDate,
    pub status: CommitmentStatus,
    pub percent: i64,
    pub done_on: Option<NaiveDate>,
    pub progress: Vec<ProgressRow>,
}

/// One dialogue with everything about it.
#[derive(Debug, Clone, Serialize)]
pub struct DialogueView {
    #[serde(skip)]
    pub unit: UnitRow,
    pub dialogue: DialogueRow,
    pub title: String,
    pub villages: Vec<DialogueVillageRow>,
    pub deadlines: Vec<DeadlineView>,
    pub questions: Vec<QuestionView>,
    pub commitments: Vec<CommitmentView>,
    /// Whether residents may send questions now; else why not.
    pub may_ask: bool,
    pub ask_refusal: Option<String>,
}

/// The commitments of a unit's subtree, one page.
#[derive(Debug, Clone)]
pub struct CommitmentsPage {
    pub unit: UnitRow,
    pub counts: CommitmentCounts,
    pub commitments: Vec<CommitmentView>,
    pub page: i64,
    pub has_more: bool,
}

/// A dialogue's title: its topic, or the villages it is held for.
fn title(topic: Option<&str>, villages: &[DialogueVillageRow]) -> String {
    match topic {
        Some(t) => t.to_string(),
        None => {
            let names: Vec<&str> = villages.iter().map(|v| v.name.as_str()).collect();
            if names.is_empty() {
                "Hội nghị đối thoại với Nhân dân".to_string()
            } else {
                format!("Đối thoại với Nhân dân {}", names.join(", "))
            }
        }
    }
}

fn summary(d: &DialogueRow, villages: &[DialogueVillageRow]) -> DialogueSummary {
    DialogueSummary {
        id: d.id,
        title: title(d.topic.as_deref(), villages),
        held_on: d.held_on,
        place: d.place.clone(),
        online: d.online,
        status: d.status,
    }
}

fn commitment_views(rows: Vec<CommitmentRow>, progress: Vec<ProgressRow>, today: NaiveDate) -> Vec<CommitmentView> {
    let mut by: HashMap<i64, Vec<ProgressRow>> = HashMap::new();
    for p in progress {
        by.entry(p.commitment_id).or_default().push(p);
    }
    rows.into_iter()
        .map(|c| CommitmentView {
            id: c.id,
            dialogue_id: c.dialogue_id,
            dialogue_title: title(c.topic.as_deref(), &[]),
            dialogue_unit_name: c.dialogue_unit_name,
            held_on: c.held_on,
            question_id: c.question_id,
            body: c.body,
            owner_code: c.owner_code,
            owner_name: c.owner_name,
            due_on: c.due_on,
            status: c.status.shown(c.due_on, today),
            percent: c.percent,
            done_on: c.done_on,
            progress: by.remove(&c.id).unwrap_or_default(),
        })
        .collect()
}

async fn view(
    app: &App,
    calendar: &HolidayCalendar,
    unit: UnitRow,
    d: DialogueRow,
    officials: bool,
) -> Result<DialogueView> {
    let store = app.store();
    let (villages, questions, commitments) = tokio::try_join!(
        store.dialogue_villages(d.id),
        store.dialogue_questions(d.id),
        store.dialogue_commitments(d.id)
    )?;
    let ids: Vec<i64> = commitments.iter().map(|c| c.id).collect();
    let progress = store.commitment_progress(&ids).await?;
    let today = app.today();
    let mut commitments = commitment_views(commitments, progress, today);
    let title = title(d.topic.as_deref(), &villages);
    for c in &mut commitments {
        c.dialogue_title = title.clone();
    }
    let questions = questions
        .into_iter()
        .map(|q: QuestionRow| QuestionView {
            id: q.id,
            author_label: q.author_label,
            body: (officials || q.hidden_reason.is_none()).then_some(q.body),
            hidden_reason: q.hidden_reason,
            answer: q.answer,
        })
        .collect();
    let asking = may_ask(d.status, d.held_on, today);
    Ok(DialogueView {
        deadlines: deadlines(calendar, d.held_on, d.announced_on, d.published_on)?,
        unit,
        title,
        villages,
        questions,
        commitments,
        may_ask: asking.is_ok(),
        ask_refusal: asking.err().map(|e| e.message),
        dialogue: d,
    })
}

/// A dialogue as the officials of its unit see it, planned ones and hidden questions included.
pub async fn dialogue_view(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    code: &str,
    id: i64,
) -> Result<DialogueView> {
    let (unit, d) = dialogue_of_unit(app, code, id).await?;
    actor.authorize(&unit.unit_path(), Action::HoldDialogues)?;
    view(app, calendar, unit, d, true).await
}

/// A dialogue as anyone sees it once announced; a planned one is not found.
pub async fn public_view(app: &App, calendar: &HolidayCalendar, code: &str, id: i64) -> Result<DialogueView> {
    let (unit, d) = dialogue_of_unit(app, code, id).await?;
    if d.status == DialogueStatus::Planned {
        return Err(Error::NotFound);
    }
    view(app, calendar, unit, d, false).await
}

async fn summaries(app: &App, rows: Vec<DialogueRow>) -> Result<Vec<DialogueSummary>> {
    let mut out = Vec::with_capacity(rows.len());
    for d in rows {
        let villages = if d.topic.is_none() { app.store().dialogue_villages(d.id).await? } else { Vec::new() };
        out.push(summary(&d, &villages));
    }
    Ok(out)
}

/// A unit's announced dialogues: those to come (soonest first) and those held (latest first).
pub async fn list_for_unit(app: &App, code: &str) -> Result<(UnitRow, Vec<DialogueSummary>, Vec<DialogueSummary>)> {
    let unit = crate::units::by_code(app, code).await?;
    let all = summaries(app, app.store().dialogues_of_unit(unit.id, false).await?).await?;
    let today = app.today();
    let (mut upcoming, past): (Vec<_>, Vec<_>) = all.into_iter().partition(|d| d.held_on >= today);
    upcoming.reverse();
    Ok((unit, upcoming, past))
}

/// A unit's dialogues for its officials, planned ones included, with the voters' requests.
pub async fn manage_list(
    app: &App,
    actor: &Actor,
    code: &str,
) -> Result<(UnitRow, Vec<DialogueSummary>, Vec<DialogueRequestRow>)> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::HoldDialogues)?;
    let store = app.store();
    let (rows, requests) =
        tokio::try_join!(store.dialogues_of_unit(unit.id, true), store.dialogue_requests_of_unit(unit.id))?;
    Ok((unit, summaries(app, rows).await?, requests))
}

/// The public commitments of the unit `code`'s subtree, page `page` (from 1), the soonest due
/// first, with their counts.
pub async fn commitments_page(app: &App, code: &str, page: i64) -> Result<CommitmentsPage> {
    let unit = crate::units::by_code(app, code).await?;
    let page = page.max(1);
    let store = app.store();
    let today = app.today();
    let offset = (page - 1) * PUBLIC_COMMITMENTS_PER_PAGE;
    let (mut rows, counts) = tokio::try_join!(
        store.commitments_of_subtree(&unit, PUBLIC_COMMITMENTS_PER_PAGE + 1, offset),
        store.commitment_counts(&unit, today)
    )?;
    let has_more = rows.len() as i64 > PUBLIC_COMMITMENTS_PER_PAGE;
    rows.truncate(PUBLIC_COMMITMENTS_PER_PAGE as usize);
    let ids: Vec<i64> = rows.iter().map(|c| c.id).collect();
    let progress = store.commitment_progress(&ids).await?;
    Ok(CommitmentsPage { unit, counts, commitments: commitment_views(rows, progress, today), page, has_more })
}

/// How many dialogues the unit's subtree held in a period, for the report's indicator.
pub async fn held_count(app: &App, unit: &UnitRow, from: NaiveDate, to: NaiveDate) -> Result<i64> {
    Ok(app.store().dialogues_held(unit, from, to).await?)
}
