//! Reading the audit log page by page, narrowed by person, unit, kind of action and time.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::Result;
use crate::dispatch::dispatch;
use crate::{Page, Store};

/// What to keep of the audit log. Every field narrows; `None` (or empty) keeps all.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Part of the e-mail or the name of the person who acted (case-insensitive).
    pub person: Option<String>,
    /// A unit's code: entries about this unit or any unit under it.
    pub unit_code: Option<String>,
    /// Only these action codes, or (with `exclude_actions`) all but these.
    pub actions: Vec<&'static str>,
    pub exclude_actions: bool,
    /// From this instant, included.
    pub from: Option<DateTime<Utc>>,
    /// Until this instant, excluded.
    pub until: Option<DateTime<Utc>>,
}

/// One entry of the log with what a reader needs beside the codes: the name of the person and
/// the unit it is about.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct AuditListed {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub actor_name: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub unit_code: Option<String>,
    pub unit_name: Option<String>,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
}

/// The filter's conditions; `$1`…`$4` are the person pattern, the unit code, from and until,
/// the action codes follow from `$5`.
fn conditions(filter: &AuditFilter) -> String {
    let mut sql = String::from(
        "WHERE ($1 IS NULL OR LOWER(a.actor) LIKE $1 OR a.actor_user_id IN \
         (SELECT p.id FROM app_user p WHERE LOWER(p.email) LIKE $1 OR LOWER(p.display_name) LIKE $1)) \
         AND ($2 IS NULL OR a.unit_id IN \
         (SELECT s.id FROM unit t JOIN unit s ON s.path LIKE t.path || '%' WHERE t.code = $2)) \
         AND ($3 IS NULL OR a.at >= $3) AND ($4 IS NULL OR a.at < $4)",
    );
    if !filter.actions.is_empty() {
        let marks: Vec<String> = (0..filter.actions.len()).map(|i| format!("${}", i + 5)).collect();
        let not = if filter.exclude_actions { "NOT " } else { "" };
        sql.push_str(&format!(" AND a.action {not}IN ({})", marks.join(", ")));
    }
    sql
}

/// `%part%` in lower case, with LIKE's own characters taken literally.
fn person_pattern(person: Option<&str>) -> Option<String> {
    let person = person.map(str::trim).filter(|p| !p.is_empty())?;
    let escaped: String = person.to_lowercase().chars().filter(|c| !matches!(c, '%' | '_' | '\\')).collect();
    Some(format!("%{escaped}%"))
}

impl Store {
    /// The entries that `filter` keeps, newest first, `limit` of them from `offset`, and how many
    /// there are in all.
    pub async fn audit_search(&self, filter: &AuditFilter, limit: i64, offset: i64) -> Result<Page<AuditListed>> {
        let limit = crate::rows::clamp_limit(Some(limit), 50);
        let offset = offset.max(0);
        let person = person_pattern(filter.person.as_deref());
        let unit = filter.unit_code.as_deref().map(str::trim).filter(|c| !c.is_empty());
        // Only placeholders are spliced in: every value is bound.
        let cond = conditions(filter);
        let n = filter.actions.len();
        let list_sql = format!(
            "SELECT a.id, a.at, a.actor, p.display_name AS actor_name, a.action, a.entity, a.entity_id, \
             u.code AS unit_code, u.name AS unit_name, a.before_json, a.after_json \
             FROM audit_log a LEFT JOIN app_user p ON p.id = a.actor_user_id LEFT JOIN unit u ON u.id = a.unit_id \
             {cond} ORDER BY a.id DESC LIMIT ${} OFFSET ${}",
            n + 5,
            n + 6
        );
        let count_sql = format!("SELECT COUNT(*) FROM audit_log a {cond}");
        let page = dispatch!(self, read, pool => {
            let mut list = sqlx::query_as::<_, AuditListed>(sqlx::AssertSqlSafe(list_sql.as_str()))
                .bind(person.as_deref())
                .bind(unit)
                .bind(filter.from)
                .bind(filter.until);
            let mut count = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(count_sql.as_str()))
                .bind(person.as_deref())
                .bind(unit)
                .bind(filter.from)
                .bind(filter.until);
            for action in &filter.actions {
                list = list.bind(*action);
                count = count.bind(*action);
            }
            let items = list.bind(limit).bind(offset).fetch_all(pool).await?;
            let total = count.fetch_one(pool).await?;
            Page { items, total }
        });
        Ok(page)
    }
}
