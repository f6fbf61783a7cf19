//! Wire types the API's features share. Each feature keeps its own in its `wire.rs`:
//! separate from storage rows, so the database can change without breaking clients.

use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
}
