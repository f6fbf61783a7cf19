//! The database subcommands of `coso`, run as a user would, on SQLite and (when
//! `PG_DATABASE_URL` is set) on PostgreSQL.

use crate::support;

use coso_test_support::on_both;
use sqlx::{ConnectOptions, Connection};
use support::{Env, household_count};

const VILLAGES: &str = "Mã,Tên,Loại\n18766-T01,Thôn Trung Hòa,village\n18766-T02,Thôn Đông Hà,village\n";
const GOOD: &str = "Mã hộ,Địa chỉ,Đại diện hộ,Số nhân khẩu,Điện thoại\n\
    H001,\"Xóm 1, Thôn Trung Hòa\",Nguyễn Văn An,4,0912345678\n\
    H002,\"Xóm 2, Thôn Trung Hòa\",Trần Thị Bình,3,\n\
    H003,\"Xóm 2, Thôn Trung Hòa\",Lê Văn Cường,5,+84 97 123 4567\n";
const BROKEN: &str = "Mã hộ,Địa chỉ,Đại diện hộ,Số nhân khẩu,Điện thoại\n\
    H001,\"Xóm 1, Thôn Trung Hòa\",Nguyễn Văn An,4,0912345678\n\
    H002,\"Xóm 2, Thôn Trung Hòa\",Trần Thị Bình,ba,\n\
    H003,,Lê Văn Cường,5,12\n";

#[test]
fn migrate_creates_the_default_sqlite_file_in_wal_mode_with_foreign_keys() {
    let env = Env::sqlite();
    let out = env.run(&["migrate"]).ok();
    assert!(out.contains("sqlite://./data/coso.db"), "{out}");
    let db = env.sqlite_path();
    assert!(db.is_file(), "./data/coso.db created");
    // Bytes 18 and 19 of the header are 2 when the database is in WAL mode.
    let header = std::fs::read(&db).expect("read db");
    assert_eq!(&header[..16], b"SQLite format 3\0");
    assert_eq!((header[18], header[19]), (2, 2), "WAL mode is recorded in the file");
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let mut conn =
            sqlx::sqlite::SqliteConnectOptions::new().filename(&db).read_only(true).connect().await.expect("open");
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&mut conn).await.expect("journal_mode");
        assert_eq!(mode, "wal");
        let fks: Vec<(i64, i64, String)> =
            sqlx::query_as("SELECT id, seq, \"table\" FROM pragma_foreign_key_list('household')")
                .fetch_all(&mut conn)
                .await
                .expect("fks");
        assert!(fks.iter().any(|(_, _, t)| t == "unit"), "households reference their village: {fks:?}");
        let grants: Vec<(i64, i64, String)> =
            sqlx::query_as("SELECT id, seq, \"table\" FROM pragma_foreign_key_list('role_grant')")
                .fetch_all(&mut conn)
                .await
                .expect("fks");
        assert!(grants.iter().any(|(_, _, t)| t == "app_user"), "{grants:?}");
        conn.close().await.expect("close");
    });
    // Migrating again is a no-op.
    env.run(&["migrate"]).ok();
}

async fn official_units_list_as_json(env: &Env) {
    let first = env.run(&["units", "load-official"]).ok();
    assert!(first.contains("thêm 3355"), "{first}");
    let again = env.run(&["units", "load-official"]).ok();
    assert!(again.contains("thêm 0"), "{again}");
    let json = env.run(&["units", "list", "--json"]).ok();
    let units: Vec<serde_json::Value> = serde_json::from_str(&json).expect("JSON array");
    assert_eq!(units.len(), 34);
    assert!(units.iter().all(|u| u["kind"] == "province"));
    assert!(units.iter().any(|u| u["code"] == "42" && u["name"] == "Tỉnh Hà Tĩnh"));
    let found = env.run(&["units", "list", "--parent", "42", "--q", "ky xuan"]).ok();
    assert!(found.contains("Xã Kỳ Xuân") && found.contains("18766"), "{found}");
    let wards = env.run(&["units", "list", "--kind", "ward", "--json"]).ok();
    assert_eq!(
        serde_json::from_str::<Vec<serde_json::Value>>(&wards).expect("JSON").len(),
        687,
        "every page is collected"
    );
    let bad = env.run(&["units", "list", "--kind", "huyen"]);
    assert_eq!(bad.code(), 2);
    assert!(bad.stderr().contains("Loại đơn vị «huyen» không tồn tại"), "{}", bad.stderr());
    let missing = env.run(&["units", "list", "--parent", "99999"]);
    assert_eq!(missing.code(), 2);
}

async fn user_create_checks_its_input(env: &Env) {
    env.run(&["units", "load-official"]).ok();
    let create = |email: &str, role: &str, unit: &str, pw: &str| {
        env.run_with_stdin(
            &[
                "user",
                "create",
                "--email",
                email,
                "--password-stdin",
                "--role",
                role,
                "--unit",
                unit,
                "--name",
                "Nguyễn Văn An",
            ],
            pw,
        )
    };
    let out = create("An@Example.VN", "official", "42", "mat-khau-rat-dai\n").ok();
    assert!(out.contains("an@example.vn") && out.contains("Tỉnh Hà Tĩnh"), "{out}");
    let dup = create("an@example.vn", "viewer", "42", "mat-khau-rat-dai\n");
    assert_eq!(dup.code(), 2);
    assert!(dup.stderr().contains("đã được dùng"), "{}", dup.stderr());
    let short = create("b@example.vn", "viewer", "42", "ngan\n");
    assert_eq!(short.code(), 2);
    assert!(short.stderr().contains("ít nhất 10 ký tự"), "{}", short.stderr());
    let role = create("c@example.vn", "mayor", "42", "mat-khau-rat-dai\n");
    assert_eq!(role.code(), 2);
    assert!(role.stderr().contains("Vai trò «mayor»"), "{}", role.stderr());
    let unit = create("d@example.vn", "viewer", "00000", "mat-khau-rat-dai\n");
    assert_eq!(unit.code(), 2);
    assert!(unit.stderr().contains("«00000»"), "{}", unit.stderr());
    let email = create("not-an-email", "viewer", "42", "mat-khau-rat-dai\n");
    assert_eq!(email.code(), 2);

    let store = env.store().await;
    let user = store.user_by_email("an@example.vn").await.expect("q").expect("created");
    assert_eq!(user.display_name, "Nguyễn Văn An");
    assert!(user.password_hash.starts_with("$argon2id$") && !user.password_hash.contains("mat-khau"));
    let grants = store.grants_of(user.user_id()).await.expect("grants");
    assert_eq!((grants.len(), grants[0].role.as_str(), grants[0].unit_code.as_str()), (1, "official", "42"));
    for other in ["b@example.vn", "c@example.vn", "d@example.vn"] {
        assert!(store.user_by_email(other).await.expect("q").is_none());
    }
    store.close().await;
}

async fn household_import_is_all_or_nothing(env: &Env) {
    env.run(&["units", "load-official"]).ok();
    let villages = env.file("villages.csv", VILLAGES);
    let out = env.run(&["units", "import", "18766", villages.to_str().expect("path")]).ok();
    assert!(out.contains("Đã tạo 2 đơn vị"), "{out}");
    let again = env.run(&["units", "import", "18766", villages.to_str().expect("path")]);
    assert_eq!(again.code(), 2, "the codes exist already");
    assert!(again.stderr().contains("dòng 2, cột code:"), "{}", again.stderr());

    let broken = env.file("broken.csv", BROKEN);
    let r = env.run(&["units", "import-households", "18766-T01", broken.to_str().expect("path")]);
    assert_eq!(r.code(), 2);
    let err = r.stderr();
    assert!(err.contains("dòng 3, cột member_count: Số nhân khẩu «ba» không phải số nguyên."), "{err}");
    assert!(err.contains("dòng 4, cột address:"), "{err}");
    assert!(err.contains("dòng 4, cột phone:"), "{err}");
    assert!(!err.contains("dòng 2,"), "{err}");
    let store = env.store().await;
    assert_eq!(household_count(&store, "18766-T01").await, 0, "nothing of a broken file is written");

    let good = env.file("good.csv", GOOD);
    let out = env.run(&["units", "import-households", "18766-T01", good.to_str().expect("path")]).ok();
    assert!(out.contains("thêm 3, cập nhật 0, không đổi 0"), "{out}");
    let out = env.run(&["units", "import-households", "18766-T01", good.to_str().expect("path")]).ok();
    assert!(out.contains("thêm 0, cập nhật 0, không đổi 3"), "{out}");
    assert_eq!(household_count(&store, "18766-T01").await, 3);

    let commune = env.run(&["units", "import-households", "18766", good.to_str().expect("path")]);
    assert_eq!(commune.code(), 2, "a commune keeps no register");
    assert!(commune.stderr().contains("chỉ thôn và tổ dân phố"), "{}", commune.stderr());
    let missing = env.run(&["units", "import-households", "18766-T01", "no-such-file.csv"]);
    assert_eq!(missing.code(), 2);
    store.close().await;
}

async fn demo_refuses_a_non_empty_database(env: &Env) {
    env.run(&["units", "load-official"]).ok();
    env.run_with_stdin(
        &["user", "create", "--email", "x@example.vn", "--password-stdin", "--role", "viewer", "--unit", "42"],
        "mat-khau-rat-dai",
    )
    .ok();
    let refused = env.run(&["demo"]);
    assert_eq!(refused.code(), 2);
    assert!(refused.stderr().contains("--force"), "{}", refused.stderr());
    let store = env.store().await;
    assert!(store.user_by_email("quantri@coso.example").await.expect("q").is_none(), "nothing loaded");
    let out = env.run(&["demo", "--force"]).ok();
    assert!(out.contains(coso_demo::DEMO_PASSWORD) && out.contains("quantri@coso.example"), "{out}");
    assert!(store.user_by_email("quantri@coso.example").await.expect("q").is_some());
    store.close().await;
}

on_both! {
    with crate::support::Env::on:
    official_units_load_and_list_as_json => official_units_list_as_json,
    user_create_checks_its_input => user_create_checks_its_input,
    household_import_is_all_or_nothing => household_import_is_all_or_nothing,
    demo_refuses_a_non_empty_database => demo_refuses_a_non_empty_database,
}

#[test]
fn demo_on_a_fresh_database_loads_everything_it_needs() {
    let env = Env::sqlite();
    let started = std::time::Instant::now();
    let out = env.run(&["demo"]).ok();
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "{:?}", started.elapsed());
    assert!(out.contains("tỉnh Hà Tĩnh") && out.contains("nguoidan@coso.example"), "{out}");
    let list = env.run(&["units", "list", "--parent", "18766"]).ok();
    assert!(list.contains("18766-T01") && list.contains("Thôn "), "{list}");
}

#[test]
fn bad_configuration_is_named_and_exits_2() {
    let env = Env::sqlite();
    let r = Run::from(env.command(&["migrate"]).env("COSO_LOG_FORMAT", "xml"));
    assert_eq!(r.code(), 2);
    assert!(r.stderr().contains("COSO_LOG_FORMAT") && r.stderr().contains("xml"), "{}", r.stderr());
    env.file("coso.toml", "databse_url = \"sqlite://x.db\"\n");
    let r = env.run(&["migrate"]);
    assert_eq!(r.code(), 2);
    assert!(r.stderr().contains("databse_url"), "{}", r.stderr());
    env.file("coso.toml", "database_url = \"sqlite://./custom/coso.db\"\n");
    env.run(&["migrate"]).ok();
    assert!(env.dir.path().join("custom/coso.db").is_file(), "the file's database is used");
    env.run(&["migrate", "--database-url", "sqlite://./flag/coso.db"]).ok();
    assert!(env.dir.path().join("flag/coso.db").is_file(), "the flag wins over the file");
    let r = Run::from(env.command(&["migrate"]).env("COSO_DATABASE_URL", "mysql://root:hunter2@db/coso"));
    assert_eq!(r.code(), 2);
    assert!(!r.stderr().contains("hunter2"), "the password is never shown: {}", r.stderr());
}

#[test]
fn every_subcommand_has_help() {
    let env = Env::sqlite();
    let top = env.run(&["--help"]).ok();
    for sub in ["serve", "migrate", "demo", "units", "user", "calendar", "document", "--database-url", "--config"] {
        assert!(top.contains(sub), "{sub} in:\n{top}");
    }
    for (args, needle) in [
        (&["serve", "--help"][..], "--force-demo"),
        (&["units", "--help"][..], "import-households"),
        (&["units", "list", "--help"][..], "--parent"),
        (&["units", "import-households", "--help"][..], "VILLAGE_CODE"),
        (&["user", "create", "--help"][..], "--password-stdin"),
        (&["demo", "--help"][..], "--force"),
    ] {
        let out = env.run(args).ok();
        assert!(out.contains(needle), "{args:?}: {out}");
    }
}

use support::Run;

impl From<&mut std::process::Command> for Run {
    fn from(c: &mut std::process::Command) -> Run {
        Run(c.output().expect("run coso"))
    }
}
