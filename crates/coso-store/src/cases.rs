//! Citizen cases: the case, its timeline and, apart from it, the sender's identity. Every
//! change writes its timeline row and its audit row in the change's transaction; the audit
//! rows the use cases hand in never carry the sender's identity.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::case::{CaseActionKind, CaseKind, CaseStatus, Channel, Complexity};
use coso_domain::unit_path::UnitPath;
use coso_domain::{CaseId, UnitId};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, push_audit, push_audit_with, write_audit};
use crate::batch::{Batch, RunBatch, Value};
use crate::codes::Code;
use crate::connect::Pools;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::notifications::NewMail;
use crate::public_cases::{CasePlace, IntakeFile};
use crate::rows::search_text;
use crate::{Result, Store};

/// A stored case with the unit that handles it now and the handler's e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CaseRow {
    pub id: i64,
    pub code: String,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub unit_path: String,
    #[sqlx(try_from = "Code<CaseKind>")]
    pub kind: CaseKind,
    #[sqlx(try_from = "Code<CaseStatus>")]
    pub status: CaseStatus,
    #[sqlx(try_from = "Code<Channel>")]
    pub channel: Channel,
    pub category: String,
    pub received_on: NaiveDate,
    pub content: String,
    pub remote: bool,
    #[sqlx(try_from = "Code<Complexity>")]
    pub complexity: Complexity,
    pub crowded: bool,
    pub over_level: bool,
    pub publish: bool,
    pub sender_user_id: Option<i64>,
    pub handler_user_id: Option<i64>,
    pub handler_email: Option<String>,
    pub accepted_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub decision_received_on: Option<NaiveDate>,
    pub parent_id: Option<i64>,
    pub instance: i64,
    pub extensions: i64,
    pub due_on: Option<NaiveDate>,
    pub resolution_due_on: Option<NaiveDate>,
    pub public_answer: Option<String>,
    pub rating: Option<i64>,
    pub rating_comment: Option<String>,
    pub rated_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When the retention setting removed the sender's personal data.
    pub personal_data_removed_on: Option<NaiveDate>,
}

impl CaseRow {
    pub fn case_id(&self) -> CaseId {
        CaseId(self.id)
    }

    pub fn unit_path(&self) -> UnitPath {
        UnitPath::from_stored(self.unit_path.clone())
    }
}

/// A case to insert; the store adds the search text and the instants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    pub code: String,
    pub unit_id: UnitId,
    pub kind: CaseKind,
    pub status: CaseStatus,
    pub channel: Channel,
    pub category: String,
    pub received_on: NaiveDate,
    pub content: String,
    pub remote: bool,
    pub complexity: Complexity,
    pub crowded: bool,
    pub over_level: bool,
    pub publish: bool,
    pub sender_user_id: Option<i64>,
    pub accepted_on: Option<NaiveDate>,
    pub decision_received_on: Option<NaiveDate>,
    pub parent_id: Option<i64>,
    pub instance: i64,
    pub due_on: Option<NaiveDate>,
    pub resolution_due_on: Option<NaiveDate>,
}

/// Everything a new case writes; see [`Store::insert_case`].
#[derive(Debug, Clone, Copy)]
pub struct CaseInsert<'a> {
    pub case: &'a NewCase,
    pub sender: &'a CaseSender,
    /// The first timeline row, mails and the audit row (its action and payload).
    pub effects: &'a CaseEffects,
    pub place: &'a CasePlace,
    /// Photos or a scanned letter, tied to the first timeline row.
    pub files: &'a [IntakeFile],
    /// A row for the first case a second complaint is about.
    pub parent: Option<(i64, &'a NewCaseAction)>,
}

/// Who sent a case. Kept in its own table, read only by those entitled to it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CaseSender {
    pub name: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub id_number: Option<String>,
}

impl CaseSender {
    /// Whether nothing identifies the sender.
    pub fn is_empty(&self) -> bool {
        [&self.name, &self.address, &self.phone, &self.email, &self.id_number].iter().all(|f| f.is_none())
    }
}

/// One row of a case's timeline, to insert.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCaseAction {
    pub action: CaseActionKind,
    pub on_date: NaiveDate,
    pub note: Option<String>,
    /// Ground of a refusal, units of a forward, handler, extension days, answer…
    pub detail: serde_json::Value,
}

/// One stored row of a case's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CaseActionRow {
    pub id: i64,
    pub case_id: i64,
    #[sqlx(try_from = "Code<CaseActionKind>")]
    pub action: CaseActionKind,
    pub on_date: NaiveDate,
    pub note: Option<String>,
    pub actor_user_id: Option<i64>,
    pub actor_label: String,
    pub detail: String,
    pub created_at: DateTime<Utc>,
}

/// What a change records besides the case itself.
#[derive(Debug, Clone)]
pub struct CaseEffects {
    pub action: NewCaseAction,
    /// The audit row (its entity id is the case's); never the sender's identity.
    pub audit_action: &'static str,
    pub audit_after: serde_json::Value,
    /// Mails to queue in the same transaction (a notice to the sender).
    pub mails: Vec<NewMail>,
}

pub(crate) const CASE_SELECT: &str = "SELECT c.id, c.code, c.unit_id, u.code AS unit_code, u.name AS unit_name, \
    u.path AS unit_path, c.kind, c.status, c.channel, c.category, c.received_on, c.content, c.remote, c.complexity, \
    c.crowded, c.over_level, c.publish, c.sender_user_id, c.handler_user_id, h.email AS handler_email, c.accepted_on, \
    c.answered_on, c.closed_on, c.decision_received_on, c.parent_id, c.instance, c.extensions, c.due_on, \
    c.resolution_due_on, c.public_answer, c.rating, c.rating_comment, c.rated_at, c.created_at, c.updated_at, \
    c.personal_data_removed_on FROM citizen_case c JOIN unit u ON u.id = c.unit_id LEFT JOIN app_user h ON h.id = c.handler_user_id ";

/// The audit row of a change to a case; `entity_id` is the case's id, or its tracking code
/// where [`INSERT_AUDIT_OF_CASE_CODE`] turns the code into the id.
fn audit_entry(entity_id: &dyn ToString, unit_id: i64, action: &'static str, after: &serde_json::Value) -> AuditEntry {
    AuditEntry {
        action,
        entity: "citizen_case",
        entity_id: entity_id.to_string(),
        unit_id: Some(UnitId(unit_id)),
        before: None,
        after: Some(after.clone()),
    }
}

const INSERT_ACTION: &str = "INSERT INTO case_action (case_id, action, on_date, note, actor_user_id, actor_label, \
     detail, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
const INSERT_MAIL: &str = "INSERT INTO mail_outbox (to_addr, subject, body, dedupe_key, created_at, attempts, \
     next_attempt_at) VALUES ($1, $2, $3, $4, $5, 0, $5) ON CONFLICT (dedupe_key) DO NOTHING";
const INSERT_SENDER: &str =
    "INSERT INTO case_sender (case_id, name, address, phone, email, id_number) VALUES ($1, $2, $3, $4, $5, $6)";

/// A new case, giving its id. Batched first, so that the rows after it can find it.
const INSERT_CASE: &str = "INSERT INTO citizen_case (code, unit_id, kind, status, channel, category, received_on, \
     content, search_text, remote, complexity, crowded, over_level, publish, sender_user_id, accepted_on, \
     decision_received_on, parent_id, instance, extensions, due_on, resolution_due_on, place, latitude, longitude, \
     media_url, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, 0, $20, $21, \
     $22, $23, $24, $25, $26, $26) RETURNING id";

// The rows batched after a new case in the same command, before its id is known, find the case
// by its tracking code (`$1`, unique and indexed): the same statements on both backends.
macro_rules! case_of_code {
    () => {
        "(SELECT id FROM citizen_case WHERE code = $1)"
    };
}
const INSERT_SENDER_OF_CODE: &str = concat!(
    "INSERT INTO case_sender (case_id, name, address, phone, email, id_number) VALUES (",
    case_of_code!(),
    ", $2, $3, $4, $5, $6)"
);
const INSERT_ACTION_OF_CODE: &str = concat!(
    "INSERT INTO case_action (case_id, action, on_date, note, actor_user_id, actor_label, detail, created_at) VALUES (",
    case_of_code!(),
    ", $2, $3, $4, $5, $6, $7, $8)"
);
/// [`crate::audit::INSERT_AUDIT`] with the entity's id (`$6`) read from the case's code.
const INSERT_AUDIT_OF_CASE_CODE: &str = "INSERT INTO audit_log \
    (at, actor_user_id, actor, action, entity, entity_id, unit_id, before_json, after_json, request_id) \
    VALUES ($1, $2, $3, $4, $5, CAST((SELECT id FROM citizen_case WHERE code = $6) AS TEXT), $7, $8, $9, $10)";

/// The case's row, as the first statement of `batch`.
fn push_case(batch: &mut Batch, case: &NewCase, search: &str, place: &CasePlace, now: DateTime<Utc>) {
    batch.push(
        INSERT_CASE,
        vec![
            case.code.as_str().into(),
            case.unit_id.0.into(),
            case.kind.as_str().into(),
            case.status.as_str().into(),
            case.channel.as_str().into(),
            case.category.as_str().into(),
            case.received_on.into(),
            case.content.as_str().into(),
            search.into(),
            case.remote.into(),
            case.complexity.as_str().into(),
            case.crowded.into(),
            case.over_level.into(),
            case.publish.into(),
            case.sender_user_id.into(),
            case.accepted_on.into(),
            case.decision_received_on.into(),
            case.parent_id.into(),
            case.instance.into(),
            case.due_on.into(),
            case.resolution_due_on.into(),
            place.place.as_deref().into(),
            place.latitude.into(),
            place.longitude.into(),
            place.media_url.as_deref().into(),
            now.into(),
        ],
    );
}

/// The values of [`INSERT_SENDER`] or [`INSERT_SENDER_OF_CODE`]: the case, then the sender.
fn sender_values(case: Value, sender: &CaseSender) -> Vec<Value> {
    vec![
        case,
        sender.name.as_deref().into(),
        sender.address.as_deref().into(),
        sender.phone.as_deref().into(),
        sender.email.as_deref().into(),
        sender.id_number.as_deref().into(),
    ]
}

/// The timeline row of [`insert_action!`] in a batch, when nothing needs its id: `sql` is
/// [`INSERT_ACTION`] with the case's id or [`INSERT_ACTION_OF_CODE`] with its code.
fn push_action(
    batch: &mut Batch,
    sql: &'static str,
    case: Value,
    a: &NewCaseAction,
    actor: &Actor,
    now: DateTime<Utc>,
) {
    batch.push(
        sql,
        vec![
            case,
            a.action.as_str().into(),
            a.on_date.into(),
            a.note.as_deref().into(),
            actor.user_id.map(|u| u.0).into(),
            actor.label.as_str().into(),
            a.detail.to_string().into(),
            now.into(),
        ],
    );
}

/// The mails of [`insert_mails!`] in a batch.
fn push_mails(batch: &mut Batch, mails: &[NewMail], now: DateTime<Utc>) {
    for m in mails {
        batch.push(
            INSERT_MAIL,
            vec![
                m.to_addr.as_str().into(),
                m.subject.as_str().into(),
                m.body.as_str().into(),
                m.dedupe_key.as_str().into(),
                now.into(),
            ],
        );
    }
}

/// Everything after the case's own row, for a case with no files and no parent: the rows find
/// the case by its tracking code, so nothing needs its id before the end.
fn push_whole_case(batch: &mut Batch, new: &CaseInsert<'_>, actor: &Actor, now: DateTime<Utc>) {
    let (case, effects) = (new.case, new.effects);
    let code = || Value::from(case.code.as_str());
    batch.push(INSERT_SENDER_OF_CODE, sender_values(code(), new.sender));
    push_action(batch, INSERT_ACTION_OF_CODE, code(), &effects.action, actor, now);
    push_mails(batch, &effects.mails, now);
    let entry = audit_entry(&case.code, case.unit_id.0, effects.audit_action, &effects.audit_after);
    push_audit_with(batch, INSERT_AUDIT_OF_CASE_CODE, now, actor, &entry);
}

macro_rules! insert_action {
    ($conn:expr, $case_id:expr, $a:expr, $actor:expr, $now:expr) => {{
        let a: &NewCaseAction = $a;
        let actor: &Actor = $actor;
        sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!("{INSERT_ACTION} RETURNING id")))
            .bind($case_id)
            .bind(a.action.as_str())
            .bind(a.on_date)
            .bind(a.note.as_deref())
            .bind(actor.user_id.map(|u| u.0))
            .bind(actor.label.as_str())
            .bind(a.detail.to_string())
            .bind($now)
            .fetch_one($conn)
            .await
    }};
}

macro_rules! insert_mails {
    ($conn:expr, $mails:expr, $now:expr) => {{
        let mails: &[NewMail] = $mails;
        for m in mails {
            sqlx::query(INSERT_MAIL)
                .bind(&m.to_addr)
                .bind(&m.subject)
                .bind(&m.body)
                .bind(&m.dedupe_key)
                .bind($now)
                .execute(&mut *$conn)
                .await?;
        }
    }};
}

impl Store {
    /// Writes a new case (the one place a `citizen_case` row is inserted): the case, its
    /// sender, its place, its first timeline row, its files, mails and audit row, and with
    /// `parent` the row recorded on the first case (a second complaint), in one transaction.
    /// A tracking code already taken is a conflict on `code` (the caller draws another).
    pub async fn insert_case(&self, new: &CaseInsert<'_>, actor: &Actor) -> Result<CaseId> {
        let now = self.clock.now();
        let (case, place) = (new.case, new.place);
        let search = search_text(&[&case.content, place.place.as_deref().unwrap_or("")]);
        let one_batch = new.files.is_empty() && new.parent.is_none();
        let inserted = if let (Pools::Sqlite { write, .. }, true) = (&self.backend, one_batch) {
            // The common petition: one batch, committed with the others waiting for the writer.
            let mut batch = Batch::default();
            push_case(&mut batch, case, &search, place, now);
            push_whole_case(&mut batch, new, actor, now);
            self.grouped.run_returning(write, batch).await
        } else {
            self.insert_case_in_transaction(new, &search, actor, now).await
        };
        match inserted {
            Ok(id) => Ok(CaseId(id)),
            Err(e) if StoreError::is_unique_violation(&e) => Err(StoreError::Conflict {
                field: "code",
                message: "Mã theo dõi đã được dùng; hãy gửi lại.".into(),
            }),
            Err(e) => Err(e.into()),
        }
    }

    /// `insert_case` in a transaction of its own.
    async fn insert_case_in_transaction(
        &self,
        new: &CaseInsert<'_>,
        search: &str,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> std::result::Result<i64, sqlx::Error> {
        let (case, sender, effects, place) = (new.case, new.sender, new.effects, new.place);
        dispatch!(self, write, pool => {
            async {
                let mut tx = pool.begin().await?;
                let mut batch = Batch::default();
                push_case(&mut batch, case, search, place, now);
                let id = if new.files.is_empty() && new.parent.is_none() {
                    push_whole_case(&mut batch, new, actor, now);
                    RunBatch::run_batch_returning(&mut *tx, &batch).await?
                } else {
                    // Files and a parent's row need the first timeline row's id: one by one.
                    let id = RunBatch::run_batch_returning(&mut *tx, &batch).await?;
                    let mut batch = Batch::default();
                    batch.push(INSERT_SENDER, sender_values(id.into(), sender));
                    let action_id = insert_action!(&mut *tx, id, &effects.action, actor, now)?;
                    for f in new.files {
                        let sha = crate::evidence::sha256_hex(&f.bytes);
                        sqlx::query(
                            "INSERT INTO case_file (case_id, action_id, file_name, content_type, size, sha256, data, identity, public, created_at) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                        )
                        .bind(id)
                        .bind(action_id)
                        .bind(&f.file_name)
                        .bind(&f.content_type)
                        .bind(i64::try_from(f.bytes.len()).unwrap_or(i64::MAX))
                        .bind(&sha)
                        .bind(&f.bytes)
                        .bind(f.identity)
                        .bind(f.public)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                    }
                    if let Some((parent_id, action)) = new.parent {
                        insert_action!(&mut *tx, parent_id, action, actor, now)?;
                        sqlx::query("UPDATE citizen_case SET updated_at = $1 WHERE id = $2")
                            .bind(now)
                            .bind(parent_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    push_mails(&mut batch, &effects.mails, now);
                    let entry = audit_entry(&id, case.unit_id.0, effects.audit_action, &effects.audit_after);
                    push_audit(&mut batch, now, actor, &entry);
                    RunBatch::run_batch(&mut *tx, &batch).await?;
                    id
                };
                tx.commit().await?;
                Ok::<i64, sqlx::Error>(id)
            }
            .await
        })
    }

    pub async fn case_by_id(&self, id: CaseId) -> Result<Option<CaseRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CaseRow>(sqlx::AssertSqlSafe(format!("{CASE_SELECT} WHERE c.id = $1")))
                .bind(id.0)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// The case with the tracking code `code` as stored (`XXXX-XXXX-XXXX-XXXX`).
    pub async fn case_by_code(&self, code: &str) -> Result<Option<CaseRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CaseRow>(sqlx::AssertSqlSafe(format!("{CASE_SELECT} WHERE c.code = $1")))
                .bind(code)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// The sender of a case. Only for those the use cases found entitled to it.
    pub async fn case_sender(&self, id: CaseId) -> Result<Option<CaseSender>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CaseSender>("SELECT name, address, phone, email, id_number FROM case_sender WHERE case_id = $1")
                .bind(id.0)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// The timeline of a case, oldest first.
    pub async fn case_actions(&self, id: CaseId) -> Result<Vec<CaseActionRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CaseActionRow>(
                "SELECT id, case_id, action, on_date, note, actor_user_id, actor_label, detail, created_at \
                 FROM case_action WHERE case_id = $1 ORDER BY id",
            )
            .bind(id.0)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Stores `after` over `before` (the same case), if nobody changed the case since
    /// `before` was read, with its timeline row, mails and audit row, in one transaction.
    pub async fn update_case(
        &self,
        before: &CaseRow,
        after: &CaseRow,
        effects: &CaseEffects,
        actor: &Actor,
    ) -> Result<()> {
        let now = self.clock.now();
        let changed = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query(
                "UPDATE citizen_case SET unit_id = $1, status = $2, category = $3, complexity = $4, remote = $5, \
                 handler_user_id = $6, accepted_on = $7, answered_on = $8, closed_on = $9, extensions = $10, \
                 due_on = $11, resolution_due_on = $12, public_answer = $13, rating = $14, rating_comment = $15, \
                 rated_at = $16, updated_at = $17 WHERE id = $18 AND status = $19 AND updated_at = $20",
            )
            .bind(after.unit_id)
            .bind(after.status.as_str())
            .bind(&after.category)
            .bind(after.complexity.as_str())
            .bind(after.remote)
            .bind(after.handler_user_id)
            .bind(after.accepted_on)
            .bind(after.answered_on)
            .bind(after.closed_on)
            .bind(after.extensions)
            .bind(after.due_on)
            .bind(after.resolution_due_on)
            .bind(after.public_answer.as_deref())
            .bind(after.rating)
            .bind(after.rating_comment.as_deref())
            .bind(after.rated_at)
            .bind(now)
            .bind(before.id)
            .bind(before.status.as_str())
            .bind(before.updated_at)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 1 {
                insert_action!(&mut *tx, before.id, &effects.action, actor, now)?;
                insert_mails!(tx, &effects.mails, now);
                let entry = audit_entry(&before.id, after.unit_id, effects.audit_action, &effects.audit_after);
                write_audit!(&mut *tx, now, actor, &entry)?;
                tx.commit().await?;
            }
            changed
        });
        if changed == 1 {
            Ok(())
        } else {
            Err(StoreError::Conflict {
                field: "status",
                message: "Đơn vừa được người khác cập nhật; hãy mở lại đơn rồi thực hiện lại.".into(),
            })
        }
    }

    /// Whether a unit is in a remote, hard-to-reach area.
    pub async fn unit_remote(&self, unit: UnitId) -> Result<bool> {
        let (kept, generation) = self.remote.get(&unit.0);
        if let Some(remote) = kept {
            return Ok(remote);
        }
        let remote = dispatch!(self, read, pool => {
            sqlx::query_scalar::<_, bool>("SELECT remote FROM unit WHERE id = $1")
                .bind(unit.0)
                .fetch_optional(pool)
                .await?
        });
        let remote = remote.ok_or(StoreError::NotFound)?;
        self.remote.put(unit.0, remote, generation);
        Ok(remote)
    }
}
