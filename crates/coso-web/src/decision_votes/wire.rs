//! The API's bodies for household ballots and online votes.

use coso_app::decisions::ballots::BallotProgress;
use coso_domain::decision::ballot::{TallyInput, TallyState};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The ballot plan (DEC-9); issuing it issues one ballot per household of the snapshot. Dates
/// `yyyy-mm-dd` or `dd/mm/yyyy`; `ends_on` is the decision's last day.
#[derive(Deserialize, ToSchema)]
pub struct BallotPlanCreate {
    pub purpose: String,
    pub content: String,
    pub participants: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// How many ballots a change touched.
#[derive(Serialize, ToSchema)]
pub struct BallotCount {
    pub count: i64,
}

/// The codes of the ballots that came back, and the day (`yyyy-mm-dd` or `dd/mm/yyyy`; today
/// when absent).
#[derive(Deserialize, ToSchema)]
pub struct BallotCollect {
    pub codes: Vec<String>,
    #[serde(default)]
    pub on: Option<String>,
}

/// One entry of a ballot's count; numbers as JSON numbers or strings.
#[derive(Deserialize, ToSchema, Clone)]
pub struct EntryBody {
    #[schema(value_type = u32)]
    pub yes: serde_json::Value,
    #[schema(value_type = u32)]
    pub no: serde_json::Value,
    #[schema(value_type = u32)]
    pub invalid: serde_json::Value,
}

fn text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

impl EntryBody {
    pub fn input(&self) -> TallyInput {
        TallyInput { yes: text(&self.yes), no: text(&self.no), invalid: text(&self.invalid) }
    }
}

/// A ballot's count: the first and second entries by two members independently (one request
/// each, or both), and the reconciled one when they differ.
#[derive(Deserialize, ToSchema, Default)]
pub struct BallotTally {
    #[serde(default)]
    pub first: Option<EntryBody>,
    #[serde(default)]
    pub second: Option<EntryBody>,
    #[serde(default)]
    pub reconciled: Option<EntryBody>,
}

/// One stored entry.
#[derive(Serialize, ToSchema)]
pub struct Entry {
    /// first | second | reconciled
    pub slot: String,
    pub yes: i64,
    pub no: i64,
    pub invalid: i64,
    pub entered_by: String,
}

/// Where a ballot's count stands: `state` not_entered | one_entry | mismatch | agreed |
/// reconciled; `mismatched` names the fields that differ (yes | no | invalid).
#[derive(Serialize, ToSchema)]
pub struct Tally {
    pub state: String,
    pub label: String,
    pub mismatched: Vec<String>,
}

impl From<&TallyState> for Tally {
    fn from(s: &TallyState) -> Tally {
        let mismatched = match s {
            TallyState::Mismatch { fields } => fields.iter().map(|f| f.as_str().to_string()).collect(),
            _ => Vec::new(),
        };
        Tally { state: s.as_str().into(), label: s.label().into(), mismatched }
    }
}

/// A ballot: its plan, the ballots issued and back, the entries and the count's state.
#[derive(Serialize, ToSchema)]
pub struct Ballot {
    pub purpose: Option<String>,
    pub content: Option<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub issued: i64,
    pub collected: i64,
    pub entries: Vec<Entry>,
    pub tally: Tally,
}

impl From<&BallotProgress> for Ballot {
    fn from(p: &BallotProgress) -> Ballot {
        Ballot {
            purpose: p.plan.as_ref().map(|x| x.purpose.clone()),
            content: p.plan.as_ref().map(|x| x.content.clone()),
            starts_on: p.plan.as_ref().map(|x| x.starts_on.to_string()),
            ends_on: p.plan.as_ref().map(|x| x.ends_on.to_string()),
            issued: p.issued,
            collected: p.collected,
            entries: p
                .entries
                .iter()
                .map(|e| Entry {
                    slot: e.slot.clone(),
                    yes: e.yes_votes,
                    no: e.no_votes,
                    invalid: e.invalid_votes,
                    entered_by: e.entered_by_name.clone(),
                })
                .collect(),
            tally: (&p.tally).into(),
        }
    }
}

/// A household's online vote: `choice` yes | no.
#[derive(Deserialize, ToSchema)]
pub struct OnlineVote {
    pub choice: String,
}

/// What a vote did: `replaced` when the household had voted before (only the last counts).
#[derive(Serialize, ToSchema)]
pub struct VoteCast {
    pub replaced: bool,
}

/// The outcome of a closed vote: adopted | not_adopted.
#[derive(Serialize, ToSchema)]
pub struct Closed {
    pub outcome: String,
}
