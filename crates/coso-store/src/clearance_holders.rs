//! Every clearance with its holder and unit, for the administrators' pages.

use chrono::{DateTime, Utc};

use crate::dispatch::dispatch;
use crate::{Result, Store};

/// A clearance with who holds it and where.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ClearanceHolder {
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub kind: String,
    pub unit_code: String,
    pub unit_name: String,
    pub granted_by: String,
    pub created_at: DateTime<Utc>,
}

impl Store {
    /// Every clearance, by holder then unit.
    pub async fn clearance_holders(&self) -> Result<Vec<ClearanceHolder>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, ClearanceHolder>(
                "SELECT k.user_id, a.email, a.display_name, k.kind, u.code AS unit_code, u.name AS unit_name, \
                 k.granted_by, k.created_at FROM clearance k JOIN app_user a ON a.id = k.user_id \
                 JOIN unit u ON u.id = k.unit_id ORDER BY a.email, u.code",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}
