//! A unit's log of trainings and dissemination events, and how many gatherings a subtree held
//! in a period (the report's `trainings` indicator).

use chrono::NaiveDate;
use coso_domain::authz::{Action, Permit};
use coso_domain::dissemination::{TrainingData, TrainingForm};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::case_queries::subtree_bounds;
use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::units::UnitRow;
use crate::{Result, Store};

/// A stored event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct TrainingRow {
    pub id: i64,
    pub unit_id: i64,
    pub held_on: NaiveDate,
    pub topic: String,
    #[sqlx(try_from = "Code<TrainingForm>")]
    pub form: TrainingForm,
    pub audience: String,
    pub attendance: i64,
    pub notes: Option<String>,
}

fn check(permit: &Permit, unit: &UnitRow) -> Result<()> {
    crate::audit::require(permit, Action::Disseminate, unit)
}

impl Store {
    /// Records an event held by the unit.
    pub async fn record_training(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        d: &TrainingData,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO training_event (unit_id, held_on, topic, form, audience, attendance, notes, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(unit.id)
            .bind(d.held_on)
            .bind(&d.topic)
            .bind(d.form.as_str())
            .bind(&d.audience)
            .bind(d.attendance)
            .bind(&d.notes)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let entry = AuditEntry {
                action: "training.record",
                entity: "training_event",
                entity_id: id.to_string(),
                unit_id: Some(unit.unit_id()),
                before: None,
                after: Some(serde_json::json!({ "on": d.held_on, "topic": d.topic, "form": d.form.as_str(),
                    "attendance": d.attendance })),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// The events of a unit between two days, the latest first.
    pub async fn trainings(&self, unit: &UnitRow, from: NaiveDate, to: NaiveDate) -> Result<Vec<TrainingRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, TrainingRow>(
                "SELECT id, unit_id, held_on, topic, form, audience, attendance, notes FROM training_event \
                 WHERE unit_id = $1 AND held_on >= $2 AND held_on <= $3 ORDER BY held_on DESC, id DESC",
            )
            .bind(unit.id)
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// How many events of `forms` the units of a subtree held between two days.
    pub async fn training_count(
        &self,
        unit: &UnitRow,
        from: NaiveDate,
        to: NaiveDate,
        forms: &[TrainingForm],
    ) -> Result<i64> {
        let (low, high) = subtree_bounds(&unit.path);
        let list = forms.iter().map(|f| format!("'{}'", f.as_str())).collect::<Vec<_>>().join(", ");
        if list.is_empty() {
            return Ok(0);
        }
        let n: i64 = dispatch!(self, read, pool => {
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM training_event t JOIN unit u ON u.id = t.unit_id \
                 WHERE u.path >= $1 AND u.path < $2 AND t.held_on >= $3 AND t.held_on <= $4 AND t.form IN ({list})"
            )))
            .bind(&low)
            .bind(&high)
            .bind(from)
            .bind(to)
            .fetch_one(pool)
            .await?
        });
        Ok(n)
    }
}
