//! A province with 100,000 citizen cases received over one year, for the benches of cases
//! (statistics, inbox, public list). Include it with
//! `#[path = "support/cases_100k.rs"] mod cases_100k;`.
//!
//! The rows are written as multi-row INSERTs of literals (the same text on SQLite and
//! PostgreSQL), not through the use cases: registering 100,000 cases one transaction at a
//! time would take the bench longer than what it measures. The mix follows what a province
//! sees: petitions most, then complaints, denunciations and a little information; most answered,
//! some accepted or waiting, some overdue, a tenth of the answered petitions rated.

use chrono::{Duration, NaiveDate};
use coso_store::{Actor, Store, UnitRow};

/// Cases the loader writes.
pub const CASES: usize = 100_000;
/// Rows per INSERT statement.
const BATCH: usize = 1_000;

const CATEGORIES: [&str; 7] =
    ["dat_dai", "moi_truong", "chinh_sach_xa_hoi", "an_ninh_trat_tu", "ha_tang", "can_bo", "khac"];
const CHANNELS: [&str; 5] = ["web", "app", "desk", "letter", "village_head"];

fn kind(i: usize) -> &'static str {
    match i % 100 {
        0 => "information",
        1..=55 => "petition",
        56..=85 => "complaint",
        _ => "denunciation",
    }
}

fn sql_date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "NULL".to_string(), |d| format!("'{d}'"))
}

fn sql_bool(b: bool) -> &'static str {
    if b { "TRUE" } else { "FALSE" }
}

/// One row of `citizen_case` as SQL literals.
fn row(i: usize, unit_id: i64, year: i32) -> String {
    let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let received = start + Duration::days((i * 7 % 365) as i64);
    let kind = kind(i);
    let resolution_due = received + Duration::days(if kind == "petition" { 14 } else { 45 });
    let (status, accepted, answered, closed, due) = match i % 20 {
        0..=11 => {
            let answered = received + Duration::days((i % 23) as i64);
            ("answered", Some(received + Duration::days(2)), Some(answered), None, None)
        }
        12..=14 => {
            let answered = received + Duration::days((i % 17) as i64);
            ("closed", Some(received + Duration::days(2)), Some(answered), Some(answered + Duration::days(3)), None)
        }
        15 | 16 => ("accepted", Some(received + Duration::days(3)), None, None, Some(resolution_due)),
        17 => ("received", None, None, None, Some(received + Duration::days(10))),
        18 => ("forwarded", None, None, None, Some(received + Duration::days(7))),
        _ => ("refused", None, None, Some(received + Duration::days(5)), None),
    };
    let (status, accepted) = if kind == "information" { ("closed", None) } else { (status, accepted) };
    let rating = if kind == "petition" && answered.is_some() && i.is_multiple_of(10) {
        format!("{}", 1 + (i / 10) % 5)
    } else {
        "NULL".into()
    };
    let now = "'2026-01-01T00:00:00+00:00'";
    format!(
        "('B{i:07}-BENCH', {unit_id}, '{kind}', '{status}', '{channel}', '{category}', '{received}', \
         'Nội dung đơn số {i}', ' noi dung don so {i}', FALSE, 'normal', {crowded}, {over}, {publish}, \
         {accepted}, {answered}, {closed}, {due}, '{resolution_due}', {rating}, {now}, {now})",
        channel = CHANNELS[i % CHANNELS.len()],
        category = CATEGORIES[i % CATEGORIES.len()],
        crowded = sql_bool(i % 50 == 3),
        over = sql_bool(i % 80 == 5),
        publish = sql_bool(kind == "petition" && i.is_multiple_of(3)),
        accepted = sql_date(accepted),
        answered = sql_date(answered),
        closed = sql_date(closed),
        due = sql_date(due),
    )
}

/// Loads the official units and writes [`CASES`] cases received in `year` across the communes
/// of `province` (one in twenty on the province itself); answers the province.
pub async fn load(store: &Store, province: &str, year: i32) -> UnitRow {
    store.load_official_units(&Actor::system("bench")).await.expect("official units");
    let province = store.unit_by_code(province).await.expect("q").expect("the province");
    let today = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    let mut units: Vec<i64> =
        store.children(province.unit_id(), today).await.expect("children").iter().map(|u| u.id).collect();
    assert!(!units.is_empty(), "communes under {}", province.code);
    let communes = units.len();
    units.extend(std::iter::repeat_n(province.id, communes / 19 + 1));
    for start in (0..CASES).step_by(BATCH) {
        let rows: Vec<String> =
            (start..(start + BATCH).min(CASES)).map(|i| row(i, units[i * 31 % units.len()], year)).collect();
        store
            .execute_admin(&format!(
                "INSERT INTO citizen_case (code, unit_id, kind, status, channel, category, received_on, content, \
                 search_text, remote, complexity, crowded, over_level, publish, accepted_on, answered_on, closed_on, \
                 due_on, resolution_due_on, rating, created_at, updated_at) VALUES {}",
                rows.join(", ")
            ))
            .await
            .expect("insert cases");
    }
    // What autovacuum (PostgreSQL) and `PRAGMA optimize` (SQLite) do after a large load.
    store.execute_admin("ANALYZE citizen_case").await.expect("analyze");
    store.execute_admin("ANALYZE unit").await.expect("analyze");
    province
}
