//! Seed data for the job tests.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use coso_domain::UserId;
use coso_domain::authz::Role;
use coso_store::{Actor, NewUser, Store, UnitRow};

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// `2026-06-08 08:00` in Vietnam (UTC+7) as an instant.
pub fn vn(s: &str) -> DateTime<Utc> {
    let local = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("local time");
    (local - TimeDelta::hours(7)).and_utc()
}

pub struct Seeded {
    /// Two communes that have not sent, and one that has.
    pub a: UnitRow,
    pub b: UnitRow,
    pub sent: UnitRow,
    pub user_a: UserId,
    pub user_b: UserId,
    pub user_sent: UserId,
    pub occurrence_id: i64,
}

pub const PLAN_NUMBER: &str = "115/KH-UBND";

/// The official units, one official on each of three communes of Hà Tĩnh, and a plan of
/// the province asking them for the 6-month report of 2026, due on `due`; the third
/// commune has already sent it.
pub async fn seed(store: &Store, due: &str) -> Seeded {
    seed_with(store, due, 0).await
}

/// [`seed`] with `extra` more target communes, each with one official (`official{i}@…`).
pub async fn seed_with(store: &Store, due: &str, extra: usize) -> Seeded {
    store.load_official_units(&Actor::system("test")).await.expect("load units");
    let province = store.unit_by_code("42").await.expect("query").expect("Hà Tĩnh");
    let mut communes = store.children(province.unit_id(), date("2026-06-01")).await.expect("children").into_iter();
    let mut next = || communes.next().expect("a commune");
    let (a, b, sent) = (next(), next(), next());
    let user = |email: &str, name: &str, unit: &UnitRow| NewUser {
        email: email.into(),
        display_name: name.into(),
        password_hash: "$argon2id$stub-not-used-for-login".into(),
        grants: vec![(Role::Official, unit.unit_id())],
    };
    let actor = Actor::system("test");
    let user_a = store.create_user(&user("an@xa-a.gov.vn", "Nguyễn Văn An", &a), &actor).await.expect("user a");
    let user_b = store.create_user(&user("binh@xa-b.gov.vn", "Đỗ Thị Bình", &b), &actor).await.expect("user b");
    let user_sent = store.create_user(&user("cuong@xa-c.gov.vn", "Âu Văn Cường", &sent), &actor).await.expect("user c");
    let mut targets = vec![a.clone(), b.clone(), sent.clone()];
    for i in 0..extra {
        let unit = next();
        store.create_user(&user(&format!("official{i}@xa.gov.vn"), "Cán bộ", &unit), &actor).await.expect("extra user");
        targets.push(unit);
    }
    let targets: Vec<&UnitRow> = targets.iter().collect();
    insert_plan(store, &province, &targets, due).await;
    insert_submission(store, OCCURRENCE_ID, &sent).await;
    Seeded { a, b, sent, user_a, user_b, user_sent, occurrence_id: OCCURRENCE_ID }
}

const OCCURRENCE_ID: i64 = 9201;

/// Plain SQL for a plan with targets, one report obligation and one occurrence: the plan
/// store functions live elsewhere, and these rows are all the reminder job reads.
async fn insert_plan(store: &Store, issuer: &UnitRow, targets: &[&UnitRow], due: &str) {
    let targets: Vec<String> = targets.iter().map(|t| format!("(9001, {})", t.id)).collect();
    let sql = format!(
        "INSERT INTO plan (id, unit_id, number, issued_on, title, year, search_text, created_at, updated_at, created_by) \
         VALUES (9001, {issuer}, '{PLAN_NUMBER}', '2026-03-02', 'Kế hoạch thực hiện dân chủ ở cơ sở năm 2026', 2026, \
                 ' ke hoach thuc hien dan chu o co so nam 2026', '2026-03-02T01:00:00Z', '2026-03-02T01:00:00Z', 'test');
         INSERT INTO plan_target (plan_id, unit_id) VALUES {targets};
         INSERT INTO obligation (id, plan_id, position, kind, period, receiver_unit_id) \
         VALUES (9101, 9001, 1, 'report', 'six_month', {issuer});
         INSERT INTO obligation_occurrence (id, obligation_id, period_key, due_date) VALUES ({OCCURRENCE_ID}, 9101, '2026-H1', '{due}');",
        issuer = issuer.id,
        targets = targets.join(", "),
    );
    store.execute_admin(&sql).await.expect("insert plan");
}

async fn insert_submission(store: &Store, occurrence: i64, unit: &UnitRow) {
    let sql = format!(
        "INSERT INTO submission (occurrence_id, unit_id, status, version, first_submitted_on, submitted_at) \
         VALUES ({occurrence}, {}, 'submitted', 1, '2026-06-01', '2026-06-01T01:00:00Z')",
        unit.id
    );
    store.execute_admin(&sql).await.expect("insert submission");
}
