//! The audit log: who changed what, when, with the state before and after.
//! Entries are written in the same transaction as the change they describe.

use chrono::{DateTime, Utc};
use coso_domain::{UnitId, UserId};
use serde::Serialize;

use crate::Result;
use crate::dispatch::dispatch;
use crate::{Page, Store};

/// Who acts: a signed-in user, or the system (CLI, demo loader, jobs).
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<UserId>,
    /// E-mail of the user, or `system:…`.
    pub label: String,
    pub request_id: Option<String>,
}

impl Actor {
    pub fn system(what: &str) -> Actor {
        Actor { user_id: None, label: format!("system:{what}"), request_id: None }
    }
}

/// A change to record.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub action: &'static str,
    pub entity: &'static str,
    pub entity_id: String,
    pub unit_id: Option<UnitId>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl AuditEntry {
    /// A change of `entity` `id` in `unit`, recorded with what it became.
    pub(crate) fn change(
        action: &'static str,
        entity: &'static str,
        id: i64,
        unit: UnitId,
        after: serde_json::Value,
    ) -> AuditEntry {
        AuditEntry { action, entity, entity_id: id.to_string(), unit_id: Some(unit), before: None, after: Some(after) }
    }
}

/// Refuses a write on `unit` the permit does not cover for `action`.
pub(crate) fn require(
    permit: &coso_domain::authz::Permit,
    action: coso_domain::authz::Action,
    unit: &crate::UnitRow,
) -> crate::Result<()> {
    if permit.covers(action, &unit.unit_path()) { Ok(()) } else { Err(crate::StoreError::Forbidden) }
}

/// A stored audit entry.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct AuditRecord {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub unit_id: Option<i64>,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub request_id: Option<String>,
}

pub(crate) const INSERT_AUDIT: &str = "INSERT INTO audit_log \
    (at, actor_user_id, actor, action, entity, entity_id, unit_id, before_json, after_json, request_id) \
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

/// [`INSERT_AUDIT`] for a row inserted by the statement just before it in a SQLite batch
/// (`group_commit.rs`): the entity's id is the connection's last inserted row, and nothing is
/// written when that insert wrote nothing (its guard refused it). SQLite only; `$6` is the
/// empty string.
pub(crate) const INSERT_AUDIT_OF_LAST_INSERT: &str = "INSERT INTO audit_log \
    (at, actor_user_id, actor, action, entity, entity_id, unit_id, before_json, after_json, request_id) \
    SELECT $1, $2, $3, $4, $5, CAST(last_insert_rowid() AS TEXT) || $6, $7, $8, $9, $10 WHERE changes() = 1";

/// Writes `$entry` by `$actor` at `$at` on the connection or transaction `$conn`.
macro_rules! write_audit {
    ($conn:expr, $at:expr, $actor:expr, $entry:expr) => {{
        let e: &$crate::audit::AuditEntry = $entry;
        let a: &$crate::audit::Actor = $actor;
        let at: chrono::DateTime<chrono::Utc> = $at;
        sqlx::query($crate::audit::INSERT_AUDIT)
            .bind(at)
            .bind(a.user_id.map(|u| u.0))
            .bind(a.label.as_str())
            .bind(e.action)
            .bind(e.entity)
            .bind(e.entity_id.as_str())
            .bind(e.unit_id.map(|u| u.0))
            .bind(e.before.as_ref().map(|v| v.to_string()))
            .bind(e.after.as_ref().map(|v| v.to_string()))
            .bind(a.request_id.as_deref())
            .execute($conn)
            .await
    }};
}
pub(crate) use write_audit;

/// The audit row of [`write_audit!`] as a statement of a [`Batch`](crate::batch::Batch).
pub(crate) fn push_audit(batch: &mut crate::batch::Batch, at: DateTime<Utc>, actor: &Actor, e: &AuditEntry) {
    push_audit_with(batch, INSERT_AUDIT, at, actor, e);
}

/// [`push_audit`] with a statement of the same parameters as [`INSERT_AUDIT`] that computes a
/// column instead of taking it (the id of an entity inserted earlier in the batch, say).
pub(crate) fn push_audit_with(
    batch: &mut crate::batch::Batch,
    sql: &'static str,
    at: DateTime<Utc>,
    actor: &Actor,
    e: &AuditEntry,
) {
    batch.push(
        sql,
        vec![
            at.into(),
            actor.user_id.map(|u| u.0).into(),
            actor.label.as_str().into(),
            e.action.into(),
            e.entity.into(),
            e.entity_id.as_str().into(),
            e.unit_id.map(|u| u.0).into(),
            e.before.as_ref().map(|v| v.to_string()).into(),
            e.after.as_ref().map(|v| v.to_string()).into(),
            actor.request_id.as_deref().into(),
        ],
    );
}

impl Store {
    /// Records an entry on its own (for changes that have no transaction of their own).
    pub async fn audit(&self, actor: &Actor, entry: &AuditEntry) -> Result<()> {
        dispatch!(self, write, pool => { write_audit!(pool, self.clock.now(), actor, entry)?; });
        Ok(())
    }

    /// The newest entries, optionally for one entity kind.
    pub async fn audit_entries(&self, entity: Option<&str>, limit: Option<i64>) -> Result<Page<AuditRecord>> {
        let limit = crate::rows::clamp_limit(limit, 50);
        let page = dispatch!(self, read, pool => {
            let items: Vec<AuditRecord> = sqlx::query_as(
                "SELECT id, at, actor, action, entity, entity_id, unit_id, before_json, after_json, request_id \
                 FROM audit_log WHERE ($1 IS NULL OR entity = $1) ORDER BY id DESC LIMIT $2",
            )
            .bind(entity)
            .bind(limit)
            .fetch_all(pool)
            .await?;
            let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE ($1 IS NULL OR entity = $1)")
                .bind(entity)
                .fetch_one(pool)
                .await?;
            Page { items, total }
        });
        Ok(page)
    }
}
