//! Report templates: the indicators, narrative sections, criteria and rank bands of a report,
//! kept as JSON (the domain parses it). Edits are checked against the version read.

use chrono::{DateTime, Utc};
use coso_domain::TemplateId;
use serde::Serialize;
use serde_json::Value;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::{Result, Store, json};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportTemplateRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub definition: Value,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct Raw {
    id: i64,
    code: String,
    name: String,
    definition: String,
    version: i64,
    updated_at: DateTime<Utc>,
}

impl Raw {
    fn into_row(self) -> Result<ReportTemplateRow> {
        Ok(ReportTemplateRow {
            definition: json::parse("report_template.definition", &self.definition)?,
            id: self.id,
            code: self.code,
            name: self.name,
            version: self.version,
            updated_at: self.updated_at,
        })
    }
}

macro_rules! select {
    ($tail:literal) => {
        concat!("SELECT id, code, name, definition, version, updated_at FROM report_template ", $tail)
    };
}

impl Store {
    /// The id of the template `code`, inserting it first when missing (seeding at start-up).
    /// An existing template is left as it is, edits included.
    pub async fn ensure_report_template(
        &self,
        code: &str,
        name: &str,
        definition: &Value,
        actor: &Actor,
    ) -> Result<i64> {
        let name = coso_text::clean(name);
        let text = json::to_text(definition);
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let inserted: Option<i64> = sqlx::query_scalar(
                "INSERT INTO report_template (code, name, definition, version, updated_at, updated_by) \
                 VALUES ($1, $2, $3, 1, $4, $5) ON CONFLICT (code) DO NOTHING RETURNING id",
            )
            .bind(code)
            .bind(&name)
            .bind(&text)
            .bind(now)
            .bind(&actor.label)
            .fetch_optional(&mut *tx)
            .await?;
            let id = match inserted {
                Some(id) => {
                    let entry = AuditEntry {
                        action: "report_template.create",
                        entity: "report_template",
                        entity_id: id.to_string(),
                        unit_id: None,
                        before: None,
                        after: Some(serde_json::json!({ "code": code, "name": name })),
                    };
                    write_audit!(&mut *tx, now, actor, &entry)?;
                    id
                }
                None => sqlx::query_scalar("SELECT id FROM report_template WHERE code = $1").bind(code).fetch_one(&mut *tx).await?,
            };
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    pub async fn report_template(&self, TemplateId(id): TemplateId) -> Result<Option<ReportTemplateRow>> {
        let raw: Option<Raw> = dispatch!(self, read, pool => {
            sqlx::query_as(select!("WHERE id = $1")).bind(id).fetch_optional(pool).await?
        });
        raw.map(Raw::into_row).transpose()
    }

    pub async fn report_template_by_code(&self, code: &str) -> Result<Option<ReportTemplateRow>> {
        let raw: Option<Raw> = dispatch!(self, read, pool => {
            sqlx::query_as(select!("WHERE code = $1")).bind(code).fetch_optional(pool).await?
        });
        raw.map(Raw::into_row).transpose()
    }

    pub async fn report_templates(&self) -> Result<Vec<ReportTemplateRow>> {
        let raw: Vec<Raw> = dispatch!(self, read, pool => {
            sqlx::query_as(select!("ORDER BY code")).fetch_all(pool).await?
        });
        raw.into_iter().map(Raw::into_row).collect()
    }

    /// Saves a new name and definition if the template is still at `expected_version`
    /// (the version the editor was shown); otherwise someone else saved in between.
    pub async fn update_report_template(
        &self,
        TemplateId(id): TemplateId,
        name: &str,
        definition: &Value,
        expected_version: i64,
        actor: &Actor,
    ) -> Result<ReportTemplateRow> {
        let name = coso_text::clean(name);
        let text = json::to_text(definition);
        let now = self.clock.now();
        let raw: Raw = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let before: Raw = sqlx::query_as(select!("WHERE id = $1")).bind(id).fetch_optional(&mut *tx).await?.ok_or(StoreError::NotFound)?;
            let n = sqlx::query(
                "UPDATE report_template SET name = $1, definition = $2, version = version + 1, updated_at = $3, updated_by = $4 \
                 WHERE id = $5 AND version = $6",
            )
            .bind(&name)
            .bind(&text)
            .bind(now)
            .bind(&actor.label)
            .bind(id)
            .bind(expected_version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if n == 0 {
                return Err(StoreError::Conflict {
                    field: "version",
                    message: "Mẫu báo cáo vừa được người khác sửa. Vui lòng tải lại trang rồi sửa lại.".into(),
                });
            }
            let entry = AuditEntry {
                action: "report_template.update",
                entity: "report_template",
                entity_id: id.to_string(),
                unit_id: None,
                before: Some(serde_json::json!({ "name": before.name, "version": before.version, "definition": json::parse("report_template.definition", &before.definition)? })),
                after: Some(serde_json::json!({ "name": name, "version": before.version + 1, "definition": definition })),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            let after: Raw = sqlx::query_as(select!("WHERE id = $1")).bind(id).fetch_one(&mut *tx).await?;
            tx.commit().await?;
            after
        });
        raw.into_row()
    }
}
