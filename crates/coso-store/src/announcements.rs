//! Holiday announcements stored at run time (the calendar crate parses and validates them).

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::dispatch::dispatch;
use crate::{Result, Store, json};

const BODY: &str = "holiday_announcement.body";

impl Store {
    /// Every stored announcement as (year, JSON body), by year.
    pub async fn holiday_announcements(&self) -> Result<Vec<(i64, String)>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, (i64, String)>("SELECT year, body FROM holiday_announcement ORDER BY year").fetch_all(pool).await?
        });
        Ok(rows)
    }

    /// Saves the announcement for `year`, replacing an earlier one; audited with both versions.
    pub async fn save_holiday_announcement(&self, year: i64, body: &str, actor: &Actor) -> Result<()> {
        let now = self.clock.now();
        let after = json::parse(BODY, body)?;
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let before: Option<String> = sqlx::query_scalar("SELECT body FROM holiday_announcement WHERE year = $1")
                .bind(year)
                .fetch_optional(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO holiday_announcement (year, body, created_at, created_by) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (year) DO UPDATE SET body = excluded.body, created_at = excluded.created_at, created_by = excluded.created_by",
            )
            .bind(year)
            .bind(body)
            .bind(now)
            .bind(actor.label.as_str())
            .execute(&mut *tx)
            .await?;
            let entry = AuditEntry {
                action: "calendar.announcement.save",
                entity: "holiday_announcement",
                entity_id: year.to_string(),
                unit_id: None,
                before: before.map(|b| json::parse(BODY, &b)).transpose()?,
                after: Some(after),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        Ok(())
    }
}
