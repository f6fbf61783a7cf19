//! The API's view of the statistics of cases: separate from the use case's types.

use chrono::NaiveDate;
use coso_app::cases::{CaseStats, HotSpot, KindStats, Satisfaction, UnitLine};
use serde::Serialize;
use utoipa::ToSchema;

/// The statistics of a unit's subtree for a period.
#[derive(Serialize, ToSchema)]
#[schema(as = CaseStats)]
pub struct CaseStatsBody {
    pub unit_code: String,
    pub unit_name: String,
    /// The first day of receipt counted.
    pub from: NaiveDate,
    /// The last day of receipt counted.
    pub to: NaiveDate,
    /// The total of the subtree, one line per kind, every kind present (zeros when none).
    pub kinds: Vec<CaseKindStats>,
    /// The total's satisfaction.
    pub satisfaction: CaseSatisfaction,
    /// One line per child of the unit (zeros included), then the unit's own cases if any.
    pub lines: Vec<CaseStatsLine>,
    /// The categories, the most frequent first.
    pub hot_categories: Vec<CaseHotSpot>,
    /// The units that received the most cases, crowded ones first among equals.
    pub hot_places: Vec<CaseHotSpot>,
}

impl From<CaseStats> for CaseStatsBody {
    fn from(s: CaseStats) -> Self {
        CaseStatsBody {
            unit_code: s.unit_code,
            unit_name: s.unit_name,
            from: s.from,
            to: s.to,
            kinds: s.kinds.into_iter().map(CaseKindStats::from).collect(),
            satisfaction: s.satisfaction.into(),
            lines: s.lines.into_iter().map(CaseStatsLine::from).collect(),
            hot_categories: s.hot_categories.into_iter().map(CaseHotSpot::from).collect(),
            hot_places: s.hot_places.into_iter().map(CaseHotSpot::from).collect(),
        }
    }
}

/// The figures of one kind of case.
#[derive(Serialize, ToSchema)]
pub struct CaseKindStats {
    /// `petition`, `complaint`, `denunciation` or `information`.
    pub kind: String,
    pub label: String,
    pub received: i64,
    pub accepted: i64,
    pub resolved_on_time: i64,
    pub resolved_late: i64,
    pub open_overdue: i64,
    pub open: i64,
    /// Crowded (*đông người*) cases among those received.
    pub crowded: i64,
    /// Over-level (*vượt cấp*) cases among those received.
    pub over_level: i64,
}

impl From<KindStats> for CaseKindStats {
    fn from(k: KindStats) -> Self {
        CaseKindStats {
            kind: k.kind,
            label: k.label,
            received: k.received,
            accepted: k.accepted,
            resolved_on_time: k.resolved_on_time,
            resolved_late: k.resolved_late,
            open_overdue: k.open_overdue,
            open: k.open,
            crowded: k.crowded,
            over_level: k.over_level,
        }
    }
}

/// The ratings senders gave the answers, 1 to 5.
#[derive(Serialize, ToSchema)]
pub struct CaseSatisfaction {
    pub rated: i64,
    /// Null when nothing was rated.
    pub average: Option<f64>,
    /// How many answers got 1, 2, 3, 4 and 5.
    #[schema(min_items = 5, max_items = 5)]
    pub distribution: Vec<i64>,
}

impl From<Satisfaction> for CaseSatisfaction {
    fn from(s: Satisfaction) -> Self {
        CaseSatisfaction { rated: s.rated, average: s.average, distribution: s.distribution.to_vec() }
    }
}

/// One line of the rollup: a child of the unit, or the unit itself for the cases it handles.
#[derive(Serialize, ToSchema)]
pub struct CaseStatsLine {
    pub unit_code: String,
    pub unit_name: String,
    /// The cases the unit itself handles, apart from its children's.
    pub own: bool,
    /// One entry per kind, every kind present.
    pub kinds: Vec<CaseKindStats>,
    pub satisfaction: CaseSatisfaction,
}

impl From<UnitLine> for CaseStatsLine {
    fn from(l: UnitLine) -> Self {
        CaseStatsLine {
            unit_code: l.unit_code,
            unit_name: l.unit_name,
            own: l.own,
            kinds: l.kinds.into_iter().map(CaseKindStats::from).collect(),
            satisfaction: l.satisfaction.into(),
        }
    }
}

/// A place (unit) or a category with many or crowded cases.
#[derive(Serialize, ToSchema)]
pub struct CaseHotSpot {
    pub code: String,
    pub name: String,
    pub cases: i64,
    pub crowded: i64,
    pub over_level: i64,
}

impl From<HotSpot> for CaseHotSpot {
    fn from(h: HotSpot) -> Self {
        CaseHotSpot { code: h.code, name: h.name, cases: h.cases, crowded: h.crowded, over_level: h.over_level }
    }
}
