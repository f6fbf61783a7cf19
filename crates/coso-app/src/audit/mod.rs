//! The audit log, for administrators.

use coso_store::{AuditRecord, Page};

use crate::{Actor, App, Result};

/// The newest entries of the audit log.
pub async fn recent(app: &App, actor: &Actor, limit: Option<i64>) -> Result<Page<AuditRecord>> {
    actor.require_admin()?;
    Ok(app.store().audit_entries(None, limit).await?)
}
