//! Files of a case (the scanned letter, answers), kept in the database like evidence. A file
//! marked `identity` shows a denouncer's handwriting or identity: only cleared readers get it.

use chrono::{DateTime, Utc};
use coso_domain::{CaseId, UnitId};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::dispatch::dispatch;
use crate::{Result, Store};

/// A file to attach to a case; type and size are the caller's to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCaseFile {
    pub file_name: String,
    pub content_type: String,
    pub data: Vec<u8>,
    pub identity: bool,
}

/// A case's file without its bytes, for lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CaseFileMeta {
    pub id: i64,
    pub case_id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    pub identity: bool,
    pub created_at: DateTime<Utc>,
}

/// A case's file with its bytes, for download.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CaseFileData {
    #[sqlx(flatten)]
    pub meta: CaseFileMeta,
    pub data: Vec<u8>,
}

const META: &str = "SELECT id, case_id, file_name, content_type, size, identity, created_at FROM case_file ";

impl Store {
    /// Attaches a file to the case, with its audit row (the file's name and size only).
    pub async fn attach_case_file(&self, case: CaseId, unit: UnitId, file: &NewCaseFile, actor: &Actor) -> Result<i64> {
        let now = self.clock.now();
        let sha: String = Sha256::digest(&file.data).iter().map(|b| format!("{b:02x}")).collect();
        let size = i64::try_from(file.data.len()).unwrap_or(i64::MAX);
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO case_file (case_id, file_name, content_type, size, sha256, data, identity, public, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, FALSE, $8) RETURNING id",
            )
            .bind(case.0)
            .bind(&file.file_name)
            .bind(&file.content_type)
            .bind(size)
            .bind(&sha)
            .bind(&file.data)
            .bind(file.identity)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let entry = AuditEntry {
                action: "case.file_add",
                entity: "citizen_case",
                entity_id: case.0.to_string(),
                unit_id: Some(unit),
                before: None,
                after: Some(serde_json::json!({ "file_id": id, "size": size, "content_type": file.content_type })),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// The files of a case without their bytes, oldest first.
    pub async fn case_file_list(&self, case: CaseId) -> Result<Vec<CaseFileMeta>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CaseFileMeta>(sqlx::AssertSqlSafe(format!("{META} WHERE case_id = $1 ORDER BY id")))
                .bind(case.0)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// One file of a case, with its bytes.
    pub async fn case_file_data(&self, case: CaseId, file: i64) -> Result<Option<CaseFileData>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CaseFileData>(
                "SELECT id, case_id, file_name, content_type, size, identity, created_at, data \
                 FROM case_file WHERE case_id = $1 AND id = $2",
            )
            .bind(case.0)
            .bind(file)
            .fetch_optional(pool)
            .await?
        });
        Ok(row)
    }
}
