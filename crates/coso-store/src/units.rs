//! Units: the official list, the tree for any date, search, and units created by officials.

use std::collections::HashMap;

use chrono::NaiveDate;
use coso_domain::official::{official_units, official_valid_from};
use coso_domain::unit::{NewUnit, SuccessionKind, UnitKind};
use coso_domain::unit_path::UnitPath;
use coso_domain::{RowError, UnitId};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::rows::{Page, clamp_limit, search_text, word_prefix_pattern};
use crate::{Result, Store};

/// A stored unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct UnitRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    #[sqlx(try_from = "Code<UnitKind>")]
    pub kind: UnitKind,
    pub parent_id: Option<i64>,
    pub parent_code: Option<String>,
    pub path: String,
    pub official: bool,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

impl UnitRow {
    pub fn unit_id(&self) -> UnitId {
        UnitId(self.id)
    }

    pub fn unit_path(&self) -> UnitPath {
        UnitPath::from_stored(self.path.clone())
    }

    pub fn unit_kind(&self) -> UnitKind {
        self.kind
    }

    /// The Vietnamese name of the kind.
    pub fn kind_label(&self) -> &'static str {
        self.kind.label()
    }
}

/// Filters of a unit search. Text is matched without diacritics, word by word.
#[derive(Debug, Clone, Default)]
pub struct UnitSearch {
    pub q: Option<String>,
    pub kind: Option<UnitKind>,
    pub parent_id: Option<i64>,
    /// Only units under this path (a subtree search).
    pub within: Option<String>,
    /// The date the tree is asked for; today by default.
    pub on: Option<NaiveDate>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

/// What `load_official` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LoadReport {
    pub inserted: u64,
    pub already_present: u64,
}

/// Sets the path of every unit inserted with an empty one, level by level from the root.
macro_rules! fill_paths {
    ($conn:expr) => {{
        sqlx::query("UPDATE unit SET path = '/' || CAST(id AS TEXT) || '/' WHERE path = '' AND parent_id IS NULL")
            .execute(&mut *$conn)
            .await?;
        loop {
            let n = sqlx::query(
                "UPDATE unit SET path = (SELECT p.path FROM unit p WHERE p.id = unit.parent_id) || CAST(id AS TEXT) || '/' \
                 WHERE path = '' AND parent_id IN (SELECT id FROM unit WHERE path <> '')",
            )
            .execute(&mut *$conn)
            .await?
            .rows_affected();
            if n == 0 {
                break;
            }
        }
    }};
}

macro_rules! unit_select {
    ($tail:literal) => {
        concat!(
            "SELECT u.id, u.code, u.name, u.kind, u.parent_id, p.code AS parent_code, u.path, u.official, \
             u.valid_from, u.valid_to FROM unit u LEFT JOIN unit p ON p.id = u.parent_id ",
            $tail
        )
    };
    // The columns only, followed by more (the caller writes FROM and the joins).
    ($more:literal, columns) => {
        concat!("SELECT u.id, u.code, u.name, u.kind, u.parent_id, p.code AS parent_code, u.path, u.official, u.valid_from, u.valid_to", $more)
    };
}

/// A unit and the number of all matches of its search.
#[derive(sqlx::FromRow)]
struct Counted {
    #[sqlx(flatten)]
    unit: UnitRow,
    total: i64,
}

/// How many words of a query are matched; further words are ignored.
const MAX_TERMS: usize = 5;

impl Store {
    /// Loads the official 34 provinces and 3,321 communes. Units already present (same code
    /// and start date) are left alone, so running it twice changes nothing.
    pub async fn load_official_units(&self, actor: &Actor) -> Result<LoadReport> {
        let units = official_units();
        let valid_from = official_valid_from();
        let now = self.clock.now();
        let report = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let mut inserted = 0u64;
            let mut ids: HashMap<String, i64> = HashMap::new();
            for level in [true, false] {
                for chunk in units.iter().filter(|u| u.parent_code.is_none() == level).collect::<Vec<_>>().chunks(400) {
                    let mut qb = sqlx::QueryBuilder::new(
                        "INSERT INTO unit (code, name, kind, parent_id, official, valid_from, search_text, sort_key, created_at, updated_at) ",
                    );
                    qb.push_values(chunk, |mut b, u| {
                        let parent = u.parent_code.and_then(|c| ids.get(c).copied());
                        b.push_bind(u.code)
                            .push_bind(u.name)
                            .push_bind(u.kind.as_str())
                            .push_bind(parent)
                            .push_bind(true)
                            .push_bind(valid_from)
                            .push_bind(search_text(&[u.name, u.code]))
                            .push_bind(coso_text::sort_key(coso_domain::unit::sort_name(u.name)))
                            .push_bind(now)
                            .push_bind(now);
                    });
                    qb.push(" ON CONFLICT (code, valid_from) DO NOTHING");
                    inserted += qb.build().execute(&mut *tx).await?.rows_affected();
                }
                if level {
                    let rows: Vec<(String, i64)> =
                        sqlx::query_as("SELECT code, id FROM unit WHERE kind = 'province' AND valid_from = $1")
                            .bind(valid_from)
                            .fetch_all(&mut *tx)
                            .await?;
                    ids = rows.into_iter().collect();
                }
            }
            fill_paths!(&mut *tx);
            let report = LoadReport { inserted, already_present: units.len() as u64 - inserted };
            if inserted > 0 {
                let entry = AuditEntry {
                    action: "unit.load_official",
                    entity: "unit",
                    entity_id: "official-2025-07-01".into(),
                    unit_id: None,
                    before: None,
                    after: Some(serde_json::json!({ "inserted": inserted })),
                };
                write_audit!(&mut *tx, now, actor, &entry)?;
            }
            tx.commit().await?;
            report
        });
        self.forget_kept();
        Ok(report)
    }

    /// The unit with this code that is valid today, or else its most recent version.
    pub async fn unit_by_code(&self, code: &str) -> Result<Option<UnitRow>> {
        let (kept, generation) = self.units_by_code.get(code);
        if kept.is_some() {
            return Ok(kept);
        }
        let today = self.clock.today();
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, UnitRow>(unit_select!(
                "WHERE u.code = $1 ORDER BY (u.valid_from <= $2 AND (u.valid_to IS NULL OR u.valid_to > $2)) DESC, \
                 u.valid_from DESC LIMIT 1"
            ))
            .bind(code)
            .bind(today)
            .fetch_optional(pool)
            .await?
        });
        if let Some(unit) = &row {
            self.units_by_code.put(code.to_owned(), unit.clone(), generation);
        }
        Ok(row)
    }

    pub async fn unit_by_id(&self, id: UnitId) -> Result<Option<UnitRow>> {
        let (kept, generation) = self.units_by_id.get(&id.0);
        if kept.is_some() {
            return Ok(kept);
        }
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, UnitRow>(unit_select!("WHERE u.id = $1")).bind(id.0).fetch_optional(pool).await?
        });
        if let Some(unit) = &row {
            self.units_by_id.put(id.0, unit.clone(), generation);
        }
        Ok(row)
    }

    /// The units from the root down to `unit` (inclusive), for breadcrumbs.
    pub async fn ancestors(&self, unit: &UnitRow) -> Result<Vec<UnitRow>> {
        let mut out = Vec::new();
        for id in unit.unit_path().ids() {
            if id.0 == unit.id {
                out.push(unit.clone());
            } else if let Some(u) = self.unit_by_id(id).await? {
                out.push(u);
            }
        }
        Ok(out)
    }

    /// The children of `parent` valid on `on`, in Vietnamese alphabetical order.
    pub async fn children(&self, parent: UnitId, on: NaiveDate) -> Result<Vec<UnitRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, UnitRow>(unit_select!(
                "WHERE u.parent_id = $1 AND u.valid_from <= $2 AND (u.valid_to IS NULL OR u.valid_to > $2) \
                 ORDER BY u.sort_key, u.id"
            ))
            .bind(parent.0)
            .bind(on)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The top-level units (provinces) valid on `on`.
    pub async fn roots(&self, on: NaiveDate) -> Result<Vec<UnitRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, UnitRow>(unit_select!(
                "WHERE u.parent_id IS NULL AND u.valid_from <= $1 AND (u.valid_to IS NULL OR u.valid_to > $1) \
                 ORDER BY u.sort_key, u.id"
            ))
            .bind(on)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Searches units ignoring diacritics; higher levels first, then Vietnamese order.
    pub async fn search_units(&self, s: &UnitSearch) -> Result<Page<UnitRow>> {
        let folded = s.q.as_deref().map(coso_text::fold).unwrap_or_default();
        let words: Vec<&str> = folded.split_whitespace().take(MAX_TERMS).collect();
        // SQLite: `instr(search_text, ' word') > 0` is the same test as `LIKE '% word%'` on the
        // folded (lower-case) text, at less than half the cost per row; PostgreSQL keeps LIKE.
        let sqlite = self.backend() == crate::Backend::Sqlite;
        let terms: Vec<String> =
            words.iter().map(|w| if sqlite { format!(" {w}") } else { word_prefix_pattern(w) }).collect();
        let on = s.on.unwrap_or_else(|| self.clock.today());
        let kind = s.kind.map(UnitKind::as_str);
        let within = s.within.as_deref().map(|p| format!("{}%", p.replace(['%', '_'], "")));
        let limit = clamp_limit(s.limit, 50);
        let offset = s.offset.unwrap_or(0).max(0);
        let page = dispatch!(self, read, pool => {
            // Only the filters in use go into the SQL (an unused LIKE still costs a scan step).
            macro_rules! filters {
                ($qb:expr) => {{
                    $qb.push(" WHERE u.valid_from <= ").push_bind(on);
                    $qb.push(" AND (u.valid_to IS NULL OR u.valid_to > ").push_bind(on).push(")");
                    if let Some(k) = kind {
                        $qb.push(" AND u.kind = ").push_bind(k);
                    }
                    if let Some(p) = s.parent_id {
                        $qb.push(" AND u.parent_id = ").push_bind(p);
                    }
                    if let Some(w) = &within {
                        $qb.push(" AND u.path LIKE ").push_bind(w.as_str());
                    }
                    for t in &terms {
                        if sqlite {
                            $qb.push(" AND instr(u.search_text, ").push_bind(t.as_str()).push(") > 0");
                        } else {
                            $qb.push(" AND u.search_text LIKE ").push_bind(t.as_str()).push(" ESCAPE '\\'");
                        }
                    }
                }};
            }
            // The total comes with the page (a window count over the matches, taken before
            // LIMIT), so the matches are scanned once.
            let mut qb = sqlx::QueryBuilder::new(unit_select!(", COUNT(*) OVER () AS total", columns));
            qb.push(" FROM unit u LEFT JOIN unit p ON p.id = u.parent_id");
            filters!(qb);
            qb.push(" ORDER BY length(u.path), u.sort_key, u.id LIMIT ").push_bind(limit).push(" OFFSET ").push_bind(offset);
            let rows: Vec<Counted> = qb.build_query_as().fetch_all(pool).await?;
            let total = match rows.first() {
                Some(r) => r.total,
                None if offset == 0 => 0,
                // A page past the end: count the matches on their own.
                None => {
                    let mut qb = sqlx::QueryBuilder::new("SELECT COUNT(*) FROM unit u");
                    filters!(qb);
                    qb.build_query_scalar::<i64>().fetch_one(pool).await?
                }
            };
            Page { items: rows.into_iter().map(|r| r.unit).collect(), total }
        });
        Ok(page)
    }

    /// Counts of units valid today, by kind.
    pub async fn count_units_by_kind(&self) -> Result<Vec<(String, i64)>> {
        let today = self.clock.today();
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, (String, i64)>(
                "SELECT kind, COUNT(*) FROM unit WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1) \
                 GROUP BY kind ORDER BY kind",
            )
            .bind(today)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Creates units under `parent` in one transaction: all of them or none.
    pub async fn create_units(
        &self,
        parent: &UnitRow,
        units: &[(u64, NewUnit)],
        actor: &Actor,
    ) -> Result<Vec<UnitRow>> {
        let now = self.clock.now();
        let ids = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let mut ids = Vec::with_capacity(units.len());
            let mut conflicts = Vec::new();
            for (line, u) in units {
                let res = sqlx::query_scalar::<_, i64>(
                    "INSERT INTO unit (code, name, kind, parent_id, path, official, valid_from, valid_to, search_text, sort_key, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, '', $5, $6, $7, $8, $9, $10, $10) RETURNING id",
                )
                .bind(u.code.as_str())
                .bind(&u.name)
                .bind(u.kind.as_str())
                .bind(parent.id)
                .bind(false)
                .bind(u.valid_from)
                .bind(u.valid_to)
                .bind(search_text(&[&u.name, u.code.as_str()]))
                .bind(coso_text::sort_key(coso_domain::unit::sort_name(&u.name)))
                .bind(now)
                .fetch_one(&mut *tx)
                .await;
                match res {
                    Ok(id) => {
                        let path = parent.unit_path().child(UnitId(id));
                        sqlx::query("UPDATE unit SET path = $1 WHERE id = $2").bind(path.as_str()).bind(id).execute(&mut *tx).await?;
                        let entry = AuditEntry {
                            action: "unit.create",
                            entity: "unit",
                            entity_id: id.to_string(),
                            unit_id: Some(UnitId(id)),
                            before: None,
                            after: Some(serde_json::json!({
                                "code": u.code.as_str(), "name": u.name, "kind": u.kind.as_str(),
                                "parent": parent.code, "valid_from": u.valid_from, "valid_to": u.valid_to,
                            })),
                        };
                        write_audit!(&mut *tx, now, actor, &entry)?;
                        ids.push(id);
                    }
                    Err(e) if StoreError::is_unique_violation(&e) => {
                        conflicts.push(RowError {
                            line: *line,
                            field: "code".into(),
                            message: format!("Mã đơn vị «{}» đã tồn tại.", u.code),
                        });
                        // Postgres aborts the transaction on an error; nothing more can be written.
                        break;
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            if !conflicts.is_empty() {
                tx.rollback().await?;
                return Err(StoreError::Rows(conflicts));
            }
            tx.commit().await?;
            ids
        });
        self.forget_kept();
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(self.unit_by_id(UnitId(id)).await?);
        }
        Ok(out)
    }
}

/// A link from a ceased unit to a unit that took over (merge, split, rename).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Succession {
    pub predecessor_code: String,
    pub successor_code: String,
    pub successor_name: String,
    #[sqlx(try_from = "Code<SuccessionKind>")]
    pub kind: SuccessionKind,
    pub effective: NaiveDate,
}

impl Store {
    /// Records that `successor` took over from `predecessor` on `effective`.
    pub async fn record_succession(
        &self,
        predecessor: &UnitRow,
        successor: &UnitRow,
        kind: SuccessionKind,
        effective: NaiveDate,
        actor: &Actor,
    ) -> Result<()> {
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("INSERT INTO unit_succession (predecessor_id, successor_id, kind, effective) VALUES ($1, $2, $3, $4)")
                .bind(predecessor.id)
                .bind(successor.id)
                .bind(kind.as_str())
                .bind(effective)
                .execute(&mut *tx)
                .await?;
            let entry = AuditEntry {
                action: "unit.succession",
                entity: "unit",
                entity_id: predecessor.id.to_string(),
                unit_id: Some(predecessor.unit_id()),
                before: None,
                after: Some(serde_json::json!({ "successor": successor.code, "kind": kind.as_str(), "effective": effective })),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        self.forget_kept();
        Ok(())
    }

    /// The units that took over from `unit`.
    pub async fn successors(&self, unit: &UnitRow) -> Result<Vec<Succession>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, Succession>(
                "SELECT p.code AS predecessor_code, s.code AS successor_code, s.name AS successor_name, us.kind, us.effective \
                 FROM unit_succession us JOIN unit p ON p.id = us.predecessor_id JOIN unit s ON s.id = us.successor_id \
                 WHERE us.predecessor_id = $1 ORDER BY s.sort_key",
            )
            .bind(unit.id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Creates a historic unit (e.g. a former district) directly, for loading history.
    pub async fn create_historic_unit(
        &self,
        parent: Option<&UnitRow>,
        unit: &NewUnit,
        actor: &Actor,
    ) -> Result<UnitRow> {
        if let Some(p) = parent {
            return self
                .create_units(p, &[(1, unit.clone())], actor)
                .await?
                .into_iter()
                .next()
                .ok_or(StoreError::NotFound);
        }
        Err(StoreError::Conflict {
            field: "parent", message: "Đơn vị lịch sử phải có đơn vị cấp trên.".into()
        })
    }
}
