//! The API's view of accounts: separate from the storage rows, so the database can change
//! without breaking clients.

use coso_store::UserRow;
use serde::Serialize;
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
