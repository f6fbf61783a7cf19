//! Plans, inboxes, reports and aggregate views: the pages and the API over `coso_app`'s plans and reports.

pub mod access;
pub mod api;
pub mod pages;
pub mod plan_pages;
pub mod tasks;
pub mod templates;
pub mod views;
