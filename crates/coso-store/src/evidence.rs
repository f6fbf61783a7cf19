//! Evidence files of tasks and submissions, kept in the database so that one file (or one
//! dump) is the whole backup. Size and type are the caller's to check; the cap here is a
//! second line of defence.

use chrono::{DateTime, Utc};
use coso_domain::{EvidenceId, SubmissionId, TaskId};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::{Result, Store};

/// No evidence file is stored above this size, whatever the caller allowed.
pub const MAX_EVIDENCE_BYTES: usize = 10 * 1024 * 1024;

/// What an evidence file is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceOwner {
    Task(i64),
    Submission(i64),
}

/// An evidence file without its bytes, for lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct EvidenceMeta {
    pub id: i64,
    pub task_id: Option<i64>,
    pub submission_id: Option<i64>,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    /// Lower-case hex.
    pub sha256: String,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
}

/// An evidence file with its bytes, for download.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EvidenceFile {
    #[sqlx(flatten)]
    pub meta: EvidenceMeta,
    pub data: Vec<u8>,
}

const META: &str = "SELECT id, task_id, submission_id, file_name, content_type, size, sha256, created_at, created_by FROM evidence_file ";

/// The lower-case hexadecimal SHA-256 of `bytes`, as every stored file keeps it.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Stores an evidence file; returns its description.
    pub async fn add_evidence(
        &self,
        owner: EvidenceOwner,
        file_name: &str,
        content_type: &str,
        bytes: &[u8],
        actor: &Actor,
    ) -> Result<EvidenceMeta> {
        if bytes.len() > MAX_EVIDENCE_BYTES {
            return Err(StoreError::Conflict {
                field: "file",
                message: "Tệp quá lớn: mỗi tệp minh chứng tối đa 10 MB.".into(),
            });
        }
        if bytes.is_empty() {
            return Err(StoreError::Conflict { field: "file", message: "Tệp minh chứng rỗng.".into() });
        }
        let file_name = coso_text::clean(file_name);
        let sha = sha256_hex(bytes);
        let (task_id, submission_id) = match owner {
            EvidenceOwner::Task(t) => (Some(t), None),
            EvidenceOwner::Submission(s) => (None, Some(s)),
        };
        let now = self.clock.now();
        let meta = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            // The owner's unit, for the audit log; no row means no such owner.
            let unit_id: Option<i64> = match owner {
                EvidenceOwner::Task(t) => sqlx::query_scalar("SELECT p.unit_id FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE t.id = $1")
                    .bind(t)
                    .fetch_optional(&mut *tx)
                    .await?,
                EvidenceOwner::Submission(s) => sqlx::query_scalar("SELECT unit_id FROM submission WHERE id = $1")
                    .bind(s)
                    .fetch_optional(&mut *tx)
                    .await?,
            };
            let unit_id = unit_id.ok_or(StoreError::NotFound)?;
            let meta: EvidenceMeta = sqlx::query_as(
                "INSERT INTO evidence_file (task_id, submission_id, file_name, content_type, size, sha256, data, created_at, created_by) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                 RETURNING id, task_id, submission_id, file_name, content_type, size, sha256, created_at, created_by",
            )
            .bind(task_id)
            .bind(submission_id)
            .bind(&file_name)
            .bind(content_type)
            .bind(bytes.len() as i64)
            .bind(&sha)
            .bind(bytes)
            .bind(now)
            .bind(&actor.label)
            .fetch_one(&mut *tx)
            .await?;
            let entry = AuditEntry {
                action: "evidence.add",
                entity: "evidence_file",
                entity_id: meta.id.to_string(),
                unit_id: Some(coso_domain::UnitId(unit_id)),
                before: None,
                after: Some(serde_json::json!({
                    "task_id": task_id, "submission_id": submission_id, "file_name": file_name,
                    "content_type": content_type, "size": bytes.len(), "sha256": sha,
                })),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            meta
        });
        Ok(meta)
    }

    /// One evidence file with its bytes.
    pub async fn evidence(&self, EvidenceId(id): EvidenceId) -> Result<Option<EvidenceFile>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, EvidenceFile>(
                "SELECT id, task_id, submission_id, file_name, content_type, size, sha256, created_at, created_by, data \
                 FROM evidence_file WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?
        });
        Ok(row)
    }

    /// The evidence files of a task, without their bytes, oldest first.
    pub async fn evidence_of_task(&self, TaskId(task_id): TaskId) -> Result<Vec<EvidenceMeta>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, EvidenceMeta>(sqlx::AssertSqlSafe(format!("{META} WHERE task_id = $1 ORDER BY id")))
                .bind(task_id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// The evidence files of a submission, without their bytes, oldest first.
    pub async fn evidence_of_submission(&self, SubmissionId(submission_id): SubmissionId) -> Result<Vec<EvidenceMeta>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, EvidenceMeta>(sqlx::AssertSqlSafe(format!("{META} WHERE submission_id = $1 ORDER BY id")))
                .bind(submission_id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sha256_is_lower_case_hex() {
        assert_eq!(super::sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
