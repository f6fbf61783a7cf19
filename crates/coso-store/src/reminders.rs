//! What the reminder job reads: occurrences that a target unit still has to send, and the
//! officials to tell.

use chrono::NaiveDate;
use coso_domain::UnitId;
use coso_domain::authz::Role;
use coso_domain::plan::{ObligationKind, PeriodKey, ReportPeriod};
use serde::Serialize;

use crate::codes::{Code, OptCode};
use crate::dispatch::dispatch;
use crate::{Result, Store};

/// One occurrence that one target unit has not sent yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DueItem {
    pub occurrence_id: i64,
    pub due_date: NaiveDate,
    #[sqlx(try_from = "Code<PeriodKey>")]
    pub period_key: PeriodKey,
    #[sqlx(try_from = "Code<ObligationKind>")]
    pub obligation_kind: ObligationKind,
    /// `None` for an implementing plan.
    #[sqlx(try_from = "OptCode<ReportPeriod>")]
    pub obligation_period: Option<ReportPeriod>,
    pub plan_id: i64,
    pub plan_title: String,
    pub plan_number: Option<String>,
    pub unit_id: i64,
    pub unit_name: String,
}

/// An active official of a unit, who receives the unit's reminders by e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Recipient {
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
}

// A unit has sent when it has a submission row, whatever its review state: a returned
// report is judged on time by its first submission and is followed up by the reviewer.
const DUE_ITEMS: &str = "SELECT o.id AS occurrence_id, o.due_date, o.period_key, \
        ob.kind AS obligation_kind, ob.period AS obligation_period, \
        p.id AS plan_id, p.title AS plan_title, p.number AS plan_number, \
        t.unit_id, u.name AS unit_name \
    FROM obligation_occurrence o \
    JOIN obligation ob ON ob.id = o.obligation_id \
    JOIN plan p ON p.id = ob.plan_id \
    JOIN plan_target t ON t.plan_id = p.id \
    JOIN unit u ON u.id = t.unit_id \
    WHERE o.due_date IS NOT NULL AND o.due_date >= $1 AND o.due_date <= $2 \
      AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.occurrence_id = o.id AND s.unit_id = t.unit_id) \
    ORDER BY o.due_date, o.id, t.unit_id";

impl Store {
    /// Occurrences due in `from..=to`, one item per target unit that has not sent.
    pub async fn due_for_reminders(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DueItem>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, DueItem>(DUE_ITEMS).bind(from).bind(to).fetch_all(pool).await?
        });
        Ok(rows)
    }

    /// Occurrences due before `today` that a target unit has not sent, oldest first.
    pub async fn overdue_without_submission(&self, today: NaiveDate) -> Result<Vec<DueItem>> {
        // Both databases store dates from year 1 on; nothing in coso is due before 1900.
        let (Some(yesterday), Some(start)) = (today.pred_opt(), NaiveDate::from_ymd_opt(1900, 1, 1)) else {
            return Ok(Vec::new());
        };
        self.due_for_reminders(start, yesterday).await
    }

    /// The active users with the official role on exactly `unit`.
    pub async fn officials_of_unit(&self, unit: UnitId) -> Result<Vec<Recipient>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, Recipient>(
                "SELECT u.id AS user_id, u.email, u.display_name FROM app_user u \
                 JOIN role_grant g ON g.user_id = u.id \
                 WHERE g.unit_id = $1 AND g.role = $2 AND u.active = $3 ORDER BY u.id",
            )
            .bind(unit.0)
            .bind(Role::Official.as_str())
            .bind(true)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}
