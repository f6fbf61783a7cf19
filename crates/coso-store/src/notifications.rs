//! In-app notifications and the mail that goes with them, written together and exactly once
//! per dedupe key.

use chrono::{DateTime, Utc};
use coso_domain::UserId;
use coso_domain::authz::Role;
use coso_domain::notification::NotificationKind;
use serde::Serialize;

use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::rows::MAX_LIMIT;
use crate::{Result, Store};

/// A notification to add; nothing is added when one with the same `dedupe_key` exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNotification {
    pub unit_id: i64,
    /// `None`: for every official of the unit.
    pub user_id: Option<i64>,
    pub kind: NotificationKind,
    pub title: String,
    pub body: String,
    pub link: String,
    pub occurrence_id: Option<i64>,
    pub dedupe_key: String,
}

/// A mail to queue in the outbox; nothing is queued when one with the same `dedupe_key` exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    pub to_addr: String,
    pub subject: String,
    pub body: String,
    pub dedupe_key: String,
}

/// Notifications and mails written in one transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotificationBatch {
    pub notifications: Vec<NewNotification>,
    pub mails: Vec<NewMail>,
}

/// How many rows of a batch were new.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BatchReport {
    pub notifications: u64,
    pub mails: u64,
}

/// A stored notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct NotificationRow {
    pub id: i64,
    pub unit_id: i64,
    pub user_id: Option<i64>,
    #[sqlx(try_from = "Code<NotificationKind>")]
    pub kind: NotificationKind,
    pub title: String,
    pub body: String,
    pub link: String,
    pub occurrence_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
    pub dedupe_key: String,
}

const NOTIFICATION_COLUMNS: &str = "n.id, n.unit_id, n.user_id, n.kind, n.title, n.body, n.link, n.occurrence_id, n.created_at, n.read_at, n.dedupe_key";

/// A user sees notifications addressed to them and those of the units where they are an
/// official. A unit's notification is read for all its officials once one of them reads it.
const VISIBLE_TO_USER: &str = "(n.user_id = $1 OR (n.user_id IS NULL AND n.unit_id IN \
    (SELECT g.unit_id FROM role_grant g WHERE g.user_id = $1 AND g.role = $2)))";

impl Store {
    /// Adds the new notifications and mails of `batch` in one transaction; rows whose dedupe
    /// key is already stored are skipped, so running the same batch twice adds nothing.
    pub async fn insert_notifications_and_mail(
        &self,
        batch: &NotificationBatch,
        now: DateTime<Utc>,
    ) -> Result<BatchReport> {
        // Insert in key order: two instances writing overlapping batches on PostgreSQL then
        // take the unique-index locks in the same order and cannot deadlock.
        let mut notifications: Vec<&NewNotification> = batch.notifications.iter().collect();
        notifications.sort_by(|a, b| a.dedupe_key.cmp(&b.dedupe_key));
        let mut mails: Vec<&NewMail> = batch.mails.iter().collect();
        mails.sort_by(|a, b| a.dedupe_key.cmp(&b.dedupe_key));
        let mut report = BatchReport::default();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            for n in &notifications {
                report.notifications += sqlx::query(
                    "INSERT INTO notification (unit_id, user_id, kind, title, body, link, occurrence_id, created_at, dedupe_key) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (dedupe_key) DO NOTHING",
                )
                .bind(n.unit_id)
                .bind(n.user_id)
                .bind(n.kind.as_str())
                .bind(&n.title)
                .bind(&n.body)
                .bind(&n.link)
                .bind(n.occurrence_id)
                .bind(now)
                .bind(&n.dedupe_key)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
            for m in &mails {
                report.mails += sqlx::query(
                    "INSERT INTO mail_outbox (to_addr, subject, body, dedupe_key, created_at, attempts, next_attempt_at) \
                     VALUES ($1, $2, $3, $4, $5, 0, $5) ON CONFLICT (dedupe_key) DO NOTHING",
                )
                .bind(&m.to_addr)
                .bind(&m.subject)
                .bind(&m.body)
                .bind(&m.dedupe_key)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
            tx.commit().await?;
        });
        Ok(report)
    }

    /// The newest notifications `user` may see (at most `MAX_LIMIT`).
    pub async fn notifications_for_user(&self, user: UserId, unread_only: bool) -> Result<Vec<NotificationRow>> {
        let sql = format!(
            "SELECT {NOTIFICATION_COLUMNS} FROM notification n WHERE {VISIBLE_TO_USER} \
             AND ($3 = 0 OR n.read_at IS NULL) ORDER BY n.id DESC LIMIT $4"
        );
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, NotificationRow>(sqlx::AssertSqlSafe(sql))
                .bind(user.0)
                .bind(Role::Official.as_str())
                .bind(i64::from(unread_only))
                .bind(MAX_LIMIT)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// The newest notifications addressed to a unit (at most `MAX_LIMIT`); those addressed to
    /// one person of the unit (a resident told of a decision) are theirs alone.
    pub async fn notifications_of_unit(&self, unit: coso_domain::UnitId) -> Result<Vec<NotificationRow>> {
        let sql = format!(
            "SELECT {NOTIFICATION_COLUMNS} FROM notification n WHERE n.unit_id = $1 AND n.user_id IS NULL \
             ORDER BY n.id DESC LIMIT $2"
        );
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, NotificationRow>(sqlx::AssertSqlSafe(sql)).bind(unit.0).bind(MAX_LIMIT).fetch_all(pool).await?
        });
        Ok(rows)
    }

    /// Marks notification `id` read for `user`; false when it was already read or is not theirs.
    pub async fn mark_read(&self, user: UserId, id: i64, now: DateTime<Utc>) -> Result<bool> {
        let sql = format!(
            "UPDATE notification SET read_at = $3 WHERE id = $4 AND read_at IS NULL AND id IN \
             (SELECT n.id FROM notification n WHERE {VISIBLE_TO_USER})"
        );
        let changed = dispatch!(self, write, pool => {
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(user.0)
                .bind(Role::Official.as_str())
                .bind(now)
                .bind(id)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(changed > 0)
    }
}
