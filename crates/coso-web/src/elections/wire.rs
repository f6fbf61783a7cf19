//! The API's bodies for village-head elections and community conferences.

use chrono::NaiveDate;
use coso_app::conferences::{ComplianceView, ConferenceView};
use coso_app::elections::{DismissalView, ElectionDeadline, ElectionSummary, ElectionView};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An election: its meeting day; `kind` village_head (the default, created on a village) |
/// inspection_board (the commune's People's Inspection Board, created on the commune) |
/// investment_board (the residents' representatives of the commune's investment supervision
/// board `board`); `seats` how many it elects (1 for a village head, at most 5 for an investment
/// board, GS-3); `dismissal` the dismissal a village head's election follows, if any.
#[derive(Deserialize, ToSchema)]
pub struct ElectionCreate {
    #[serde(default)]
    pub title: String,
    /// `yyyy-mm-dd` or `dd/mm/yyyy`.
    pub meeting_on: String,
    /// The id of the dismissal of this village the election follows (VH-7).
    #[serde(default)]
    pub dismissal: Option<i64>,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub seats: Option<i64>,
    /// The id of the investment supervision board whose residents' representatives are elected.
    #[serde(default)]
    pub board: Option<i64>,
}

/// A step of the timeline done: `step` plan | candidates | team | notice; `people` the
/// candidate list (at least one) or the election team, none of them a candidate; `villages`,
/// for a board's candidates, the code or name of the village or residential group each would
/// represent, by position (required for a People's Inspection Board, BTT-1).
#[derive(Deserialize, ToSchema)]
pub struct StepCreate {
    pub step: String,
    pub done_on: String,
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub villages: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct VoteCreate {
    pub candidate: String,
    pub votes: i64,
}

/// The meeting's count: the village's households, the representatives present, each
/// candidate's votes, and the day the commune received the community's decision.
#[derive(Deserialize, ToSchema)]
pub struct ResultCreate {
    pub households: i64,
    pub present: i64,
    pub votes: Vec<VoteCreate>,
    pub received_on: String,
}

/// The commune's decision: `recognised` true recognises the winner, false decides a new vote;
/// `head` names the elected candidate who heads a new People's Inspection Board (the one with
/// the most votes when empty).
#[derive(Deserialize, ToSchema)]
#[schema(as = ElectionRecognitionCreate)]
pub struct RecognitionCreate {
    pub decided_on: String,
    #[serde(default = "yes")]
    pub recognised: bool,
    #[serde(default)]
    pub head: String,
}

fn yes() -> bool {
    true
}

/// A dismissal the commune recognised, with the interim head it appointed.
#[derive(Deserialize, ToSchema)]
pub struct DismissalCreate {
    pub head_name: String,
    pub recognised_on: String,
    pub interim_name: String,
    pub interim_from: String,
}

/// A conference of the village: `plan_sent_on` (CONF-2), `notice_on` (CONF-3), `minutes`.
#[derive(Deserialize, ToSchema)]
pub struct ConferenceCreate {
    pub held_on: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub plan_sent_on: String,
    #[serde(default)]
    pub notice_on: String,
    #[serde(default)]
    pub minutes: String,
}

/// `?year=2026`; this year when absent.
#[derive(Deserialize, utoipa::IntoParams)]
pub struct YearQuery {
    pub year: Option<i32>,
}

/// A deadline: `rule` is stable (`election.plan`, `election.candidates`, `election.team`,
/// `election.notice`, `election.recognition`, `election.new_after_dismissal`,
/// `conference.notice`); `state` pending | done | late | overdue.
#[derive(Serialize, ToSchema)]
#[schema(as = ElectionDeadline)]
pub struct Deadline {
    pub rule: String,
    /// The rule of the legal extract (`VH-1`).
    pub reference: String,
    pub title: String,
    pub due: NaiveDate,
    pub met_on: Option<NaiveDate>,
    pub state: String,
    pub state_label: String,
    pub explanation: String,
    pub citation: String,
}

impl From<&ElectionDeadline> for Deadline {
    fn from(d: &ElectionDeadline) -> Self {
        Deadline {
            rule: d.rule.to_string(),
            reference: d.reference.to_string(),
            title: d.title.clone(),
            due: d.due,
            met_on: d.met_on,
            state: d.state.as_str().to_string(),
            state_label: d.state_label.to_string(),
            explanation: d.explanation.clone(),
            citation: d.citation.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Candidate {
    pub name: String,
    pub votes: Option<i64>,
    /// The village a board's candidate would represent.
    pub village: Option<String>,
}

/// The threshold the count is held against (VH-5); `verified` false: a configured default
/// the law's text was not seen for.
#[derive(Serialize, ToSchema)]
pub struct Threshold {
    pub rule: String,
    /// households | present
    pub base: String,
    /// gt | ge
    pub comparison: String,
    pub label: String,
    pub verified: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Dismissal {
    pub id: i64,
    pub unit: String,
    pub head_name: String,
    pub recognised_on: NaiveDate,
    pub interim_name: String,
    pub interim_from: NaiveDate,
    pub election: Option<i64>,
    pub deadlines: Vec<Deadline>,
}

impl From<&DismissalView> for Dismissal {
    fn from(d: &DismissalView) -> Self {
        Dismissal {
            id: d.id,
            unit: d.unit_code.clone(),
            head_name: d.head_name.clone(),
            recognised_on: d.recognised_on,
            interim_name: d.interim_name.clone(),
            interim_from: d.interim_from,
            election: d.election_id,
            deadlines: d.deadlines.iter().map(Into::into).collect(),
        }
    }
}

/// The elections of a village, the latest meeting first.
#[derive(Serialize, ToSchema)]
pub struct ElectionList {
    pub items: Vec<ElectionListed>,
}

/// One election of a list: `status` preparing | held | recognised | rerun; `kind`
/// village_head | inspection_board | investment_board.
#[derive(Serialize, ToSchema)]
pub struct ElectionListed {
    pub id: i64,
    pub title: String,
    pub meeting_on: NaiveDate,
    pub status: String,
    pub status_label: String,
    pub kind: String,
    pub kind_label: String,
}

impl From<ElectionSummary> for ElectionListed {
    fn from(e: ElectionSummary) -> Self {
        ElectionListed {
            id: e.id,
            title: e.title,
            meeting_on: e.meeting_on,
            status: e.status.as_str().to_string(),
            status_label: e.status_label.to_string(),
            kind: e.kind.as_str().to_string(),
            kind_label: e.kind_label.to_string(),
        }
    }
}

/// An election in the decisions' shape: `status` preparing | held | recognised | rerun;
/// `outcome` elected | not_elected | ratio_unreachable once the count is in; `kind`
/// village_head | inspection_board | investment_board, with its `seats`, its `winners` and the
/// `board` it formed or renews.
#[derive(Serialize, ToSchema)]
pub struct Election {
    pub id: i64,
    pub unit: String,
    pub title: String,
    pub meeting_on: NaiveDate,
    pub status: String,
    pub status_label: String,
    pub kind: String,
    pub kind_label: String,
    pub seats: u32,
    pub board: Option<i64>,
    /// Everyone elected, most votes first.
    pub winners: Vec<String>,
    pub candidates: Vec<Candidate>,
    pub team: Vec<String>,
    pub households: Option<u32>,
    pub present: Option<u32>,
    /// The votes of the candidate with the most.
    pub yes: Option<u32>,
    pub required: Option<u32>,
    pub outcome: Option<String>,
    pub outcome_label: Option<String>,
    pub elected: Option<String>,
    pub reason: Option<String>,
    pub threshold: Threshold,
    pub received_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub deadlines: Vec<Deadline>,
    pub dismissal: Option<Dismissal>,
}

impl From<&ElectionView> for Election {
    fn from(v: &ElectionView) -> Self {
        Election {
            id: v.id,
            unit: v.unit_code.clone(),
            title: v.title.clone(),
            meeting_on: v.meeting_on,
            status: v.status.as_str().to_string(),
            status_label: v.status_label.to_string(),
            kind: v.kind.as_str().to_string(),
            kind_label: v.kind_label.to_string(),
            seats: v.seats,
            board: v.board_id,
            winners: v.winners.clone(),
            candidates: v
                .candidates
                .iter()
                .map(|c| Candidate { name: c.name.clone(), votes: c.votes, village: c.village.clone() })
                .collect(),
            team: v.team.clone(),
            households: v.households,
            present: v.present,
            yes: v.yes,
            required: v.required,
            outcome: v.outcome.map(|o| o.as_str().to_string()),
            outcome_label: v.outcome_label.map(str::to_string),
            elected: v.elected.clone(),
            reason: v.reason.clone(),
            threshold: Threshold {
                rule: v.threshold.rule.to_string(),
                base: v.threshold.base.as_str().to_string(),
                comparison: v.threshold.comparison.as_str().to_string(),
                label: v.threshold.label.clone(),
                verified: v.threshold.verified,
            },
            received_on: v.received_on,
            decided_on: v.decided_on,
            deadlines: v.deadlines.iter().map(Into::into).collect(),
            dismissal: v.dismissal.as_ref().map(Into::into),
        }
    }
}

/// A requirement of a conference judged: `rule` conference.plan | conference.notice |
/// conference.minutes.
#[derive(Serialize, ToSchema)]
pub struct ConferenceCheck {
    pub rule: String,
    pub state: String,
    pub state_label: String,
    pub reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct ConferenceDeadline {
    pub rule: String,
    pub due: NaiveDate,
    pub explanation: String,
    pub citation: String,
}

#[derive(Serialize, ToSchema)]
pub struct Conference {
    pub id: i64,
    pub unit: String,
    pub held_on: NaiveDate,
    pub place: Option<String>,
    pub plan_sent_on: Option<NaiveDate>,
    pub notice_on: Option<NaiveDate>,
    pub minutes: Option<String>,
    pub deadlines: Vec<ConferenceDeadline>,
    pub checks: Vec<ConferenceCheck>,
}

impl From<&ConferenceView> for Conference {
    fn from(v: &ConferenceView) -> Self {
        Conference {
            id: v.id,
            unit: v.unit_code.clone(),
            held_on: v.held_on,
            place: v.place.clone(),
            plan_sent_on: v.plan_sent_on,
            notice_on: v.notice_on,
            minutes: v.minutes.clone(),
            deadlines: v
                .deadlines
                .iter()
                .map(|d| ConferenceDeadline {
                    rule: d.rule.to_string(),
                    due: d.due,
                    explanation: d.explanation.clone(),
                    citation: d.citation.clone(),
                })
                .collect(),
            checks: v
                .checks
                .iter()
                .map(|c| ConferenceCheck {
                    rule: c.rule.to_string(),
                    state: c.state.as_str().to_string(),
                    state_label: c.state_label.to_string(),
                    reason: c.reason.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct VillageConference {
    pub code: String,
    pub name: String,
    pub held_on: Option<NaiveDate>,
    pub conference: Option<i64>,
}

/// The villages of a unit with and without a conference in the year's window.
#[derive(Serialize, ToSchema)]
pub struct Compliance {
    pub unit: String,
    pub year: i32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub window: String,
    pub held: usize,
    pub missing: usize,
    /// Villages without a conference first.
    pub villages: Vec<VillageConference>,
}

impl From<&ComplianceView> for Compliance {
    fn from(v: &ComplianceView) -> Self {
        Compliance {
            unit: v.unit_code.clone(),
            year: v.year,
            from: v.from,
            to: v.to,
            window: v.window.clone(),
            held: v.held,
            missing: v.missing,
            villages: v
                .villages
                .iter()
                .map(|r| VillageConference {
                    code: r.code.clone(),
                    name: r.name.clone(),
                    held_on: r.held_on,
                    conference: r.conference_id,
                })
                .collect(),
        }
    }
}
