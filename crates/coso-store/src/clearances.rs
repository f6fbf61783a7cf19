//! Clearances: who may read the identity of denouncers on a unit's subtree (Law on
//! Denunciations Art. 56). Nobody holds one by default, administrators included.

use chrono::{DateTime, Utc};
use coso_domain::{UnitId, UserId};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::{Result, Store};

/// A stored clearance with the unit's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ClearanceRow {
    pub id: i64,
    pub user_id: i64,
    pub kind: String,
    pub unit_id: i64,
    pub unit_code: String,
    pub granted_by: String,
    pub created_at: DateTime<Utc>,
}

impl Store {
    /// Whether `user` holds a clearance of `kind` on one of `units` (the ids of a unit's path:
    /// itself and its ancestors).
    pub async fn has_clearance(&self, user: UserId, kind: &str, units: &[UnitId]) -> Result<bool> {
        if units.is_empty() {
            return Ok(false);
        }
        let ids: Vec<String> = units.iter().map(|u| u.0.to_string()).collect();
        // The ids are numbers from a stored path, written into the query as a list.
        let found = dispatch!(self, read, pool => {
            sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM clearance WHERE user_id = $1 AND kind = $2 AND unit_id IN ({})",
                ids.join(", ")
            )))
            .bind(user.0)
            .bind(kind)
            .fetch_one(pool)
            .await?
        });
        Ok(found > 0)
    }

    /// The clearances of a user.
    pub async fn clearances_of(&self, user: UserId) -> Result<Vec<ClearanceRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, ClearanceRow>(
                "SELECT k.id, k.user_id, k.kind, k.unit_id, u.code AS unit_code, k.granted_by, k.created_at \
                 FROM clearance k JOIN unit u ON u.id = k.unit_id WHERE k.user_id = $1 ORDER BY k.id",
            )
            .bind(user.0)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Grants a clearance; granting one already held is a conflict.
    pub async fn grant_clearance(&self, user: UserId, kind: &str, unit: UnitId, actor: &Actor) -> Result<()> {
        let now = self.clock.now();
        let entry = AuditEntry {
            action: "clearance.grant",
            entity: "clearance",
            entity_id: user.0.to_string(),
            unit_id: Some(unit),
            before: None,
            after: Some(serde_json::json!({ "user_id": user.0, "kind": kind, "unit_id": unit.0 })),
        };
        let done = dispatch!(self, write, pool => {
            async {
                let mut tx = pool.begin().await?;
                sqlx::query("INSERT INTO clearance (user_id, kind, unit_id, granted_by, created_at) VALUES ($1, $2, $3, $4, $5)")
                    .bind(user.0)
                    .bind(kind)
                    .bind(unit.0)
                    .bind(actor.label.as_str())
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                write_audit!(&mut *tx, now, actor, &entry)?;
                tx.commit().await
            }
            .await
        });
        match done {
            Ok(()) => Ok(()),
            Err(e) if StoreError::is_unique_violation(&e) => Err(StoreError::Conflict {
                field: "unit",
                message: "Người dùng đã được cấp quyền này tại đơn vị này.".into(),
            }),
            Err(e) => Err(e.into()),
        }
    }

    /// Revokes a clearance; revoking one not held is "not found".
    pub async fn revoke_clearance(&self, user: UserId, kind: &str, unit: UnitId, actor: &Actor) -> Result<()> {
        let now = self.clock.now();
        let entry = AuditEntry {
            action: "clearance.revoke",
            entity: "clearance",
            entity_id: user.0.to_string(),
            unit_id: Some(unit),
            before: Some(serde_json::json!({ "user_id": user.0, "kind": kind, "unit_id": unit.0 })),
            after: None,
        };
        let removed = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let removed = sqlx::query("DELETE FROM clearance WHERE user_id = $1 AND kind = $2 AND unit_id = $3")
                .bind(user.0)
                .bind(kind)
                .bind(unit.0)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if removed > 0 {
                write_audit!(&mut *tx, now, actor, &entry)?;
                tx.commit().await?;
            }
            removed
        });
        if removed > 0 { Ok(()) } else { Err(StoreError::NotFound) }
    }
}
