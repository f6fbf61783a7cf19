//! The API's bodies for village conventions, in the shape of community decisions:
//! `households`, `present`, `yes`, `required`, `outcome`, `reason` and `deadlines`.

use chrono::NaiveDate;
use coso_app::conventions::{ConventionView, VersionDiff};
use coso_domain::convention::Change;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A proposal: `kind` huong_uoc | quy_uoc, its title and basic contents (version 1).
#[derive(Deserialize, ToSchema)]
pub struct ConventionCreate {
    pub kind: String,
    pub title: String,
    pub text: String,
}

/// A new version of the text, with what changed.
#[derive(Deserialize, ToSchema)]
pub struct VersionCreate {
    pub text: String,
    #[serde(default)]
    pub note: String,
}

/// A step done on a date (`yyyy-mm-dd` or `dd/mm/yyyy`): posting (`note`: where), the dossier
/// sent, a return (`note`: the reason, required), a review (`note`: its conclusions, required).
#[derive(Deserialize, ToSchema)]
pub struct DatedStep {
    pub date: String,
    #[serde(default)]
    pub note: String,
}

/// Opinions collected while the draft is posted.
#[derive(Deserialize, ToSchema)]
pub struct OpinionsCreate {
    pub received_on: String,
    pub count: i64,
    /// How they were collected: a suggestion box, a meeting of the Women's Union…
    pub source: String,
    pub summary: String,
}

/// The vote that adopts (or not): `form` meeting | ballot; `present` is the households at the
/// meeting or the ballots returned; all counts against `households`, every household of the
/// community.
#[derive(Deserialize, ToSchema)]
pub struct AdoptionCreate {
    pub form: String,
    pub date: String,
    pub households: i64,
    pub present: i64,
    pub yes: i64,
}

/// The vote taken from a community decision of matter 3 of the same village whose result is
/// recorded (HU-5): its households, those present and the yes votes fill the vote.
#[derive(Deserialize, ToSchema)]
pub struct AdoptionFromDecision {
    pub decision: i64,
}

/// The commune's recognition decision.
#[derive(Deserialize, ToSchema)]
#[schema(as = ConventionRecognitionCreate)]
pub struct RecognitionCreate {
    pub date: String,
    pub decision_number: String,
}

/// One deadline, with the legal calendar's rule id.
#[derive(Serialize, ToSchema)]
#[schema(as = ConventionDeadline)]
pub struct Deadline {
    /// `convention.posting` (the first day a vote is allowed), `convention.dossier`,
    /// `convention.recognition`, `convention.review`.
    pub rule: String,
    pub title: String,
    pub due: NaiveDate,
    /// Whether `due` is the first day allowed rather than the last.
    pub earliest: bool,
    pub met_on: Option<NaiveDate>,
    /// Whether the step was done after `due`, or is overdue.
    pub late: bool,
    /// Whether the rule was seen in a source; `false`: a default of coso, unverified.
    pub verified: bool,
    pub explanation: String,
}

#[derive(Serialize, ToSchema)]
pub struct VersionSummary {
    pub number: i64,
    pub note: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// A convention with its state, its last vote and its deadlines.
#[derive(Serialize, ToSchema)]
pub struct Convention {
    pub id: i64,
    /// The village's code.
    pub unit: String,
    /// huong_uoc | quy_uoc
    pub kind: String,
    pub title: String,
    /// proposed | drafting | posted | adopted | submitted | in_force | returned
    pub status: String,
    pub status_label: String,
    pub version: i64,
    pub posted_on: Option<NaiveDate>,
    /// meeting | ballot, of the last vote.
    pub form: Option<String>,
    pub vote_on: Option<NaiveDate>,
    pub households: Option<i64>,
    pub present: Option<i64>,
    pub yes: Option<i64>,
    pub required: Option<u32>,
    /// adopted | not_adopted | ratio_unreachable, of the last vote.
    pub outcome: Option<String>,
    pub reason: Option<String>,
    /// The community decision of matter 3 the last vote was taken from, if it was.
    pub vote_decision: Option<i64>,
    pub adopted_on: Option<NaiveDate>,
    pub submitted_on: Option<NaiveDate>,
    pub returned_on: Option<NaiveDate>,
    pub return_reason: Option<String>,
    pub recognised_on: Option<NaiveDate>,
    pub decision_number: Option<String>,
    pub in_force_version: Option<i64>,
    pub reviewed_on: Option<NaiveDate>,
    pub opinions: i64,
    pub deadlines: Vec<Deadline>,
    pub versions: Vec<VersionSummary>,
    /// The current version's text.
    pub text: String,
}

impl Convention {
    pub fn of(v: &ConventionView, today: NaiveDate) -> Convention {
        let c = &v.convention;
        let s = &c.state;
        Convention {
            id: c.id,
            unit: v.unit.code.clone(),
            kind: c.kind.as_str().into(),
            title: c.title.clone(),
            status: s.status.as_str().into(),
            status_label: s.status.label().into(),
            version: s.current_version,
            posted_on: s.posted_on,
            form: s.vote_form.map(|f| f.as_str().into()),
            vote_on: s.vote_on,
            households: s.households,
            present: s.present,
            yes: s.yes,
            required: v.vote.as_ref().map(|j| j.required),
            outcome: v.vote.as_ref().map(|j| j.outcome.as_str().into()),
            reason: v.vote.as_ref().map(|j| j.reason.clone()),
            vote_decision: s.vote_decision_id,
            adopted_on: s.adopted_on,
            submitted_on: s.submitted_on,
            returned_on: s.returned_on,
            return_reason: s.return_reason.clone(),
            recognised_on: s.recognised_on,
            decision_number: s.decision_number.clone(),
            in_force_version: s.in_force_version,
            reviewed_on: s.reviewed_on,
            opinions: v.opinion_count(),
            deadlines: v
                .deadlines
                .iter()
                .map(|d| Deadline {
                    rule: d.rule.clone(),
                    title: d.title.clone(),
                    due: d.due,
                    earliest: d.earliest,
                    met_on: d.met_on,
                    late: d.late(today),
                    verified: d.verified,
                    explanation: d.explanation.clone(),
                })
                .collect(),
            versions: v
                .versions
                .iter()
                .map(|x| VersionSummary { number: x.number, note: x.note.clone(), created_at: x.created_at })
                .collect(),
            text: v.text().to_string(),
        }
    }
}

/// One line of a diff: `change` same | added | removed.
#[derive(Serialize, ToSchema)]
pub struct DiffLineBody {
    pub change: String,
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct Diff {
    pub from: i64,
    pub to: i64,
    pub lines: Vec<DiffLineBody>,
}

impl From<&VersionDiff> for Diff {
    fn from(d: &VersionDiff) -> Diff {
        let change = |c: Change| match c {
            Change::Same => "same",
            Change::Added => "added",
            Change::Removed => "removed",
        };
        Diff {
            from: d.from,
            to: d.to,
            lines: d
                .lines
                .iter()
                .map(|l| DiffLineBody { change: change(l.change).into(), text: l.text.clone() })
                .collect(),
        }
    }
}

/// The versions to compare.
#[derive(Deserialize, utoipa::IntoParams)]
pub struct DiffQuery {
    pub from: i64,
    pub to: i64,
}
