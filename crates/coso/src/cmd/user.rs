//! `coso user create`: an account with one role on one unit.

use std::io::Read;

use clap::{Args, Subcommand};
use coso_domain::authz::Role;
use coso_store::{NewUser, StoreError};

use super::common::{CmdResult, Failure, Global, block_on, cli_actor, config, open};
use crate::password;

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
    let email = parse_email(&a.email)?;
    let role = Role::parse(&a.role).ok_or_else(|| {
        let all: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
        Failure::Input(format!("Vai trò «{}» không tồn tại; chọn một trong: {}.", a.role, all.join(", ")))
    })?;
    let name = match a.name.as_deref().map(coso_text::clean) {
        Some(n) if !n.is_empty() => n,
        Some(_) => return Err(Failure::Input("Tên hiển thị không được để trống.".into())),
        None => email.split('@').next().unwrap_or(&email).to_string(),
    };
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| Failure::Input(format!("Không đọc được mật khẩu từ đầu vào chuẩn: {e}")))?;
    let pw = password::from_stdin_text(&text);
    password::check(&pw).map_err(Failure::Input)?;
    let cfg = config(global, None, false)?;
    block_on(async {
        let store = open(&cfg).await?;
        let result = async {
            let unit = store
                .unit_by_code(a.unit.trim())
                .await
                .map_err(Failure::other)?
                .ok_or_else(|| Failure::Input(format!("Không tìm thấy đơn vị có mã «{}».", a.unit.trim())))?;
            let password_hash = tokio::task::spawn_blocking(move || password::hash(&pw))
                .await
                .map_err(Failure::other)?
                .map_err(Failure::Other)?;
            let user = NewUser {
                email: email.clone(),
                display_name: name,
                password_hash,
                grants: vec![(role, unit.unit_id())],
            };
            match store.create_user(&user, &cli_actor()).await {
                Ok(id) => {
                    println!("Đã tạo tài khoản #{} {email}: {} tại {} ({}).", id.0, role.label(), unit.name, unit.code);
                    Ok(())
                }
                Err(StoreError::Conflict { message, .. }) => Err(Failure::Input(message)),
                Err(e) => Err(Failure::other(e)),
            }
        }
        .await;
        store.close().await;
        result
    })
}

/// A plausible e-mail address, lower-cased: one «@», something on each side, a dot in the domain.
fn parse_email(raw: &str) -> Result<String, Failure> {
    let v = coso_text::clean(raw).to_lowercase();
    let ok = match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        }
        None => false,
    } && v.len() <= 254
        && !v.chars().any(char::is_whitespace);
    if ok { Ok(v) } else { Err(Failure::Input(format!("Địa chỉ e-mail «{v}» không hợp lệ."))) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(matches!(parse_email(" An@Xa.VN "), Ok(ref e) if e == "an@xa.vn"));
        for bad in ["", "an", "an@", "@xa.vn", "an@xa", "a n@xa.vn", "a@b@c.vn", "an@.vn"] {
            assert!(parse_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails_lose_control_and_zero_width_characters() {
        assert!(matches!(parse_email("\u{200B}An@Xa\u{0}.VN\u{FEFF}"), Ok(ref e) if e == "an@xa.vn"));
    }
}
