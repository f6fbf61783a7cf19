//! Plans, inboxes, reports and aggregate views: the pages and the API over `coso_reporting`.

pub mod access;
pub mod api;
pub mod documents;
pub mod pages;
pub mod plan_pages;
pub mod tasks;
pub mod templates;
pub mod views;
