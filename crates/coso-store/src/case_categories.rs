//! Categories of citizen cases: the shipped defaults (no unit) and a unit's own.

use coso_domain::UnitId;
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::{Result, Store};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CaseCategoryRow {
    pub id: i64,
    /// `None` for a shipped default.
    pub unit_id: Option<i64>,
    pub code: String,
    pub name: String,
    pub active: bool,
}

impl Store {
    /// The defaults and the active categories of `unit`, defaults first (kept a few seconds,
    /// see `kept.rs`: every petition reads them).
    pub async fn case_categories(&self, unit: UnitId) -> Result<Vec<CaseCategoryRow>> {
        let (kept, generation) = self.categories.get(&unit.0);
        if let Some(rows) = kept {
            return Ok(rows);
        }
        let rows: Vec<CaseCategoryRow> = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CaseCategoryRow>(
                "SELECT id, unit_id, code, name, active FROM case_category \
                 WHERE active AND (unit_id IS NULL OR unit_id = $1) \
                 ORDER BY CASE WHEN unit_id IS NULL THEN 0 ELSE 1 END, sort_key, id",
            )
            .bind(unit.0)
            .fetch_all(pool)
            .await?
        });
        self.categories.put(unit.0, rows.clone(), generation);
        Ok(rows)
    }

    /// Adds a category of the unit's own, or makes an inactive one active again with its new
    /// name. A code of the defaults is a conflict.
    pub async fn save_case_category(&self, unit: UnitId, code: &str, name: &str, actor: &Actor) -> Result<()> {
        let now = self.clock.now();
        let entry = AuditEntry {
            action: "case_category.save",
            entity: "case_category",
            entity_id: code.to_string(),
            unit_id: Some(unit),
            before: None,
            after: Some(serde_json::json!({ "code": code, "name": name })),
        };
        let sort = coso_text::sort_key(name);
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let shipped: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM case_category WHERE unit_id IS NULL AND code = $1")
                .bind(code)
                .fetch_one(&mut *tx)
                .await?;
            if shipped > 0 {
                return Err(StoreError::Conflict { field: "code", message: format!("Mã «{code}» là lĩnh vực dùng chung.") });
            }
            let updated = sqlx::query("UPDATE case_category SET name = $1, sort_key = $2, active = TRUE WHERE unit_id = $3 AND code = $4")
                .bind(name)
                .bind(&sort)
                .bind(unit.0)
                .bind(code)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if updated == 0 {
                sqlx::query("INSERT INTO case_category (unit_id, code, name, sort_key, active) VALUES ($1, $2, $3, $4, TRUE)")
                    .bind(unit.0)
                    .bind(code)
                    .bind(name)
                    .bind(&sort)
                    .execute(&mut *tx)
                    .await?;
            }
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        self.forget_kept();
        Ok(())
    }

    /// Deactivates a category of the unit's own (cases keep their code).
    pub async fn deactivate_case_category(&self, unit: UnitId, code: &str, actor: &Actor) -> Result<()> {
        let now = self.clock.now();
        let entry = AuditEntry {
            action: "case_category.deactivate",
            entity: "case_category",
            entity_id: code.to_string(),
            unit_id: Some(unit),
            before: None,
            after: Some(serde_json::json!({ "code": code, "active": false })),
        };
        let changed = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query("UPDATE case_category SET active = FALSE WHERE unit_id = $1 AND code = $2 AND active")
                .bind(unit.0)
                .bind(code)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if changed > 0 {
                write_audit!(&mut *tx, now, actor, &entry)?;
                tx.commit().await?;
            }
            changed
        });
        self.forget_kept();
        if changed > 0 { Ok(()) } else { Err(StoreError::NotFound) }
    }
}
