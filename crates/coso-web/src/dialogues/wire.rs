//! The API's bodies for dialogues.

use chrono::NaiveDate;
use coso_app::dialogues::{CommitmentView, DeadlineView, DialogueView, QuestionView, RequestOutcome};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A dialogue to set up, planned: `date` (`yyyy-mm-dd` or `dd/mm/yyyy`), a `topic` or the
/// `villages` (unit codes) it is held for, and the commune's number of `voters`. `place`, or
/// `online`, is needed before it is announced.
#[derive(Deserialize, ToSchema)]
pub struct DialogueCreate {
    pub date: String,
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub villages: Vec<String>,
    #[serde(default)]
    pub voters: Option<u32>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub online: bool,
    /// The voters' request it answers, by id.
    #[serde(default)]
    pub request: Option<i64>,
}

/// A question from a resident, with how they want to be shown (initials of `name`).
#[derive(Deserialize, ToSchema)]
pub struct QuestionCreate {
    pub body: String,
    #[serde(default)]
    pub name: String,
}

/// The answer given on the day to a question.
#[derive(Deserialize, ToSchema)]
#[schema(as = DialogueAnswerCreate)]
pub struct AnswerCreate {
    pub question: i64,
    pub answer: String,
}

/// A commitment: what will be done, the code of the `owner` unit in charge and the `due_on`
/// date, both required; the `question` it answers, if any.
#[derive(Deserialize, ToSchema)]
pub struct CommitmentCreate {
    pub body: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due_on: String,
    #[serde(default)]
    pub question: Option<i64>,
}

/// Progress on a commitment: `status` planned | in_progress | done, `percent` 0–100 (100
/// exactly when done), and what was done.
#[derive(Deserialize, ToSchema)]
pub struct ProgressCreate {
    pub commitment: i64,
    pub status: String,
    pub percent: u8,
    pub note: String,
}

/// The results announced to the people (DLG-4).
#[derive(Deserialize, ToSchema)]
pub struct ResultsCreate {
    pub results: String,
}

/// A request signed by voters, counted against the commune's voters.
#[derive(Deserialize, ToSchema)]
pub struct RequestCreate {
    pub signatures: u32,
    pub voters: u32,
    pub subject: String,
}

/// What a request decided: `required` when the signatures reach a tenth of the voters (DLG-2).
#[derive(Serialize, ToSchema)]
pub struct RequestBody {
    pub id: i64,
    pub required: bool,
    pub required_signatures: u32,
    pub signatures: u32,
    pub voters: u32,
}

impl From<RequestOutcome> for RequestBody {
    fn from(r: RequestOutcome) -> Self {
        RequestBody {
            id: r.id,
            required: r.required,
            required_signatures: r.required_signatures,
            signatures: r.signatures,
            voters: r.voters,
        }
    }
}

/// A deadline of the dialogue: `dialogue.notice` or `dialogue.results`.
#[derive(Serialize, ToSchema)]
#[schema(as = DialogueDeadline)]
pub struct Deadline {
    pub rule: String,
    pub title: String,
    /// The day the law's count reaches.
    pub due: NaiveDate,
    /// The same day moved past days off, as the legal calendar moves a last day.
    pub due_after_days_off: NaiveDate,
    pub citation: String,
    pub met_on: Option<NaiveDate>,
}

impl From<&DeadlineView> for Deadline {
    fn from(d: &DeadlineView) -> Self {
        Deadline {
            rule: d.rule.clone(),
            title: d.title.clone(),
            due: d.due,
            due_after_days_off: d.due_after_days_off,
            citation: d.citation.clone(),
            met_on: d.met_on,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Question {
    pub id: i64,
    pub author: String,
    /// Absent when the question was hidden (see `hidden_reason`).
    pub body: Option<String>,
    pub hidden_reason: Option<String>,
    pub answer: Option<String>,
}

impl From<&QuestionView> for Question {
    fn from(q: &QuestionView) -> Self {
        Question {
            id: q.id,
            author: q.author_label.clone(),
            body: q.body.clone(),
            hidden_reason: q.hidden_reason.clone(),
            answer: q.answer.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Progress {
    pub status: String,
    pub percent: i64,
    pub note: String,
    pub on_date: NaiveDate,
}

/// A commitment: `status` planned | in_progress | done | late (not done after its due date).
#[derive(Serialize, ToSchema)]
pub struct Commitment {
    pub id: i64,
    pub body: String,
    pub owner: String,
    pub owner_name: String,
    pub due_on: NaiveDate,
    pub status: String,
    pub status_label: String,
    pub percent: i64,
    pub done_on: Option<NaiveDate>,
    pub question: Option<i64>,
    pub progress: Vec<Progress>,
}

impl From<&CommitmentView> for Commitment {
    fn from(c: &CommitmentView) -> Self {
        Commitment {
            id: c.id,
            body: c.body.clone(),
            owner: c.owner_code.clone(),
            owner_name: c.owner_name.clone(),
            due_on: c.due_on,
            status: c.status.as_str().into(),
            status_label: c.status.label().into(),
            percent: c.percent,
            done_on: c.done_on,
            question: c.question_id,
            progress: c
                .progress
                .iter()
                .map(|p| Progress {
                    status: p.status.as_str().into(),
                    percent: p.percent,
                    note: p.note.clone(),
                    on_date: p.on_date,
                })
                .collect(),
        }
    }
}

/// A dialogue with its deadlines, questions and commitments. `status` planned | announced |
/// published.
#[derive(Serialize, ToSchema)]
pub struct Dialogue {
    pub id: i64,
    pub unit: String,
    pub title: String,
    pub topic: Option<String>,
    pub villages: Vec<String>,
    pub date: NaiveDate,
    pub place: Option<String>,
    pub online: bool,
    pub voters: Option<i64>,
    pub status: String,
    pub announced_on: Option<NaiveDate>,
    pub published_on: Option<NaiveDate>,
    pub results: Option<String>,
    /// The disclosure of the commune's register that publishes the results, with the results
    /// notice attached (its page: `/don-vi/{unit}/cong-khai/{disclosure_id}`).
    pub disclosure_id: Option<i64>,
    pub deadlines: Vec<Deadline>,
    pub questions: Vec<Question>,
    pub commitments: Vec<Commitment>,
}

impl From<&DialogueView> for Dialogue {
    fn from(v: &DialogueView) -> Self {
        let d = &v.dialogue;
        Dialogue {
            id: d.id,
            unit: v.unit.code.clone(),
            title: v.title.clone(),
            topic: d.topic.clone(),
            villages: v.villages.iter().map(|x| x.code.clone()).collect(),
            date: d.held_on,
            place: d.place.clone(),
            online: d.online,
            voters: d.voters,
            status: d.status.as_str().into(),
            announced_on: d.announced_on,
            published_on: d.published_on,
            results: d.results.clone(),
            disclosure_id: d.disclosure_id,
            deadlines: v.deadlines.iter().map(Deadline::from).collect(),
            questions: v.questions.iter().map(Question::from).collect(),
            commitments: v.commitments.iter().map(Commitment::from).collect(),
        }
    }
}
