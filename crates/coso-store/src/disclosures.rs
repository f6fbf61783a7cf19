//! The disclosure register: the catalogue of required items (synchronised from the shipped data
//! when the store migrates), a unit's disclosures with their broadcast days, files and village
//! relays, and the rows the compliance views and the report pre-fill count. Every change asks
//! for a [`Permit`] and writes its audit row in the same transaction.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::authz::{Action, Permit};
use coso_domain::disclosure::{Catalogue, DisclosureData, Form, Level, RelayData, RelayMethod};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::case_queries::subtree_bounds;
use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::evidence::sha256_hex;
use crate::rows::{search_text, word_prefix_pattern};
use crate::units::UnitRow;
use crate::{Result, Store};

/// Writes a disclosure's files with their SHA-256, in the caller's transaction.
macro_rules! insert_files {
    ($conn:expr, $disclosure:expr, $files:expr, $at:expr) => {{
        for f in $files {
            sqlx::query(
                "INSERT INTO disclosure_file (disclosure_id, kind, file_name, content_type, size, sha256, data, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind($disclosure)
            .bind(f.kind)
            .bind(&f.file_name)
            .bind(f.content_type)
            .bind(i64::try_from(f.data.len()).unwrap_or(i64::MAX))
            .bind(sha256_hex(&f.data))
            .bind(&f.data)
            .bind($at)
            .execute($conn)
            .await?;
        }
    }};
}

/// A stored item of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DisclosureItemRow {
    pub id: i64,
    pub catalogue: String,
    #[sqlx(try_from = "Code<Level>")]
    pub level: Level,
    pub number: i64,
    pub title: String,
    pub legal_basis: String,
    pub radio_required: bool,
    pub verified: bool,
    pub note: Option<String>,
    pub indicator: String,
}

/// A stored disclosure with its item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DisclosureRow {
    pub id: i64,
    pub unit_id: i64,
    pub item_id: i64,
    #[sqlx(try_from = "Code<Level>")]
    pub level: Level,
    pub item_number: i64,
    pub item_title: String,
    pub radio_required: bool,
    pub title: String,
    pub content: String,
    pub legal_basis: Option<String>,
    /// Comma-separated form codes; read with [`DisclosureRow::forms`].
    pub forms: String,
    pub other_form_basis: Option<String>,
    pub place: Option<String>,
    pub posted_from: NaiveDate,
    pub posted_to: Option<NaiveDate>,
    pub convention_vote_on: Option<NaiveDate>,
    /// The day its content was adopted, issued or received (PUB-6), if known.
    pub adopted_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl DisclosureRow {
    /// The forms, in the law's order; a code the domain does not know is logged and skipped
    /// (it cannot be written: the domain refuses it).
    pub fn forms(&self) -> Vec<Form> {
        forms_of(&self.forms)
    }
}

/// The forms of a stored comma-separated list.
pub fn forms_of(stored: &str) -> Vec<Form> {
    stored.split(',').filter(|c| !c.is_empty()).filter_map(|c| crate::codes::decode::<Form>(c).ok()).collect()
}

fn forms_code(forms: &[Form]) -> String {
    forms.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(",")
}

/// A file of a disclosure, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DisclosureFileMeta {
    pub id: i64,
    pub disclosure_id: i64,
    /// `attachment` or `photo`.
    pub kind: String,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
}

/// A file to store with a disclosure (already checked, a photo already without metadata).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDisclosureFile {
    /// `attachment` or `photo`.
    pub kind: &'static str,
    pub file_name: String,
    pub content_type: &'static str,
    pub data: Vec<u8>,
}

/// A village's relay of a disclosure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct RelayRow {
    pub disclosure_id: i64,
    pub village_id: i64,
    pub village_code: String,
    pub village_name: String,
    #[sqlx(try_from = "Code<RelayMethod>")]
    pub method: RelayMethod,
    pub relayed_on: NaiveDate,
    pub note: Option<String>,
    pub recorded_by: String,
}

/// One disclosure of a subtree in a period, as the compliance view reads it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DisclosedRow {
    pub unit_id: i64,
    pub disclosure_id: i64,
    pub item_number: i64,
    pub posted_from: NaiveDate,
    pub posted_to: Option<NaiveDate>,
    pub forms: String,
    pub radio_required: bool,
    /// Radio days recorded.
    pub broadcasts: i64,
    /// What its due date is counted from (PUB-6, PUB-7).
    pub adopted_on: Option<NaiveDate>,
    pub convention_vote_on: Option<NaiveDate>,
}

/// A unit of a subtree that keeps a register (a commune, ward, special zone or agency).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct RegisterUnitRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub parent_id: Option<i64>,
}

/// A page of a unit's disclosures.
#[derive(Debug, Clone, Default)]
pub struct DisclosureFilter {
    /// A folded search over title and content, matching word starts.
    pub q: Option<String>,
    /// Only those still current on this day (posting not ended), or only past ones.
    pub current_on: Option<(NaiveDate, bool)>,
    pub limit: i64,
    pub offset: i64,
}

const DISCLOSURE_SELECT: &str = "SELECT d.id, d.unit_id, d.item_id, i.level, i.number AS item_number, \
    i.title AS item_title, i.radio_required, d.title, d.content, d.legal_basis, d.forms, d.other_form_basis, \
    d.place, d.posted_from, d.posted_to, d.convention_vote_on, d.adopted_on, d.created_at, d.updated_at \
    FROM disclosure d JOIN disclosure_item i ON i.id = d.item_id ";

fn check(permit: &Permit, unit: &UnitRow) -> Result<()> {
    crate::audit::require(permit, Action::ManageDisclosures, unit)
}

fn to_json<T: Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// What the audit log keeps of a disclosure: its fields, the forms by their Vietnamese names
/// (the log is read by people).
fn data_json(data: &DisclosureData) -> serde_json::Value {
    let mut v = to_json(data);
    if let Some(map) = v.as_object_mut() {
        let forms: Vec<&str> = data.forms.iter().map(|f| f.label()).collect();
        map.insert("forms".into(), to_json(&forms));
    }
    v
}

fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
}

impl Store {
    /// Writes the shipped catalogue into `disclosure_item`, adding new items and updating the
    /// text of known ones (ids stay, so disclosures keep their item).
    pub async fn sync_disclosure_catalogue(&self, catalogue: &Catalogue) -> Result<()> {
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            for item in &catalogue.items {
                sqlx::query(
                    "INSERT INTO disclosure_item (catalogue, level, number, title, legal_basis, radio_required, verified, note, indicator) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                     ON CONFLICT (catalogue, level, number) DO UPDATE SET title = excluded.title, \
                     legal_basis = excluded.legal_basis, radio_required = excluded.radio_required, \
                     verified = excluded.verified, note = excluded.note, indicator = excluded.indicator",
                )
                .bind(&catalogue.catalogue)
                .bind(item.level.as_str())
                .bind(i64::from(item.number))
                .bind(&item.title)
                .bind(&item.legal_basis)
                .bind(item.radio_required)
                .bind(item.verified)
                .bind(&item.note)
                .bind(&item.indicator)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// The items of a catalogue version at one level, by number.
    pub async fn disclosure_items(&self, catalogue: &str, level: Level) -> Result<Vec<DisclosureItemRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT id, catalogue, level, number, title, legal_basis, radio_required, verified, note, indicator \
                 FROM disclosure_item WHERE catalogue = $1 AND level = $2 ORDER BY number",
            )
            .bind(catalogue)
            .bind(level.as_str())
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Records a disclosure of `unit` for the catalogue item `item_id`, with its broadcast days
    /// and files, and its audit row, in one transaction.
    pub async fn insert_disclosure(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        item_id: i64,
        data: &DisclosureData,
        files: &[NewDisclosureFile],
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let search = search_text(&[&data.title, &data.content]);
        let forms = forms_code(&data.forms);
        let file_names: Vec<&str> = files.iter().map(|f| f.file_name.as_str()).collect();
        let mut entry = AuditEntry {
            action: "disclosure.record",
            entity: "disclosure",
            entity_id: String::new(),
            unit_id: Some(unit.unit_id()),
            before: None,
            after: Some(serde_json::json!({ "disclosure": data_json(data), "files": file_names })),
        };
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO disclosure (unit_id, item_id, title, content, legal_basis, forms, other_form_basis, place, \
                 posted_from, posted_to, convention_vote_on, search_text, created_at, updated_at, adopted_on) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14) RETURNING id",
            )
            .bind(unit.id)
            .bind(item_id)
            .bind(&data.title)
            .bind(&data.content)
            .bind(&data.legal_basis)
            .bind(&forms)
            .bind(&data.other_form_basis)
            .bind(&data.place)
            .bind(data.posted_from)
            .bind(data.posted_to)
            .bind(data.convention_vote_on)
            .bind(&search)
            .bind(now)
            .bind(data.adopted_on)
            .fetch_one(&mut *tx)
            .await?;
            for day in &data.broadcast_days {
                sqlx::query("INSERT INTO disclosure_broadcast (disclosure_id, aired_on) VALUES ($1, $2)")
                    .bind(id)
                    .bind(*day)
                    .execute(&mut *tx)
                    .await?;
            }
            insert_files!(&mut *tx, id, files, now);
            entry.entity_id = id.to_string();
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// Replaces what a disclosure says (its files and relays stay); `before` is what the audit
    /// row records as the previous state.
    pub async fn update_disclosure(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        before: &DisclosureRow,
        item_id: i64,
        data: &DisclosureData,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        if before.unit_id != unit.id {
            return Err(StoreError::NotFound);
        }
        let now = self.clock.now();
        let search = search_text(&[&data.title, &data.content]);
        let forms = forms_code(&data.forms);
        let entry = AuditEntry {
            action: "disclosure.update",
            entity: "disclosure",
            entity_id: before.id.to_string(),
            unit_id: Some(unit.unit_id()),
            before: Some(to_json(&serde_json::json!({ "title": before.title, "item": before.item_number,
                "posted_from": before.posted_from, "posted_to": before.posted_to }))),
            after: Some(data_json(data)),
        };
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE disclosure SET item_id = $1, title = $2, content = $3, legal_basis = $4, forms = $5, \
                 other_form_basis = $6, place = $7, posted_from = $8, posted_to = $9, convention_vote_on = $10, \
                 search_text = $11, updated_at = $12, adopted_on = $13 WHERE id = $14 AND unit_id = $15",
            )
            .bind(item_id)
            .bind(&data.title)
            .bind(&data.content)
            .bind(&data.legal_basis)
            .bind(&forms)
            .bind(&data.other_form_basis)
            .bind(&data.place)
            .bind(data.posted_from)
            .bind(data.posted_to)
            .bind(data.convention_vote_on)
            .bind(&search)
            .bind(now)
            .bind(data.adopted_on)
            .bind(before.id)
            .bind(unit.id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("DELETE FROM disclosure_broadcast WHERE disclosure_id = $1").bind(before.id).execute(&mut *tx).await?;
            for day in &data.broadcast_days {
                sqlx::query("INSERT INTO disclosure_broadcast (disclosure_id, aired_on) VALUES ($1, $2)")
                    .bind(before.id)
                    .bind(*day)
                    .execute(&mut *tx)
                    .await?;
            }
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Adds files to a disclosure of `unit`.
    pub async fn add_disclosure_files(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        disclosure_id: i64,
        files: &[NewDisclosureFile],
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let now = self.clock.now();
        let names: Vec<(&str, &str)> = files.iter().map(|f| (f.kind, f.file_name.as_str())).collect();
        let entry = AuditEntry {
            action: "disclosure.file_add",
            entity: "disclosure",
            entity_id: disclosure_id.to_string(),
            unit_id: Some(unit.unit_id()),
            before: None,
            after: Some(to_json(&names)),
        };
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let owner: Option<i64> = sqlx::query_scalar("SELECT id FROM disclosure WHERE id = $1 AND unit_id = $2")
                .bind(disclosure_id)
                .bind(unit.id)
                .fetch_optional(&mut *tx)
                .await?;
            if owner.is_none() {
                return Err(StoreError::NotFound);
            }
            insert_files!(&mut *tx, disclosure_id, files, now);
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// One disclosure.
    pub async fn disclosure(&self, id: i64) -> Result<Option<DisclosureRow>> {
        let sql = format!("{DISCLOSURE_SELECT} WHERE d.id = $1");
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(pool).await?
        });
        Ok(row)
    }

    /// A page of a unit's disclosures, newest first, and whether another page follows.
    pub async fn disclosures_of_unit(&self, unit_id: i64, f: &DisclosureFilter) -> Result<(Vec<DisclosureRow>, bool)> {
        let pattern = word_prefix_pattern(&f.q.as_deref().map(coso_text::fold).unwrap_or_default());
        let limit = f.limit.clamp(1, 200);
        // 0: all; 1: current on $3 (not ended before it); 2: past.
        let (mode, on) = match f.current_on {
            None => (0_i64, NaiveDate::default()),
            Some((day, true)) => (1, day),
            Some((day, false)) => (2, day),
        };
        let sql = format!(
            "{DISCLOSURE_SELECT} WHERE d.unit_id = $1 AND d.search_text LIKE $2 ESCAPE '\\' \
             AND ($3 = 0 OR ($3 = 1 AND (d.posted_to IS NULL OR d.posted_to >= $4)) OR ($3 = 2 AND d.posted_to < $4)) \
             ORDER BY d.posted_from DESC, d.id DESC LIMIT $5 OFFSET $6"
        );
        let mut rows: Vec<DisclosureRow> = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(unit_id)
                .bind(&pattern)
                .bind(mode)
                .bind(on)
                .bind(limit + 1)
                .bind(f.offset.max(0))
                .fetch_all(pool)
                .await?
        });
        let more = rows.len() as i64 > limit;
        rows.truncate(usize::try_from(limit).unwrap_or(0));
        Ok((rows, more))
    }

    /// The broadcast days of some disclosures, by disclosure then day.
    pub async fn disclosure_broadcasts(&self, ids: &[i64]) -> Result<Vec<(i64, NaiveDate)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT disclosure_id, aired_on FROM disclosure_broadcast WHERE disclosure_id IN ({}) \
             ORDER BY disclosure_id, aired_on",
            id_list(ids)
        );
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(pool).await?
        });
        Ok(rows)
    }

    /// The files of some disclosures, without their bytes, in the order they were added.
    pub async fn disclosure_files(&self, ids: &[i64]) -> Result<Vec<DisclosureFileMeta>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT id, disclosure_id, kind, file_name, content_type, size, sha256 FROM disclosure_file \
             WHERE disclosure_id IN ({}) ORDER BY disclosure_id, id",
            id_list(ids)
        );
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(pool).await?
        });
        Ok(rows)
    }

    /// A file of a disclosure with its bytes.
    pub async fn disclosure_file(
        &self,
        disclosure_id: i64,
        file_id: i64,
    ) -> Result<Option<(DisclosureFileMeta, Vec<u8>)>> {
        #[derive(sqlx::FromRow)]
        struct WithData {
            #[sqlx(flatten)]
            meta: DisclosureFileMeta,
            data: Vec<u8>,
        }
        let row: Option<WithData> = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT id, disclosure_id, kind, file_name, content_type, size, sha256, data FROM disclosure_file \
                 WHERE id = $1 AND disclosure_id = $2",
            )
            .bind(file_id)
            .bind(disclosure_id)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(|r| (r.meta, r.data)))
    }

    /// The relays recorded for some disclosures, by disclosure and village order.
    pub async fn disclosure_relays(&self, ids: &[i64]) -> Result<Vec<RelayRow>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT r.disclosure_id, r.village_id, u.code AS village_code, u.name AS village_name, r.method, \
             r.relayed_on, r.note, r.recorded_by FROM disclosure_relay r JOIN unit u ON u.id = r.village_id \
             WHERE r.disclosure_id IN ({}) ORDER BY r.disclosure_id, u.sort_key, u.id",
            id_list(ids)
        );
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(pool).await?
        });
        Ok(rows)
    }

    /// Records (or corrects) how `village` was told of a disclosure. The permit is the village
    /// head's to relay on the village.
    pub async fn record_relay(
        &self,
        permit: &Permit,
        village: &UnitRow,
        disclosure_id: i64,
        relay: &RelayData,
        actor: &Actor,
    ) -> Result<()> {
        if !permit.covers(Action::RelayDisclosures, &village.unit_path()) {
            return Err(StoreError::Forbidden);
        }
        let now = self.clock.now();
        let entry = AuditEntry {
            action: "disclosure.relay",
            entity: "disclosure",
            entity_id: disclosure_id.to_string(),
            unit_id: Some(village.unit_id()),
            before: None,
            after: Some(serde_json::json!({ "method": relay.method.label(), "relayed_on": relay.relayed_on,
                "note": relay.note })),
        };
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO disclosure_relay (disclosure_id, village_id, method, relayed_on, note, recorded_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (disclosure_id, village_id) DO UPDATE SET \
                 method = excluded.method, relayed_on = excluded.relayed_on, note = excluded.note, \
                 recorded_by = excluded.recorded_by, created_at = excluded.created_at",
            )
            .bind(disclosure_id)
            .bind(village.id)
            .bind(relay.method.as_str())
            .bind(relay.relayed_on)
            .bind(&relay.note)
            .bind(&actor.label)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The units of `unit`'s subtree (itself included) that keep a register, valid on `on`.
    pub async fn register_units(&self, unit: &UnitRow, on: NaiveDate) -> Result<Vec<RegisterUnitRow>> {
        let (low, high) = subtree_bounds(&unit.path);
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT id, code, name, kind, parent_id FROM unit \
                 WHERE path >= $1 AND path < $2 AND kind IN ('commune', 'ward', 'special_zone', 'agency') \
                 AND valid_from <= $3 AND (valid_to IS NULL OR valid_to > $3) ORDER BY sort_key, id",
            )
            .bind(&low)
            .bind(&high)
            .bind(on)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Every disclosure of `unit`'s subtree first published from `from` to `to`, with its
    /// item and the number of its broadcast days: one query for a whole province's year.
    pub async fn disclosed_in(&self, unit: &UnitRow, from: NaiveDate, to: NaiveDate) -> Result<Vec<DisclosedRow>> {
        let (low, high) = subtree_bounds(&unit.path);
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT d.unit_id, d.id AS disclosure_id, i.number AS item_number, d.posted_from, d.posted_to, d.forms, \
                 i.radio_required, (SELECT COUNT(*) FROM disclosure_broadcast b WHERE b.disclosure_id = d.id) AS broadcasts, \
                 d.adopted_on, d.convention_vote_on \
                 FROM disclosure d JOIN unit u ON u.id = d.unit_id JOIN disclosure_item i ON i.id = d.item_id \
                 WHERE u.path >= $1 AND u.path < $2 AND d.posted_from >= $3 AND d.posted_from <= $4 \
                 ORDER BY d.unit_id, i.number, d.posted_from",
            )
            .bind(&low)
            .bind(&high)
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// How many disclosures `unit`'s subtree first published from `from` to `to` (the report's
    /// "disclosures" indicator).
    pub async fn disclosure_count(&self, unit: &UnitRow, from: NaiveDate, to: NaiveDate) -> Result<i64> {
        let (low, high) = subtree_bounds(&unit.path);
        let count = dispatch!(self, read, pool => {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM disclosure d JOIN unit u ON u.id = d.unit_id \
                 WHERE u.path >= $1 AND u.path < $2 AND d.posted_from >= $3 AND d.posted_from <= $4",
            )
            .bind(&low)
            .bind(&high)
            .bind(from)
            .bind(to)
            .fetch_one(pool)
            .await?
        });
        Ok(count)
    }
}
