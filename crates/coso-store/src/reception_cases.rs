//! The cases a reception visit led to: registered from the visit at the desk, or an existing
//! case linked by its tracking code. Like the log itself, every read and write asks for a
//! [`Permit`] to manage reception on the unit; a link is audited in its transaction.

use coso_domain::authz::{Action, Permit};
use coso_domain::case::{CaseKind, CaseStatus};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::units::UnitRow;
use crate::{Result, Store};

/// A case linked to a visit of a unit's session (no personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct VisitCaseRow {
    pub visit_id: i64,
    pub session_id: i64,
    pub case_id: i64,
    pub code: String,
    #[sqlx(try_from = "Code<CaseKind>")]
    pub kind: CaseKind,
    #[sqlx(try_from = "Code<CaseStatus>")]
    pub status: CaseStatus,
}

const SELECT: &str = "SELECT l.visit_id, v.session_id, l.case_id, c.code, c.kind, c.status \
    FROM reception_visit_case l JOIN reception_visit v ON v.id = l.visit_id \
    JOIN reception_session s ON s.id = v.session_id JOIN citizen_case c ON c.id = l.case_id";

fn check(permit: &Permit, unit: &UnitRow) -> Result<()> {
    crate::audit::require(permit, Action::ManageReception, unit)
}

impl Store {
    /// The session of `unit` that holds `visit`, or not found (a visit of another session or unit).
    pub async fn reception_visit_session(&self, permit: &Permit, unit: &UnitRow, visit: i64) -> Result<i64> {
        check(permit, unit)?;
        let session: Option<i64> = dispatch!(self, read, pool => {
            sqlx::query_scalar(
                "SELECT v.session_id FROM reception_visit v JOIN reception_session s ON s.id = v.session_id \
                 WHERE v.id = $1 AND s.unit_id = $2",
            )
            .bind(visit)
            .bind(unit.id)
            .fetch_optional(pool)
            .await?
        });
        session.ok_or(StoreError::NotFound)
    }

    /// Links `case` to `visit` of `unit` (a second link of the same pair changes nothing).
    pub async fn link_visit_case(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        visit: i64,
        case: i64,
        actor: &Actor,
    ) -> Result<()> {
        self.reception_visit_session(permit, unit, visit).await?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let added = sqlx::query(
                "INSERT INTO reception_visit_case (visit_id, case_id, created_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (visit_id, case_id) DO NOTHING",
            )
            .bind(visit)
            .bind(case)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if added > 0 {
                let entry = AuditEntry {
                    action: "reception.visit_case_link",
                    entity: "reception_visit",
                    entity_id: visit.to_string(),
                    unit_id: Some(unit.unit_id()),
                    before: None,
                    after: Some(serde_json::json!({ "case_id": case })),
                };
                write_audit!(&mut *tx, now, actor, &entry)?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// The cases linked to the visits of one session of `unit`, in the order they were linked.
    pub async fn session_visit_cases(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        session: i64,
    ) -> Result<Vec<VisitCaseRow>> {
        check(permit, unit)?;
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{SELECT} WHERE v.session_id = $1 AND s.unit_id = $2 ORDER BY l.created_at, l.case_id"
            )))
            .bind(session)
            .bind(unit.id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The cases linked to the visits of `unit`'s sessions held in a period (the log's page).
    pub async fn log_visit_cases(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<VisitCaseRow>> {
        check(permit, unit)?;
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{SELECT} WHERE s.unit_id = $1 AND s.held_on >= $2 AND s.held_on <= $3 ORDER BY l.created_at, l.case_id"
            )))
            .bind(unit.id)
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}
