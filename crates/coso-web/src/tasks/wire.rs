//! The API's view of a task's evidence: separate from the storage row.

use chrono::{DateTime, Utc};
use coso_store::EvidenceMeta;
use serde::Serialize;
use utoipa::ToSchema;

/// An evidence file of a task, without its bytes.
#[derive(Serialize, ToSchema)]
pub struct TaskEvidence {
    pub id: i64,
    pub task_id: Option<i64>,
    pub submission_id: Option<i64>,
    pub file_name: String,
    pub content_type: String,
    /// In bytes.
    pub size: i64,
    /// Lower-case hex.
    pub sha256: String,
    pub created_at: DateTime<Utc>,
    /// Who attached it, as the audit log names them.
    pub created_by: String,
}

impl From<EvidenceMeta> for TaskEvidence {
    fn from(m: EvidenceMeta) -> Self {
        TaskEvidence {
            id: m.id,
            task_id: m.task_id,
            submission_id: m.submission_id,
            file_name: m.file_name,
            content_type: m.content_type,
            size: m.size,
            sha256: m.sha256,
            created_at: m.created_at,
            created_by: m.created_by,
        }
    }
}
