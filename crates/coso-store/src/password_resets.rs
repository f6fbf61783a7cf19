//! Single-use links to set a new password, stored by the hash of their token, and the mail
//! that carries each one, queued in the outbox in the same transaction.

use chrono::{DateTime, Duration, Utc};
use coso_domain::UserId;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::notifications::NewMail;
use crate::{Result, Store};

/// How long used and expired links are kept (for the count of recent requests) before they
/// are deleted.
const KEEP_OLD_LINKS: Duration = Duration::days(1);

impl Store {
    /// How many reset links were made for `user` since `since`.
    pub async fn password_resets_since(&self, user: UserId, since: DateTime<Utc>) -> Result<i64> {
        let n = dispatch!(self, read, pool => {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM password_reset WHERE user_id = $1 AND created_at >= $2")
                .bind(user.0)
                .bind(since)
                .fetch_one(pool)
                .await?
        });
        Ok(n)
    }

    /// Stores a link for `user` valid until `expires_at` and queues `mail`, in one transaction;
    /// links that ended more than a day ago are deleted on the way.
    pub async fn create_password_reset(
        &self,
        user: UserId,
        token_hash: &str,
        expires_at: DateTime<Utc>,
        mail: &NewMail,
    ) -> Result<()> {
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM password_reset WHERE expires_at < $1")
                .bind(now - KEEP_OLD_LINKS)
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO password_reset (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
                .bind(token_hash)
                .bind(user.0)
                .bind(now)
                .bind(expires_at)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO mail_outbox (to_addr, subject, body, dedupe_key, created_at, attempts, next_attempt_at) \
                 VALUES ($1, $2, $3, $4, $5, 0, $5)",
            )
            .bind(&mail.to_addr)
            .bind(&mail.subject)
            .bind(&mail.body)
            .bind(&mail.dedupe_key)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The account of the unused, unexpired link with this hash, if its account is active.
    pub async fn password_reset_user(&self, token_hash: &str) -> Result<Option<UserId>> {
        let id = dispatch!(self, read, pool => {
            sqlx::query_scalar::<_, i64>(
                "SELECT r.user_id FROM password_reset r JOIN app_user u ON u.id = r.user_id \
                 WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND u.active = $3",
            )
            .bind(token_hash)
            .bind(self.clock.now())
            .bind(true)
            .fetch_optional(pool)
            .await?
        });
        Ok(id.map(UserId))
    }

    /// Uses the link with this hash: sets the account's password to `password_hash`, marks
    /// every link of the account used, ends all its sessions and writes the audit entry, in
    /// one transaction. [`StoreError::NotFound`] when the link is unknown, used, expired or
    /// its account inactive.
    pub async fn reset_password(
        &self,
        token_hash: &str,
        password_hash: &str,
        request_id: Option<String>,
    ) -> Result<UserId> {
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let used: Option<i64> = sqlx::query_scalar(
                "UPDATE password_reset SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 \
                 AND user_id IN (SELECT id FROM app_user WHERE active = $3) RETURNING user_id",
            )
            .bind(now)
            .bind(token_hash)
            .bind(true)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(id) = used else { return Err(StoreError::NotFound) };
            sqlx::query("UPDATE password_reset SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            // The link came by mail: the address is proven, as a verification link would.
            let email: String = sqlx::query_scalar(
                "UPDATE app_user SET password_hash = $1, email_verified_at = COALESCE(email_verified_at, $3) \
                 WHERE id = $2 RETURNING email",
            )
            .bind(password_hash)
            .bind(id)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let ended = sqlx::query("DELETE FROM session WHERE user_id = $1").bind(id).execute(&mut *tx).await?.rows_affected();
            let actor = Actor { user_id: Some(UserId(id)), label: email, request_id };
            let entry = AuditEntry {
                action: "user.password_reset",
                entity: "user",
                entity_id: id.to_string(),
                unit_id: None,
                before: None,
                after: Some(serde_json::json!({ "sessions_ended": ended })),
            };
            write_audit!(&mut *tx, now, &actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(UserId(id))
    }
}
