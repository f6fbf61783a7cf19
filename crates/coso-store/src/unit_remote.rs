//! A unit's remote-area flag (*vùng sâu, vùng xa*): it lengthens complaint periods (KN-3, KN-4,
//! KN-6) for the cases registered there from then on. Set by an administrator, audited.

use coso_domain::UnitId;
use serde_json::json;

use crate::audit::{AuditEntry, write_audit};
use crate::dispatch::dispatch;
use crate::{Actor, Result, Store, StoreError};

impl Store {
    /// Sets whether `unit` is in a remote area; the audit row keeps the flag before and after.
    /// Setting the flag it already has changes nothing and writes no audit row.
    pub async fn set_unit_remote(&self, unit: UnitId, remote: bool, actor: &Actor) -> Result<()> {
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let before: Option<bool> = sqlx::query_scalar("SELECT remote FROM unit WHERE id = $1")
                .bind(unit.0)
                .fetch_optional(&mut *tx)
                .await?;
            let before = before.ok_or(StoreError::NotFound)?;
            if before != remote {
                sqlx::query("UPDATE unit SET remote = $1, updated_at = $2 WHERE id = $3")
                    .bind(remote)
                    .bind(now)
                    .bind(unit.0)
                    .execute(&mut *tx)
                    .await?;
                let entry = AuditEntry {
                    action: "unit.remote",
                    entity: "unit",
                    entity_id: unit.0.to_string(),
                    unit_id: Some(unit),
                    before: Some(json!({ "remote": before })),
                    after: Some(json!({ "remote": remote })),
                };
                write_audit!(&mut *tx, now, actor, &entry)?;
            }
            tx.commit().await?;
        });
        self.forget_kept();
        Ok(())
    }
}
