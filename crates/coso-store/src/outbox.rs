//! The e-mail outbox: mails wait here until a sender claims and sends them. Delivery is
//! at-least-once: a sender that crashes after sending but before [`Store::mark_sent`] leaves
//! the mail to be sent again once its lock expires.

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

use crate::dispatch::dispatch;
use crate::{Backend, Result, Store};

/// How long a claim keeps other senders away from a mail.
pub const MAIL_LOCK: TimeDelta = TimeDelta::minutes(5);

/// A mail claimed for sending.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Mail {
    pub id: i64,
    pub to_addr: String,
    pub subject: String,
    pub body: String,
    /// Claims so far, this one included.
    pub attempts: i64,
}

/// The state of the outbox, for logs and metrics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct OutboxStats {
    /// Waiting to be sent or retried.
    pub pending: i64,
    pub sent: i64,
    /// Given up after a permanent failure.
    pub failed: i64,
}

// The claim differs only in the row lock. PostgreSQL: rows another instance is claiming are
// skipped, not waited for. SQLite: one writer at a time makes the UPDATE atomic anyway, and
// it has no FOR UPDATE. The store picks the text; callers never see the difference.
const CLAIM_SQLITE: &str = "UPDATE mail_outbox SET locked_by = $1, locked_until = $2, attempts = attempts + 1 \
    WHERE id IN (SELECT id FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= $3 \
        AND (locked_until IS NULL OR locked_until < $3) ORDER BY next_attempt_at, id LIMIT $4) \
    RETURNING id, to_addr, subject, body, attempts";
const CLAIM_POSTGRES: &str = "UPDATE mail_outbox SET locked_by = $1, locked_until = $2, attempts = attempts + 1 \
    WHERE id IN (SELECT id FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= $3 \
        AND (locked_until IS NULL OR locked_until < $3) ORDER BY next_attempt_at, id LIMIT $4 FOR UPDATE SKIP LOCKED) \
    RETURNING id, to_addr, subject, body, attempts";

impl Store {
    /// Claims up to `limit` mails due at `now` for `holder` (locked for [`MAIL_LOCK`]).
    /// Two instances claiming at once never get the same mail.
    pub async fn claim_mail(&self, holder: &str, now: DateTime<Utc>, limit: i64) -> Result<Vec<Mail>> {
        let sql = match self.backend() {
            Backend::Sqlite => CLAIM_SQLITE,
            Backend::Postgres => CLAIM_POSTGRES,
        };
        let mut mails = dispatch!(self, write, pool => {
            sqlx::query_as::<_, Mail>(sql)
                .bind(holder)
                .bind(now + MAIL_LOCK)
                .bind(now)
                .bind(limit.max(1))
                .fetch_all(pool)
                .await?
        });
        mails.sort_by_key(|m| m.id);
        Ok(mails)
    }

    /// Records that mail `id` was handed to the SMTP server.
    pub async fn mark_sent(&self, id: i64, now: DateTime<Utc>) -> Result<()> {
        dispatch!(self, write, pool => {
            sqlx::query(
                "UPDATE mail_outbox SET sent_at = $1, next_attempt_at = NULL, locked_by = NULL, locked_until = NULL, \
                 last_error = NULL WHERE id = $2",
            )
            .bind(now)
            .bind(id)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Records a failed attempt by `holder`: tried again at `retry_at`, or never when `None`.
    /// Does nothing if another sender has taken the mail over since.
    pub async fn mark_failed(&self, id: i64, holder: &str, error: &str, retry_at: Option<DateTime<Utc>>) -> Result<()> {
        dispatch!(self, write, pool => {
            sqlx::query(
                "UPDATE mail_outbox SET last_error = $1, next_attempt_at = $2, locked_by = NULL, locked_until = NULL \
                 WHERE id = $3 AND locked_by = $4 AND sent_at IS NULL",
            )
            .bind(error)
            .bind(retry_at)
            .bind(id)
            .bind(holder)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    pub async fn outbox_stats(&self) -> Result<OutboxStats> {
        let (pending, sent, failed) = dispatch!(self, read, pool => {
            sqlx::query_as::<_, (i64, i64, i64)>(
                "SELECT \
                   COALESCE(SUM(CASE WHEN sent_at IS NULL AND next_attempt_at IS NOT NULL THEN 1 ELSE 0 END), 0), \
                   COALESCE(SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END), 0), \
                   COALESCE(SUM(CASE WHEN sent_at IS NULL AND next_attempt_at IS NULL THEN 1 ELSE 0 END), 0) \
                 FROM mail_outbox",
            )
            .fetch_one(pool)
            .await?
        });
        Ok(OutboxStats { pending, sent, failed })
    }
}
