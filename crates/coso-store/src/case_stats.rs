//! The statistics of citizen cases of a unit's subtree received in a period, as one aggregate
//! query: the cases counted per unit, kind and category (a few thousand groups for a
//! province's year), from which the use case sums the lines per child unit, the satisfaction
//! and the hot spots without reading the cases again. The whole months of the period are read
//! from the summary `case_month` that triggers keep (migration 0013), the days around them from
//! the cases (the covering index `citizen_case_stats`, migration 0012), and "open and overdue",
//! which depends on today, from the open cases (the partial index `citizen_case_open_due`).

use chrono::{Datelike, Months, NaiveDate};
use coso_domain::case::CaseStatus;
use serde::Serialize;

use crate::case_queries::{code_list, subtree_bounds};
use crate::dispatch::dispatch;
use crate::units::UnitRow;
use crate::{Backend, Result, Store};

/// The cases of one unit, kind and category received in the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CaseGroupRow {
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub unit_path: String,
    pub kind: String,
    pub category: String,
    pub received: i64,
    pub accepted: i64,
    pub resolved_on_time: i64,
    pub resolved_late: i64,
    pub open_overdue: i64,
    pub open: i64,
    pub crowded: i64,
    pub over_level: i64,
    /// How many were rated, the sum of the ratings, and how many got each rating.
    pub rated: i64,
    pub rating_sum: i64,
    pub rating_1: i64,
    pub rating_2: i64,
    pub rating_3: i64,
    pub rating_4: i64,
    pub rating_5: i64,
}

/// `SUM(CASE WHEN cond THEN 1 ELSE 0 END)` as a BIGINT on both databases (PostgreSQL sums
/// BIGINTs to NUMERIC).
fn count_if(cond: &str) -> String {
    format!("CAST(COALESCE(SUM(CASE WHEN {cond} THEN 1 ELSE 0 END), 0) AS BIGINT)")
}

/// The figures summed by the query, in [`CaseGroupRow`]'s order, after the group's key.
const FIGURES: [&str; 15] = [
    "received",
    "accepted",
    "resolved_on_time",
    "resolved_late",
    "open_overdue",
    "open",
    "crowded",
    "over_level",
    "rated",
    "rating_sum",
    "rating_1",
    "rating_2",
    "rating_3",
    "rating_4",
    "rating_5",
];

/// The figures of the cases `c` of a group, in [`FIGURES`]' order, as the summary `case_month`
/// counts them (migration 0013), with `open_overdue` left to its own part (zero).
fn case_figures() -> [String; 15] {
    // A case is resolved when answered, or closed without an answer (information).
    let resolved = "COALESCE(c.answered_on, CASE WHEN c.status = 'closed' THEN c.closed_on END)";
    let open = code_list(&CaseStatus::OPEN);
    [
        "CAST(COUNT(*) AS BIGINT)".to_string(),
        count_if("c.accepted_on IS NOT NULL"),
        count_if(&format!(
            "{resolved} IS NOT NULL AND (c.resolution_due_on IS NULL OR {resolved} <= c.resolution_due_on)"
        )),
        count_if(&format!("{resolved} > c.resolution_due_on")),
        "0".to_string(),
        count_if(&format!("c.status IN ({open})")),
        count_if("c.crowded"),
        count_if("c.over_level"),
        "CAST(COUNT(c.rating) AS BIGINT)".to_string(),
        "CAST(COALESCE(SUM(c.rating), 0) AS BIGINT)".to_string(),
        count_if("c.rating = 1"),
        count_if("c.rating = 2"),
        count_if("c.rating = 3"),
        count_if("c.rating = 4"),
        count_if("c.rating = 5"),
    ]
}

/// The groups of the cases received from `$from` to `$to` (placeholders), counted from the
/// cases themselves.
fn counted_from_cases(from: &str, to: &str) -> String {
    let figures = named(&case_figures());
    format!(
        "SELECT u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, \
         c.kind AS kind, c.category AS category, {figures} \
         FROM citizen_case c JOIN unit u ON u.id = c.unit_id \
         WHERE u.path >= $1 AND u.path < $2 AND c.received_on >= {from} AND c.received_on <= {to} \
         GROUP BY u.id, u.code, u.name, u.path, c.kind, c.category"
    )
}

/// `expr AS figure, …` in [`FIGURES`]' order.
fn named(exprs: &[String]) -> String {
    exprs.iter().zip(FIGURES).map(|(e, name)| format!("{e} AS {name}")).collect::<Vec<_>>().join(", ")
}

/// The query: the whole months of the period from the summary, the days before and after them
/// from the cases, and the open cases overdue today from the partial index of open cases.
/// `$1`/`$2` bound the subtree's paths, `$3`/`$4` the months, `$5`–`$8` the two runs of days,
/// `$9`/`$10` the period and `$11` today.
fn groups_query() -> String {
    let open = code_list(&CaseStatus::OPEN);
    let from_summary = named(&FIGURES.map(|f| if f == "open_overdue" { "0".to_string() } else { format!("s.{f}") }));
    let overdue =
        named(&FIGURES.map(|f| if f == "open_overdue" { "CAST(COUNT(*) AS BIGINT)" } else { "0" }.to_string()));
    let sums = FIGURES.map(|f| format!("CAST(SUM(g.{f}) AS BIGINT) AS {f}")).join(", ");
    format!(
        "SELECT g.unit_id, g.unit_code, g.unit_name, g.unit_path, g.kind, g.category, {sums} FROM ( \
         SELECT u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, \
         s.kind AS kind, s.category AS category, {from_summary} \
         FROM case_month s JOIN unit u ON u.id = s.unit_id \
         WHERE u.path >= $1 AND u.path < $2 AND s.month >= $3 AND s.month <= $4 \
         UNION ALL {before} UNION ALL {after} UNION ALL \
         SELECT u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, \
         c.kind AS kind, c.category AS category, {overdue} \
         FROM citizen_case c JOIN unit u ON u.id = c.unit_id \
         WHERE u.path >= $1 AND u.path < $2 AND c.status IN ({open}) AND c.received_on >= $9 \
         AND c.received_on <= $10 AND c.due_on < $11 \
         GROUP BY u.id, u.code, u.name, u.path, c.kind, c.category \
         ) g GROUP BY g.unit_id, g.unit_code, g.unit_name, g.unit_path, g.kind, g.category",
        before = counted_from_cases("$5", "$6"),
        after = counted_from_cases("$7", "$8"),
    )
}

/// How a period splits: the whole months in it (`'YYYY-MM'`, first and last; the first after
/// the last when there is none), and the days before and after them (empty runs end before
/// they start).
#[derive(Debug, PartialEq, Eq)]
struct PeriodParts {
    months: (String, String),
    before: (NaiveDate, NaiveDate),
    after: (NaiveDate, NaiveDate),
}

fn split_period(from: NaiveDate, to: NaiveDate) -> PeriodParts {
    let month_start = |d: NaiveDate| d.with_day(1).unwrap_or(d);
    let month_end = |d: NaiveDate| {
        let next = month_start(d).checked_add_months(Months::new(1)).unwrap_or(NaiveDate::MAX);
        next.pred_opt().unwrap_or(d)
    };
    // The first day of the first whole month, and the last day of the last one.
    let first = if from == month_start(from) { from } else { month_end(from).succ_opt().unwrap_or(NaiveDate::MAX) };
    let last = if to == month_end(to) { to } else { month_start(to).pred_opt().unwrap_or(NaiveDate::MIN) };
    let empty = (to.succ_opt().unwrap_or(to), to);
    if first > last {
        return PeriodParts { months: ("9999-12".into(), "0000-01".into()), before: (from, to), after: empty };
    }
    let ym = |d: NaiveDate| d.format("%Y-%m").to_string();
    PeriodParts {
        months: (ym(first), ym(last)),
        before: if from < first { (from, first.pred_opt().unwrap_or(first)) } else { empty },
        after: if last < to { (last.succ_opt().unwrap_or(last), to) } else { empty },
    }
}

impl Store {
    /// The cases of `unit`'s subtree received from `from` to `to`, per unit, kind and category;
    /// open cases count as overdue when their next step was due before `today`.
    pub async fn case_groups(
        &self,
        unit: &UnitRow,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<CaseGroupRow>> {
        let (low, high) = subtree_bounds(&unit.path);
        let parts = split_period(from, to);
        let sql = groups_query();
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CaseGroupRow>(sqlx::AssertSqlSafe(sql))
                .bind(&low)
                .bind(&high)
                .bind(&parts.months.0)
                .bind(&parts.months.1)
                .bind(parts.before.0)
                .bind(parts.before.1)
                .bind(parts.after.0)
                .bind(parts.after.1)
                .bind(from)
                .bind(to)
                .bind(today)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }
}

impl Store {
    /// How many groups of the summary `case_month` differ from a count of the cases now (a
    /// group missing on either side counts): zero unless a change of `citizen_case` bypassed
    /// its triggers. A check for tests and for an operator who suspects the summary.
    pub async fn case_month_drift(&self) -> Result<i64> {
        let month = match self.backend() {
            Backend::Sqlite => "substr(c.received_on, 1, 7)",
            Backend::Postgres => "to_char(c.received_on, 'YYYY-MM')",
        };
        let stored: Vec<&str> = FIGURES.into_iter().filter(|f| *f != "open_overdue").collect();
        let counted: Vec<String> =
            FIGURES.into_iter().zip(case_figures()).filter(|(f, _)| *f != "open_overdue").map(|(_, e)| e).collect();
        let summary = format!("SELECT unit_id, month, kind, category, {} FROM case_month", stored.join(", "));
        let recount = format!(
            "SELECT c.unit_id, {month}, c.kind, c.category, {} FROM citizen_case c \
             GROUP BY c.unit_id, {month}, c.kind, c.category",
            counted.join(", ")
        );
        let sql = format!(
            "SELECT (SELECT COUNT(*) FROM ({summary} EXCEPT {recount}) a) + \
             (SELECT COUNT(*) FROM ({recount} EXCEPT {summary}) b)"
        );
        let drift = dispatch!(self, read, pool => {
            sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql)).fetch_one(pool).await?
        });
        Ok(drift)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn a_year_is_twelve_whole_months() {
        let p = split_period(d("2026-01-01"), d("2026-12-31"));
        assert_eq!(p.months, ("2026-01".to_string(), "2026-12".to_string()));
        assert!(p.before.0 > p.before.1 && p.after.0 > p.after.1, "{p:?}");
    }

    #[test]
    fn the_days_around_whole_months_are_counted_from_the_cases() {
        let p = split_period(d("2026-01-15"), d("2026-04-10"));
        assert_eq!(p.months, ("2026-02".to_string(), "2026-03".to_string()));
        assert_eq!(p.before, (d("2026-01-15"), d("2026-01-31")));
        assert_eq!(p.after, (d("2026-04-01"), d("2026-04-10")));
        let leap = split_period(d("2024-01-31"), d("2024-02-29"));
        assert_eq!(leap.months, ("2024-02".to_string(), "2024-02".to_string()));
        assert_eq!(leap.before, (d("2024-01-31"), d("2024-01-31")));
    }

    #[test]
    fn a_period_within_one_month_is_counted_from_the_cases() {
        let p = split_period(d("2026-03-02"), d("2026-03-30"));
        assert!(p.months.0 > p.months.1, "{p:?}");
        assert_eq!(p.before, (d("2026-03-02"), d("2026-03-30")));
        assert!(p.after.0 > p.after.1, "{p:?}");
    }
}
