//! The API's view of accounts: separate from the storage rows, so the database can change
//! without breaking clients.

use coso_app::users::NewAccount;
use coso_store::UserRow;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub active: bool,
}

impl From<UserRow> for User {
    fn from(u: UserRow) -> Self {
        User { id: u.id, email: u.email, display_name: u.display_name, active: u.active }
    }
}

#[derive(Serialize, ToSchema)]
pub struct UserList {
    pub items: Vec<User>,
    pub total: i64,
}

/// Raw input of a new account, as the API and the page's form send it.
#[derive(Debug, Default, Clone, Deserialize, ToSchema)]
pub struct UserInput {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub password: String,
    /// `admin`, `official`, `viewer`, `village_head`, `board_member` or `resident`.
    #[serde(default)]
    pub role: String,
    /// Code of the unit the role is granted on.
    #[serde(default)]
    pub unit_code: String,
}

impl UserInput {
    /// The account the use case is asked to make.
    pub fn account(&self) -> NewAccount {
        NewAccount {
            email: self.email.clone(),
            display_name: Some(self.display_name.clone()),
            password: self.password.clone(),
            role: self.role.clone(),
            unit_code: self.unit_code.clone(),
        }
    }
}
