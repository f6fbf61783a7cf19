//! The officials' list of a subtree's cases (the handler's inbox, its exports and the
//! reminder job), and the accounts that may be given a case. Rows carry no sender identity.

use chrono::NaiveDate;
use coso_domain::UnitId;
use coso_domain::case::{CaseKind, CaseStatus};

use crate::cases::{CASE_SELECT, CaseRow};
use crate::dispatch::dispatch;
use crate::rows::{Page, word_prefix_pattern};
use crate::{Result, Store};

/// Whose cases a list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum HandlerFilter {
    #[default]
    Anyone,
    /// Cases nobody was given yet.
    Nobody,
    /// Cases given to this account.
    User(i64),
}

/// Which statuses a list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StatusFilter {
    /// Received, forwarded or accepted: still waiting for the unit.
    #[default]
    Open,
    All,
    Only(CaseStatus),
}

/// What the officials' list is filtered by.
#[derive(Debug, Clone, Default)]
pub struct CaseListFilter {
    /// The stored path of the unit whose subtree is listed.
    pub unit_path: String,
    pub status: StatusFilter,
    pub kind: Option<CaseKind>,
    pub category: Option<String>,
    pub handler: HandlerFilter,
    /// Words of the content, without diacritics needed.
    pub q: Option<String>,
}

/// An account that may be given a case (an official or administrator on the unit or above).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CaseHandler {
    pub id: i64,
    pub email: String,
    pub display_name: String,
}

/// The open statuses, as SQL literals (fixed codes, never input).
fn open_statuses() -> String {
    CaseStatus::OPEN.iter().map(|s| format!("'{}'", s.as_str())).collect::<Vec<_>>().join(", ")
}

impl Store {
    /// A page of the subtree's cases by the nearest due date (so overdue ones come first),
    /// cases without a due date last, then by receipt; with the count of all that match.
    pub async fn case_list(&self, f: &CaseListFilter, limit: i64, offset: i64) -> Result<Page<CaseRow>> {
        let prefix = format!("{}%", f.unit_path);
        let status = match f.status {
            StatusFilter::Only(_) => "c.status = $2".to_string(),
            StatusFilter::All => "$2 = ''".to_string(),
            StatusFilter::Open => format!("($2 = '' AND c.status IN ({}))", open_statuses()),
        };
        let (handler_mode, handler_id) = match f.handler {
            HandlerFilter::Anyone => (0_i64, 0_i64),
            HandlerFilter::Nobody => (1, 0),
            HandlerFilter::User(id) => (2, id),
        };
        let pattern = word_prefix_pattern(&f.q.as_deref().map(coso_text::fold).unwrap_or_default());
        let filter = format!(
            "WHERE u.path LIKE $1 AND {status} AND ($3 = '' OR c.kind = $3) AND ($4 = '' OR c.category = $4) \
             AND ($5 = 0 OR ($5 = 1 AND c.handler_user_id IS NULL) OR ($5 = 2 AND c.handler_user_id = $6)) \
             AND c.search_text LIKE $7 ESCAPE '\\'"
        );
        let status_code = match f.status {
            StatusFilter::Only(s) => s.as_str(),
            _ => "",
        };
        let kind = f.kind.map(|k| k.as_str()).unwrap_or_default();
        let category = f.category.clone().unwrap_or_default();
        let page = dispatch!(self, read, pool => {
            let items: Vec<CaseRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{CASE_SELECT} {filter} ORDER BY CASE WHEN c.due_on IS NULL THEN 1 ELSE 0 END, c.due_on, \
                 c.received_on, c.id LIMIT $8 OFFSET $9"
            )))
            .bind(&prefix)
            .bind(status_code)
            .bind(kind)
            .bind(&category)
            .bind(handler_mode)
            .bind(handler_id)
            .bind(&pattern)
            .bind(limit)
            .bind(offset.max(0))
            .fetch_all(pool)
            .await?;
            let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM citizen_case c JOIN unit u ON u.id = c.unit_id {filter}"
            )))
            .bind(&prefix)
            .bind(status_code)
            .bind(kind)
            .bind(&category)
            .bind(handler_mode)
            .bind(handler_id)
            .bind(&pattern)
            .fetch_one(pool)
            .await?;
            Page { items, total }
        });
        Ok(page)
    }

    /// The open cases whose next step is due on or before `by`, oldest due first.
    pub async fn open_cases_due_by(&self, by: NaiveDate) -> Result<Vec<CaseRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CaseRow>(sqlx::AssertSqlSafe(format!(
                "{CASE_SELECT} WHERE c.status IN ({}) AND c.due_on IS NOT NULL AND c.due_on <= $1 ORDER BY c.due_on, c.id",
                open_statuses()
            )))
            .bind(by)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The active accounts holding the role of official or administrator on one of `units`
    /// (a unit and those above it), by name.
    pub async fn case_handlers(&self, units: &[UnitId]) -> Result<Vec<CaseHandler>> {
        if units.is_empty() {
            return Ok(vec![]);
        }
        // The ids are numbers from a stored path, written into the query as a list.
        let ids: Vec<String> = units.iter().map(|u| u.0.to_string()).collect();
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CaseHandler>(sqlx::AssertSqlSafe(format!(
                "SELECT DISTINCT a.id, a.email, a.display_name FROM app_user a JOIN role_grant g ON g.user_id = a.id \
                 WHERE a.active AND g.role IN ('official', 'admin') AND g.unit_id IN ({}) ORDER BY a.display_name, a.id",
                ids.join(", ")
            )))
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}
