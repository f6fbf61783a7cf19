//! Running the real `coso` binary in a temp folder against a real database: a SQLite file,
//! or a fresh PostgreSQL database on the server named by `PG_DATABASE_URL`.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use coso_store::Store;
use coso_test_support::{Backend, PgDatabase};

pub mod load;

pub const BIN: &str = env!("CARGO_BIN_EXE_coso");

/// A temp working folder and the database the commands use.
pub struct Env {
    pub dir: tempfile::TempDir,
    /// `None`: the default `sqlite://./data/coso.db` in `dir`.
    pub database_url: Option<String>,
    /// The PostgreSQL database, dropped with the `Env`.
    _database: Option<PgDatabase>,
}

impl Env {
    /// A fresh folder with the default SQLite database.
    pub fn sqlite() -> Env {
        Env { dir: tempfile::tempdir().expect("temp dir"), database_url: None, _database: None }
    }

    /// A fresh PostgreSQL database, or `None` when no server is configured outside CI.
    pub async fn postgres() -> Option<Env> {
        let database = PgDatabase::create().await?;
        let url = database.url().to_string();
        Some(Env { dir: tempfile::tempdir().expect("temp dir"), database_url: Some(url), _database: Some(database) })
    }

    /// A fresh folder and database on `backend` (for `on_both!`).
    pub async fn on(backend: Backend) -> Option<Env> {
        match backend {
            Backend::Sqlite => Some(Env::sqlite()),
            Backend::Postgres => Env::postgres().await,
        }
    }

    /// The URL of the database, for opening it from the test.
    pub fn url(&self) -> String {
        self.database_url.clone().unwrap_or_else(|| format!("sqlite://{}", self.sqlite_path().display()))
    }

    pub fn sqlite_path(&self) -> PathBuf {
        self.dir.path().join("data").join("coso.db")
    }

    pub fn file(&self, name: &str, content: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, content).expect("write file");
        p
    }

    /// `coso ARGS` in the folder, with a clean environment.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.args(args).current_dir(self.dir.path());
        for var in [
            "COSO_CONFIG",
            "COSO_DATABASE_URL",
            "COSO_LISTEN",
            "COSO_LOG",
            "COSO_LOG_FORMAT",
            "COSO_SECURE_COOKIES",
            "COSO_SMTP_HOST",
            "COSO_SMTP_PASSWORD",
            "COSO_JOBS_TICK_SECONDS",
            "COSO_JOBS_DAILY_AT",
        ] {
            c.env_remove(var);
        }
        c.env("COSO_LOG", "warn");
        // The loads send every public intake write from this one address.
        c.env("COSO_LIMITS_INTAKE_PER_IP_PER_MINUTE", "1000000");
        if let Some(url) = &self.database_url {
            c.env("COSO_DATABASE_URL", url);
        }
        c
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run(self.command(args).output().expect("run coso"))
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // A command that refuses its arguments may exit before it reads its input.
        if let Err(e) = child.stdin.take().expect("stdin").write_all(stdin.as_bytes()) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
        Run(child.wait_with_output().expect("wait"))
    }

    pub async fn store(&self) -> Store {
        Store::connect(&self.url()).await.expect("open the database")
    }
}

/// The outcome of one command.
pub struct Run(pub Output);

impl Run {
    pub fn code(&self) -> i32 {
        self.0.status.code().unwrap_or(-1)
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
    /// Asserts success and returns stdout.
    #[track_caller]
    pub fn ok(&self) -> String {
        assert_eq!(self.code(), 0, "stdout: {}\nstderr: {}", self.stdout(), self.stderr());
        self.stdout()
    }
}

/// A running `coso serve`.
pub struct Server {
    pub child: Child,
    pub url: String,
    pub log: PathBuf,
}

impl Server {
    /// Starts `coso serve --listen 127.0.0.1:0 EXTRA…` and waits for the URL it prints.
    pub fn start(env: &Env, extra: &[&str]) -> Server {
        // The counter keeps apart the logs of servers started at the same instant.
        static STARTED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let nanos =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let log = env.dir.path().join(format!("serve-{nanos}-{n}.log"));
        let mut args = vec!["serve", "--listen", "127.0.0.1:0"];
        args.extend_from_slice(extra);
        let mut child = env
            .command(&args)
            .env("COSO_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("spawn coso serve");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(url) = line.split("http://").nth(1) {
                    let _ = tx.send(format!("http://{}", url.trim()));
                }
            }
        });
        let url = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(u) => u,
            Err(_) => {
                let _ = child.kill();
                panic!(
                    "coso serve did not announce its URL; log:\n{}",
                    std::fs::read_to_string(&log).unwrap_or_default()
                );
            }
        };
        Server { child, url, log }
    }

    pub fn pid(&self) -> String {
        self.child.id().to_string()
    }

    /// Sends SIGTERM.
    pub fn terminate(&self) {
        let st = Command::new("kill").args(["-TERM", &self.pid()]).status().expect("kill -TERM");
        assert!(st.success());
    }

    /// Waits for the process to end, at most `limit`.
    pub fn wait(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let until = Instant::now() + limit;
        while Instant::now() < until {
            if let Some(st) = self.child.try_wait().expect("try_wait") {
                return Some(st);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A client that keeps cookies.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).timeout(Duration::from_secs(120)).build().expect("client")
}

/// Polls `/healthz` until it answers 200; returns how long that took.
pub async fn wait_healthy(c: &reqwest::Client, url: &str, limit: Duration) -> Duration {
    let started = Instant::now();
    while started.elapsed() < limit {
        if let Ok(r) = c.get(format!("{url}/healthz")).send().await
            && r.status() == 200
        {
            return started.elapsed();
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("/healthz did not answer 200 within {limit:?}");
}

/// Signs in through the API as `email` with the demo password; returns the session's CSRF
/// token, which API writes send in `X-CSRF-Token`.
pub async fn sign_in(c: &reqwest::Client, url: &str, email: &str) -> String {
    let r = c
        .post(format!("{url}/api/v1/session"))
        .json(&serde_json::json!({ "email": email, "password": coso_demo::DEMO_PASSWORD }))
        .send()
        .await
        .expect("sign in");
    let status = r.status();
    let text = r.text().await.unwrap_or_default();
    assert_eq!(status, 200, "{text}");
    let session: serde_json::Value = serde_json::from_str(&text).expect("session");
    session["csrf_token"].as_str().expect("csrf token").to_string()
}

/// Households currently in the register of `village`.
pub async fn household_count(store: &Store, village: &str) -> i64 {
    let unit = store.unit_by_code(village).await.expect("query").expect("village");
    store.household_count(&unit).await.expect("count")
}

/// Villages of the first two communes of Hà Tĩnh (the demo creates 6 to 12 in each).
pub async fn villages(env: &Env) -> Vec<String> {
    let store = env.store().await;
    let today = store.clock().today();
    let province = store.unit_by_code("42").await.expect("q").expect("Hà Tĩnh");
    let mut out = Vec::new();
    for commune in store
        .children(province.unit_id(), today)
        .await
        .expect("children")
        .iter()
        .filter(|c| c.kind == "commune")
        .take(2)
    {
        out.extend(store.children(commune.unit_id(), today).await.expect("villages").into_iter().map(|v| v.code));
    }
    store.close().await;
    out
}
