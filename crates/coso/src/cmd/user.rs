//! `coso user create`: an account with one role on one unit; `coso user grant` / `revoke`: a
//! clearance to read the identity of denouncers on a unit's subtree.

use std::io::Read;

use clap::{Args, Subcommand};
use coso_app::cases;
use coso_app::users::{self, NewAccount};

use super::common::{CmdResult, Failure, Global, block_on, cli_actor, config, open_app};

#[derive(Debug, Subcommand)]
pub enum UserCmd {
    /// Create an account with a role on a unit; the password is read from standard input.
    Create(CreateArgs),
    /// Grant a clearance: `--clearance denunciation` lets the user read the identity of
    /// denouncers of the unit and below.
    Grant(ClearanceArgs),
    /// Take a clearance back.
    Revoke(ClearanceArgs),
}

#[derive(Debug, Args)]
pub struct ClearanceArgs {
    /// E-mail of the account.
    pub email: String,
    /// The kind of clearance: denunciation.
    #[arg(long, value_name = "KIND")]
    pub clearance: String,
    /// Code of the unit it holds on (and below).
    #[arg(long, value_name = "CODE")]
    pub unit: String,
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
        UserCmd::Grant(a) => clearance(global, a, true),
        UserCmd::Revoke(a) => clearance(global, a, false),
    }
}

fn clearance(global: &Global, a: ClearanceArgs, grant: bool) -> CmdResult {
    if a.clearance.trim() != cases::CLEARANCE_DENUNCIATION {
        return Err(Failure::Input(format!(
            "Không có loại quyền «{}»; loại quyền có: {}.",
            a.clearance,
            cases::CLEARANCE_DENUNCIATION
        )));
    }
    let cfg = config(global, None, false)?;
    block_on(async {
        let app = open_app(&cfg).await?;
        let result = if grant {
            cases::grant_clearance(&app, &cli_actor(), &a.email, &a.unit).await
        } else {
            cases::revoke_clearance(&app, &cli_actor(), &a.email, &a.unit).await
        };
        app.store().close().await;
        result?;
        if grant {
            println!(
                "Đã cấp cho {} quyền xem thông tin người tố cáo tại đơn vị {} và cấp dưới.",
                a.email.trim(),
                a.unit.trim()
            );
        } else {
            println!(
                "Đã thu hồi quyền xem thông tin người tố cáo của {} tại đơn vị {}.",
                a.email.trim(),
                a.unit.trim()
            );
        }
        Ok(())
    })
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
