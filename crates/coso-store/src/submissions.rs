//! Submissions: what a target unit sends for an occurrence (its implementing plan or a
//! report), reviewed by the receiving unit. A returned submission can be sent again; every
//! version is kept. The domain's [`SubmissionStatus`] decides which moves are allowed; this
//! module persists them, guarded so that two concurrent moves cannot both pass.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::report::{Refusal, Sending, SubmissionStatus, Verdict};
use coso_domain::{OccurrenceId, SubmissionId, UnitId};
use serde::Serialize;
use serde_json::Value;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::codes::{self, OptCode};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::{Result, Store, json};

/// One sending of a submission.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSubmission {
    pub occurrence_id: i64,
    /// The sending unit; it must be a target of the occurrence's plan.
    pub unit_id: i64,
    /// The whole report: indicator values, narrative, self-assessment.
    pub content: Value,
    /// Indicator code → number, kept on the submission for aggregation.
    pub indicator_values: Value,
    pub score: Option<f64>,
    pub rank: Option<String>,
    /// The unit's implementing plan, for an `implementing_plan` obligation.
    pub implementing_plan_id: Option<i64>,
    /// The local (UTC+7) date of sending: on time or late is judged on the first one.
    pub submitted_on: NaiveDate,
    pub now: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubmissionRow {
    pub id: i64,
    pub occurrence_id: i64,
    pub unit_id: i64,
    pub status: SubmissionStatus,
    pub version: i64,
    pub first_submitted_on: NaiveDate,
    pub submitted_at: DateTime<Utc>,
    pub implementing_plan_id: Option<i64>,
    pub indicator_values: Value,
    pub score: Option<f64>,
    pub rank: Option<String>,
}

/// One version of a submission, with its review once there is one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionRow {
    pub id: i64,
    pub submission_id: i64,
    pub version: i64,
    pub content: Value,
    pub score: Option<f64>,
    pub rank: Option<String>,
    pub submitted_at: DateTime<Utc>,
    pub submitted_by: String,
    /// `Accepted` or `Returned`; `None` while waiting.
    pub review: Option<SubmissionStatus>,
    pub review_comment: Option<String>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub reviewed_by: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Raw {
    id: i64,
    occurrence_id: i64,
    unit_id: i64,
    status: String,
    version: i64,
    first_submitted_on: NaiveDate,
    submitted_at: DateTime<Utc>,
    implementing_plan_id: Option<i64>,
    indicator_values: String,
    score: Option<f64>,
    rank: Option<String>,
}

impl Raw {
    fn into_row(self) -> Result<SubmissionRow> {
        Ok(SubmissionRow {
            indicator_values: json::parse("submission.indicator_values", &self.indicator_values)?,
            id: self.id,
            occurrence_id: self.occurrence_id,
            unit_id: self.unit_id,
            status: status_of(&self.status)?,
            version: self.version,
            first_submitted_on: self.first_submitted_on,
            submitted_at: self.submitted_at,
            implementing_plan_id: self.implementing_plan_id,
            score: self.score,
            rank: self.rank,
        })
    }
}

#[derive(sqlx::FromRow)]
struct RawVersion {
    id: i64,
    submission_id: i64,
    version: i64,
    content: String,
    score: Option<f64>,
    rank: Option<String>,
    submitted_at: DateTime<Utc>,
    submitted_by: String,
    #[sqlx(try_from = "OptCode<SubmissionStatus>")]
    review: Option<SubmissionStatus>,
    review_comment: Option<String>,
    reviewed_at: Option<DateTime<Utc>>,
    reviewed_by: Option<String>,
}

macro_rules! select {
    ($tail:literal) => {
        concat!(
            "SELECT id, occurrence_id, unit_id, status, version, first_submitted_on, submitted_at, implementing_plan_id, \
             indicator_values, score, rank FROM submission ",
            $tail
        )
    };
}

/// A move the domain's state machine refuses, stored nowhere: the caller shows its message.
fn refused(r: Refusal) -> StoreError {
    StoreError::Conflict { field: r.field(), message: r.to_string() }
}

/// The stored status, read back into the domain's states.
fn status_of(stored: &str) -> Result<SubmissionStatus> {
    codes::decode(stored)
}

impl Store {
    /// Sends a submission: the first time it is version 1; later only after it was returned,
    /// as the next version (the date of the first sending stays).
    pub async fn submit(&self, s: &NewSubmission, actor: &Actor) -> Result<SubmissionRow> {
        let content = json::to_text(&s.content);
        let values = json::to_text(&s.indicator_values);
        let rank = s.rank.as_deref().map(coso_text::clean);
        let raw: Raw = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let plan_id: i64 = sqlx::query_scalar(
                "SELECT o.plan_id FROM obligation_occurrence oc JOIN obligation o ON o.id = oc.obligation_id WHERE oc.id = $1",
            )
            .bind(s.occurrence_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
            let targeted: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM plan_target WHERE plan_id = $1 AND unit_id = $2")
                .bind(plan_id)
                .bind(s.unit_id)
                .fetch_one(&mut *tx)
                .await?;
            if targeted == 0 {
                return Err(refused(Refusal::NotTarget));
            }
            if let Some(own) = s.implementing_plan_id {
                let issuer: Option<i64> = sqlx::query_scalar("SELECT unit_id FROM plan WHERE id = $1").bind(own).fetch_optional(&mut *tx).await?;
                if issuer != Some(s.unit_id) {
                    return Err(refused(Refusal::ForeignImplementingPlan));
                }
            }
            let current: Option<(i64, String, i64)> =
                sqlx::query_as("SELECT id, status, version FROM submission WHERE occurrence_id = $1 AND unit_id = $2")
                    .bind(s.occurrence_id)
                    .bind(s.unit_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let state = current.as_ref().map(|(_, status, _)| status_of(status)).transpose()?;
            let sending = SubmissionStatus::send(state).map_err(refused)?;
            let (id, version, action) = match current.filter(|_| sending == Sending::Again) {
                None => {
                    let inserted = sqlx::query_scalar::<_, i64>(
                        "INSERT INTO submission (occurrence_id, unit_id, status, version, first_submitted_on, submitted_at, \
                         implementing_plan_id, indicator_values, score, rank) \
                         VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9) RETURNING id",
                    )
                    .bind(s.occurrence_id)
                    .bind(s.unit_id)
                    .bind(SubmissionStatus::Submitted.as_str())
                    .bind(s.submitted_on)
                    .bind(s.now)
                    .bind(s.implementing_plan_id)
                    .bind(&values)
                    .bind(s.score)
                    .bind(rank.as_deref())
                    .fetch_one(&mut *tx)
                    .await;
                    match inserted {
                        Ok(id) => (id, 1, "submission.submit"),
                        // Sent twice at the same moment: the other one won.
                        Err(e) if StoreError::is_unique_violation(&e) => return Err(refused(Refusal::Waiting)),
                        Err(e) => return Err(e.into()),
                    }
                }
                Some((id, _, version)) => {
                    // Guarded by the version and state read, so two resubmissions cannot both pass.
                    let n = sqlx::query(
                        "UPDATE submission SET status = $1, version = version + 1, submitted_at = $2, \
                         implementing_plan_id = $3, indicator_values = $4, score = $5, rank = $6 \
                         WHERE id = $7 AND version = $8 AND status = $9",
                    )
                    .bind(SubmissionStatus::Submitted.as_str())
                    .bind(s.now)
                    .bind(s.implementing_plan_id)
                    .bind(&values)
                    .bind(s.score)
                    .bind(rank.as_deref())
                    .bind(id)
                    .bind(version)
                    .bind(SubmissionStatus::Returned.as_str())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    if n == 0 {
                        return Err(refused(Refusal::Waiting));
                    }
                    (id, version + 1, "submission.resubmit")
                }
            };
            sqlx::query(
                "INSERT INTO submission_version (submission_id, version, content, score, rank, submitted_at, submitted_by) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(id)
            .bind(version)
            .bind(&content)
            .bind(s.score)
            .bind(rank.as_deref())
            .bind(s.now)
            .bind(&actor.label)
            .execute(&mut *tx)
            .await?;
            let entry = AuditEntry {
                action,
                entity: "submission",
                entity_id: id.to_string(),
                unit_id: Some(UnitId(s.unit_id)),
                before: None,
                after: Some(serde_json::json!({
                    "occurrence_id": s.occurrence_id, "version": version, "submitted_on": s.submitted_on,
                    "implementing_plan_id": s.implementing_plan_id, "score": s.score, "rank": rank,
                })),
            };
            write_audit!(&mut *tx, self.clock.now(), actor, &entry)?;
            let raw: Raw = sqlx::query_as(select!("WHERE id = $1")).bind(id).fetch_one(&mut *tx).await?;
            tx.commit().await?;
            raw
        });
        raw.into_row()
    }

    /// Accepts or returns the current version of a submission that is waiting for review.
    /// Returning it needs a comment saying why.
    pub async fn review(
        &self,
        SubmissionId(submission_id): SubmissionId,
        accept: bool,
        comment: Option<&str>,
        now: DateTime<Utc>,
        actor: &Actor,
    ) -> Result<SubmissionRow> {
        let verdict = Verdict::from_accept(accept);
        let comment = verdict.comment(comment).map_err(refused)?;
        let raw: Raw = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let (status, version, unit_id): (String, i64, i64) =
                sqlx::query_as("SELECT status, version, unit_id FROM submission WHERE id = $1")
                    .bind(submission_id)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or(StoreError::NotFound)?;
            let outcome = status_of(&status)?.review(verdict).map_err(refused)?;
            let n = sqlx::query("UPDATE submission SET status = $1 WHERE id = $2 AND version = $3 AND status = $4")
                .bind(outcome.as_str())
                .bind(submission_id)
                .bind(version)
                .bind(SubmissionStatus::Submitted.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if n == 0 {
                return Err(refused(Refusal::NotWaiting));
            }
            sqlx::query(
                "UPDATE submission_version SET review = $1, review_comment = $2, reviewed_at = $3, reviewed_by = $4 \
                 WHERE submission_id = $5 AND version = $6",
            )
            .bind(outcome.as_str())
            .bind(comment.as_deref())
            .bind(now)
            .bind(&actor.label)
            .bind(submission_id)
            .bind(version)
            .execute(&mut *tx)
            .await?;
            let entry = AuditEntry {
                action: match verdict {
                    Verdict::Accept => "submission.accept",
                    Verdict::Return => "submission.return",
                },
                entity: "submission",
                entity_id: submission_id.to_string(),
                unit_id: Some(UnitId(unit_id)),
                before: Some(serde_json::json!({ "status": status, "version": version })),
                after: Some(serde_json::json!({ "status": outcome.as_str(), "version": version, "comment": comment })),
            };
            write_audit!(&mut *tx, self.clock.now(), actor, &entry)?;
            let raw: Raw = sqlx::query_as(select!("WHERE id = $1")).bind(submission_id).fetch_one(&mut *tx).await?;
            tx.commit().await?;
            raw
        });
        raw.into_row()
    }

    pub async fn submission(&self, SubmissionId(id): SubmissionId) -> Result<Option<SubmissionRow>> {
        let raw: Option<Raw> = dispatch!(self, read, pool => {
            sqlx::query_as(select!("WHERE id = $1")).bind(id).fetch_optional(pool).await?
        });
        raw.map(Raw::into_row).transpose()
    }

    /// What `unit_id` sent for an occurrence, if anything.
    pub async fn submission_for(
        &self,
        OccurrenceId(occurrence_id): OccurrenceId,
        UnitId(unit_id): UnitId,
    ) -> Result<Option<SubmissionRow>> {
        let raw: Option<Raw> = dispatch!(self, read, pool => {
            sqlx::query_as(select!("WHERE occurrence_id = $1 AND unit_id = $2")).bind(occurrence_id).bind(unit_id).fetch_optional(pool).await?
        });
        raw.map(Raw::into_row).transpose()
    }

    /// Every version of a submission, the first first.
    pub async fn submission_versions(&self, SubmissionId(submission_id): SubmissionId) -> Result<Vec<VersionRow>> {
        let raw: Vec<RawVersion> = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT id, submission_id, version, content, score, rank, submitted_at, submitted_by, review, review_comment, \
                 reviewed_at, reviewed_by FROM submission_version WHERE submission_id = $1 ORDER BY version",
            )
            .bind(submission_id)
            .fetch_all(pool)
            .await?
        });
        raw.into_iter()
            .map(|r| {
                Ok(VersionRow {
                    content: json::parse("submission_version.content", &r.content)?,
                    id: r.id,
                    submission_id: r.submission_id,
                    version: r.version,
                    score: r.score,
                    rank: r.rank,
                    submitted_at: r.submitted_at,
                    submitted_by: r.submitted_by,
                    review: r.review,
                    review_comment: r.review_comment,
                    reviewed_at: r.reviewed_at,
                    reviewed_by: r.reviewed_by,
                })
            })
            .collect()
    }
}
