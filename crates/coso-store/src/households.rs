//! Household registers. Every read and write asks for a [`Permit`] from the domain's
//! authorization, so no handler can reach a register without having asked.

use chrono::NaiveDate;
use coso_domain::authz::{Action, Permit};
use coso_domain::household::HouseholdData;
use coso_domain::household_import::{self, ImportPlan};
use coso_domain::{HouseholdId, UnitId};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::rows::{Page, clamp_limit, search_text, word_prefix_pattern};
use crate::units::UnitRow;
use crate::{Result, Store};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct HouseholdRow {
    pub id: i64,
    pub village_id: i64,
    pub village_code: String,
    pub code: String,
    pub address: String,
    pub representative: String,
    pub member_count: i64,
    pub phone: Option<String>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

impl HouseholdRow {
    fn data(&self) -> HouseholdData {
        HouseholdData {
            code: self.code.clone(),
            address: self.address.clone(),
            representative: self.representative.clone(),
            member_count: self.member_count,
            phone: self.phone.clone(),
            valid_from: self.valid_from,
            valid_to: self.valid_to,
        }
    }
}

/// What a household import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HouseholdImportReport {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
}

const SELECT: &str = "SELECT h.id, h.village_id, v.code AS village_code, h.code, h.address, h.representative, \
    h.member_count, h.phone, h.valid_from, h.valid_to FROM household h JOIN unit v ON v.id = h.village_id ";

/// Rows per multi-row INSERT: under both backends' bind limits (12 binds a row; SQLite allows
/// 32,766 binds, PostgreSQL 65,535).
const INSERT_CHUNK: usize = 2_000;

fn check(permit: &Permit, action: Action, unit: &UnitRow) -> Result<()> {
    crate::audit::require(permit, action, unit)
}

fn require_register(unit: &UnitRow) -> Result<()> {
    if unit.kind.has_households() {
        Ok(())
    } else {
        Err(StoreError::Conflict {
            field: "village", message: "Chỉ thôn và tổ dân phố có sổ hộ gia đình.".into()
        })
    }
}

fn to_json(h: &HouseholdData) -> serde_json::Value {
    serde_json::to_value(h).unwrap_or(serde_json::Value::Null)
}

impl Store {
    /// Households in `unit`'s subtree, in Vietnamese order of the representative's name;
    /// `q` matches code, representative or address without diacritics.
    pub async fn households(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        q: Option<&str>,
        limit: Option<i64>,
        offset: Option<i64>,
    ) -> Result<Page<HouseholdRow>> {
        check(permit, Action::ReadHouseholds, unit)?;
        let prefix = format!("{}%", unit.path);
        let pattern = word_prefix_pattern(&q.map(coso_text::fold).unwrap_or_default());
        let limit = clamp_limit(limit, 50);
        let offset = offset.unwrap_or(0).max(0);
        let page = dispatch!(self, read, pool => {
            let items: Vec<HouseholdRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{SELECT} WHERE v.path LIKE $1 AND h.search_text LIKE $2 ESCAPE '\\' ORDER BY h.sort_key, h.id LIMIT $3 OFFSET $4"
            )))
            .bind(&prefix)
            .bind(&pattern)
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await?;
            let total: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM household h JOIN unit v ON v.id = h.village_id WHERE v.path LIKE $1 AND h.search_text LIKE $2 ESCAPE '\\'",
            )
            .bind(&prefix)
            .bind(&pattern)
            .fetch_one(pool)
            .await?;
            Page { items, total }
        });
        Ok(page)
    }

    /// Adds one household to a village register.
    pub async fn create_household(
        &self,
        permit: &Permit,
        village: &UnitRow,
        h: &HouseholdData,
        actor: &Actor,
    ) -> Result<HouseholdId> {
        check(permit, Action::ManageHouseholds, village)?;
        require_register(village)?;
        match self.import_plan(village, household_import::plan(vec![], vec![(2, h.clone())]), actor, true).await {
            Ok(mut ids) => ids.pop().map(HouseholdId).ok_or(StoreError::NotFound),
            Err(StoreError::Database(e)) if StoreError::is_unique_violation(&e) => Err(StoreError::Conflict {
                field: "code",
                message: format!("Mã hộ «{}» đã có trong sổ.", h.code),
            }),
            Err(e) => Err(e),
        }
    }

    /// Imports households into a village register, keyed by household code: new codes are
    /// added, changed ones updated, the rest left alone. One transaction: all or nothing.
    pub async fn import_households(
        &self,
        permit: &Permit,
        village: &UnitRow,
        rows: Vec<(u64, HouseholdData)>,
        actor: &Actor,
    ) -> Result<HouseholdImportReport> {
        check(permit, Action::ManageHouseholds, village)?;
        require_register(village)?;
        // Should another import add the same code between this read and the write, the
        // unique (village, code) index fails the transaction and nothing is written.
        let existing = self.register_of(village.unit_id()).await?;
        let plan = household_import::plan(existing, rows);
        let report = HouseholdImportReport {
            inserted: plan.insert.len(),
            updated: plan.update.len(),
            unchanged: plan.unchanged,
        };
        self.import_plan(village, plan, actor, false).await?;
        Ok(report)
    }

    async fn register_of(&self, village: UnitId) -> Result<Vec<(i64, HouseholdData)>> {
        let rows: Vec<HouseholdRow> = dispatch!(self, write, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE h.village_id = $1")))
                .bind(village.0)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(|r| (r.id, r.data())).collect())
    }

    async fn import_plan(&self, village: &UnitRow, plan: ImportPlan, actor: &Actor, single: bool) -> Result<Vec<i64>> {
        if plan.insert.is_empty() && plan.update.is_empty() {
            return Ok(vec![]);
        }
        let now = self.clock.now();
        let entry = AuditEntry {
            action: if single { "household.create" } else { "household.import" },
            entity: "household",
            entity_id: if single {
                plan.insert.first().map(|h| h.code.clone()).unwrap_or_default()
            } else {
                village.code.clone()
            },
            unit_id: Some(village.unit_id()),
            before: (!plan.update.is_empty())
                .then(|| serde_json::Value::Array(plan.update.iter().map(|(_, b, _)| to_json(b)).collect())),
            after: Some(if single {
                plan.insert.first().map(to_json).unwrap_or_default()
            } else {
                serde_json::json!({
                    "inserted": plan.insert.iter().map(|h| h.code.as_str()).collect::<Vec<_>>(),
                    "updated": plan.update.iter().map(|(_, _, a)| to_json(a)).collect::<Vec<_>>(),
                    "unchanged": plan.unchanged,
                })
            }),
        };
        // The search text and sort key of each row, computed before the single writer is taken.
        let insert_keys: Vec<(String, String)> =
            plan.insert.iter().map(|h| (household_search_text(h), coso_text::sort_key(&h.representative))).collect();
        let ids = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let mut ids = Vec::new();
            for (chunk, keys) in plan.insert.chunks(INSERT_CHUNK).zip(insert_keys.chunks(INSERT_CHUNK)) {
                let mut qb = sqlx::QueryBuilder::new(
                    "INSERT INTO household (village_id, code, address, representative, member_count, phone, valid_from, valid_to, search_text, sort_key, created_at, updated_at) ",
                );
                qb.push_values(chunk.iter().zip(keys), |mut b, (h, (search, sort))| {
                    b.push_bind(village.id)
                        .push_bind(&h.code)
                        .push_bind(&h.address)
                        .push_bind(&h.representative)
                        .push_bind(h.member_count)
                        .push_bind(&h.phone)
                        .push_bind(h.valid_from)
                        .push_bind(h.valid_to)
                        .push_bind(search)
                        .push_bind(sort)
                        .push_bind(now)
                        .push_bind(now);
                });
                if single {
                    qb.push(" RETURNING id");
                    let mut chunk_ids: Vec<i64> = qb.build_query_scalar().fetch_all(&mut *tx).await?;
                    ids.append(&mut chunk_ids);
                } else {
                    qb.build().execute(&mut *tx).await?;
                }
            }
            for (id, _, h) in &plan.update {
                sqlx::query(
                    "UPDATE household SET address = $1, representative = $2, member_count = $3, phone = $4, valid_from = $5, \
                     valid_to = $6, search_text = $7, sort_key = $8, updated_at = $9 WHERE id = $10",
                )
                .bind(&h.address)
                .bind(&h.representative)
                .bind(h.member_count)
                .bind(&h.phone)
                .bind(h.valid_from)
                .bind(h.valid_to)
                .bind(household_search_text(h))
                .bind(coso_text::sort_key(&h.representative))
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            ids
        });
        Ok(ids)
    }

    /// Number of households in `unit`'s subtree (public figure: no names).
    pub async fn household_count(&self, unit: &UnitRow) -> Result<i64> {
        let prefix = format!("{}%", unit.path);
        let (low, high) = path_range(&unit.path);
        let n = dispatch!(self, read, pool => {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM household h JOIN unit v ON v.id = h.village_id \
                 WHERE v.path LIKE $1 AND v.path >= $2 AND v.path < $3",
            )
            .bind(&prefix)
            .bind(low)
            .bind(&high)
            .fetch_one(pool)
            .await?
        });
        Ok(n)
    }
}

/// The bounds of the paths in a subtree, `[path, path with its final '/' raised to '0')`: the
/// same rows as `LIKE 'path%'` for paths of digits and '/', in a form SQLite answers from the
/// `unit_path` index (its LIKE is case-insensitive and cannot use a BINARY index). PostgreSQL's
/// `path` is `COLLATE "C"`, so byte order holds there too.
fn path_range(path: &str) -> (&str, String) {
    let high = match path.strip_suffix('/') {
        Some(head) => format!("{head}0"),
        None => format!("{path}\u{10FFFF}"),
    };
    (path, high)
}

fn household_search_text(h: &HouseholdData) -> String {
    search_text(&[&h.code, &h.representative, &h.address])
}
