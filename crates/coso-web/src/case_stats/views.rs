//! The statistics page: lines and figures already worded in Vietnamese.

use askama::Template;
use askama_web::WebTemplate;

use crate::views::{ErrorLink, Nav, UnitChoice};

/// One chart with the table it was drawn from.
#[derive(Debug, Clone)]
pub struct Chart {
    pub title: String,
    pub svg: String,
    pub table: Vec<(String, String)>,
}

/// One row of the table: a child unit, the unit's own cases, or the total.
#[derive(Debug, Clone)]
pub struct StatsRow {
    pub name: String,
    /// The same page for that unit, when it is a child with its own subtree.
    pub href: Option<String>,
    /// Per kind: received, accepted, on time, late, overdue.
    pub figures: Vec<[String; 5]>,
    pub crowded: String,
    pub rated: String,
    pub average: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "case_stats/stats.html")]
pub struct StatsPage {
    pub nav: Nav,
    pub errors: Vec<ErrorLink>,
    pub from_error: String,
    pub to_error: String,
    pub units: Vec<UnitChoice>,
    pub unit_code: String,
    pub unit_name: String,
    pub from: String,
    pub to: String,
    /// "tu=…&den=…&don-vi=…" for the downloads.
    pub export_query: String,
    /// The kinds' short names, one group of columns each.
    pub kinds: Vec<&'static str>,
    pub rows: Vec<StatsRow>,
    pub total: Option<StatsRow>,
    pub charts: Vec<Chart>,
}
