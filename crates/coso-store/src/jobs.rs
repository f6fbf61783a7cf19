//! Leases of daily jobs: one instance at a time runs a named job, at most once per local day.
//! The lease only saves work; the rows a job writes are deduplicated on their own.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

use crate::dispatch::dispatch;
use crate::{Result, Store};

impl Store {
    /// Takes the lease of job `name` for `holder` until `now + lease`, if the job has not
    /// completed on `today` and nobody holds an unexpired lease. True when taken.
    pub async fn claim_daily_job(
        &self,
        name: &str,
        holder: &str,
        today: NaiveDate,
        now: DateTime<Utc>,
        lease: TimeDelta,
    ) -> Result<bool> {
        let taken = dispatch!(self, write, pool => {
            sqlx::query("INSERT INTO job_lease (name) VALUES ($1) ON CONFLICT (name) DO NOTHING")
                .bind(name)
                .execute(pool)
                .await?;
            // One UPDATE with its conditions: on PostgreSQL a concurrent claimer waits for the
            // row lock and then sees the new lease; on SQLite the single writer serializes it.
            sqlx::query(
                "UPDATE job_lease SET holder = $2, leased_until = $3 WHERE name = $1 \
                 AND (last_run_on IS NULL OR last_run_on < $4) AND (leased_until IS NULL OR leased_until < $5)",
            )
            .bind(name)
            .bind(holder)
            .bind(now + lease)
            .bind(today)
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(taken == 1)
    }

    /// Records that `holder` completed job `name` for `today` and frees the lease.
    pub async fn finish_daily_job(&self, name: &str, holder: &str, today: NaiveDate) -> Result<()> {
        dispatch!(self, write, pool => {
            sqlx::query("UPDATE job_lease SET last_run_on = $3, holder = NULL, leased_until = NULL WHERE name = $1 AND holder = $2")
                .bind(name)
                .bind(holder)
                .bind(today)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Frees the lease of a run that failed, so that the next tick (here or elsewhere) retries.
    pub async fn release_daily_job(&self, name: &str, holder: &str) -> Result<()> {
        dispatch!(self, write, pool => {
            sqlx::query("UPDATE job_lease SET holder = NULL, leased_until = NULL WHERE name = $1 AND holder = $2")
                .bind(name)
                .bind(holder)
                .execute(pool)
                .await?;
        });
        Ok(())
    }
}
