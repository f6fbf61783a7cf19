//! What an election and a dismissal show: the API's shape, shared by the pages.

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_domain::UnitId;
use coso_domain::authz::Action;
use coso_domain::decision::Comparison;
use coso_domain::election::{
    BOARD_RULES, Base, ElectionKind, ElectionStatus, Outcome, PersonRole, ResultData, Step, judge_result, judge_seats,
};
use coso_store::{DismissalRow, ElectionRow, UnitRow};
use serde::Serialize;

use super::deadlines::{self, ElectionDeadline};
use crate::{Actor, App, Error, Result};

/// The threshold the count is held against, and whether the law's text was seen (VH-5 was not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThresholdView {
    pub rule: &'static str,
    pub base: Base,
    pub comparison: Comparison,
    /// «trên 50% tổng số hộ gia đình của thôn, tổ dân phố».
    pub label: String,
    pub verified: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CandidateView {
    pub name: String,
    /// Once the count is in.
    pub votes: Option<i64>,
    /// The village a board's candidate would represent.
    pub village: Option<String>,
}

/// A dismissal with the interim head and the deadline of the new election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DismissalView {
    pub id: i64,
    pub unit_code: String,
    pub head_name: String,
    pub recognised_on: NaiveDate,
    pub interim_name: String,
    pub interim_from: NaiveDate,
    /// The election decided after it.
    pub election_id: Option<i64>,
    pub deadlines: Vec<ElectionDeadline>,
}

/// An election in the decisions' shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElectionView {
    pub id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub title: String,
    pub meeting_on: NaiveDate,
    pub status: ElectionStatus,
    pub status_label: &'static str,
    /// A village head, or a board's members.
    pub kind: ElectionKind,
    pub kind_label: &'static str,
    /// How many it elects.
    pub seats: u32,
    /// The board it fills: an investment board from the start, a People's Inspection Board
    /// once its result is recognised.
    pub board_id: Option<i64>,
    pub candidates: Vec<CandidateView>,
    pub team: Vec<String>,
    /// The households of the village at the meeting, and those present.
    pub households: Option<u32>,
    pub present: Option<u32>,
    /// The votes of the candidate with the most.
    pub yes: Option<u32>,
    pub required: Option<u32>,
    pub outcome: Option<Outcome>,
    pub outcome_label: Option<&'static str>,
    /// The candidate elected (a village head's election).
    pub elected: Option<String>,
    /// Everyone elected, most votes first (one for a village head).
    pub winners: Vec<String>,
    pub reason: Option<String>,
    pub threshold: ThresholdView,
    /// When the commune received the result, and decided on it.
    pub received_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    /// The four steps before the meeting, then the recognition and, after a dismissal, the
    /// new election's decision.
    pub deadlines: Vec<ElectionDeadline>,
    pub dismissal: Option<DismissalView>,
}

/// One line of a village's elections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElectionSummary {
    pub id: i64,
    pub title: String,
    pub meeting_on: NaiveDate,
    pub status: ElectionStatus,
    pub status_label: &'static str,
    pub kind: ElectionKind,
    pub kind_label: &'static str,
}

fn threshold(app: &App, kind: ElectionKind) -> ThresholdView {
    let (r, rule) = match kind {
        ElectionKind::VillageHead => (app.settings().election, "VH-5"),
        ElectionKind::InspectionBoard | ElectionKind::InvestmentBoard => (BOARD_RULES, "DEC-5"),
    };
    ThresholdView {
        rule,
        base: r.base,
        comparison: r.comparison,
        label: format!("{} {}", r.comparison.label(), r.base.label()),
        verified: r.verified,
    }
}

/// The election `id` and its village, for a reader allowed `action` there.
pub(super) async fn election_for(app: &App, actor: &Actor, id: i64, action: Action) -> Result<(UnitRow, ElectionRow)> {
    let e = app.store().election(id).await?.ok_or(Error::NotFound)?;
    let unit = crate::units::by_id(app, UnitId(e.unit_id)).await?;
    actor.authorize(&unit.unit_path(), action)?;
    Ok((unit, e))
}

pub(super) fn dismissal_view(
    calendar: &HolidayCalendar,
    unit: &UnitRow,
    d: DismissalRow,
    new_decided_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<DismissalView> {
    let deadline = deadlines::new_after_dismissal(calendar, d.recognised_on, new_decided_on, today)?;
    Ok(DismissalView {
        id: d.id,
        unit_code: unit.code.clone(),
        head_name: d.head_name,
        recognised_on: d.recognised_on,
        interim_name: d.interim_name,
        interim_from: d.interim_from,
        election_id: d.election_id,
        deadlines: vec![deadline],
    })
}

/// The election as its readers see it (anyone who sees the village in the admin area).
pub async fn get(app: &App, actor: &Actor, calendar: &HolidayCalendar, id: i64) -> Result<ElectionView> {
    let (unit, e) = election_for(app, actor, id, Action::ViewAdmin).await?;
    view_of(app, calendar, &unit, e).await
}

pub(super) async fn view_of(
    app: &App,
    calendar: &HolidayCalendar,
    unit: &UnitRow,
    e: ElectionRow,
) -> Result<ElectionView> {
    let today = app.today();
    let people = app.store().election_people(e.id).await?;
    let candidates: Vec<CandidateView> = people
        .iter()
        .filter(|p| p.role == PersonRole::Candidate)
        .map(|p| CandidateView { name: p.name.clone(), votes: p.votes, village: p.village_name.clone() })
        .collect();
    let team = people.iter().filter(|p| p.role == PersonRole::Team).map(|p| p.name.clone()).collect();
    let mut out = Vec::new();
    // The timeline of Decree 59 Art. 6–8 times a village head's election only.
    if e.kind == ElectionKind::VillageHead {
        for s in Step::ALL {
            out.push(deadlines::step(calendar, s, e.meeting_on, e.done_on(s), today)?);
        }
        if let Some(received) = e.received_on {
            out.push(deadlines::recognition(calendar, received, e.decided_on, today)?);
        }
    }
    let dismissal = match e.dismissal_id {
        Some(d) => {
            let row = app.store().dismissal(d).await?.ok_or(Error::NotFound)?;
            let v = dismissal_view(calendar, unit, row, e.plan_on, today)?;
            out.extend(v.deadlines.iter().cloned());
            Some(v)
        }
        None => None,
    };
    let count = match (e.households, e.present, e.received_on) {
        (Some(h), Some(p), Some(received_on)) => Some(ResultData {
            households: u32::try_from(h).map_err(Error::internal)?,
            present: u32::try_from(p).map_err(Error::internal)?,
            votes: candidates
                .iter()
                .map(|c| Ok((c.name.clone(), u32::try_from(c.votes.unwrap_or(0)).map_err(Error::internal)?)))
                .collect::<Result<_>>()?,
            received_on,
        }),
        _ => None,
    };
    let seats = u32::try_from(e.seats).map_err(Error::internal)?;
    let judgement = count.as_ref().map(|c| match e.kind {
        ElectionKind::VillageHead => {
            let j = judge_result(&app.settings().election, c);
            let winners: Vec<String> = j.leader.clone().filter(|_| j.outcome == Outcome::Elected).into_iter().collect();
            (j, winners)
        }
        ElectionKind::InspectionBoard | ElectionKind::InvestmentBoard => {
            let j = judge_seats(&BOARD_RULES, c, seats);
            let top = c.votes.iter().map(|v| v.1).max().unwrap_or(0);
            let winners: Vec<String> = j.elected.iter().map(|(n, _)| n.clone()).collect();
            let judged = coso_domain::election::Judgement {
                required: j.required,
                outcome: j.outcome,
                leader: None,
                yes: top,
                reason: j.reason,
            };
            (judged, winners)
        }
    });
    let (judgement, winners) = match judgement {
        Some((j, w)) => (Some(j), w),
        None => (None, Vec::new()),
    };
    Ok(ElectionView {
        id: e.id,
        unit_code: unit.code.clone(),
        unit_name: unit.name.clone(),
        title: e.title,
        meeting_on: e.meeting_on,
        status: e.status,
        status_label: e.status.label(),
        kind: e.kind,
        kind_label: e.kind.label(),
        seats,
        board_id: e.board_id,
        candidates,
        team,
        households: count.as_ref().map(|c| c.households),
        present: count.as_ref().map(|c| c.present),
        yes: judgement.as_ref().map(|j| j.yes),
        required: judgement.as_ref().map(|j| j.required),
        outcome: judgement.as_ref().map(|j| j.outcome),
        outcome_label: judgement.as_ref().map(|j| j.outcome.label()),
        elected: judgement.as_ref().filter(|j| j.outcome == Outcome::Elected).and_then(|j| j.leader.clone()),
        reason: judgement.map(|j| j.reason),
        winners,
        threshold: threshold(app, e.kind),
        received_on: e.received_on,
        decided_on: e.decided_on,
        deadlines: out,
        dismissal,
    })
}

/// The elections of a village, for those who see it in the admin area.
pub async fn list_for_unit(app: &App, actor: &Actor, code: &str) -> Result<(UnitRow, Vec<ElectionSummary>)> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::ViewAdmin)?;
    let rows = app.store().elections_of_unit(unit.id).await?;
    let list = rows
        .into_iter()
        .map(|e| ElectionSummary {
            id: e.id,
            title: e.title,
            meeting_on: e.meeting_on,
            status: e.status,
            status_label: e.status.label(),
            kind: e.kind,
            kind_label: e.kind.label(),
        })
        .collect();
    Ok((unit, list))
}

/// A dismissal of the village `code`, for those who see it in the admin area.
pub async fn dismissal(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    code: &str,
    id: i64,
) -> Result<DismissalView> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::ViewAdmin)?;
    let d = app.store().dismissal(id).await?.filter(|d| d.unit_id == unit.id).ok_or(Error::NotFound)?;
    let decided = match d.election_id {
        Some(e) => app.store().election(e).await?.and_then(|e| e.plan_on),
        None => None,
    };
    dismissal_view(calendar, &unit, d, decided, app.today())
}

/// The dismissals of the village `code`, latest first, for those who see it in the admin area.
pub async fn dismissals(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    code: &str,
) -> Result<Vec<DismissalView>> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::ViewAdmin)?;
    let mut out = Vec::new();
    for d in app.store().dismissals_of_unit(unit.id).await? {
        let decided = match d.election_id {
            Some(e) => app.store().election(e).await?.and_then(|e| e.plan_on),
            None => None,
        };
        out.push(dismissal_view(calendar, &unit, d, decided, app.today())?);
    }
    Ok(out)
}

/// A community meeting to come, shown on the village's public page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComingMeeting {
    pub on: NaiveDate,
    pub what: String,
    pub place: Option<String>,
}

/// The election meetings and conferences to come in a village, soonest first; public, as their
/// notices are posted (VH-3, CONF-3).
pub async fn coming_meetings(app: &App, unit: &UnitRow) -> Result<Vec<ComingMeeting>> {
    let today = app.today();
    let mut out: Vec<ComingMeeting> = coming_elections(app, unit.id)
        .await?
        .into_iter()
        .map(|e| ComingMeeting { on: e.meeting_on, what: e.title, place: None })
        .collect();
    for c in app.store().conferences_of_unit(unit.id).await? {
        if c.held_on >= today {
            out.push(ComingMeeting {
                on: c.held_on,
                what: "Hội nghị định kỳ của cộng đồng dân cư".into(),
                place: c.place,
            });
        }
    }
    out.sort_by_key(|m| m.on);
    Ok(out)
}

/// The election meetings to come in a village (its public page).
async fn coming_elections(app: &App, unit_id: i64) -> Result<Vec<ElectionSummary>> {
    let rows = app.store().elections_from(unit_id, app.today()).await?;
    Ok(rows
        .into_iter()
        .filter(|e| e.status == ElectionStatus::Preparing)
        .map(|e| ElectionSummary {
            id: e.id,
            title: e.title,
            meeting_on: e.meeting_on,
            status: e.status,
            status_label: e.status.label(),
            kind: e.kind,
            kind_label: e.kind.label(),
        })
        .collect())
}

/// The working investment supervision boards of a commune, `(id, project)`, that an election
/// may fill the residents' seats of.
pub async fn investment_boards(app: &App, unit: &UnitRow) -> Result<Vec<(i64, String)>> {
    if !unit.kind.is_commune_level() {
        return Ok(Vec::new());
    }
    Ok(app
        .store()
        .boards_of_unit(unit.id)
        .await?
        .into_iter()
        .filter(|b| {
            b.kind == coso_domain::board::BoardKind::Investment && b.status == coso_domain::board::BoardStatus::Active
        })
        .map(|b| (b.id, b.project_name.unwrap_or_default()))
        .collect())
}
