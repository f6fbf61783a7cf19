//! Plans: a unit's plan with its tasks, the units it targets and the obligations it puts on
//! them; implementing plans point to the plan they implement (the cascade).

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::UnitId;
use coso_domain::plan::PlanIssuer;
use serde::Serialize;
use serde_json::Value;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::obligations::{NewObligation, check as check_obligation, insert_obligations};
use crate::rows::search_text;
use crate::tasks::{NewTask, insert_tasks};
use crate::{Result, Store, json};

pub use coso_domain::PlanId;

/// Rows per multi-row INSERT: under both backends' bind limits (at most 9 binds a row here;
/// SQLite allows 32,766 binds, PostgreSQL 65,535), and all communes of the country in one.
pub(crate) const INSERT_CHUNK: usize = 3_500;

/// A plan to store, parsed and checked by the domain.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPlan {
    /// The issuing unit.
    pub unit_id: i64,
    /// The plan this one implements.
    pub parent_plan_id: Option<i64>,
    /// The body of the unit that issues it.
    pub issuer: PlanIssuer,
    /// The report template its agency targets report on; `None`: the agencies' default.
    pub agency_template_id: Option<i64>,
    pub number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub title: String,
    pub year: i32,
    pub legal_bases: Value,
    pub sections: Value,
    pub document: Option<Value>,
    pub tasks: Vec<NewTask>,
    pub target_unit_ids: Vec<i64>,
    pub obligations: Vec<NewObligation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanRow {
    pub id: i64,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub parent_plan_id: Option<i64>,
    pub issuer: PlanIssuer,
    /// The report template its agency targets report on; `None`: the agencies' default.
    pub agency_template_id: Option<i64>,
    pub number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub title: String,
    pub year: i32,
    pub legal_bases: Value,
    pub sections: Value,
    pub document: Option<Value>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub created_by: String,
}

/// A plan in a list, with its issuing unit and the number of units it targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PlanSummary {
    pub id: i64,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub parent_plan_id: Option<i64>,
    pub number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub title: String,
    #[sqlx(try_from = "i64")]
    pub year: i32,
    pub target_count: i64,
}

#[derive(sqlx::FromRow)]
struct Raw {
    id: i64,
    unit_id: i64,
    unit_code: String,
    unit_name: String,
    parent_plan_id: Option<i64>,
    #[sqlx(try_from = "Code<PlanIssuer>")]
    issuing_body: PlanIssuer,
    agency_template_id: Option<i64>,
    number: Option<String>,
    issued_on: Option<NaiveDate>,
    title: String,
    #[sqlx(try_from = "i64")]
    year: i32,
    legal_bases: String,
    sections: String,
    document: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    created_by: String,
}

impl Raw {
    fn into_row(self) -> Result<PlanRow> {
        Ok(PlanRow {
            legal_bases: json::parse("plan.legal_bases", &self.legal_bases)?,
            sections: json::parse("plan.sections", &self.sections)?,
            document: self.document.as_deref().map(|d| json::parse("plan.document", d)).transpose()?,
            id: self.id,
            unit_id: self.unit_id,
            unit_code: self.unit_code,
            unit_name: self.unit_name,
            parent_plan_id: self.parent_plan_id,
            issuer: self.issuing_body,
            agency_template_id: self.agency_template_id,
            number: self.number,
            issued_on: self.issued_on,
            title: self.title,
            year: self.year,
            created_at: self.created_at,
            updated_at: self.updated_at,
            created_by: self.created_by,
        })
    }
}

macro_rules! summary_select {
    ($tail:literal) => {
        concat!(
            "SELECT p.id, p.unit_id, u.code AS unit_code, u.name AS unit_name, p.parent_plan_id, p.number, p.issued_on, \
             p.title, p.year, (SELECT COUNT(*) FROM plan_target t WHERE t.plan_id = p.id) AS target_count \
             FROM plan p JOIN unit u ON u.id = p.unit_id ",
            $tail
        )
    };
}

fn sorted_unique(ids: &[i64]) -> Vec<i64> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    ids
}

impl Store {
    /// Stores a plan with its tasks, targets, obligations and occurrences in one transaction:
    /// all of it or nothing. Audited once, with counts rather than the 3,321 target ids.
    pub async fn create_plan(&self, p: &NewPlan, actor: &Actor) -> Result<PlanId> {
        for o in &p.obligations {
            check_obligation(o)?;
        }
        let title = coso_text::clean(&p.title);
        if title.is_empty() {
            return Err(StoreError::Conflict {
                field: "title", message: "Kế hoạch phải có tên (trích yếu).".into()
            });
        }
        let number = p.number.as_deref().map(coso_text::clean).filter(|n| !n.is_empty());
        let parts: Vec<&str> = number.iter().map(String::as_str).chain([title.as_str()]).collect();
        let search = search_text(&parts);
        let targets = sorted_unique(&p.target_unit_ids);
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO plan (unit_id, parent_plan_id, number, issued_on, title, year, legal_bases, sections, document, \
                 search_text, created_at, updated_at, created_by, issuing_body, agency_template_id) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, $14) RETURNING id",
            )
            .bind(p.unit_id)
            .bind(p.parent_plan_id)
            .bind(number.as_deref())
            .bind(p.issued_on)
            .bind(&title)
            .bind(i64::from(p.year))
            .bind(json::to_text(&p.legal_bases))
            .bind(json::to_text(&p.sections))
            .bind(p.document.as_ref().map(json::to_text))
            .bind(&search)
            .bind(now)
            .bind(&actor.label)
            .bind(p.issuer.as_str())
            .bind(p.agency_template_id)
            .fetch_one(&mut *tx)
            .await?;
            insert_tasks!(tx, id, &p.tasks, now);
            for chunk in targets.chunks(INSERT_CHUNK) {
                let mut qb = sqlx::QueryBuilder::new("INSERT INTO plan_target (plan_id, unit_id) ");
                qb.push_values(chunk, |mut b, unit| {
                    b.push_bind(id).push_bind(*unit);
                });
                qb.build().execute(&mut *tx).await?;
            }
            let occurrences = insert_obligations!(tx, id, &p.obligations);
            let entry = AuditEntry {
                action: "plan.create",
                entity: "plan",
                entity_id: id.to_string(),
                unit_id: Some(UnitId(p.unit_id)),
                before: None,
                after: Some(serde_json::json!({
                    "number": number, "title": title, "year": p.year, "issued_on": p.issued_on, "issuing_body": p.issuer.label(),
                    "agency_template_id": p.agency_template_id, "parent_plan_id": p.parent_plan_id, "tasks": p.tasks.len(), "targets": targets.len(),
                    "obligations": p.obligations.len(), "occurrences": occurrences,
                })),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(PlanId(id))
    }

    pub async fn plan(&self, PlanId(id): PlanId) -> Result<Option<PlanRow>> {
        let raw: Option<Raw> = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT p.id, p.unit_id, u.code AS unit_code, u.name AS unit_name, p.parent_plan_id, p.issuing_body, p.agency_template_id, \
                 p.number, p.issued_on, p.title, p.year, p.legal_bases, p.sections, p.document, p.created_at, p.updated_at, p.created_by \
                 FROM plan p JOIN unit u ON u.id = p.unit_id WHERE p.id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?
        });
        raw.map(Raw::into_row).transpose()
    }

    /// The plans issued by a unit, optionally of one year, newest first.
    pub async fn plans_of_unit(&self, UnitId(unit_id): UnitId, year: Option<i32>) -> Result<Vec<PlanSummary>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, PlanSummary>(summary_select!(
                "WHERE p.unit_id = $1 AND ($2 IS NULL OR p.year = $2) ORDER BY p.year DESC, p.issued_on DESC, p.id DESC"
            ))
            .bind(unit_id)
            .bind(year.map(i64::from))
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The implementing plans of a plan (the cascade one level down), by issuing unit.
    pub async fn child_plans(&self, PlanId(plan_id): PlanId) -> Result<Vec<PlanSummary>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, PlanSummary>(summary_select!("WHERE p.parent_plan_id = $1 ORDER BY u.sort_key, p.id"))
                .bind(plan_id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// Records that `plan_id` implements `parent_plan_id` (sent from the inbox as the unit's
    /// implementing plan), so the cascade can be walked both ways. Audited.
    pub async fn link_implementing_plan(
        &self,
        PlanId(plan_id): PlanId,
        PlanId(parent_plan_id): PlanId,
        actor: &Actor,
    ) -> Result<()> {
        if plan_id == parent_plan_id {
            return Err(StoreError::Conflict {
                field: "implementing_plan_id",
                message: "Một kế hoạch không thể tự thực hiện chính nó.".into(),
            });
        }
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let before: Option<(i64, Option<i64>)> = sqlx::query_as("SELECT unit_id, parent_plan_id FROM plan WHERE id = $1")
                .bind(plan_id)
                .fetch_optional(&mut *tx)
                .await?;
            let Some((unit_id, before)) = before else { return Err(StoreError::NotFound) };
            sqlx::query("UPDATE plan SET parent_plan_id = $1, updated_at = $2 WHERE id = $3")
                .bind(parent_plan_id)
                .bind(now)
                .bind(plan_id)
                .execute(&mut *tx)
                .await?;
            let entry = AuditEntry {
                action: "plan.link_parent",
                entity: "plan",
                entity_id: plan_id.to_string(),
                unit_id: Some(UnitId(unit_id)),
                before: Some(serde_json::json!({ "parent_plan_id": before })),
                after: Some(serde_json::json!({ "parent_plan_id": parent_plan_id })),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The ids of the units a plan targets.
    pub async fn plan_targets(&self, PlanId(plan_id): PlanId) -> Result<Vec<i64>> {
        let ids = dispatch!(self, read, pool => {
            sqlx::query_scalar::<_, i64>("SELECT unit_id FROM plan_target WHERE plan_id = $1 ORDER BY unit_id")
                .bind(plan_id)
                .fetch_all(pool)
                .await?
        });
        Ok(ids)
    }

    /// Whether the plan targets the unit.
    pub async fn targets_unit(&self, PlanId(plan_id): PlanId, UnitId(unit_id): UnitId) -> Result<bool> {
        let n = dispatch!(self, read, pool => {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM plan_target WHERE plan_id = $1 AND unit_id = $2")
                .bind(plan_id)
                .bind(unit_id)
                .fetch_one(pool)
                .await?
        });
        Ok(n > 0)
    }

    /// The code and name of every unit a plan targets, in Vietnamese order: one query, however
    /// many communes the plan names.
    pub async fn plan_target_units(&self, PlanId(plan_id): PlanId) -> Result<Vec<(String, String)>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, (String, String)>(
                "SELECT u.code, u.name FROM plan_target t JOIN unit u ON u.id = t.unit_id WHERE t.plan_id = $1 ORDER BY u.sort_key, u.code",
            )
            .bind(plan_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}
