//! The API's bodies for community decisions.

use chrono::NaiveDate;
use coso_app::decisions::DecisionView;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A decision to open: `matter` 1–6 (DEC-1), `form` meeting | ballot | online (online only for
/// matter 6), the `date` of the meeting or the first day of a ballot, `ends_on` the last day of
/// a ballot (`yyyy-mm-dd` or `dd/mm/yyyy`), and for a whole-commune ballot the `villages`
/// (unit codes; none: all of them).
#[derive(Deserialize, ToSchema)]
pub struct DecisionCreate {
    pub matter: i64,
    pub form: String,
    pub title: String,
    pub date: String,
    #[serde(default)]
    pub ends_on: Option<String>,
    #[serde(default)]
    pub villages: Vec<String>,
}

/// Attendance of a meeting: `{"present": N}`, or the ids of the households present
/// (`{"households": [..]}`), which replaces an earlier count.
#[derive(Deserialize, ToSchema)]
pub struct AttendanceBody {
    pub present: Option<i64>,
    pub households: Option<Vec<i64>>,
}

/// A meeting's vote: `yes`, `no`, `invalid`; `method` show_of_hands (default) | secret_ballot
/// with its counting `board` (3–5 names) and the hands approving it (`board_votes`); the
/// `secretary` with the hands electing them, if recorded.
#[derive(Deserialize, ToSchema)]
pub struct TallyBody {
    /// A meeting's votes in favour (required for a meeting).
    #[serde(default)]
    pub yes: Option<u32>,
    /// A meeting's votes against (required for a meeting).
    #[serde(default)]
    pub no: Option<u32>,
    #[serde(default)]
    pub invalid: u32,
    #[serde(default)]
    pub method: Option<String>,
    #[serde(default)]
    pub secretary: Option<String>,
    #[serde(default)]
    pub secretary_votes: Option<u32>,
    #[serde(default)]
    pub board: Vec<String>,
    #[serde(default)]
    pub board_votes: Option<u32>,
    /// A household ballot's count as entered by the first member.
    #[serde(default)]
    pub first: Option<crate::decision_votes::wire::EntryBody>,
    /// The same count entered independently by a second member.
    #[serde(default)]
    pub second: Option<crate::decision_votes::wire::EntryBody>,
    /// The agreed count when the two entries differ.
    #[serde(default)]
    pub reconciled: Option<crate::decision_votes::wire::EntryBody>,
}

/// What a tally answers: a meeting's decision with its outcome, or a ballot's entries with
/// their mismatches and, once they agree, the outcome.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum TallyAnswer {
    Meeting(Box<DecisionBody>),
    Ballot(crate::decision_votes::wire::Tally),
}

#[derive(Serialize, ToSchema)]
#[schema(as = DecisionDeadline)]
pub struct DeadlineBody {
    /// The calendar's rule id (`ballot.result_to_commune`).
    pub rule: String,
    pub title: String,
    pub due: NaiveDate,
    /// The number behind it is not confirmed by the sources.
    pub unverified: bool,
}

/// A decision: `households` is the size of the snapshot, every one of which counts; `required`
/// how many must agree; `outcome` adopted | not_adopted | ratio_unreachable (absent while
/// nothing settles it), with its `reason`; `ballot_offered` when attendance cannot reach the
/// ratio.
#[derive(Serialize, ToSchema)]
pub struct DecisionBody {
    pub id: i64,
    pub unit: String,
    pub matter: u8,
    pub form: String,
    pub title: String,
    pub date: NaiveDate,
    pub ends_on: NaiveDate,
    /// open | closed
    pub status: String,
    /// gt (more than half) | ge (half or more), against all households.
    pub comparison: String,
    pub comparison_unverified: bool,
    pub households: i64,
    pub present: Option<i64>,
    pub yes: Option<i64>,
    pub no: Option<i64>,
    pub invalid: Option<i64>,
    pub required: i64,
    pub outcome: Option<String>,
    pub reason: Option<String>,
    pub ballot_offered: bool,
    pub deadlines: Vec<DeadlineBody>,
}

impl From<DecisionView> for DecisionBody {
    fn from(v: DecisionView) -> Self {
        DecisionBody {
            id: v.id,
            unit: v.unit_code,
            matter: v.matter.number(),
            form: v.form.as_str().into(),
            title: v.title,
            date: v.date,
            ends_on: v.ends_on,
            status: v.status.as_str().into(),
            comparison: v.comparison.as_str().into(),
            comparison_unverified: v.comparison_unverified,
            households: v.households,
            present: v.present,
            yes: v.yes,
            no: v.no,
            invalid: v.invalid,
            required: v.required,
            outcome: v.outcome.map(|o| o.as_str().into()),
            reason: v.reason,
            ballot_offered: v.ballot_offered,
            deadlines: v
                .deadlines
                .into_iter()
                .map(|d| DeadlineBody { rule: d.rule, title: d.title, due: d.due, unverified: d.unverified })
                .collect(),
        }
    }
}
