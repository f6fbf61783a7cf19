//! `coso user create`: an account with one role on one unit.

use std::io::Read;

use clap::{Args, Subcommand};
use coso_app::users::{self, NewAccount};

use super::common::{CmdResult, Failure, Global, block_on, cli_actor, config, open_app};

#[derive(Debug, Subcommand)]
pub enum UserCmd {
    /// Create an account with a role on a unit; the password is read from standard input.
    Create(CreateArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// E-mail address, used to sign in.
    #[arg(long)]
    pub email: String,
    /// Read the password (at least 10 characters) from the first line of standard input.
    #[arg(long, required = true)]
    pub password_stdin: bool,
    /// Role: admin, official, viewer, village_head, board_member or resident.
    #[arg(long)]
    pub role: String,
    /// Code of the unit the role holds on (and below), e.g. 42 for Hà Tĩnh.
    #[arg(long, value_name = "CODE")]
    pub unit: String,
    /// Display name (defaults to the part of the e-mail before «@»).
    #[arg(long)]
    pub name: Option<String>,
}

pub fn run(global: &Global, cmd: UserCmd) -> CmdResult {
    match cmd {
        UserCmd::Create(a) => create(global, a),
    }
}

fn create(global: &Global, a: CreateArgs) -> CmdResult {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| Failure::Input(format!("Không đọc được mật khẩu từ đầu vào chuẩn: {e}")))?;
    let account = NewAccount {
        email: a.email,
        display_name: a.name,
        password: password_from_stdin_text(&text),
        role: a.role,
        unit_code: a.unit,
    };
    let cfg = config(global, None, false)?;
    block_on(async {
        let app = open_app(&cfg).await?;
        let result = users::create(&app, &cli_actor(), &account).await;
        app.store().close().await;
        let made = result?;
        println!(
            "Đã tạo tài khoản #{} {}: {} tại {} ({}).",
            made.id.0,
            made.email,
            made.role.label(),
            made.unit.name,
            made.unit.code
        );
        Ok(())
    })
}

/// The password read from standard input: the first line, without its line ending.
fn password_from_stdin_text(text: &str) -> String {
    text.lines().next().unwrap_or("").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_without_its_ending() {
        assert_eq!(password_from_stdin_text("mat khau dai\r\n"), "mat khau dai");
        assert_eq!(password_from_stdin_text(""), "");
    }
}
