//! Files of a case: scans, photos, answers. The use cases check their type and strip image
//! metadata before they get here; a handwriting scan of a denouncer is marked `identity`.

use chrono::{DateTime, Utc};
use coso_domain::{CaseId, UnitId};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::dispatch::dispatch;
use crate::{Result, Store};

/// A stored file without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CaseFileMeta {
    pub id: i64,
    pub case_id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    /// A handwriting scan of a denouncer: only cleared readers.
    pub identity: bool,
    /// Shown with the public answer.
    pub public: bool,
    pub created_at: DateTime<Utc>,
}

/// A stored file with its bytes.
#[derive(Debug, Clone)]
pub struct CaseFileData {
    pub meta: CaseFileMeta,
    pub data: Vec<u8>,
}

/// A file to add to a case.
#[derive(Debug, Clone)]
pub struct NewCaseFile<'a> {
    pub case_id: CaseId,
    pub unit_id: UnitId,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub data: &'a [u8],
    pub identity: bool,
    pub public: bool,
}

const META: &str =
    "SELECT id, case_id, file_name, content_type, size, sha256, identity, public, created_at FROM case_file ";

impl Store {
    /// Adds a file to a case with its audit row (which names neither the file nor its sender).
    pub async fn add_case_file(&self, f: &NewCaseFile<'_>, actor: &Actor) -> Result<CaseFileMeta> {
        let now = self.clock.now();
        let sha = crate::evidence::sha256_hex(f.data);
        let size = i64::try_from(f.data.len()).unwrap_or(i64::MAX);
        let meta = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let meta: CaseFileMeta = sqlx::query_as(
                "INSERT INTO case_file (case_id, action_id, file_name, content_type, size, sha256, data, identity, public, created_at) \
                 VALUES ($1, NULL, $2, $3, $4, $5, $6, $7, $8, $9) \
                 RETURNING id, case_id, file_name, content_type, size, sha256, identity, public, created_at",
            )
            .bind(f.case_id.0)
            .bind(f.file_name)
            .bind(f.content_type)
            .bind(size)
            .bind(&sha)
            .bind(f.data)
            .bind(f.identity)
            .bind(f.public)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let entry = AuditEntry {
                action: "case.file_add",
                entity: "citizen_case",
                entity_id: f.case_id.0.to_string(),
                unit_id: Some(f.unit_id),
                before: None,
                after: Some(serde_json::json!({
                    "file_id": meta.id, "content_type": f.content_type, "size": size, "sha256": sha, "identity": f.identity,
                })),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            meta
        });
        Ok(meta)
    }

    /// The files of a case, oldest first, without their bytes.
    pub async fn case_files(&self, case: CaseId) -> Result<Vec<CaseFileMeta>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CaseFileMeta>(sqlx::AssertSqlSafe(format!("{META} WHERE case_id = $1 ORDER BY id")))
                .bind(case.0)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// One file of a case with its bytes.
    pub async fn case_file(&self, case: CaseId, file: i64) -> Result<Option<CaseFileData>> {
        let row = dispatch!(self, read, pool => {
            let meta: Option<CaseFileMeta> =
                sqlx::query_as(sqlx::AssertSqlSafe(format!("{META} WHERE case_id = $1 AND id = $2")))
                    .bind(case.0)
                    .bind(file)
                    .fetch_optional(pool)
                    .await?;
            match meta {
                Some(meta) => {
                    let data: Vec<u8> = sqlx::query_scalar("SELECT data FROM case_file WHERE id = $1")
                        .bind(meta.id)
                        .fetch_one(pool)
                        .await?;
                    Some(CaseFileData { meta, data })
                }
                None => None,
            }
        });
        Ok(row)
    }
}
