//! Wire types the API's features share. Each feature keeps its own in its `wire.rs`:
//! separate from storage rows, so the database can change without breaking clients.

use serde::Serialize;
use utoipa::ToSchema;
use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
}

/// A number sent as a JSON number or as the text typed in a form (`12`, `"12"`, `"12,5"`): the
/// use cases read both the same way.
pub fn number_or_text() -> Object {
    ObjectBuilder::new()
        .schema_type([Type::Number, Type::String].into_iter().collect::<SchemaType>())
        .description(Some("A number, or the text typed (`\"12,5\"`)."))
        .build()
}

/// [`number_or_text`], or `null` for none.
pub fn optional_number_or_text() -> Object {
    ObjectBuilder::new()
        .schema_type([Type::Number, Type::String, Type::Null].into_iter().collect::<SchemaType>())
        .description(Some("A number, or the text typed (`\"12,5\"`); null or absent for none."))
        .build()
}
