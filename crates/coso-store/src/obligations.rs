//! Obligations: what every target unit of a plan must send (its implementing plan, or a
//! report for a period), and their concrete occurrences with due dates.

use chrono::NaiveDate;
use coso_domain::plan::{ObligationKind, PeriodKey, ReportPeriod};
use coso_domain::{OccurrenceId, PlanId};
use serde::Serialize;

use crate::codes::{Code, OptCode};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::{Result, Store};

/// An obligation read from a plan, with the occurrences the domain computed for it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewObligation {
    pub kind: ObligationKind,
    /// `None` for an implementing plan.
    pub period: Option<ReportPeriod>,
    pub due_date: Option<NaiveDate>,
    /// `MM-DD`: due every year on that day.
    pub due_recurring: Option<String>,
    pub receiver_unit_id: i64,
    pub template_id: Option<i64>,
    /// The sentence of the document the obligation was read from.
    pub raw: String,
    /// (period key, due date).
    pub occurrences: Vec<(PeriodKey, Option<NaiveDate>)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObligationRow {
    pub id: i64,
    pub plan_id: i64,
    pub position: i64,
    pub kind: ObligationKind,
    pub period: Option<ReportPeriod>,
    pub due_date: Option<NaiveDate>,
    pub due_recurring: Option<String>,
    pub receiver_unit_id: i64,
    pub receiver_unit_name: String,
    pub template_id: Option<i64>,
    pub raw: String,
    pub occurrences: Vec<OccurrenceRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct OccurrenceRow {
    pub id: i64,
    pub obligation_id: i64,
    pub plan_id: i64,
    #[sqlx(try_from = "Code<PeriodKey>")]
    pub period_key: PeriodKey,
    pub due_date: Option<NaiveDate>,
}

#[derive(sqlx::FromRow)]
struct Raw {
    id: i64,
    plan_id: i64,
    position: i64,
    #[sqlx(try_from = "Code<ObligationKind>")]
    kind: ObligationKind,
    #[sqlx(try_from = "OptCode<ReportPeriod>")]
    period: Option<ReportPeriod>,
    due_date: Option<NaiveDate>,
    due_recurring: Option<String>,
    receiver_unit_id: i64,
    receiver_unit_name: String,
    template_id: Option<i64>,
    raw: String,
}

/// Rejects an obligation that names the same period twice.
pub(crate) fn check(o: &NewObligation) -> Result<()> {
    let mut keys: Vec<PeriodKey> = o.occurrences.iter().map(|(k, _)| *k).collect();
    keys.sort_unstable();
    if keys.windows(2).any(|w| w[0] == w[1]) {
        return Err(StoreError::Conflict {
            field: "period_key",
            message: "Một kỳ báo cáo bị lặp lại trong cùng nghĩa vụ.".into(),
        });
    }
    Ok(())
}

/// Inserts the obligations of plan `$plan_id` and their occurrences on transaction `$tx`;
/// evaluates to the number of occurrences. Ids are read back by position, since the order
/// of a multi-row RETURNING is not guaranteed.
macro_rules! insert_obligations {
    ($tx:expr, $plan_id:expr, $obligations:expr) => {{
        let plan_id: i64 = $plan_id;
        let obligations: &[$crate::obligations::NewObligation] = $obligations;
        let mut occurrences = 0usize;
        if !obligations.is_empty() {
            let mut qb = sqlx::QueryBuilder::new(
                "INSERT INTO obligation (plan_id, position, kind, period, due_date, due_recurring, receiver_unit_id, template_id, raw) ",
            );
            qb.push_values(obligations.iter().enumerate(), |mut b, (i, o)| {
                b.push_bind(plan_id)
                    .push_bind(i as i64)
                    .push_bind(o.kind.as_str())
                    .push_bind(o.period.map(coso_domain::plan::ReportPeriod::as_str))
                    .push_bind(o.due_date)
                    .push_bind(o.due_recurring.as_deref())
                    .push_bind(o.receiver_unit_id)
                    .push_bind(o.template_id)
                    .push_bind(coso_text::nfc(o.raw.trim()));
            });
            qb.build().execute(&mut *$tx).await?;
            let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM obligation WHERE plan_id = $1 ORDER BY position")
                .bind(plan_id)
                .fetch_all(&mut *$tx)
                .await?;
            let rows: Vec<(i64, &(coso_domain::plan::PeriodKey, Option<chrono::NaiveDate>))> =
                ids.iter().zip(obligations).flat_map(|(id, o)| o.occurrences.iter().map(move |occ| (*id, occ))).collect();
            occurrences = rows.len();
            for chunk in rows.chunks($crate::plans::INSERT_CHUNK) {
                let mut qb = sqlx::QueryBuilder::new("INSERT INTO obligation_occurrence (obligation_id, period_key, due_date) ");
                qb.push_values(chunk, |mut b, (id, (key, due))| {
                    b.push_bind(*id).push_bind(key.to_string()).push_bind(*due);
                });
                qb.build().execute(&mut *$tx).await?;
            }
        }
        occurrences
    }};
}
pub(crate) use insert_obligations;

impl Store {
    /// The obligations of a plan in document order, each with its occurrences by due date.
    pub async fn obligations(&self, PlanId(plan_id): PlanId) -> Result<Vec<ObligationRow>> {
        let (raw, occurrences) = dispatch!(self, read, pool => {
            let raw: Vec<Raw> = sqlx::query_as(
                "SELECT o.id, o.plan_id, o.position, o.kind, o.period, o.due_date, o.due_recurring, o.receiver_unit_id, \
                 u.name AS receiver_unit_name, o.template_id, o.raw \
                 FROM obligation o JOIN unit u ON u.id = o.receiver_unit_id WHERE o.plan_id = $1 ORDER BY o.position",
            )
            .bind(plan_id)
            .fetch_all(pool)
            .await?;
            let occurrences: Vec<OccurrenceRow> = sqlx::query_as(
                "SELECT oc.id, oc.obligation_id, o.plan_id, oc.period_key, oc.due_date \
                 FROM obligation_occurrence oc JOIN obligation o ON o.id = oc.obligation_id \
                 WHERE o.plan_id = $1 ORDER BY (oc.due_date IS NULL), oc.due_date, oc.period_key",
            )
            .bind(plan_id)
            .fetch_all(pool)
            .await?;
            (raw, occurrences)
        });
        Ok(raw
            .into_iter()
            .map(|r| ObligationRow {
                occurrences: occurrences.iter().filter(|oc| oc.obligation_id == r.id).cloned().collect(),
                id: r.id,
                plan_id: r.plan_id,
                position: r.position,
                kind: r.kind,
                period: r.period,
                due_date: r.due_date,
                due_recurring: r.due_recurring,
                receiver_unit_id: r.receiver_unit_id,
                receiver_unit_name: r.receiver_unit_name,
                template_id: r.template_id,
                raw: r.raw,
            })
            .collect())
    }

    /// One occurrence, with the plan it belongs to.
    pub async fn occurrence(&self, OccurrenceId(id): OccurrenceId) -> Result<Option<OccurrenceRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, OccurrenceRow>(
                "SELECT oc.id, oc.obligation_id, o.plan_id, oc.period_key, oc.due_date \
                 FROM obligation_occurrence oc JOIN obligation o ON o.id = oc.obligation_id WHERE oc.id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?
        });
        Ok(row)
    }
}
