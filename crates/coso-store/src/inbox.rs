//! What a unit has to send (its inbox) and what it has received to review.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::UnitId;
use coso_domain::plan::{ObligationKind, PeriodKey, ReportPeriod};
use coso_domain::report::SubmissionStatus;
use serde::Serialize;

use crate::codes::{Code, OptCode};
use crate::dispatch::dispatch;
use crate::{Result, Store};

/// One occurrence a unit must send, with what it has sent so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct InboxItem {
    pub occurrence_id: i64,
    pub obligation_id: i64,
    pub plan_id: i64,
    pub plan_title: String,
    pub plan_number: Option<String>,
    pub issuing_unit_id: i64,
    pub issuing_unit_name: String,
    #[sqlx(try_from = "Code<ObligationKind>")]
    pub kind: ObligationKind,
    #[sqlx(try_from = "OptCode<ReportPeriod>")]
    pub period: Option<ReportPeriod>,
    #[sqlx(try_from = "Code<PeriodKey>")]
    pub period_key: PeriodKey,
    pub due_date: Option<NaiveDate>,
    pub receiver_unit_id: i64,
    pub receiver_unit_name: String,
    /// The obligation's place in its plan.
    pub obligation_position: i64,
    pub submission_id: Option<i64>,
    /// `None` before the first sending.
    #[sqlx(try_from = "OptCode<SubmissionStatus>")]
    pub status: Option<SubmissionStatus>,
    pub version: Option<i64>,
    /// Past due and still to be sent (never sent, or returned).
    #[sqlx(skip)]
    pub overdue: bool,
}

/// A submission waiting for review at the receiving unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ReceivedItem {
    pub submission_id: i64,
    pub occurrence_id: i64,
    pub plan_id: i64,
    pub plan_title: String,
    pub plan_number: Option<String>,
    #[sqlx(try_from = "Code<ObligationKind>")]
    pub kind: ObligationKind,
    #[sqlx(try_from = "OptCode<ReportPeriod>")]
    pub period: Option<ReportPeriod>,
    #[sqlx(try_from = "Code<PeriodKey>")]
    pub period_key: PeriodKey,
    pub due_date: Option<NaiveDate>,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub version: i64,
    pub first_submitted_on: NaiveDate,
    pub submitted_at: DateTime<Utc>,
}

impl Store {
    /// Every occurrence of every obligation of the plans that target `unit_id`, with the
    /// unit's submission if any: by due date (undated last), then plan title in Vietnamese order.
    pub async fn inbox(&self, UnitId(unit_id): UnitId, today: NaiveDate) -> Result<Vec<InboxItem>> {
        let mut items: Vec<InboxItem> = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT oc.id AS occurrence_id, o.id AS obligation_id, p.id AS plan_id, p.title AS plan_title, p.number AS plan_number, \
                 p.unit_id AS issuing_unit_id, iu.name AS issuing_unit_name, o.kind, o.period, oc.period_key, oc.due_date, \
                 o.receiver_unit_id, ru.name AS receiver_unit_name, s.id AS submission_id, s.status, s.version, o.position AS obligation_position \
                 FROM plan_target t \
                 JOIN plan p ON p.id = t.plan_id \
                 JOIN unit iu ON iu.id = p.unit_id \
                 JOIN obligation o ON o.plan_id = p.id \
                 JOIN unit ru ON ru.id = o.receiver_unit_id \
                 JOIN obligation_occurrence oc ON oc.obligation_id = o.id \
                 LEFT JOIN submission s ON s.occurrence_id = oc.id AND s.unit_id = t.unit_id \
                 WHERE t.unit_id = $1",
            )
            .bind(unit_id)
            .fetch_all(pool)
            .await?
        });
        for i in &mut items {
            let open = SubmissionStatus::is_open(i.status);
            i.overdue = open && i.due_date.is_some_and(|d| d < today);
        }
        items.sort_by_cached_key(|i| {
            (
                i.due_date.is_none(),
                i.due_date,
                coso_text::sort_key(&i.plan_title),
                i.plan_id,
                i.obligation_position,
                i.period_key,
            )
        });
        Ok(items)
    }

    /// The submissions waiting for review at `receiver_unit_id`, newest first.
    pub async fn received(&self, UnitId(receiver_unit_id): UnitId) -> Result<Vec<ReceivedItem>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, ReceivedItem>(
                "SELECT s.id AS submission_id, oc.id AS occurrence_id, p.id AS plan_id, p.title AS plan_title, p.number AS plan_number, \
                 o.kind, o.period, oc.period_key, oc.due_date, u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, \
                 s.version, s.first_submitted_on, s.submitted_at \
                 FROM obligation o \
                 JOIN plan p ON p.id = o.plan_id \
                 JOIN obligation_occurrence oc ON oc.obligation_id = o.id \
                 JOIN submission s ON s.occurrence_id = oc.id \
                 JOIN unit u ON u.id = s.unit_id \
                 WHERE o.receiver_unit_id = $1 AND s.status = $2 \
                 ORDER BY s.submitted_at DESC, s.id DESC",
            )
            .bind(receiver_unit_id)
            .bind(SubmissionStatus::Submitted.as_str())
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}
