//! Sessions stored in the database, keyed by a hash of the cookie's token.

use chrono::{DateTime, Utc};
use coso_domain::UserId;

use crate::dispatch::dispatch;
use crate::{Result, Store};

#[derive(Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub user_id: i64,
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
}

impl std::fmt::Debug for SessionRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionRow").field("user_id", &self.user_id).finish_non_exhaustive()
    }
}

impl Store {
    pub async fn create_session(
        &self,
        token_hash: &str,
        user: UserId,
        csrf_token: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        dispatch!(self, write, pool => {
            sqlx::query("INSERT INTO session (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(token_hash)
                .bind(user.0)
                .bind(csrf_token)
                .bind(self.clock.now())
                .bind(expires_at)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// The live session with this token hash, if any.
    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, SessionRow>(
                "SELECT s.user_id, s.csrf_token, s.expires_at FROM session s JOIN app_user u ON u.id = s.user_id \
                 WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active = $3",
            )
            .bind(token_hash)
            .bind(self.clock.now())
            .bind(true)
            .fetch_optional(pool)
            .await?
        });
        Ok(row)
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        dispatch!(self, write, pool => {
            sqlx::query("DELETE FROM session WHERE token_hash = $1").bind(token_hash).execute(pool).await?;
        });
        Ok(())
    }

    /// Removes expired sessions; returns how many.
    pub async fn purge_expired_sessions(&self) -> Result<u64> {
        let n = dispatch!(self, write, pool => {
            sqlx::query("DELETE FROM session WHERE expires_at <= $1").bind(self.clock.now()).execute(pool).await?.rows_affected()
        });
        Ok(n)
    }
}
