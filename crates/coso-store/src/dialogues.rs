//! Dialogues with the people: the voters' requests, the dialogue with its villages, residents'
//! questions and the answers given on the day, the commitments made there and their progress.
//! Every change an official makes asks for a [`Permit`] to hold dialogues on the unit and writes
//! its audit row in the change's transaction.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::authz::{Action, Permit};
use coso_domain::dialogue::{CommitmentStatus, DialogueData, DialogueStatus, ProgressData, RequestData};
use coso_domain::notification::NotificationKind;
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::case_queries::subtree_bounds;
use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::units::UnitRow;
use crate::{Result, Store};

/// A voters' request for a dialogue, with the dialogue set up for it, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DialogueRequestRow {
    pub id: i64,
    pub unit_id: i64,
    pub subject: String,
    pub signatures: i64,
    pub voters: i64,
    pub required: bool,
    pub received_on: NaiveDate,
    pub dialogue_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DialogueRow {
    pub id: i64,
    pub unit_id: i64,
    pub topic: Option<String>,
    pub held_on: NaiveDate,
    pub place: Option<String>,
    pub online: bool,
    pub voters: Option<i64>,
    #[sqlx(try_from = "Code<DialogueStatus>")]
    pub status: DialogueStatus,
    pub request_id: Option<i64>,
    pub results: Option<String>,
    pub announced_on: Option<NaiveDate>,
    pub published_on: Option<NaiveDate>,
    /// The disclosure of the commune's register that publishes the results.
    pub disclosure_id: Option<i64>,
}

/// A village a dialogue is held for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DialogueVillageRow {
    pub code: String,
    pub name: String,
}

/// A question; a hidden one keeps its text here and the views show only the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct QuestionRow {
    pub id: i64,
    pub dialogue_id: i64,
    pub author_id: Option<i64>,
    pub author_label: String,
    pub body: String,
    pub answer: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    pub hidden_reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A commitment with its owner unit and the dialogue it was made at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CommitmentRow {
    pub id: i64,
    pub dialogue_id: i64,
    pub question_id: Option<i64>,
    pub owner_unit_id: i64,
    pub owner_code: String,
    pub owner_name: String,
    pub body: String,
    pub due_on: NaiveDate,
    #[sqlx(try_from = "Code<CommitmentStatus>")]
    pub status: CommitmentStatus,
    pub percent: i64,
    pub done_on: Option<NaiveDate>,
    pub dialogue_unit_name: String,
    pub held_on: NaiveDate,
    pub topic: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ProgressRow {
    pub id: i64,
    pub commitment_id: i64,
    #[sqlx(try_from = "Code<CommitmentStatus>")]
    pub status: CommitmentStatus,
    pub percent: i64,
    pub note: String,
    pub on_date: NaiveDate,
}

/// A question to add, as the use case decided it; `author_id` is `None` without an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewQuestion {
    pub author_id: Option<i64>,
    pub author_label: String,
    pub body: String,
}

/// A commitment to add, its owner unit looked up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewCommitment {
    pub owner_unit_id: i64,
    pub body: String,
    pub due_on: NaiveDate,
    pub question_id: Option<i64>,
}

/// Commitments per status for a unit's subtree, `late` counted apart from the stored status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CommitmentCounts {
    pub total: i64,
    pub done: i64,
    pub late: i64,
}

const DIALOGUE_SELECT: &str = "SELECT id, unit_id, topic, held_on, place, online, voters, status, request_id, results, \
    announced_on, published_on, disclosure_id FROM dialogue ";
const QUESTION_SELECT: &str = "SELECT id, dialogue_id, author_id, author_label, body, answer, answered_at, hidden_reason, \
    created_at FROM dialogue_question ";
const COMMITMENT_SELECT: &str = "SELECT c.id, c.dialogue_id, c.question_id, c.owner_unit_id, o.code AS owner_code, \
    o.name AS owner_name, c.body, c.due_on, c.status, c.percent, c.done_on, u.name AS dialogue_unit_name, d.held_on, d.topic \
    FROM dialogue_commitment c JOIN dialogue d ON d.id = c.dialogue_id JOIN unit u ON u.id = d.unit_id \
    JOIN unit o ON o.id = c.owner_unit_id ";

fn check(permit: &Permit, unit: &UnitRow) -> Result<()> {
    crate::audit::require(permit, Action::HoldDialogues, unit)
}

fn entry(action: &'static str, entity: &'static str, id: i64, unit: &UnitRow, after: serde_json::Value) -> AuditEntry {
    AuditEntry::change(action, entity, id, unit.unit_id(), after)
}

fn not_in(status: DialogueStatus) -> StoreError {
    StoreError::Conflict {
        field: "status",
        message: format!("Hội nghị đối thoại không còn ở trạng thái «{}».", status.label()),
    }
}

/// The task a required dialogue puts in the inbox of the commune's officials: a notification
/// on the unit, worded by the use case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequiredDialogueTask {
    pub title: String,
    pub body: String,
    pub link: String,
}

impl Store {
    /// Records a voters' request; `required` when its signatures reach a tenth of the voters,
    /// and then `task` goes to the unit's inbox in the same transaction, once per request.
    pub async fn create_dialogue_request(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        data: &RequestData,
        received_on: NaiveDate,
        task: Option<&RequiredDialogueTask>,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let required = data.mandatory();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO dialogue_request (unit_id, subject, signatures, voters, required, received_on, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(unit.id)
            .bind(&data.subject)
            .bind(i64::from(data.signatures))
            .bind(i64::from(data.voters))
            .bind(required)
            .bind(received_on)
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            if let Some(t) = task.filter(|_| required) {
                sqlx::query(
                    "INSERT INTO notification (unit_id, user_id, kind, title, body, link, occurrence_id, created_at, dedupe_key) \
                     VALUES ($1, NULL, $2, $3, $4, $5, NULL, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING",
                )
                .bind(unit.id)
                .bind(NotificationKind::Reminder.as_str())
                .bind(&t.title)
                .bind(&t.body)
                .bind(&t.link)
                .bind(now)
                .bind(format!("dialogue-request:{id}:required"))
                .execute(&mut *tx)
                .await?;
            }
            let after = serde_json::json!({ "request": data, "required": required });
            write_audit!(&mut *tx, now, actor, &entry("dialogue.request", "dialogue_request", id, unit, after))?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// The requests of a unit, the latest first, each with the dialogue set up for it.
    pub async fn dialogue_requests_of_unit(&self, unit_id: i64) -> Result<Vec<DialogueRequestRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT r.id, r.unit_id, r.subject, r.signatures, r.voters, r.required, r.received_on, d.id AS dialogue_id \
                 FROM dialogue_request r LEFT JOIN dialogue d ON d.request_id = r.id \
                 WHERE r.unit_id = $1 ORDER BY r.received_on DESC, r.id DESC",
            )
            .bind(unit_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    pub async fn dialogue_request(&self, id: i64) -> Result<Option<DialogueRequestRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT r.id, r.unit_id, r.subject, r.signatures, r.voters, r.required, r.received_on, d.id AS dialogue_id \
                 FROM dialogue_request r LEFT JOIN dialogue d ON d.request_id = r.id WHERE r.id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?
        });
        Ok(row)
    }

    /// Sets up a dialogue with its villages, planned; `request` when it answers a request.
    pub async fn create_dialogue(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        data: &DialogueData,
        villages: &[i64],
        request: Option<i64>,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO dialogue (unit_id, topic, held_on, place, online, voters, status, request_id, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            )
            .bind(unit.id)
            .bind(&data.topic)
            .bind(data.held_on)
            .bind(&data.place)
            .bind(data.online)
            .bind(data.voters.map(i64::from))
            .bind(DialogueStatus::Planned.as_str())
            .bind(request)
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            for v in villages {
                sqlx::query("INSERT INTO dialogue_village (dialogue_id, village_id) VALUES ($1, $2)")
                    .bind(id)
                    .bind(v)
                    .execute(&mut *tx)
                    .await?;
            }
            let after = serde_json::json!({ "dialogue": data, "request_id": request });
            write_audit!(&mut *tx, now, actor, &entry("dialogue.create", "dialogue", id, unit, after))?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    pub async fn dialogue(&self, id: i64) -> Result<Option<DialogueRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{DIALOGUE_SELECT} WHERE id = $1")))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// The dialogues of a unit, the latest first; planned ones only when asked.
    pub async fn dialogues_of_unit(&self, unit_id: i64, with_planned: bool) -> Result<Vec<DialogueRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{DIALOGUE_SELECT} WHERE unit_id = $1 AND ($2 OR status <> 'planned') ORDER BY held_on DESC, id DESC"
            )))
            .bind(unit_id)
            .bind(with_planned)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    pub async fn dialogue_villages(&self, id: i64) -> Result<Vec<DialogueVillageRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT u.code, u.name FROM dialogue_village v JOIN unit u ON u.id = v.village_id \
                 WHERE v.dialogue_id = $1 ORDER BY u.sort_key, u.id",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Announces a planned dialogue of the unit on `on` (DLG-3).
    pub async fn announce_dialogue(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        on: NaiveDate,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE dialogue SET status = 'announced', announced_on = $1 WHERE id = $2 AND unit_id = $3 AND status = 'planned'",
            )
            .bind(on)
            .bind(id)
            .bind(unit.id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(not_in(DialogueStatus::Planned));
            }
            let after = serde_json::json!({ "announced_on": on, "to": DialogueStatus::Announced.label() });
            write_audit!(&mut *tx, now, actor, &entry("dialogue.announce", "dialogue", id, unit, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Publishes the results of an announced dialogue of the unit on `on` (DLG-4).
    pub async fn publish_dialogue_results(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        results: &str,
        on: NaiveDate,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE dialogue SET status = 'published', results = $1, published_on = $2 \
                 WHERE id = $3 AND unit_id = $4 AND status = 'announced'",
            )
            .bind(results)
            .bind(on)
            .bind(id)
            .bind(unit.id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(not_in(DialogueStatus::Announced));
            }
            let after = serde_json::json!({ "published_on": on, "results": results });
            write_audit!(&mut *tx, now, actor, &entry("dialogue.publish", "dialogue", id, unit, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Links a published dialogue to the disclosure of its results, once: `false` when it has
    /// one already.
    pub async fn link_dialogue_disclosure(&self, id: i64, disclosure: i64) -> Result<bool> {
        let done = dispatch!(self, write, pool => {
            sqlx::query(
                "UPDATE dialogue SET disclosure_id = $1 WHERE id = $2 AND status = 'published' AND disclosure_id IS NULL",
            )
            .bind(disclosure)
            .bind(id)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(done == 1)
    }

    /// Adds a question while the dialogue is announced (checked in the insert itself, so a
    /// change of state at the same moment wins); `None` when it no longer takes questions.
    pub async fn add_dialogue_question(
        &self,
        dialogue: &DialogueRow,
        unit: &UnitRow,
        q: &NewQuestion,
        actor: &Actor,
    ) -> Result<Option<i64>> {
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO dialogue_question (dialogue_id, author_id, author_label, body, created_at) \
                 SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM dialogue WHERE id = $1 AND status = 'announced') \
                 RETURNING id",
            )
            .bind(dialogue.id)
            .bind(q.author_id)
            .bind(&q.author_label)
            .bind(&q.body)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(id) = id else { return Ok(None) };
            let after = serde_json::json!({ "dialogue_id": dialogue.id });
            write_audit!(&mut *tx, now, actor, &entry("dialogue.question", "dialogue_question", id, unit, after))?;
            tx.commit().await?;
            Some(id)
        });
        Ok(id)
    }

    /// The questions of a dialogue in the order they came, hidden ones included.
    pub async fn dialogue_questions(&self, dialogue: i64) -> Result<Vec<QuestionRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{QUESTION_SELECT} WHERE dialogue_id = $1 ORDER BY id")))
                .bind(dialogue)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// Records the answer given on the day to a question of the dialogue (replacing an earlier
    /// one); a question of another dialogue is not found.
    pub async fn answer_dialogue_question(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        dialogue: i64,
        question: i64,
        answer: &str,
        actor: &Actor,
    ) -> Result<()> {
        let sql = "UPDATE dialogue_question SET answer = $1, answered_at = $2 WHERE id = $3 AND dialogue_id = $4";
        let after = serde_json::json!({ "dialogue_id": dialogue, "answer": answer });
        self.set_question(permit, unit, (dialogue, question), sql, answer, ("dialogue.answer", after), actor).await
    }

    /// Hides a question of the dialogue with its reason.
    pub async fn hide_dialogue_question(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        dialogue: i64,
        question: i64,
        reason: &str,
        actor: &Actor,
    ) -> Result<()> {
        let sql = "UPDATE dialogue_question SET hidden_reason = $1, hidden_at = $2 WHERE id = $3 AND dialogue_id = $4";
        let after = serde_json::json!({ "dialogue_id": dialogue, "reason": reason });
        self.set_question(permit, unit, (dialogue, question), sql, reason, ("dialogue.question_hide", after), actor)
            .await
    }

    /// Writes `text` and the instant into a question of the dialogue with `sql` (its `$1`–`$4`:
    /// text, now, question, dialogue), audited; a question of another dialogue is not found.
    #[expect(clippy::too_many_arguments, reason = "the two question updates differ only in these")]
    async fn set_question(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        (dialogue, question): (i64, i64),
        sql: &'static str,
        text: &str,
        (action, after): (&'static str, serde_json::Value),
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(sql).bind(text).bind(now).bind(question).bind(dialogue).execute(&mut *tx).await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            write_audit!(&mut *tx, now, actor, &entry(action, "dialogue_question", question, unit, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Adds a commitment made at a dialogue of the unit, planned.
    pub async fn add_dialogue_commitment(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        dialogue: i64,
        c: &NewCommitment,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO dialogue_commitment (dialogue_id, question_id, owner_unit_id, body, due_on, status, percent, created_at, updated_at) \
                 SELECT $1, $2, $3, $4, $5, 'planned', 0, $6, $6 WHERE EXISTS (SELECT 1 FROM dialogue WHERE id = $1 AND unit_id = $7) \
                 RETURNING id",
            )
            .bind(dialogue)
            .bind(c.question_id)
            .bind(c.owner_unit_id)
            .bind(&c.body)
            .bind(c.due_on)
            .bind(now)
            .bind(unit.id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(id) = id else { return Err(StoreError::NotFound) };
            let after = serde_json::json!({ "dialogue_id": dialogue, "commitment": c });
            write_audit!(&mut *tx, now, actor, &entry("dialogue.commitment", "dialogue_commitment", id, unit, after))?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    pub async fn dialogue_commitment(&self, id: i64) -> Result<Option<CommitmentRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{COMMITMENT_SELECT} WHERE c.id = $1")))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// The commitments made at a dialogue, in the order they were made.
    pub async fn dialogue_commitments(&self, dialogue: i64) -> Result<Vec<CommitmentRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{COMMITMENT_SELECT} WHERE c.dialogue_id = $1 ORDER BY c.id")))
                .bind(dialogue)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// Records progress on a commitment made at a dialogue of the unit: its status and
    /// percentage change, and the update is kept in its history.
    pub async fn update_commitment_progress(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        commitment: i64,
        p: &ProgressData,
        on: NaiveDate,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let now = self.clock.now();
        let done_on = (p.status == CommitmentStatus::Done).then_some(on);
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE dialogue_commitment SET status = $1, percent = $2, done_on = $3, updated_at = $4 \
                 WHERE id = $5 AND dialogue_id IN (SELECT id FROM dialogue WHERE unit_id = $6)",
            )
            .bind(p.status.as_str())
            .bind(i64::from(p.percent))
            .bind(done_on)
            .bind(now)
            .bind(commitment)
            .bind(unit.id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query(
                "INSERT INTO dialogue_progress (commitment_id, status, percent, note, on_date, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(commitment)
            .bind(p.status.as_str())
            .bind(i64::from(p.percent))
            .bind(&p.note)
            .bind(on)
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let after = serde_json::json!({ "status": p.status.label(), "percent": p.percent, "note": p.note });
            write_audit!(&mut *tx, now, actor, &entry("dialogue.progress", "dialogue_commitment", commitment, unit, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The progress updates of some commitments, the latest first.
    pub async fn commitment_progress(&self, commitments: &[i64]) -> Result<Vec<ProgressRow>> {
        if commitments.is_empty() {
            return Ok(Vec::new());
        }
        let ids = commitments.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT id, commitment_id, status, percent, note, on_date FROM dialogue_progress \
                 WHERE commitment_id IN ({ids}) ORDER BY commitment_id, id DESC"
            )))
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The public commitments of a unit's subtree (made at dialogues announced or published),
    /// the soonest due first, one page of `limit` after `offset`.
    pub async fn commitments_of_subtree(&self, unit: &UnitRow, limit: i64, offset: i64) -> Result<Vec<CommitmentRow>> {
        let (low, high) = subtree_bounds(&unit.path);
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{COMMITMENT_SELECT} WHERE u.path >= $1 AND u.path < $2 AND d.status <> 'planned' \
                 ORDER BY c.due_on, c.id LIMIT $3 OFFSET $4"
            )))
            .bind(&low)
            .bind(&high)
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// How many public commitments a unit's subtree has, done, and late on `today`.
    pub async fn commitment_counts(&self, unit: &UnitRow, today: NaiveDate) -> Result<CommitmentCounts> {
        let (low, high) = subtree_bounds(&unit.path);
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT COUNT(*) AS total, \
                 COALESCE(SUM(CASE WHEN c.status = 'done' THEN 1 ELSE 0 END), 0) AS done, \
                 COALESCE(SUM(CASE WHEN c.status <> 'done' AND c.due_on < $3 THEN 1 ELSE 0 END), 0) AS late \
                 FROM dialogue_commitment c JOIN dialogue d ON d.id = c.dialogue_id JOIN unit u ON u.id = d.unit_id \
                 WHERE u.path >= $1 AND u.path < $2 AND d.status <> 'planned'",
            )
            .bind(&low)
            .bind(&high)
            .bind(today)
            .fetch_one(pool)
            .await?
        });
        Ok(row)
    }

    /// How many dialogues the unit's subtree held between two dates, both included (announced
    /// or published; a planned one was never announced).
    pub async fn dialogues_held(&self, unit: &UnitRow, from: NaiveDate, to: NaiveDate) -> Result<i64> {
        let (low, high) = subtree_bounds(&unit.path);
        let n = dispatch!(self, read, pool => {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM dialogue d JOIN unit u ON u.id = d.unit_id \
                 WHERE u.path >= $1 AND u.path < $2 AND d.status <> 'planned' AND d.held_on >= $3 AND d.held_on <= $4",
            )
            .bind(&low)
            .bind(&high)
            .bind(from)
            .bind(to)
            .fetch_one(pool)
            .await?
        });
        Ok(n)
    }
}
