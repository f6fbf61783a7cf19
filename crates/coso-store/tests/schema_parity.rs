//! Both migration sets build the same schema: tables and columns, primary and unique keys,
//! indexes and foreign keys (deduplication and the outbox rely on the unique keys).

#[path = "schema/mod.rs"]
mod schema;

use coso_test_support::TestDb;

const SIDES: (&str, &str) = ("SQLite", "PostgreSQL");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_schemas_have_the_same_tables_columns_keys_and_indexes() {
    let sqlite = TestDb::sqlite().await;
    let Some(pg) = TestDb::postgres().await else { return };
    let a = schema::sqlite(&sqlite).await;
    let b = schema::postgres(&pg).await;
    assert!(a.columns.len() > 40, "{:?}", a.columns);
    assert!(a.indexes.len() > 20 && a.unique_keys.len() > 5 && a.foreign_keys.len() > 20, "{a:#?}");
    let differences = a.differences(&b, SIDES);
    assert!(differences.is_empty(), "the schemas differ:\n{}", differences.join("\n"));
}

/// The comparison itself: an index, a unique key or a foreign key missing on one side is
/// reported, by name or by columns.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_index_key_or_reference_is_noticed() {
    let sqlite = TestDb::sqlite().await;
    let Some(pg) = TestDb::postgres().await else { return };
    sqlite.store.execute_admin("DROP INDEX unit_code").await.expect("drop index");
    pg.store.execute_admin("ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_dedupe_key_key").await.expect("unique");
    pg.store.execute_admin("ALTER TABLE role_grant DROP CONSTRAINT role_grant_unit_id_fkey").await.expect("fk");
    let differences = schema::sqlite(&sqlite).await.differences(&schema::postgres(&pg).await, SIDES);
    let reported = |needles: &[&str]| differences.iter().any(|d| needles.iter().all(|n| d.contains(n)));
    assert!(reported(&["only on PostgreSQL: index", "\"unit_code\""]), "{differences:#?}");
    assert!(reported(&["only on SQLite: unique key", "\"mail_outbox\"", "\"dedupe_key\""]), "{differences:#?}");
    assert!(reported(&["only on SQLite: foreign key", "\"role_grant\"", "\"unit_id\""]), "{differences:#?}");
    assert_eq!(differences.len(), 3, "{differences:#?}");
}
