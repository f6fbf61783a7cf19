//! What the database subcommands share: configuration, the runtime, opening the store,
//! and how failures become exit codes.

use std::path::PathBuf;
use std::process::ExitCode;

use coso_app::{Actor, App};
use coso_domain::RowError;
use coso_store::Store;

use crate::config::{Config, Overrides};

/// Flags that every subcommand accepts.
#[derive(Debug, Clone, Default)]
pub struct Global {
    pub config: Option<PathBuf>,
    pub database_url: Option<String>,
}

impl Global {
    pub fn overrides(&self, listen: Option<String>) -> Overrides {
        Overrides { config_file: self.config.clone(), database_url: self.database_url.clone(), listen }
    }
}

/// A failed command: bad input exits with 2, anything else with 1.
#[derive(Debug)]
pub enum Failure {
    /// The user's input is wrong (unknown unit, bad file, duplicate e-mail, …).
    Input(String),
    /// Rows of an imported file are wrong; each is printed.
    Rows(Vec<RowError>),
    /// The configuration is wrong.
    Config(String),
    /// Something else went wrong (database unreachable, I/O).
    Other(String),
}

impl Failure {
    pub fn other(e: impl std::fmt::Display) -> Failure {
        Failure::Other(e.to_string())
    }
}

/// A use case's refusal is the user's to fix (exit code 2); a fault of the system is not (1).
impl From<coso_app::Error> for Failure {
    fn from(e: coso_app::Error) -> Self {
        use coso_app::Error as E;
        match e {
            E::Rows(rows) => Failure::Rows(rows),
            E::Fields(fields) => Failure::Input(
                fields.into_iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("\n"),
            ),
            e @ (E::Validation(_) | E::NotFound | E::Forbidden | E::Conflict { .. } | E::BadRequest(_)) => {
                Failure::Input(e.messages().join("\n"))
            }
            E::Internal(m) => Failure::Other(m),
        }
    }
}

pub type CmdResult = Result<(), Failure>;

/// Prints the failure on stderr and turns it into the exit code.
pub fn finish(r: CmdResult) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(m)) | Err(Failure::Config(m)) => {
            eprintln!("Lỗi: {m}");
            ExitCode::from(2)
        }
        Err(Failure::Rows(rows)) => {
            print_row_errors(&rows);
            eprintln!("Lỗi: tệp có {} lỗi; không có gì được ghi.", rows.len());
            ExitCode::from(2)
        }
        Err(Failure::Other(m)) => {
            eprintln!("Lỗi: {m}");
            ExitCode::FAILURE
        }
    }
}

pub fn print_row_errors(rows: &[RowError]) {
    for r in rows {
        eprintln!("dòng {}, cột {}: {}", r.line, r.field, r.message);
    }
}

/// Loads the configuration and starts logging. The server logs at `info` by default; the
/// one-shot commands log warnings only unless a filter was configured.
pub fn config(global: &Global, listen: Option<String>, server: bool) -> Result<Config, Failure> {
    let cfg = Config::load(&global.overrides(listen)).map_err(|e| Failure::Config(e.to_string()))?;
    crate::logging::init(&cfg, !server);
    Ok(cfg)
}

/// Runs `fut` on a multi-threaded runtime.
pub fn block_on<F: std::future::Future<Output = CmdResult>>(fut: F) -> CmdResult {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(Failure::other)?;
    rt.block_on(fut)
}

/// Opens the database and applies pending migrations.
pub async fn open(cfg: &Config) -> Result<Store, Failure> {
    let store = Store::connect(cfg.database_url.expose())
        .await
        .map_err(|e| Failure::Other(format!("không mở được cơ sở dữ liệu {}: {e}", cfg.database_url)))?;
    store.migrate().await.map_err(|e| Failure::Other(format!("không áp dụng được migration: {e}")))?;
    Ok(store)
}

/// Opens the database, applies pending migrations, and gives the use cases over it.
pub async fn open_app(cfg: &Config) -> Result<App, Failure> {
    Ok(App::new(open(cfg).await?))
}

/// Loads the official units when the database has none; returns how many were inserted.
pub async fn ensure_official_units(app: &App, actor: &Actor) -> Result<u64, Failure> {
    coso_app::units::ensure_official(app, actor).await.map_err(|e| Failure::Other(e.to_string()))
}

/// The actor of every change made from the command line: the system.
pub fn cli_actor() -> Actor {
    Actor::system("cli")
}
