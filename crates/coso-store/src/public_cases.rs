//! The public side of citizen cases: a petition sent by a resident or an Open311 client
//! (the case, its sender, its photos, its first timeline row, its receipt mail and its audit
//! row in one transaction), the published petitions of a unit's subtree, the ratings per
//! unit and the Open311 lists. None of these reads touches the sender's identity.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::CaseId;
use coso_domain::case::CaseStatus;
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::cases::{CaseSender, NewCase, NewCaseAction};
use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::notifications::NewMail;
use crate::rows::{search_text, word_prefix_pattern};
use crate::{Result, Store};

/// Where a petition is about, and the photo link an Open311 client gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CasePlace {
    pub place: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub media_url: Option<String>,
}

/// A photo to keep with a case, already cleaned of its metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeFile {
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// Everything a public submission writes.
#[derive(Debug, Clone)]
pub struct NewIntake {
    pub case: NewCase,
    pub place: CasePlace,
    pub sender: CaseSender,
    pub action: NewCaseAction,
    pub files: Vec<IntakeFile>,
    pub mails: Vec<NewMail>,
    /// The audit row's payload: never the sender's identity.
    pub audit_after: serde_json::Value,
}

/// A published petition as the public list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct PublishedRow {
    pub id: i64,
    pub code: String,
    pub unit_id: i64,
    pub unit_name: String,
    pub category: String,
    #[sqlx(try_from = "Code<CaseStatus>")]
    pub status: CaseStatus,
    pub received_on: NaiveDate,
    pub answered_on: Option<NaiveDate>,
    pub content: String,
    pub public_answer: Option<String>,
    pub place: Option<String>,
    pub rating: Option<i64>,
}

/// The filters of the public list.
#[derive(Debug, Clone, Default)]
pub struct PublishedFilter {
    /// The materialized path of the unit whose subtree is listed.
    pub unit_path: String,
    pub category: Option<String>,
    pub status: Option<CaseStatus>,
    /// Words typed, matched without diacritics at word starts.
    pub q: Option<String>,
    pub limit: i64,
    pub offset: i64,
}

/// A petition as Open311 shows it: its place only when it was published.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct Open311Row {
    pub code: String,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub category: String,
    #[sqlx(try_from = "Code<CaseStatus>")]
    pub status: CaseStatus,
    pub content: String,
    pub publish: bool,
    pub public_answer: Option<String>,
    pub place: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub media_url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The filters of Open311's `GET requests.json`.
#[derive(Debug, Clone, Default)]
pub struct Open311Filter {
    /// Only these tracking codes (as stored).
    pub codes: Vec<String>,
    /// The unit's own petitions (the jurisdiction), by its id.
    pub unit_id: Option<i64>,
    pub category: Option<String>,
    /// `Some(true)`: open ones; `Some(false)`: closed ones.
    pub open: Option<bool>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub limit: i64,
}

/// The ratings of the petitions of a unit's subtree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct RatingSummary {
    pub count: i64,
    pub average: Option<f64>,
}

const OPEN311_SELECT: &str = "SELECT c.code, c.unit_id, u.code AS unit_code, u.name AS unit_name, c.category, c.status, c.content, \
    c.publish, c.public_answer, c.place, c.latitude, c.longitude, c.media_url, c.created_at, c.updated_at \
    FROM citizen_case c JOIN unit u ON u.id = c.unit_id ";

impl Store {
    /// Inserts a petition sent by the public, with its sender, photos, first timeline row,
    /// mails and audit row, in one transaction. A tracking code already taken is a conflict
    /// on `code` (the caller draws another).
    pub async fn insert_intake(&self, intake: &NewIntake, actor: &Actor) -> Result<CaseId> {
        let now = self.clock.now();
        let case = &intake.case;
        let search = search_text(&[&case.content, intake.place.place.as_deref().unwrap_or("")]);
        let inserted = dispatch!(self, write, pool => {
            async {
                let mut tx = pool.begin().await?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO citizen_case (code, unit_id, kind, status, channel, category, received_on, content, \
                     search_text, remote, complexity, crowded, over_level, publish, sender_user_id, instance, extensions, \
                     due_on, resolution_due_on, place, latitude, longitude, media_url, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, 0, $16, $17, $18, $19, $20, $21, $22, $22) \
                     RETURNING id",
                )
                .bind(&case.code)
                .bind(case.unit_id.0)
                .bind(case.kind.as_str())
                .bind(case.status.as_str())
                .bind(case.channel.as_str())
                .bind(&case.category)
                .bind(case.received_on)
                .bind(&case.content)
                .bind(&search)
                .bind(case.remote)
                .bind(case.complexity.as_str())
                .bind(case.crowded)
                .bind(case.over_level)
                .bind(case.publish)
                .bind(case.sender_user_id)
                .bind(case.due_on)
                .bind(case.resolution_due_on)
                .bind(intake.place.place.as_deref())
                .bind(intake.place.latitude)
                .bind(intake.place.longitude)
                .bind(intake.place.media_url.as_deref())
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                let s = &intake.sender;
                sqlx::query("INSERT INTO case_sender (case_id, name, address, phone, email, id_number) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(id)
                    .bind(s.name.as_deref())
                    .bind(s.address.as_deref())
                    .bind(s.phone.as_deref())
                    .bind(s.email.as_deref())
                    .bind(s.id_number.as_deref())
                    .execute(&mut *tx)
                    .await?;
                let a = &intake.action;
                let action_id: i64 = sqlx::query_scalar(
                    "INSERT INTO case_action (case_id, action, on_date, note, actor_user_id, actor_label, detail, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                )
                .bind(id)
                .bind(a.action.as_str())
                .bind(a.on_date)
                .bind(a.note.as_deref())
                .bind(actor.user_id.map(|u| u.0))
                .bind(actor.label.as_str())
                .bind(a.detail.to_string())
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                for f in &intake.files {
                    let sha: String = <sha2::Sha256 as sha2::Digest>::digest(&f.bytes).iter().map(|b| format!("{b:02x}")).collect();
                    sqlx::query(
                        "INSERT INTO case_file (case_id, action_id, file_name, content_type, size, sha256, data, identity, public, created_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, FALSE, $8, $9)",
                    )
                    .bind(id)
                    .bind(action_id)
                    .bind(&f.file_name)
                    .bind(&f.content_type)
                    .bind(i64::try_from(f.bytes.len()).unwrap_or(i64::MAX))
                    .bind(&sha)
                    .bind(&f.bytes)
                    .bind(case.publish)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                for m in &intake.mails {
                    sqlx::query(
                        "INSERT INTO mail_outbox (to_addr, subject, body, dedupe_key, created_at, attempts, next_attempt_at) \
                         VALUES ($1, $2, $3, $4, $5, 0, $5) ON CONFLICT (dedupe_key) DO NOTHING",
                    )
                    .bind(&m.to_addr)
                    .bind(&m.subject)
                    .bind(&m.body)
                    .bind(&m.dedupe_key)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                let entry = AuditEntry {
                    action: "case.submit",
                    entity: "citizen_case",
                    entity_id: id.to_string(),
                    unit_id: Some(case.unit_id),
                    before: None,
                    after: Some(intake.audit_after.clone()),
                };
                write_audit!(&mut *tx, now, actor, &entry)?;
                tx.commit().await?;
                Ok::<i64, sqlx::Error>(id)
            }
            .await
        });
        match inserted {
            Ok(id) => Ok(CaseId(id)),
            Err(e) if StoreError::is_unique_violation(&e) => Err(StoreError::Conflict {
                field: "code",
                message: "Mã theo dõi đã được dùng; hãy gửi lại.".into(),
            }),
            Err(e) => Err(e.into()),
        }
    }

    /// The files of a case (name, content type, bytes), oldest first.
    pub async fn case_file_contents(&self, id: CaseId) -> Result<Vec<(String, String, Vec<u8>)>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as("SELECT file_name, content_type, data FROM case_file WHERE case_id = $1 ORDER BY id")
                .bind(id.0)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// The published petitions of a unit's subtree, newest first: one page, and whether
    /// another follows (one more row is read than shown).
    pub async fn published_petitions(&self, f: &PublishedFilter) -> Result<(Vec<PublishedRow>, bool)> {
        let prefix = format!("{}%", f.unit_path);
        let pattern = word_prefix_pattern(&f.q.as_deref().map(coso_text::fold).unwrap_or_default());
        let limit = f.limit.clamp(1, 100);
        let mut rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, PublishedRow>(
                "SELECT c.id, c.code, c.unit_id, u.name AS unit_name, c.category, c.status, c.received_on, c.answered_on, \
                 c.content, c.public_answer, c.place, c.rating \
                 FROM citizen_case c JOIN unit u ON u.id = c.unit_id \
                 WHERE c.publish AND c.kind = 'petition' AND u.path LIKE $1 \
                 AND ($2 = '' OR c.category = $2) AND ($3 = '' OR c.status = $3) \
                 AND c.search_text LIKE $4 ESCAPE '\\' \
                 ORDER BY c.received_on DESC, c.id DESC LIMIT $5 OFFSET $6",
            )
            .bind(&prefix)
            .bind(f.category.as_deref().unwrap_or(""))
            .bind(f.status.map(|s| s.as_str()).unwrap_or(""))
            .bind(&pattern)
            .bind(limit + 1)
            .bind(f.offset.max(0))
            .fetch_all(pool)
            .await?
        });
        let more = rows.len() as i64 > limit;
        rows.truncate(usize::try_from(limit).unwrap_or(0));
        Ok((rows, more))
    }

    /// The ratings given to the petitions of a unit's subtree.
    pub async fn rating_summary(&self, unit_path: &str) -> Result<RatingSummary> {
        let prefix = format!("{unit_path}%");
        let (count, average): (i64, Option<f64>) = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT COUNT(c.rating), AVG(CAST(c.rating AS DOUBLE PRECISION)) FROM citizen_case c \
                 JOIN unit u ON u.id = c.unit_id WHERE c.rating IS NOT NULL AND u.path LIKE $1",
            )
            .bind(&prefix)
            .fetch_one(pool)
            .await?
        });
        Ok(RatingSummary { count, average })
    }

    /// Petitions for Open311's `GET requests.json`, newest first.
    pub async fn open311_requests(&self, f: &Open311Filter) -> Result<Vec<Open311Row>> {
        // The codes asked for, each its own placeholder after the eight fixed ones.
        let codes: Vec<String> = (0..f.codes.len()).map(|i| format!("${}", i + 9)).collect();
        let by_code = if codes.is_empty() { String::new() } else { format!(" AND c.code IN ({})", codes.join(", ")) };
        let sql = format!(
            "{OPEN311_SELECT} WHERE c.kind = 'petition'{by_code} \
             AND ($1 = 0 OR c.unit_id = $1) AND ($2 = '' OR c.category = $2) \
             AND ($3 = '' OR ($3 = 'open') = (c.status IN ('received', 'accepted', 'forwarded'))) \
             AND ($4 = '' OR c.created_at >= $5) AND ($6 = '' OR c.created_at <= $7) \
             ORDER BY c.created_at DESC, c.id DESC LIMIT $8"
        );
        let rows = dispatch!(self, read, pool => {
            let mut q = sqlx::query_as::<_, Open311Row>(sqlx::AssertSqlSafe(sql.clone()))
                .bind(f.unit_id.unwrap_or(0))
                .bind(f.category.clone().unwrap_or_default())
                .bind(match f.open { Some(true) => "open", Some(false) => "closed", None => "" })
                .bind(if f.from.is_some() { "y" } else { "" })
                .bind(f.from.unwrap_or_default())
                .bind(if f.to.is_some() { "y" } else { "" })
                .bind(f.to.unwrap_or_default())
                .bind(f.limit.clamp(1, 1000));
            for code in &f.codes {
                q = q.bind(code.clone());
            }
            q.fetch_all(pool).await?
        });
        Ok(rows)
    }
}
