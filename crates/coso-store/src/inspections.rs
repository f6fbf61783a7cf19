//! Inspections of how units carry out grassroots democracy: the inspection with its team and
//! checklist, the findings on its criteria, evidence files, the conclusion, remediation tasks and
//! the link to the disclosure that published the result. Every change is made under a permit to
//! manage inspections on the inspecting unit, each move guarded on the state it starts from, and
//! writes its audit row in its transaction.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::authz::{Action, Permit};
use coso_domain::inspection::{InspectionKind, InspectionStatus, RemediationStatus, TeamRole, Verdict};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, require, write_audit};
use crate::case_queries::subtree_bounds;
use crate::codes::{Code, OptCode};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::units::UnitRow;
use crate::{Result, Store};

/// An inspection with the inspecting unit and the unit inspected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct InspectionRow {
    pub id: i64,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub target_id: i64,
    pub target_code: String,
    pub target_name: String,
    #[sqlx(try_from = "Code<InspectionKind>")]
    pub kind: InspectionKind,
    #[sqlx(try_from = "Code<InspectionStatus>")]
    pub status: InspectionStatus,
    pub subject: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub template_code: String,
    pub conclusion: Option<String>,
    pub concluded_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub disclosure_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct InspectionMemberRow {
    pub position: i64,
    pub name: String,
    #[sqlx(try_from = "Code<TeamRole>")]
    pub role: TeamRole,
    pub user_id: Option<i64>,
}

/// A criterion of the checklist with its finding, once assessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CriterionRow {
    pub id: i64,
    pub position: i64,
    pub code: String,
    pub label: String,
    pub guidance: String,
    #[sqlx(try_from = "OptCode<Verdict>")]
    pub verdict: Option<Verdict>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct RemediationRow {
    pub id: i64,
    pub inspection_id: i64,
    pub title: String,
    pub lead_unit_id: i64,
    pub lead_unit_code: String,
    pub lead_unit_name: String,
    pub due_on: NaiveDate,
    #[sqlx(try_from = "Code<RemediationStatus>")]
    pub status: RemediationStatus,
    pub done_on: Option<NaiveDate>,
    pub done_note: Option<String>,
}

/// An evidence file without its bytes: of a criterion's finding or of a remediation task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct InspectionEvidenceMeta {
    pub id: i64,
    pub criterion_id: Option<i64>,
    pub remediation_id: Option<i64>,
    pub file_name: String,
    pub content_type: String,
}

/// A team member to record; the use case resolved the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewInspectionMember {
    pub name: String,
    pub role: TeamRole,
    pub user_id: Option<i64>,
}

/// A criterion of the checklist, copied from the template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewCriterion {
    pub code: String,
    pub label: String,
    pub guidance: String,
}

/// An inspection to record, planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewInspection {
    pub target_id: i64,
    pub kind: InspectionKind,
    pub subject: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub template_code: String,
    pub team: Vec<NewInspectionMember>,
    pub checklist: Vec<NewCriterion>,
}

/// What an evidence file proves: the finding on a criterion (by its id) or a remediation task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceOf {
    Criterion(i64),
    Remediation(i64),
}

/// An evidence row with its bytes: id, criterion, remediation task, name, type, data.
type EvidenceWithData = (i64, Option<i64>, Option<i64>, String, String, Vec<u8>);

const INSPECTION_SELECT: &str = "SELECT i.id, i.unit_id, u.code AS unit_code, u.name AS unit_name, i.target_id, \
    t.code AS target_code, t.name AS target_name, i.kind, i.status, i.subject, i.starts_on, i.ends_on, \
    i.template_code, i.conclusion, i.concluded_on, i.closed_on, i.disclosure_id, i.created_at \
    FROM inspection i JOIN unit u ON u.id = i.unit_id JOIN unit t ON t.id = i.target_id ";

const REMEDIATION_SELECT: &str = "SELECT r.id, r.inspection_id, r.title, r.lead_unit_id, l.code AS lead_unit_code, \
    l.name AS lead_unit_name, r.due_on, r.status, r.done_on, r.done_note \
    FROM inspection_remediation r JOIN unit l ON l.id = r.lead_unit_id ";

/// Who works on a remediation task: the inspecting unit's officials (a permit to manage
/// inspections on `unit`, the inspecting unit), or its lead unit's (a permit to report on
/// `unit`, then the task's lead unit, which the write checks). `Some(lead)` in the second case.
fn remediation_writer(permit: &Permit, unit: &UnitRow) -> Result<Option<i64>> {
    let path = unit.unit_path();
    if permit.covers(Action::ManageInspections, &path) {
        Ok(None)
    } else if permit.covers(Action::SubmitReports, &path) {
        Ok(Some(unit.id))
    } else {
        Err(StoreError::Forbidden)
    }
}

fn entry(action: &'static str, id: i64, unit_id: i64, after: serde_json::Value) -> AuditEntry {
    AuditEntry::change(action, "inspection", id, coso_domain::UnitId(unit_id), after)
}

fn stale(field: &'static str, message: &str) -> StoreError {
    StoreError::Conflict { field, message: message.into() }
}

impl Store {
    /// Records a planned inspection of `unit` with its team and checklist in one transaction.
    pub async fn create_inspection(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        new: &NewInspection,
        actor: &Actor,
    ) -> Result<i64> {
        require(permit, Action::ManageInspections, unit)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO inspection (unit_id, target_id, kind, status, subject, starts_on, ends_on, template_code, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(unit.id)
            .bind(new.target_id)
            .bind(new.kind.as_str())
            .bind(InspectionStatus::Planned.as_str())
            .bind(&new.subject)
            .bind(new.starts_on)
            .bind(new.ends_on)
            .bind(&new.template_code)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            for (i, m) in new.team.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO inspection_member (inspection_id, position, name, sort_key, role, user_id) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id)
                .bind(i as i64 + 1)
                .bind(&m.name)
                .bind(coso_text::sort_key(&m.name))
                .bind(m.role.as_str())
                .bind(m.user_id)
                .execute(&mut *tx)
                .await?;
            }
            for (i, c) in new.checklist.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO inspection_criterion (inspection_id, position, code, label, guidance) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(id)
                .bind(i as i64 + 1)
                .bind(&c.code)
                .bind(&c.label)
                .bind(&c.guidance)
                .execute(&mut *tx)
                .await?;
            }
            let after = serde_json::json!({ "kind": new.kind.label(), "target_id": new.target_id,
                "subject": new.subject, "starts_on": new.starts_on, "team": new.team.len(),
                "criteria": new.checklist.len() });
            write_audit!(&mut *tx, now, actor, &entry("inspection.plan", id, unit.id, after))?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    pub async fn inspection(&self, id: i64) -> Result<Option<InspectionRow>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{INSPECTION_SELECT} WHERE i.id = $1")))
                .bind(id)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// The inspections a unit carries out and those of which it is the subject, newest first.
    pub async fn inspections_of_unit(&self, unit_id: i64) -> Result<Vec<InspectionRow>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{INSPECTION_SELECT} WHERE i.unit_id = $1 OR i.target_id = $1 ORDER BY i.starts_on DESC, i.id DESC"
            )))
            .bind(unit_id)
            .fetch_all(pool)
            .await?
        }))
    }

    pub async fn inspection_team(&self, id: i64) -> Result<Vec<InspectionMemberRow>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT position, name, role, user_id FROM inspection_member WHERE inspection_id = $1 ORDER BY position",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        }))
    }

    pub async fn inspection_criteria(&self, id: i64) -> Result<Vec<CriterionRow>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT id, position, code, label, guidance, verdict, note FROM inspection_criterion \
                 WHERE inspection_id = $1 ORDER BY position",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        }))
    }

    pub async fn inspection_remediations(&self, id: i64) -> Result<Vec<RemediationRow>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{REMEDIATION_SELECT} WHERE r.inspection_id = $1 ORDER BY r.due_on, r.id"
            )))
            .bind(id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The remediation tasks a unit leads, of every inspection, the soonest due first.
    pub async fn remediations_led_by(&self, unit_id: i64) -> Result<Vec<RemediationRow>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{REMEDIATION_SELECT} WHERE r.lead_unit_id = $1 ORDER BY r.due_on, r.id"
            )))
            .bind(unit_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The evidence files of an inspection, without their bytes.
    pub async fn inspection_evidence(&self, id: i64) -> Result<Vec<InspectionEvidenceMeta>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT id, criterion_id, remediation_id, file_name, content_type FROM inspection_evidence \
                 WHERE inspection_id = $1 ORDER BY id",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// One evidence file of the inspection, with its bytes.
    pub async fn inspection_evidence_file(
        &self,
        inspection_id: i64,
        file_id: i64,
    ) -> Result<Option<(InspectionEvidenceMeta, Vec<u8>)>> {
        let row: Option<EvidenceWithData> = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT id, criterion_id, remediation_id, file_name, content_type, data FROM inspection_evidence \
                 WHERE inspection_id = $1 AND id = $2",
            )
            .bind(inspection_id)
            .bind(file_id)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(|(id, criterion_id, remediation_id, file_name, content_type, data)| {
            (InspectionEvidenceMeta { id, criterion_id, remediation_id, file_name, content_type }, data)
        }))
    }

    /// Records the finding on a criterion of the checklist (again, to correct it) while the
    /// inspection takes findings; the first one puts a planned inspection under way.
    #[expect(clippy::too_many_arguments, reason = "one finding is written whole in one transaction")]
    pub async fn record_inspection_finding(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        criterion: &str,
        verdict: Verdict,
        note: Option<&str>,
        actor: &Actor,
    ) -> Result<()> {
        require(permit, Action::ManageInspections, unit)?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let open = sqlx::query(
                "UPDATE inspection SET status = $1 WHERE id = $2 AND unit_id = $3 AND status IN ($4, $1)",
            )
            .bind(InspectionStatus::InProgress.as_str())
            .bind(id)
            .bind(unit.id)
            .bind(InspectionStatus::Planned.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if open == 0 {
                return Err(stale("status", "Cuộc kiểm tra đã kết luận, không ghi thêm đánh giá."));
            }
            let done = sqlx::query(
                "UPDATE inspection_criterion SET verdict = $1, note = $2, assessed_at = $3 \
                 WHERE inspection_id = $4 AND code = $5",
            )
            .bind(verdict.as_str())
            .bind(note)
            .bind(now)
            .bind(id)
            .bind(criterion)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(stale("criterion", "Tiêu chí không có trong danh mục kiểm tra."));
            }
            let after = serde_json::json!({ "criterion": criterion, "verdict": verdict.label() });
            write_audit!(&mut *tx, now, actor, &entry("inspection.finding", id, unit.id, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Stores an evidence file of a finding or a remediation task of the inspection.
    #[expect(clippy::too_many_arguments, reason = "one file is written whole in one transaction")]
    pub async fn add_inspection_evidence(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        of: EvidenceOf,
        file_name: &str,
        content_type: &str,
        bytes: &[u8],
        actor: &Actor,
    ) -> Result<i64> {
        let lead = remediation_writer(permit, unit)?;
        let now = self.clock.now();
        let (criterion_id, remediation_id) = match of {
            EvidenceOf::Criterion(c) => (Some(c), None),
            EvidenceOf::Remediation(r) => (None, Some(r)),
        };
        // A lead unit adds evidence to its own tasks only, never to the findings.
        if lead.is_some() && criterion_id.is_some() {
            return Err(StoreError::Forbidden);
        }
        let file_id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            if let (Some(lead), Some(task)) = (lead, remediation_id) {
                let leads: Option<i64> = sqlx::query_scalar(
                    "SELECT lead_unit_id FROM inspection_remediation WHERE id = $1 AND inspection_id = $2",
                )
                .bind(task)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
                if leads != Some(lead) {
                    return Err(StoreError::Forbidden);
                }
            }
            let file_id: i64 = sqlx::query_scalar(
                "INSERT INTO inspection_evidence (inspection_id, criterion_id, remediation_id, file_name, content_type, data, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(id)
            .bind(criterion_id)
            .bind(remediation_id)
            .bind(file_name)
            .bind(content_type)
            .bind(bytes)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let after = serde_json::json!({ "file_id": file_id, "file_name": file_name, "criterion_id": criterion_id,
                "remediation_id": remediation_id, "bytes": bytes.len() });
            write_audit!(&mut *tx, now, actor, &entry("inspection.evidence", id, unit.id, after))?;
            tx.commit().await?;
            file_id
        });
        Ok(file_id)
    }

    /// Concludes an inspection under way whose every criterion was assessed.
    pub async fn conclude_inspection(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        conclusion: &str,
        on: NaiveDate,
        actor: &Actor,
    ) -> Result<()> {
        require(permit, Action::ManageInspections, unit)?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE inspection SET status = $1, conclusion = $2, concluded_on = $3 \
                 WHERE id = $4 AND unit_id = $5 AND status = $6 \
                 AND NOT EXISTS (SELECT 1 FROM inspection_criterion c WHERE c.inspection_id = $4 AND c.verdict IS NULL)",
            )
            .bind(InspectionStatus::Concluded.as_str())
            .bind(conclusion)
            .bind(on)
            .bind(id)
            .bind(unit.id)
            .bind(InspectionStatus::InProgress.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(stale("conclusion", "Cuộc kiểm tra chưa đánh giá đủ các tiêu chí hoặc đã kết luận."));
            }
            let after = serde_json::json!({ "concluded_on": on, "chars": conclusion.chars().count() });
            write_audit!(&mut *tx, now, actor, &entry("inspection.conclude", id, unit.id, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Adds a remediation task to a concluded inspection.
    #[expect(clippy::too_many_arguments, reason = "one task is written whole in one transaction")]
    pub async fn add_remediation(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        title: &str,
        lead_unit_id: i64,
        due_on: NaiveDate,
        actor: &Actor,
    ) -> Result<i64> {
        require(permit, Action::ManageInspections, unit)?;
        let now = self.clock.now();
        let task = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            // Touches the inspection to hold it concluded for the rest of the transaction.
            let concluded = sqlx::query("UPDATE inspection SET status = status WHERE id = $1 AND unit_id = $2 AND status = $3")
                .bind(id)
                .bind(unit.id)
                .bind(InspectionStatus::Concluded.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if concluded == 0 {
                return Err(stale("status", "Chỉ giao nhiệm vụ khắc phục cho cuộc kiểm tra đã kết luận, chưa kết thúc."));
            }
            let task: i64 = sqlx::query_scalar(
                "INSERT INTO inspection_remediation (inspection_id, title, lead_unit_id, due_on, status, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(id)
            .bind(title)
            .bind(lead_unit_id)
            .bind(due_on)
            .bind(RemediationStatus::Open.as_str())
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let after = serde_json::json!({ "task_id": task, "title": title, "lead_unit_id": lead_unit_id, "due_on": due_on });
            write_audit!(&mut *tx, now, actor, &entry("inspection.remediation.add", id, unit.id, after))?;
            tx.commit().await?;
            task
        });
        Ok(task)
    }

    /// Marks an open remediation task of the inspection done.
    #[expect(clippy::too_many_arguments, reason = "one task is finished whole in one transaction")]
    pub async fn finish_remediation(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        task: i64,
        note: &str,
        on: NaiveDate,
        actor: &Actor,
    ) -> Result<()> {
        let lead = remediation_writer(permit, unit)?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            if let Some(lead) = lead {
                let leads: Option<i64> = sqlx::query_scalar(
                    "SELECT lead_unit_id FROM inspection_remediation WHERE id = $1 AND inspection_id = $2",
                )
                .bind(task)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
                if leads != Some(lead) {
                    return Err(StoreError::Forbidden);
                }
            }
            let done = sqlx::query(
                "UPDATE inspection_remediation SET status = $1, done_on = $2, done_note = $3 \
                 WHERE id = $4 AND inspection_id = $5 AND status = $6",
            )
            .bind(RemediationStatus::Done.as_str())
            .bind(on)
            .bind(note)
            .bind(task)
            .bind(id)
            .bind(RemediationStatus::Open.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(stale("status", "Nhiệm vụ khắc phục đã hoàn thành."));
            }
            let after = serde_json::json!({ "task_id": task, "done_on": on });
            write_audit!(&mut *tx, now, actor, &entry("inspection.remediation.done", id, unit.id, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Closes a concluded inspection whose remediation tasks are all done.
    pub async fn close_inspection(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        on: NaiveDate,
        actor: &Actor,
    ) -> Result<()> {
        require(permit, Action::ManageInspections, unit)?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE inspection SET status = $1, closed_on = $2 WHERE id = $3 AND unit_id = $4 AND status = $5 \
                 AND NOT EXISTS (SELECT 1 FROM inspection_remediation r WHERE r.inspection_id = $3 AND r.status = $6)",
            )
            .bind(InspectionStatus::Closed.as_str())
            .bind(on)
            .bind(id)
            .bind(unit.id)
            .bind(InspectionStatus::Concluded.as_str())
            .bind(RemediationStatus::Open.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(stale("status", "Cuộc kiểm tra còn nhiệm vụ khắc phục chưa hoàn thành hoặc chưa kết luận."));
            }
            let after = serde_json::json!({ "closed_on": on });
            write_audit!(&mut *tx, now, actor, &entry("inspection.close", id, unit.id, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Keeps the disclosure that published the inspection's result; only once.
    pub async fn link_inspection_disclosure(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        disclosure_id: i64,
        actor: &Actor,
    ) -> Result<()> {
        require(permit, Action::ManageInspections, unit)?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query("UPDATE inspection SET disclosure_id = $1 WHERE id = $2 AND disclosure_id IS NULL")
                .bind(disclosure_id)
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done == 0 {
                return Err(stale("status", "Kết quả kiểm tra đã được công khai."));
            }
            let after = serde_json::json!({ "disclosure_id": disclosure_id });
            write_audit!(&mut *tx, now, actor, &entry("inspection.publish", id, unit.id, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// How many inspections the unit's subtree carried out between two dates, both included (by
    /// the day they started; one still only planned is not counted).
    pub async fn inspections_held(&self, unit: &UnitRow, from: NaiveDate, to: NaiveDate) -> Result<i64> {
        let (low, high) = subtree_bounds(&unit.path);
        let n = dispatch!(self, read, pool => {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM inspection i JOIN unit u ON u.id = i.unit_id \
                 WHERE u.path >= $1 AND u.path < $2 AND i.status <> 'planned' AND i.starts_on >= $3 AND i.starts_on <= $4",
            )
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
