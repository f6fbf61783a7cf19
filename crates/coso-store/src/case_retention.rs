//! The retention of personal data in finished cases: after the configured time, a case that
//! is no longer open (answered, refused, closed, withdrawn), has taken no step since, and has no
//! open follow-up case
//! loses its sender's identity, the files the sender gave at intake (unless published), the
//! receipt mail and the link to the sender's account. The case, its content, its timeline and
//! its statistics stay. Each removal is one transaction with its audit row.
//!
//! A citizen reception visit held before the same limit loses its visitors' names and address
//! (what was said and the outcome stay); a visit that led to a case follows the case: it keeps
//! them while any of its cases keeps its sender's.

use chrono::NaiveDate;
use coso_domain::UnitId;
use coso_domain::case::CaseStatus;
use serde_json::json;

use crate::audit::{AuditEntry, write_audit};
use crate::dispatch::dispatch;
use crate::{Actor, Result, Store};

/// How many cases one call handles at most; the daily job calls again until none is left.
pub const RETENTION_BATCH: i64 = 500;

/// A reception visit whose visitors' personal data was removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedVisitData {
    pub visit_id: i64,
    pub unit_id: i64,
}

/// A case whose personal data was removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedPersonalData {
    pub case_id: i64,
    pub code: String,
}

impl Store {
    /// Removes the personal data of at most [`RETENTION_BATCH`] finished cases whose last step
    /// (the latest day of their timeline) is before `last_step_before`, marking them removed on
    /// `today`. Returns the cases handled.
    pub async fn remove_expired_personal_data(
        &self,
        last_step_before: NaiveDate,
        today: NaiveDate,
        actor: &Actor,
    ) -> Result<Vec<RemovedPersonalData>> {
        let now = self.clock.now();
        let open: Vec<&str> = CaseStatus::OPEN.iter().map(|s| s.as_str()).collect();
        let removed = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let due: Vec<(i64, String, i64)> = sqlx::query_as(
                "SELECT c.id, c.code, c.unit_id FROM citizen_case c \
                 WHERE c.personal_data_removed_on IS NULL AND c.status NOT IN ($2, $3, $4) \
                   AND (SELECT MAX(a.on_date) FROM case_action a WHERE a.case_id = c.id) < $1 \
                   AND NOT EXISTS (SELECT 1 FROM citizen_case f WHERE f.parent_id = c.id AND f.status IN ($2, $3, $4)) \
                 ORDER BY c.id LIMIT $5",
            )
            .bind(last_step_before)
            .bind(open[0])
            .bind(open[1])
            .bind(open[2])
            .bind(RETENTION_BATCH)
            .fetch_all(&mut *tx)
            .await?;
            let mut removed = Vec::with_capacity(due.len());
            for (id, code, unit_id) in due {
                sqlx::query(
                    "UPDATE case_sender SET name = NULL, address = NULL, phone = NULL, email = NULL, id_number = NULL \
                     WHERE case_id = $1",
                )
                .bind(id)
                .execute(&mut *tx)
                .await?;
                // The sender's own files are those of the first action (the receipt); a
                // denouncer's handwriting is removed wherever it is.
                let files = sqlx::query(
                    "DELETE FROM case_file WHERE case_id = $1 AND (identity = $2 OR (public = $3 AND action_id = \
                     (SELECT MIN(a.id) FROM case_action a WHERE a.case_id = $1)))",
                )
                .bind(id)
                .bind(true)
                .bind(false)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                sqlx::query("DELETE FROM mail_outbox WHERE dedupe_key = $1")
                    .bind(format!("case:{code}:receipt"))
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "UPDATE citizen_case SET sender_user_id = NULL, personal_data_removed_on = $1 WHERE id = $2",
                )
                .bind(today)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                let entry = AuditEntry {
                    action: "case.personal_data_removed",
                    entity: "citizen_case",
                    entity_id: id.to_string(),
                    unit_id: Some(UnitId(unit_id)),
                    before: None,
                    after: Some(json!({ "files_removed": files, "last_step_before": last_step_before })),
                };
                write_audit!(&mut *tx, now, actor, &entry)?;
                removed.push(RemovedPersonalData { case_id: id, code });
            }
            tx.commit().await?;
            removed
        });
        Ok(removed)
    }

    /// Removes the visitors' names and address of at most [`RETENTION_BATCH`] reception visits
    /// held before `held_before` whose cases, if any, have all lost their sender's personal data,
    /// marking them removed on `today`, each with its audit row. Returns the visits handled.
    pub async fn remove_expired_visit_personal_data(
        &self,
        held_before: NaiveDate,
        today: NaiveDate,
        actor: &Actor,
    ) -> Result<Vec<RemovedVisitData>> {
        let now = self.clock.now();
        let removed = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let due: Vec<(i64, i64)> = sqlx::query_as(
                "SELECT v.id, s.unit_id FROM reception_visit v JOIN reception_session s ON s.id = v.session_id \
                 WHERE v.personal_data_removed_on IS NULL AND s.held_on < $1 \
                   AND NOT EXISTS (SELECT 1 FROM reception_visit_case l JOIN citizen_case c ON c.id = l.case_id \
                                   WHERE l.visit_id = v.id AND c.personal_data_removed_on IS NULL) \
                 ORDER BY v.id LIMIT $2",
            )
            .bind(held_before)
            .bind(RETENTION_BATCH)
            .fetch_all(&mut *tx)
            .await?;
            let mut removed = Vec::with_capacity(due.len());
            for (id, unit_id) in due {
                sqlx::query(
                    "UPDATE reception_visit SET visitor_names = $1, address = $1, personal_data_removed_on = $2 \
                     WHERE id = $3",
                )
                .bind("")
                .bind(today)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                let entry = AuditEntry {
                    action: "reception.visit_personal_data_removed",
                    entity: "reception_visit",
                    entity_id: id.to_string(),
                    unit_id: Some(UnitId(unit_id)),
                    before: None,
                    after: Some(json!({ "held_before": held_before })),
                };
                write_audit!(&mut *tx, now, actor, &entry)?;
                removed.push(RemovedVisitData { visit_id: id, unit_id });
            }
            tx.commit().await?;
            removed
        });
        Ok(removed)
    }
}
