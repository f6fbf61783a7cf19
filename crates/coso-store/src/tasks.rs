//! The tasks of a plan: who leads, who helps, when it is due, how far it has come, and the
//! notes written along the way.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::plan::TaskStatus;
use coso_domain::{PlanId, TaskId, UnitId};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::codes;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::{Result, Store, json};

/// A task to store with its plan.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewTask {
    pub text: String,
    pub lead_unit_id: Option<i64>,
    /// The lead as written in the document, when it matches no unit.
    pub lead_text: Option<String>,
    pub partner_unit_ids: Vec<i64>,
    /// Partners as written in the document, when they match no unit.
    pub partner_texts: Vec<String>,
    pub due_date: Option<NaiveDate>,
    /// `MM-DD`: due every year on that day.
    pub due_recurring: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskRow {
    pub id: i64,
    pub plan_id: i64,
    pub position: i64,
    pub text: String,
    pub lead_unit_id: Option<i64>,
    pub lead_unit_name: Option<String>,
    pub lead_text: Option<String>,
    /// Partner units in Vietnamese order, with their names at the same index.
    pub partner_unit_ids: Vec<i64>,
    pub partner_names: Vec<String>,
    pub partner_texts: Vec<String>,
    pub due_date: Option<NaiveDate>,
    pub due_recurring: Option<String>,
    pub status: TaskStatus,
    /// Percent, 0 to 100.
    pub progress: i64,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct TaskNoteRow {
    pub id: i64,
    pub task_id: i64,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
}

#[derive(sqlx::FromRow)]
struct Raw {
    id: i64,
    plan_id: i64,
    position: i64,
    text: String,
    lead_unit_id: Option<i64>,
    lead_unit_name: Option<String>,
    lead_text: Option<String>,
    partner_text: String,
    due_date: Option<NaiveDate>,
    due_recurring: Option<String>,
    status: String,
    progress: i64,
    updated_at: DateTime<Utc>,
}

/// Inserts the tasks of plan `$plan_id` and their partner units on transaction `$tx`.
/// Ids are read back by position, since the order of a multi-row RETURNING is not guaranteed.
macro_rules! insert_tasks {
    ($tx:expr, $plan_id:expr, $tasks:expr, $now:expr) => {{
        let plan_id: i64 = $plan_id;
        let tasks: &[$crate::tasks::NewTask] = $tasks;
        for (n, chunk) in tasks.chunks($crate::plans::INSERT_CHUNK).enumerate() {
            let mut qb = sqlx::QueryBuilder::new(
                "INSERT INTO plan_task (plan_id, position, text, lead_unit_id, lead_text, partner_text, due_date, due_recurring, updated_at) ",
            );
            qb.push_values(chunk.iter().enumerate(), |mut b, (i, t)| {
                let partners: Vec<String> = t.partner_texts.iter().map(|s| coso_text::clean(s)).filter(|s| !s.is_empty()).collect();
                b.push_bind(plan_id)
                    .push_bind((n * $crate::plans::INSERT_CHUNK + i) as i64)
                    .push_bind(coso_text::nfc(t.text.trim()))
                    .push_bind(t.lead_unit_id)
                    .push_bind(t.lead_text.as_deref().map(coso_text::clean).filter(|s| !s.is_empty()))
                    .push_bind(serde_json::Value::from(partners).to_string())
                    .push_bind(t.due_date)
                    .push_bind(t.due_recurring.as_deref())
                    .push_bind($now);
            });
            qb.build().execute(&mut *$tx).await?;
        }
        if tasks.iter().any(|t| !t.partner_unit_ids.is_empty()) {
            let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM plan_task WHERE plan_id = $1 ORDER BY position")
                .bind(plan_id)
                .fetch_all(&mut *$tx)
                .await?;
            let mut pairs: Vec<(i64, i64)> = ids
                .iter()
                .zip(tasks)
                .flat_map(|(id, t)| t.partner_unit_ids.iter().map(move |u| (*id, *u)))
                .collect();
            pairs.sort_unstable();
            pairs.dedup();
            for chunk in pairs.chunks($crate::plans::INSERT_CHUNK) {
                let mut qb = sqlx::QueryBuilder::new("INSERT INTO plan_task_partner (task_id, unit_id) ");
                qb.push_values(chunk, |mut b, (task, unit)| {
                    b.push_bind(*task).push_bind(*unit);
                });
                qb.build().execute(&mut *$tx).await?;
            }
        }
    }};
}
pub(crate) use insert_tasks;

impl Store {
    /// The tasks of a plan in document order, with lead and partner unit names.
    pub async fn plan_tasks(&self, PlanId(plan_id): PlanId) -> Result<Vec<TaskRow>> {
        let (raw, partners) = dispatch!(self, read, pool => {
            let raw: Vec<Raw> = sqlx::query_as(
                "SELECT t.id, t.plan_id, t.position, t.text, t.lead_unit_id, u.name AS lead_unit_name, t.lead_text, t.partner_text, \
                 t.due_date, t.due_recurring, t.status, t.progress, t.updated_at \
                 FROM plan_task t LEFT JOIN unit u ON u.id = t.lead_unit_id WHERE t.plan_id = $1 ORDER BY t.position",
            )
            .bind(plan_id)
            .fetch_all(pool)
            .await?;
            let partners: Vec<(i64, i64, String)> = sqlx::query_as(
                "SELECT p.task_id, u.id, u.name FROM plan_task_partner p JOIN plan_task t ON t.id = p.task_id \
                 JOIN unit u ON u.id = p.unit_id WHERE t.plan_id = $1 ORDER BY u.sort_key, u.id",
            )
            .bind(plan_id)
            .fetch_all(pool)
            .await?;
            (raw, partners)
        });
        let mut by_task: HashMap<i64, (Vec<i64>, Vec<String>)> = HashMap::new();
        for (task, unit, name) in partners {
            let e = by_task.entry(task).or_default();
            e.0.push(unit);
            e.1.push(name);
        }
        raw.into_iter()
            .map(|r| {
                let (partner_unit_ids, partner_names) = by_task.remove(&r.id).unwrap_or_default();
                Ok(TaskRow {
                    partner_texts: json::parse_strings("plan_task.partner_text", &r.partner_text)?,
                    partner_unit_ids,
                    partner_names,
                    id: r.id,
                    plan_id: r.plan_id,
                    position: r.position,
                    text: r.text,
                    lead_unit_id: r.lead_unit_id,
                    lead_unit_name: r.lead_unit_name,
                    lead_text: r.lead_text,
                    due_date: r.due_date,
                    due_recurring: r.due_recurring,
                    status: codes::decode(&r.status)?,
                    progress: r.progress,
                    updated_at: r.updated_at,
                })
            })
            .collect()
    }

    /// Records how far a task has come: `status` is `not_started`, `in_progress` or `done`,
    /// `progress` a percentage.
    pub async fn update_task(&self, TaskId(task_id): TaskId, status: &str, progress: i64, actor: &Actor) -> Result<()> {
        if status.parse::<TaskStatus>().is_err() {
            return Err(StoreError::Conflict {
                field: "status",
                message: format!("Trạng thái nhiệm vụ «{status}» không hợp lệ."),
            });
        }
        if !(0..=100).contains(&progress) {
            return Err(StoreError::Conflict {
                field: "progress", message: "Tiến độ phải từ 0 đến 100%.".into()
            });
        }
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let (before_status, before_progress, unit_id): (String, i64, i64) = sqlx::query_as(
                "SELECT t.status, t.progress, p.unit_id FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE t.id = $1",
            )
            .bind(task_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
            sqlx::query("UPDATE plan_task SET status = $1, progress = $2, updated_at = $3 WHERE id = $4")
                .bind(status)
                .bind(progress)
                .bind(now)
                .bind(task_id)
                .execute(&mut *tx)
                .await?;
            let entry = AuditEntry {
                action: "task.update",
                entity: "plan_task",
                entity_id: task_id.to_string(),
                unit_id: Some(UnitId(unit_id)),
                before: Some(serde_json::json!({ "status": before_status, "progress": before_progress })),
                after: Some(serde_json::json!({ "status": status, "progress": progress })),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Adds a note to a task; returns the note's id.
    pub async fn add_task_note(&self, TaskId(task_id): TaskId, body: &str, actor: &Actor) -> Result<i64> {
        let body = coso_text::nfc(body.trim());
        if body.is_empty() {
            return Err(StoreError::Conflict {
                field: "body", message: "Ghi chú không được để trống.".into()
            });
        }
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let unit_id: i64 = sqlx::query_scalar("SELECT p.unit_id FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE t.id = $1")
                .bind(task_id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::NotFound)?;
            let id: i64 = sqlx::query_scalar("INSERT INTO task_note (task_id, body, created_at, created_by) VALUES ($1, $2, $3, $4) RETURNING id")
                .bind(task_id)
                .bind(&body)
                .bind(now)
                .bind(&actor.label)
                .fetch_one(&mut *tx)
                .await?;
            let entry = AuditEntry {
                action: "task.note",
                entity: "plan_task",
                entity_id: task_id.to_string(),
                unit_id: Some(UnitId(unit_id)),
                before: None,
                after: Some(serde_json::json!({ "note_id": id, "body": body })),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// The notes of a task, oldest first.
    pub async fn task_notes(&self, TaskId(task_id): TaskId) -> Result<Vec<TaskNoteRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, TaskNoteRow>("SELECT id, task_id, body, created_at, created_by FROM task_note WHERE task_id = $1 ORDER BY id")
                .bind(task_id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }
}
