//! Failed sign-ins, counted per (e-mail, client address) pair and per e-mail across every
//! address, for the sign-in backoff. E-mails are stored as their SHA-256 (see migration 0005).

use chrono::{DateTime, Utc};

use crate::dispatch::dispatch;
use crate::{Result, Store};

/// The `ip` of the row that counts an e-mail's failures from every address.
const EVERY_ADDRESS: &str = "";

/// Failures counted under one key since the window began.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct LoginFailures {
    pub failures: i64,
    pub last_failure_at: DateTime<Utc>,
}

/// The counts a sign-in attempt is judged on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FailedSignIns {
    /// From this address for this e-mail.
    pub pair: Option<LoginFailures>,
    /// For this e-mail from every address.
    pub account: Option<LoginFailures>,
}

fn email_hash(email: &str) -> String {
    crate::evidence::sha256_hex(email.as_bytes())
}

impl Store {
    /// The failures for `email` from `ip`, and from every address, whose last failure is not
    /// older than `window_start` (older counts are forgotten).
    pub async fn failed_sign_ins(&self, email: &str, ip: &str, window_start: DateTime<Utc>) -> Result<FailedSignIns> {
        let hash = email_hash(email);
        let rows: Vec<(String, i64, DateTime<Utc>)> = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT ip, failures, last_failure_at FROM login_failure \
                 WHERE email_hash = $1 AND (ip = $2 OR ip = $3) AND last_failure_at >= $4",
            )
            .bind(&hash)
            .bind(ip)
            .bind(EVERY_ADDRESS)
            .bind(window_start)
            .fetch_all(pool)
            .await?
        });
        let mut counts = FailedSignIns::default();
        for (row_ip, failures, last_failure_at) in rows {
            let f = Some(LoginFailures { failures, last_failure_at });
            if row_ip == EVERY_ADDRESS { counts.account = f } else { counts.pair = f }
        }
        Ok(counts)
    }

    /// Counts a failed sign-in for `email` from `ip` at `now`, and for the e-mail across
    /// addresses when `count_for_account`. Counts whose last failure is older than
    /// `window_start` start again from one; such rows of any e-mail are deleted on the way.
    pub async fn record_failed_sign_in(
        &self,
        email: &str,
        ip: &str,
        count_for_account: bool,
        window_start: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let hash = email_hash(email);
        let mut keys = vec![ip];
        if count_for_account {
            keys.push(EVERY_ADDRESS);
        }
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM login_failure WHERE last_failure_at < $1")
                .bind(window_start)
                .execute(&mut *tx)
                .await?;
            for key in &keys {
                sqlx::query(
                    "INSERT INTO login_failure (email_hash, ip, failures, last_failure_at) VALUES ($1, $2, 1, $3) \
                     ON CONFLICT (email_hash, ip) DO UPDATE SET failures = login_failure.failures + 1, \
                     last_failure_at = excluded.last_failure_at",
                )
                .bind(&hash)
                .bind(*key)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Forgets the failures of `email` from `ip` and across addresses (after a sign-in that
    /// succeeded); other addresses' counts for the e-mail stay.
    pub async fn clear_failed_sign_ins(&self, email: &str, ip: &str) -> Result<()> {
        let hash = email_hash(email);
        dispatch!(self, write, pool => {
            sqlx::query("DELETE FROM login_failure WHERE email_hash = $1 AND (ip = $2 OR ip = $3)")
                .bind(&hash)
                .bind(ip)
                .bind(EVERY_ADDRESS)
                .execute(pool)
                .await?;
        });
        Ok(())
    }
}
