//! `coso document …`

use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum DocumentCmd {}

pub fn run(cmd: DocumentCmd) -> ExitCode {
    match cmd {}
}
