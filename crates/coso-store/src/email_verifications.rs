//! Residents' own accounts: made by signing up, unverified until the owner opens the mailed
//! link. Links are single-use and stored by the hash of their token; every mail is queued in
//! the outbox by the transaction that makes its link, with the audit row.

use chrono::{DateTime, Duration, Utc};
use coso_domain::UserId;
use coso_domain::authz::Role;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::notifications::NewMail;
use crate::{Result, Store};

/// How long used and expired links are kept (for the count of recent mails) before they are
/// deleted.
const KEEP_OLD_LINKS: Duration = Duration::days(7);

/// A resident signing up: the account, the unit they live in, the link and its mail.
pub struct NewResident<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    /// An argon2 PHC string.
    pub password_hash: &'a str,
    /// The village or residential group of the `resident` role.
    pub unit: coso_domain::UnitId,
    pub token_hash: &'a str,
    pub expires_at: DateTime<Utc>,
    pub mail: &'a NewMail,
}

/// Queues `$mail` in the outbox on the transaction `$conn` at `$now` (nothing when its dedupe
/// key is taken).
macro_rules! queue_mail {
    ($conn:expr, $now:expr, $mail:expr) => {{
        let m: &NewMail = $mail;
        sqlx::query(
            "INSERT INTO mail_outbox (to_addr, subject, body, dedupe_key, created_at, attempts, next_attempt_at) \
             VALUES ($1, $2, $3, $4, $5, 0, $5) ON CONFLICT (dedupe_key) DO NOTHING",
        )
        .bind(&m.to_addr)
        .bind(&m.subject)
        .bind(&m.body)
        .bind(&m.dedupe_key)
        .bind($now)
        .execute($conn)
        .await
    }};
}

impl Store {
    /// Creates the unverified account of a resident with the `resident` role on their unit,
    /// its verification link and mail, and the audit row, in one transaction. `None` when the
    /// e-mail already has an account (nothing is written then).
    pub async fn sign_up_resident(&self, r: &NewResident<'_>, request_id: Option<String>) -> Result<Option<UserId>> {
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO app_user (email, display_name, password_hash, active, failed_logins, created_at) \
                 VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT (email) DO NOTHING RETURNING id",
            )
            .bind(r.email)
            .bind(r.display_name)
            .bind(r.password_hash)
            .bind(true)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(id) = id else { return Ok(None) };
            sqlx::query("INSERT INTO role_grant (user_id, role, unit_id, created_at) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(Role::Resident.as_str())
                .bind(r.unit.0)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO email_verification (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
                .bind(r.token_hash)
                .bind(id)
                .bind(now)
                .bind(r.expires_at)
                .execute(&mut *tx)
                .await?;
            queue_mail!(&mut *tx, now, r.mail)?;
            let actor = Actor { user_id: Some(UserId(id)), label: r.email.to_string(), request_id };
            let entry = AuditEntry {
                action: "user.sign_up",
                entity: "user",
                entity_id: id.to_string(),
                unit_id: Some(r.unit),
                before: None,
                after: Some(serde_json::json!({
                    "email": r.email, "display_name": r.display_name, "role": Role::Resident.as_str(), "unit_id": r.unit.0,
                })),
            };
            write_audit!(&mut *tx, now, &actor, &entry)?;
            tx.commit().await?;
            Some(id)
        });
        Ok(id.map(UserId))
    }

    /// Queues `mail` to the owner of an existing account and writes `entry`, in one
    /// transaction (someone tried to sign up with their address).
    pub async fn queue_account_mail(&self, mail: &NewMail, actor: &Actor, entry: &AuditEntry) -> Result<()> {
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            queue_mail!(&mut *tx, now, mail)?;
            write_audit!(&mut *tx, now, actor, entry)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// How many verification links were made for `user` since `since`.
    pub async fn email_verifications_since(&self, user: UserId, since: DateTime<Utc>) -> Result<i64> {
        let n = dispatch!(self, read, pool => {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM email_verification WHERE user_id = $1 AND created_at >= $2")
                .bind(user.0)
                .bind(since)
                .fetch_one(pool)
                .await?
        });
        Ok(n)
    }

    /// Stores another verification link for `user` valid until `expires_at`, queues `mail`
    /// and writes the audit row, in one transaction; old links are deleted on the way.
    pub async fn resend_email_verification(
        &self,
        user: UserId,
        token_hash: &str,
        expires_at: DateTime<Utc>,
        mail: &NewMail,
        actor: &Actor,
    ) -> Result<()> {
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM email_verification WHERE expires_at < $1")
                .bind(now - KEEP_OLD_LINKS)
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO email_verification (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
                .bind(token_hash)
                .bind(user.0)
                .bind(now)
                .bind(expires_at)
                .execute(&mut *tx)
                .await?;
            queue_mail!(&mut *tx, now, mail)?;
            let entry = AuditEntry {
                action: "user.verification_resent",
                entity: "user",
                entity_id: user.0.to_string(),
                unit_id: None,
                before: None,
                after: None,
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The account of the unused, unexpired verification link with this hash, if any.
    pub async fn email_verification_user(&self, token_hash: &str) -> Result<Option<UserId>> {
        let id = dispatch!(self, read, pool => {
            sqlx::query_scalar::<_, i64>(
                "SELECT v.user_id FROM email_verification v JOIN app_user u ON u.id = v.user_id \
                 WHERE v.token_hash = $1 AND v.used_at IS NULL AND v.expires_at > $2 AND u.active = $3",
            )
            .bind(token_hash)
            .bind(self.clock.now())
            .bind(true)
            .fetch_optional(pool)
            .await?
        });
        Ok(id.map(UserId))
    }

    /// Uses the link with this hash: marks the account's address verified and every link of
    /// the account used, and writes the audit row, in one transaction. [`StoreError::NotFound`]
    /// when the link is unknown, used, expired or its account inactive.
    pub async fn verify_email(&self, token_hash: &str, request_id: Option<String>) -> Result<UserId> {
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let used: Option<i64> = sqlx::query_scalar(
                "UPDATE email_verification SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 \
                 AND user_id IN (SELECT id FROM app_user WHERE active = $3) RETURNING user_id",
            )
            .bind(now)
            .bind(token_hash)
            .bind(true)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(id) = used else { return Err(StoreError::NotFound) };
            sqlx::query("UPDATE email_verification SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let email: String = sqlx::query_scalar(
                "UPDATE app_user SET email_verified_at = COALESCE(email_verified_at, $1) WHERE id = $2 RETURNING email",
            )
            .bind(now)
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            let actor = Actor { user_id: Some(UserId(id)), label: email, request_id };
            let entry = AuditEntry {
                action: "user.email_verified",
                entity: "user",
                entity_id: id.to_string(),
                unit_id: None,
                before: None,
                after: None,
            };
            write_audit!(&mut *tx, now, &actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(UserId(id))
    }
}
