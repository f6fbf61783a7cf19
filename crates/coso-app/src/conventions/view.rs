//! What the pages and the API read of conventions: a village's list, one convention with its
//! versions, opinions, vote and deadlines, the diff between two versions, and the public side
//! (the text in force, and a draft while it is posted).

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_domain::convention::{ConventionKind, ConventionStatus, DiffLine, Judgement, Tally, diff_lines, judge};
use coso_domain::decision::Matter;
use coso_store::{ConventionOpinionRow, ConventionRow, ConventionVersionRow, DecisionRow, UnitRow};
use serde::Serialize;

use super::access::{convention_of_unit, permit};
use super::deadlines::{DeadlineView, earliest_vote, schedule};
use crate::{Actor, App, Error, Result};

/// One convention as those who take it through its life read it.
#[derive(Debug, Clone, Serialize)]
pub struct ConventionView {
    pub unit: UnitRow,
    pub convention: ConventionRow,
    pub versions: Vec<ConventionVersionRow>,
    pub opinions: Vec<ConventionOpinionRow>,
    /// The last vote recorded, judged again from its counts.
    pub vote: Option<Judgement>,
    pub deadlines: Vec<DeadlineView>,
    /// Whether the actor may recognise or return it (an official of the commune or above).
    pub may_recognise: bool,
    /// The community decisions of matter 3 of the village with their result recorded: those
    /// the vote may be taken from (HU-5), the latest first.
    pub vote_decisions: Vec<DecisionRow>,
}

impl ConventionView {
    /// The current version's text.
    pub fn text(&self) -> &str {
        self.version(self.convention.state.current_version).map_or("", |v| v.body.as_str())
    }

    pub fn version(&self, number: i64) -> Option<&ConventionVersionRow> {
        self.versions.iter().find(|v| v.number == number)
    }

    /// The text in force, if one is.
    pub fn text_in_force(&self) -> Option<&str> {
        self.convention.state.in_force_version.and_then(|n| self.version(n)).map(|v| v.body.as_str())
    }

    /// The opinions recorded, all together.
    pub fn opinion_count(&self) -> i64 {
        self.opinions.iter().map(|o| o.opinions).sum()
    }
}

/// The last vote of the convention, judged from its stored counts.
pub fn vote_of(c: &ConventionRow) -> Option<Judgement> {
    let s = &c.state;
    let count = |v: Option<i64>| v.and_then(|n| u32::try_from(n).ok());
    Some(judge(&Tally {
        form: s.vote_form?,
        date: s.vote_on?,
        households: count(s.households)?,
        present: count(s.present)?,
        yes: count(s.yes)?,
    }))
}

/// The conventions of the village `code`, for those who manage them.
pub async fn list_for_unit(app: &App, actor: &Actor, code: &str) -> Result<(UnitRow, Vec<ConventionRow>)> {
    let unit = crate::units::by_code(app, code).await?;
    permit(actor, &unit)?;
    let rows = app.store().conventions_of_unit(unit.id).await?;
    Ok((unit, rows))
}

/// One convention of the village `code`, for those who manage it.
pub async fn view(app: &App, actor: &Actor, calendar: &HolidayCalendar, code: &str, id: i64) -> Result<ConventionView> {
    let (unit, convention) = convention_of_unit(app, code, id).await?;
    permit(actor, &unit)?;
    let may_recognise = super::access::commune_permit(app, actor, &unit).await.is_ok();
    let versions = app.store().convention_versions(id).await?;
    let opinions = app.store().convention_opinions(id).await?;
    let deadlines = schedule(calendar, &convention.state, &app.settings().conventions)?;
    let vote_decisions = app
        .store()
        .decisions_in_subtree(&unit)
        .await?
        .into_iter()
        .map(|l| l.decision)
        .filter(|d| d.unit_id == unit.id && d.matter == Matter::Convention && d.outcome.is_some())
        .collect();
    Ok(ConventionView {
        vote: vote_of(&convention),
        unit,
        convention,
        versions,
        opinions,
        deadlines,
        may_recognise,
        vote_decisions,
    })
}

/// Two versions and the lines that turn the first into the second.
#[derive(Debug, Clone, Serialize)]
pub struct VersionDiff {
    pub from: i64,
    pub to: i64,
    pub lines: Vec<DiffLine>,
}

/// The diff between versions `from` and `to` of a convention.
pub async fn diff(app: &App, actor: &Actor, code: &str, id: i64, from: i64, to: i64) -> Result<VersionDiff> {
    let (unit, _) = convention_of_unit(app, code, id).await?;
    permit(actor, &unit)?;
    let versions = app.store().convention_versions(id).await?;
    let text = |n: i64| versions.iter().find(|v| v.number == n).map(|v| v.body.as_str()).ok_or(Error::NotFound);
    Ok(VersionDiff { from, to, lines: diff_lines(text(from)?, text(to)?) })
}

/// What anyone reads of a village's convention.
#[derive(Debug, Clone, Serialize)]
pub struct PublicConvention {
    pub id: i64,
    pub kind: ConventionKind,
    pub title: String,
    /// The text in force, with the commune's decision.
    pub in_force: Option<InForce>,
    /// The draft while it is posted, with the posting dates.
    pub posted: Option<PostedDraft>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InForce {
    pub text: String,
    pub recognised_on: Option<NaiveDate>,
    pub decision_number: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PostedDraft {
    pub text: String,
    pub posted_on: NaiveDate,
    pub place: Option<String>,
    /// The first day the community may vote on it (PUB-7).
    pub vote_from: NaiveDate,
}

/// The conventions of the village `code` that have a text in force or a posted draft.
pub async fn public_for_unit(
    app: &App,
    calendar: &HolidayCalendar,
    code: &str,
) -> Result<(UnitRow, Vec<PublicConvention>)> {
    let unit = crate::units::by_code(app, code).await?;
    let mut out = Vec::new();
    for c in app.store().conventions_of_unit(unit.id).await? {
        let s = &c.state;
        let posted_on = s.posted_on.filter(|_| s.status == ConventionStatus::Posted);
        if s.in_force_version.is_none() && posted_on.is_none() {
            continue;
        }
        let versions = app.store().convention_versions(c.id).await?;
        let body = |n: i64| versions.iter().find(|v| v.number == n).map(|v| v.body.clone()).unwrap_or_default();
        let in_force = s.in_force_version.map(|n| InForce {
            text: body(n),
            recognised_on: s.recognised_on,
            decision_number: s.decision_number.clone(),
        });
        let posted = match posted_on {
            Some(on) => Some(PostedDraft {
                text: body(s.current_version),
                posted_on: on,
                place: s.posting_place.clone(),
                vote_from: earliest_vote(calendar, on)?,
            }),
            None => None,
        };
        out.push(PublicConvention { id: c.id, kind: c.kind, title: c.title, in_force, posted });
    }
    Ok((unit, out))
}

/// The convention whose vote was taken from the decision `decision_id`, for the decision's
/// page (which has authorized its reader on the decision's unit).
pub async fn voted_by(app: &App, decision_id: i64) -> Result<Option<ConventionRow>> {
    Ok(app.store().convention_voted_by(decision_id).await?)
}
