//! The register of commendations and of models worth copying: each entry recorded by a unit
//! under a permit to manage its steering work, with its audit row in the same transaction; the
//! lists of a subtree, optionally of one year.

use chrono::NaiveDate;
use coso_domain::UnitId;
use coso_domain::authz::{Action, Permit};
use coso_domain::steering::{CommendationForm, ModelStatus};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, require, write_audit};
use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::units::UnitRow;
use crate::{Result, Store};

/// A commendation to record; the recipient unit is in the register unit's subtree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCommendation {
    pub form: CommendationForm,
    pub recipient_unit_id: Option<i64>,
    pub recipient_person: Option<String>,
    pub year: i32,
    pub reason: String,
    pub decision_number: String,
    pub decided_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CommendationRow {
    pub id: i64,
    pub register_code: String,
    pub register_name: String,
    pub recipient_code: Option<String>,
    pub recipient_name: Option<String>,
    pub recipient_person: Option<String>,
    #[sqlx(try_from = "Code<CommendationForm>")]
    pub form: CommendationForm,
    #[sqlx(try_from = "i64")]
    pub year: i32,
    pub reason: String,
    pub decision_number: String,
    pub decided_on: NaiveDate,
}

/// A model worth copying to record; its unit is in the register unit's subtree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewModel {
    pub unit_id: i64,
    pub name: String,
    pub year: i32,
    pub description: String,
    pub status: ModelStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ModelRow {
    pub id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub name: String,
    #[sqlx(try_from = "i64")]
    pub year: i32,
    pub description: String,
    #[sqlx(try_from = "Code<ModelStatus>")]
    pub status: ModelStatus,
}

impl Store {
    /// Records a commendation decided by `unit`.
    pub async fn record_commendation(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        c: &NewCommendation,
        actor: &Actor,
    ) -> Result<i64> {
        require(permit, Action::ManageSteering, unit)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO commendation (register_unit_id, recipient_unit_id, recipient_person, form, year, reason, \
                 decision_number, decided_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(unit.id)
            .bind(c.recipient_unit_id)
            .bind(c.recipient_person.as_deref())
            .bind(c.form.as_str())
            .bind(i64::from(c.year))
            .bind(&c.reason)
            .bind(&c.decision_number)
            .bind(c.decided_on)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let after = serde_json::json!({ "form": c.form.label(), "recipient_unit_id": c.recipient_unit_id,
                "recipient_person": c.recipient_person, "year": c.year, "decision_number": c.decision_number,
                "decided_on": c.decided_on });
            let entry = AuditEntry::change("commendation.record", "commendation", id, UnitId(unit.id), after);
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// The commendations of the subtree at `path` (by the unit commended, or the deciding unit
    /// for a person), optionally of one year; newest first.
    pub async fn commendations(&self, path: &str, year: Option<i32>) -> Result<Vec<CommendationRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CommendationRow>(
                "SELECT c.id, g.code AS register_code, g.name AS register_name, r.code AS recipient_code, \
                 r.name AS recipient_name, c.recipient_person, c.form, c.year, c.reason, c.decision_number, c.decided_on \
                 FROM commendation c JOIN unit g ON g.id = c.register_unit_id LEFT JOIN unit r ON r.id = c.recipient_unit_id \
                 WHERE COALESCE(r.path, g.path) LIKE $1 AND ($2 IS NULL OR c.year = $2) \
                 ORDER BY c.year DESC, c.decided_on DESC, c.id DESC",
            )
            .bind(format!("{path}%"))
            .bind(year.map(i64::from))
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Records a model worth copying in `unit`'s register.
    pub async fn record_model(&self, permit: &Permit, unit: &UnitRow, m: &NewModel, actor: &Actor) -> Result<i64> {
        require(permit, Action::ManageSteering, unit)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO model_practice (register_unit_id, unit_id, name, sort_key, year, description, status, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(unit.id)
            .bind(m.unit_id)
            .bind(&m.name)
            .bind(coso_text::sort_key(&m.name))
            .bind(i64::from(m.year))
            .bind(&m.description)
            .bind(m.status.as_str())
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let after = serde_json::json!({ "name": m.name, "unit_id": m.unit_id, "year": m.year,
                "status": m.status.label() });
            let entry = AuditEntry::change("model.record", "model_practice", id, UnitId(unit.id), after);
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// The models of the subtree at `path`, optionally of one year; newest year first, then by name.
    pub async fn models(&self, path: &str, year: Option<i32>) -> Result<Vec<ModelRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, ModelRow>(
                "SELECT m.id, u.code AS unit_code, u.name AS unit_name, m.name, m.year, m.description, m.status \
                 FROM model_practice m JOIN unit u ON u.id = m.unit_id \
                 WHERE u.path LIKE $1 AND ($2 IS NULL OR m.year = $2) ORDER BY m.year DESC, m.sort_key, m.id",
            )
            .bind(format!("{path}%"))
            .bind(year.map(i64::from))
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}
