//! The databases a bench runs on: a fresh SQLite file always, and a fresh PostgreSQL database
//! on `PG_DATABASE_URL` when it is set, dropped after the run.

use coso_store::Store;

/// Calls `run(backend, url)` on each database; `prefix` names the PostgreSQL one.
pub fn each(prefix: &str, mut run: impl FnMut(&str, &str)) {
    let dir = tempfile::tempdir().expect("temp dir");
    run("sqlite", &format!("sqlite://{}", dir.path().join("bench.db").display()));
    let Ok(base) = std::env::var("PG_DATABASE_URL") else {
        return;
    };
    let name = format!("{prefix}_{}", std::process::id());
    let admin = |sql: String| {
        let base = base.clone();
        async move {
            let admin = Store::connect(&base).await.expect("connect");
            admin.execute_admin(&sql).await.expect(&sql);
            admin.close().await;
        }
    };
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(admin(format!("CREATE DATABASE {name}")));
    run("postgres", &format!("{}/{name}", &base[..base.rfind('/').expect("database part")]));
    rt.block_on(admin(format!("DROP DATABASE {name}")));
}
