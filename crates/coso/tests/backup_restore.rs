//! Backups of a running database and their restores. A copy taken under the mixed write load
//! is sound, holds every write acknowledged before it began and no write in part; a copy
//! taken while the server runs idle is restored into a fresh database with every table equal.
//! SQLite through `coso backup` and `coso restore`, PostgreSQL through `pg_dump` and
//! `pg_restore` (as the README documents).

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use coso_store::TableDigest;
use support::load::{Found, Load};
use support::{Env, Server, client, wait_healthy};

/// Where Debian puts the PostgreSQL client tools when they are not on the PATH.
const PG_BIN_DIR: &str = "/usr/lib/postgresql/15/bin";

/// How one backend is backed up and restored.
enum Tools {
    Sqlite,
    Postgres { pg_dump: PathBuf, pg_restore: PathBuf },
}

impl Tools {
    /// A copy of `env`'s database in `file`, taken while the server may be writing.
    fn backup(&self, env: &Env, file: &Path) {
        let file = file.display().to_string();
        match self {
            Tools::Sqlite => {
                let out = env.run(&["backup", "--to", &file]).ok();
                assert!(out.contains("Đã sao lưu") && out.contains("household"), "{out}");
            }
            Tools::Postgres { pg_dump, .. } => {
                let url = env.database_url.clone().expect("a PostgreSQL URL");
                run_tool(Command::new(pg_dump).args(["--format=custom", "--file", &file, &url]));
            }
        }
    }

    /// A fresh database holding the copy in `file`.
    async fn restore(&self, file: &Path) -> Env {
        let file = file.display().to_string();
        match self {
            Tools::Sqlite => {
                let env = Env::sqlite();
                let out = env.run(&["restore", "--from", &file]).ok();
                assert!(out.contains("Đã khôi phục"), "{out}");
                env
            }
            Tools::Postgres { pg_restore, .. } => {
                let env = Env::postgres().await.expect("a PostgreSQL server");
                let url = env.database_url.clone().expect("a PostgreSQL URL");
                run_tool(Command::new(pg_restore).args(["--no-owner", "--exit-on-error", "--dbname", &url, &file]));
                env
            }
        }
    }
}

fn run_tool(c: &mut Command) {
    let out = c.output().unwrap_or_else(|e| panic!("{c:?}: {e}"));
    assert!(out.status.success(), "{c:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// `name` on the PATH, else in Debian's PostgreSQL folder.
fn pg_tool(name: &str) -> Result<PathBuf, String> {
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).map(|d| d.join(name)).find(|f| f.is_file()))
        .unwrap_or_default();
    on_path
        .or_else(|| Some(Path::new(PG_BIN_DIR).join(name)).filter(|f| f.is_file()))
        .ok_or_else(|| format!("{name} not found on the PATH nor in {PG_BIN_DIR}"))
}

async fn digests(env: &Env) -> Vec<TableDigest> {
    let store = env.store().await;
    let d = store.table_digests().await.expect("table digests");
    store.close().await;
    d
}

/// The mixed load runs; one copy is taken in the middle of it, another once it has stopped.
async fn backup_and_restore(env: Env, tools: Tools, backend: &str) {
    env.run(&["demo"]).ok();
    let mut server = Server::start(&env, &[]);
    wait_healthy(&client(), &server.url, Duration::from_secs(30)).await;
    let load = Load::prepare(&env, &server.url).await;

    let running = load.start(&server.url).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let before_copy = load.attempts().len();
    let during = env.dir.path().join("during-the-load.backup");
    tools.backup(&env, &during);
    tokio::time::sleep(Duration::from_millis(300)).await;
    running.stop().await;
    let attempts = load.attempts();
    assert!(attempts.len() > before_copy, "writes went on while the copy was taken");

    let idle = env.dir.path().join("idle.backup");
    tools.backup(&env, &idle);
    let live = digests(&env).await;
    server.terminate();
    assert_eq!(server.wait(Duration::from_secs(10)).and_then(|s| s.code()), Some(0));

    // The copy of the idle server: every table equal.
    let restored = tools.restore(&idle).await;
    let copied = digests(&restored).await;
    let names = |d: &[TableDigest]| d.iter().map(|t| t.table.clone()).collect::<Vec<_>>();
    assert_eq!(names(&copied), names(&live), "the same tables");
    for (a, b) in live.iter().zip(&copied) {
        assert_eq!(a, b, "table {} differs after the round trip", a.table);
    }
    assert!(live.iter().any(|t| t.table == "household" && t.rows > 0), "{live:?}");
    let rows: i64 = live.iter().map(|t| t.rows).sum();
    eprintln!("{backend}: the idle copy restored with {} tables and {rows} rows, every one equal", live.len());

    // The copy taken under the load: a database that serves, with every write acknowledged
    // before the copy began, and none of the writes in part.
    let restored = tools.restore(&during).await;
    let server = Server::start(&restored, &[]);
    wait_healthy(&client(), &server.url, Duration::from_secs(30)).await;
    let found = Load::find(&restored, &server.url, &attempts).await;
    let mut acknowledged_before = 0;
    for (i, (attempt, found)) in attempts.iter().zip(&found).enumerate() {
        if i < before_copy && attempt.acknowledged() {
            acknowledged_before += 1;
            assert_eq!(found, &Found::All, "{} #{} was acknowledged before the copy began", attempt.kind, attempt.n);
        }
    }
    let later = found[before_copy..].iter().filter(|f| **f == Found::All).count();
    eprintln!(
        "{backend}: the copy under load holds all {acknowledged_before} writes acknowledged before it began, \
         and {later} of the {} sent after",
        attempts.len() - before_copy
    );
    assert!(acknowledged_before > 0, "the load wrote before the copy");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_backup_of_a_running_server_restores_every_table() {
    backup_and_restore(Env::sqlite(), Tools::Sqlite, "SQLite").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgres_dump_of_a_running_server_restores_every_table() {
    let tools = match (pg_tool("pg_dump"), pg_tool("pg_restore")) {
        (Ok(pg_dump), Ok(pg_restore)) => Tools::Postgres { pg_dump, pg_restore },
        (Err(why), _) | (_, Err(why)) => {
            assert!(std::env::var("CI").is_err(), "the PostgreSQL backup test must run in CI: {why}");
            eprintln!("skipping the PostgreSQL backup test: {why}");
            return;
        }
    };
    let Some(env) = Env::postgres().await else { return };
    backup_and_restore(env, tools, "PostgreSQL").await;
}

/// `sqlite://` URL of `file`, created if missing.
fn sqlite_url(file: &Path) -> String {
    format!("sqlite://{}?mode=rwc", file.display())
}

async fn sql(file: &Path, statements: &str) {
    let pool = sqlx::SqlitePool::connect(&sqlite_url(file)).await.expect("open");
    sqlx::raw_sql(sqlx::AssertSqlSafe(statements.to_string())).execute(&pool).await.expect("sql");
    pool.close().await;
}

#[track_caller]
fn refused(run: &support::Run, words: &str) {
    assert_eq!(run.code(), 2, "stdout: {}\nstderr: {}", run.stdout(), run.stderr());
    assert!(run.stderr().contains(words), "«{words}» not in: {}", run.stderr());
}

/// What would lose data or restore something that is not a coso database is refused, with
/// the reason; a restore brings back the backup's data and nothing written after it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_and_restore_refuse_what_would_lose_data() {
    let env = Env::sqlite();
    refused(&env.run(&["backup", "--to", "ban-sao.db"]), "không có cơ sở dữ liệu SQLite");
    env.run(&["demo"]).ok();
    env.run(&["backup", "--to", "ban-sao.db"]).ok();
    refused(&env.run(&["backup", "--to", "ban-sao.db"]), "thêm --force để ghi đè");
    env.run(&["backup", "--to", "ban-sao.db", "--force"]).ok();
    refused(&env.run(&["backup", "--to", "data/coso.db", "--force"]), "chính cơ sở dữ liệu đang dùng");
    let copy = env.dir.path().join("ban-sao.db");

    // A file that is no database, a database that is not coso's, a newer coso database.
    let text = env.file("ghi-chu.txt", "Đây không phải là cơ sở dữ liệu.\n");
    refused(&env.run(&["restore", "--from", &text.display().to_string()]), "không phải là cơ sở dữ liệu SQLite");
    let other = env.dir.path().join("khac.db");
    sql(&other, "CREATE TABLE ghi_chu (id INTEGER PRIMARY KEY, noi_dung TEXT)").await;
    refused(&env.run(&["restore", "--from", &other.display().to_string()]), "không phải là cơ sở dữ liệu coso");
    let newer = env.dir.path().join("moi-hon.db");
    std::fs::copy(&copy, &newer).expect("copy");
    sql(
        &newer,
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (9999, 'future', 1, x'00', 0)",
    )
    .await;
    refused(&env.run(&["restore", "--from", &newer.display().to_string()]), "mới hơn phiên bản");

    // A database with data is replaced only with --force, and never under a running server.
    refused(&env.run(&["restore", "--from", "ban-sao.db"]), "đang có dữ liệu");
    let server = Server::start(&env, &[]);
    refused(&env.run(&["restore", "--from", "ban-sao.db", "--force"]), "hãy dừng máy chủ");
    server.terminate();
    drop(server);

    // Written after the backup, gone after the restore.
    env.run_with_stdin(
        &[
            "user",
            "create",
            "--email",
            "sau.saoluu@coso.example",
            "--password-stdin",
            "--role",
            "viewer",
            "--unit",
            "42",
        ],
        "mat khau du dai\n",
    )
    .ok();
    let out = env.run(&["restore", "--from", "ban-sao.db", "--force"]).ok();
    assert!(out.contains("Đã khôi phục") && out.contains("app_user"), "{out}");
    let store = env.store().await;
    assert!(store.user_by_email("sau.saoluu@coso.example").await.expect("query").is_none());
    assert!(store.user_by_email("quantri@coso.example").await.expect("query").is_some());
    store.close().await;

    // PostgreSQL: the commands say which tool to use, and exactly how.
    let pg = ["--database-url", "postgres://coso@127.0.0.1:5432/coso"];
    let run = env.run(&[&pg[..], &["backup", "--to", "coso.dump"]].concat());
    refused(&run, "pg_dump --format=custom --file=coso.dump 'postgres://coso@127.0.0.1:5432/coso'");
    let run = env.run(&[&pg[..], &["restore", "--from", "coso.dump"]].concat());
    refused(&run, "pg_restore --no-owner --exit-on-error --dbname='postgres://coso@127.0.0.1:5432/coso' coso.dump");
}
