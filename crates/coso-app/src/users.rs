//! Accounts and their roles: creating one (administrators, or the command line), and who
//! may see which accounts.

use coso_domain::authz::{Action, Role};
use coso_domain::{FieldError, UserId};
use coso_store::{GrantRow, NewUser, Page, UnitRow, UserRow};

use crate::accounts::{check_password, hash_password, parse_email};
use crate::{Actor, App, Error, Result};

/// What is asked for a new account, as typed.
#[derive(Debug, Default, Clone)]
pub struct NewAccount {
    pub email: String,
    /// The name shown; `None` takes the part of the e-mail before «@».
    pub display_name: Option<String>,
    pub password: String,
    /// `admin`, `official`, `viewer`, `village_head`, `board_member` or `resident`.
    pub role: String,
    /// Code of the unit the role is granted on (and below).
    pub unit_code: String,
}

/// The account made.
#[derive(Debug, Clone)]
pub struct CreatedAccount {
    pub id: UserId,
    pub email: String,
    pub role: Role,
    pub unit: UnitRow,
}

/// Creates an account with one role on one unit; only administrators may. Every field is
/// checked before anything is written, and each wrong one is named.
pub async fn create(app: &App, actor: &Actor, input: &NewAccount) -> Result<CreatedAccount> {
    actor.require_admin()?;
    let mut errors = Vec::new();
    let email = parse_email(&input.email).map_err(|e| errors.push(e)).ok();
    let name = match input.display_name.as_deref().map(coso_text::clean) {
        Some(n) if n.is_empty() => {
            errors.push(FieldError::new("display_name", "Họ và tên không được để trống."));
            None
        }
        Some(n) => Some(n),
        None => email.as_deref().map(|e| e.split('@').next().unwrap_or(e).to_string()),
    };
    if let Err(e) = check_password(&input.password) {
        errors.push(e);
    }
    let role = Role::parse(&input.role);
    if role.is_none() {
        let all: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
        errors.push(FieldError::new(
            "role",
            format!("Vai trò «{}» không tồn tại; chọn một trong: {}.", input.role.trim(), all.join(", ")),
        ));
    }
    let code = input.unit_code.trim();
    let unit = if code.is_empty() { None } else { app.store().unit_by_code(code).await? };
    if code.is_empty() {
        errors.push(FieldError::new("unit_code", "Đơn vị được giao: chưa chọn đơn vị."));
    } else if unit.is_none() {
        errors.push(FieldError::new("unit_code", format!("Đơn vị được giao: không tìm thấy đơn vị có mã «{code}».")));
    }
    let (Some(email), Some(name), Some(role), Some(unit), true) = (email, name, role, unit, errors.is_empty()) else {
        return Err(Error::Validation(errors));
    };
    let password_hash = hash_password(input.password.clone()).await?;
    let new = NewUser { email: email.clone(), display_name: name, password_hash, grants: vec![(role, unit.unit_id())] };
    let id = app.store().create_user(&new, actor.audit()).await?;
    Ok(CreatedAccount { id, email, role, unit })
}

/// The accounts the actor may see: all for administrators, those granted inside the first
/// unit an official was granted the reading of accounts on.
pub async fn list(app: &App, actor: &Actor, limit: Option<i64>, offset: Option<i64>) -> Result<Page<UserRow>> {
    if !actor.allows_somewhere(Action::ReadUsers) {
        return Err(Error::Forbidden);
    }
    let within = if actor.is_admin() {
        None
    } else {
        actor.first_unit_allowing(Action::ReadUsers).map(|p| p.as_str().to_string())
    };
    Ok(app.store().list_users(within.as_deref(), limit, offset).await?)
}

/// Every account, for the administrators' page.
pub async fn list_all(app: &App, actor: &Actor, limit: Option<i64>) -> Result<Page<UserRow>> {
    actor.require_admin()?;
    Ok(app.store().list_users(None, limit, None).await?)
}

/// An account with its roles, for the administrators' list.
#[derive(Debug, Clone)]
pub struct Listed {
    pub user: UserRow,
    pub grants: Vec<GrantRow>,
}

/// Every account with its roles and units, in Vietnamese alphabetical order of the name shown
/// (then the e-mail); administrators only. Accounts have no stored sort key, so they are read
/// in pages and ordered here.
pub async fn directory(app: &App, actor: &Actor) -> Result<Vec<Listed>> {
    actor.require_admin()?;
    let store = app.store();
    let mut users = Vec::new();
    loop {
        let page = store.list_users(None, Some(coso_store::MAX_LIMIT), Some(users.len() as i64)).await?;
        let done = page.items.len() < coso_store::MAX_LIMIT as usize;
        users.extend(page.items);
        if done || users.len() as i64 >= page.total {
            break;
        }
    }
    let mut grants: std::collections::HashMap<i64, Vec<GrantRow>> = std::collections::HashMap::new();
    for g in store.all_grants().await? {
        grants.entry(g.user_id).or_default().push(g);
    }
    let mut listed: Vec<Listed> =
        users.into_iter().map(|user| Listed { grants: grants.remove(&user.id).unwrap_or_default(), user }).collect();
    listed.sort_by_cached_key(|l| (coso_text::sort_key(&l.user.display_name), l.user.email.clone()));
    Ok(listed)
}
