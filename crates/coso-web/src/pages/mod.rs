//! Server-rendered pages in Vietnamese. They work without JavaScript.

pub mod admin;
pub mod calendar;
pub mod households;
pub mod public;
pub mod upload;
pub mod users;
