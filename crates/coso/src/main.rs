//! The `coso` binary: the one composition root.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;

/// coso — nền tảng thực hiện dân chủ ở cơ sở.
#[derive(Debug, Parser)]
#[command(name = "coso", version, about, long_about = None)]
struct Cli {
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Calendar(c) => cmd::calendar::run(c),
        Command::Document(c) => cmd::document::run(c),
    }
}
