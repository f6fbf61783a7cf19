//! `coso calendar …`

use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum CalendarCmd {}

pub fn run(cmd: CalendarCmd) -> ExitCode {
    match cmd {}
}
