//! The JSON API under `/api/v1`, documented in OpenAPI at `/api/v1/openapi.json`.

pub mod calendar;
pub mod health;
pub mod households;
pub mod openapi;
pub mod units;
pub mod users;
pub mod wire;
