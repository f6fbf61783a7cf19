//! The `coso` binary: the one composition root.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;
mod config;
mod logging;
mod shutdown;

/// coso — nền tảng thực hiện dân chủ ở cơ sở.
#[derive(Debug, Parser)]
#[command(name = "coso", version, about, long_about = None)]
struct Cli {
    /// TOML configuration file (default: $COSO_CONFIG, else ./coso.toml if present).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Database URL, sqlite://path.db or postgres://… (default: $COSO_DATABASE_URL, the
    /// configuration file, else sqlite://./data/coso.db).
    #[arg(long, global = true, value_name = "URL")]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Vietnamese legal calendar: lunar dates, holidays, working days, legal deadlines.
    #[command(subcommand)]
    Calendar(cmd::calendar::CalendarCmd),
    /// Official documents: parse into structure, render as DOCX or PDF.
    #[command(subcommand)]
    Document(cmd::document::DocumentCmd),
    /// Run the web server (migrates and loads the official units on a fresh database).
    Serve(cmd::serve::ServeArgs),
    /// Apply the database migrations and exit.
    Migrate,
    /// Copy the SQLite database to a file, consistently, even while the server runs.
    Backup(cmd::backup::BackupArgs),
    /// Replace the SQLite database by a backup (stop the server first).
    Restore(cmd::restore::RestoreArgs),
    /// Load the demo data: villages, households and one account per role in Hà Tĩnh.
    Demo(cmd::demo::DemoArgs),
    /// Administrative units: official list, listing, CSV imports of units and households.
    #[command(subcommand)]
    Units(cmd::units::UnitsCmd),
    /// Plans: import a plan document and issue it, follow who answered, export the aggregate.
    #[command(subcommand)]
    Plan(cmd::plan::PlanCmd),
    /// Accounts and their roles.
    #[command(subcommand)]
    User(cmd::user::UserCmd),
    /// Citizen cases: statistics of a unit's subtree.
    #[command(subcommand)]
    Case(cmd::case::CaseCmd),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let global = cmd::common::Global { config: cli.config, database_url: cli.database_url };
    match cli.command {
        Command::Calendar(c) => cmd::calendar::run(c),
        Command::Document(c) => cmd::document::run(c),
        Command::Serve(a) => cmd::common::finish(cmd::serve::run(&global, a)),
        Command::Migrate => cmd::common::finish(cmd::migrate::run(&global)),
        Command::Backup(a) => cmd::common::finish(cmd::backup::run(&global, a)),
        Command::Restore(a) => cmd::common::finish(cmd::restore::run(&global, a)),
        Command::Demo(a) => cmd::common::finish(cmd::demo::run(&global, a)),
        Command::Units(c) => cmd::common::finish(cmd::units::run(&global, c)),
        Command::Plan(c) => cmd::common::finish(cmd::plan::run(&global, c)),
        Command::User(c) => cmd::common::finish(cmd::user::run(&global, c)),
        Command::Case(c) => cmd::common::finish(cmd::case::run(&global, c)),
    }
}
