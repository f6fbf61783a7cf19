//! Statistics of the cases of a unit's subtree received in a period, per kind: received,
//! accepted, resolved on time or late, open and overdue; complaints and denunciations apart.
//! Rolled up the tree — one line per child of the unit (a province sees each commune) and the
//! total — with satisfaction (the ratings) and the hot spots: the categories and places with
//! many or crowded cases. One aggregate query (cases per unit, kind and category), summed here.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use coso_domain::authz::Action;
use coso_domain::case::CaseKind;
use coso_store::{CaseGroupRow, UnitRow};
use serde::Serialize;

use crate::{Actor, App, Error, Result};

/// Places and categories shown as hot spots.
pub const HOT_SPOTS: usize = 10;

/// The figures of one kind of case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KindStats {
    pub kind: String,
    pub label: String,
    pub received: i64,
    pub accepted: i64,
    pub resolved_on_time: i64,
    pub resolved_late: i64,
    pub open_overdue: i64,
    pub open: i64,
    /// Crowded (*đông người*) and over-level (*vượt cấp*) cases among those received.
    pub crowded: i64,
    pub over_level: i64,
}

/// The ratings senders gave the answers (1 to 5).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Satisfaction {
    pub rated: i64,
    /// `None` when nothing was rated.
    pub average: Option<f64>,
    /// How many answers got 1, 2, 3, 4 and 5.
    pub distribution: [i64; 5],
}

/// One line of the rollup: a child of the unit (or the unit itself, for the cases it handles
/// directly), or the total.
#[derive(Debug, Clone, Serialize)]
pub struct UnitLine {
    pub unit_code: String,
    pub unit_name: String,
    /// The cases the unit itself handles, apart from its children's.
    pub own: bool,
    /// One entry per kind, every kind present.
    pub kinds: Vec<KindStats>,
    pub satisfaction: Satisfaction,
}

impl UnitLine {
    /// The figures of `kind` on this line.
    pub fn kind(&self, kind: CaseKind) -> Option<&KindStats> {
        self.kinds.iter().find(|k| k.kind == kind.as_str())
    }

    /// Received, all kinds together.
    pub fn received(&self) -> i64 {
        self.kinds.iter().map(|k| k.received).sum()
    }
}

/// A place (unit) or a category with many or crowded cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HotSpot {
    pub code: String,
    pub name: String,
    pub cases: i64,
    pub crowded: i64,
    pub over_level: i64,
}

/// The statistics of a unit's subtree for a period.
#[derive(Debug, Clone, Serialize)]
pub struct CaseStats {
    pub unit_code: String,
    pub unit_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// One line per kind, every kind present (zeros when none): the total of the subtree.
    pub kinds: Vec<KindStats>,
    /// The total's satisfaction.
    pub satisfaction: Satisfaction,
    /// One line per child of the unit (zeros included), then the unit's own cases if any.
    pub lines: Vec<UnitLine>,
    /// The categories, the most frequent first.
    pub hot_categories: Vec<HotSpot>,
    /// The units (villages, communes…) that received the most cases, crowded ones first
    /// among equals.
    pub hot_places: Vec<HotSpot>,
}

impl CaseStats {
    /// The total line, for tables.
    pub fn total(&self) -> UnitLine {
        UnitLine {
            unit_code: self.unit_code.clone(),
            unit_name: self.unit_name.clone(),
            own: false,
            kinds: self.kinds.clone(),
            satisfaction: self.satisfaction.clone(),
        }
    }
}

/// The statistics of `unit` and below for cases received from `from` to `to`, for those who
/// handle the unit's cases.
pub async fn stats(app: &App, actor: &Actor, unit: &UnitRow, from: NaiveDate, to: NaiveDate) -> Result<CaseStats> {
    actor.authorize(&unit.unit_path(), Action::HandleCases)?;
    if from > to {
        return Err(Error::field("from", "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."));
    }
    let store = app.store();
    let groups = store.case_groups(unit, from, to, app.today()).await?;
    let children = store.children(unit.unit_id(), app.today()).await?;
    let categories: BTreeMap<String, String> =
        store.case_categories(unit.unit_id()).await?.into_iter().map(|c| (c.code, c.name)).collect();

    // Each group under the child of `unit` whose subtree holds it (`None`: the unit itself).
    let child_of = |g: &CaseGroupRow| -> Option<i64> {
        let rest = g.unit_path.strip_prefix(unit.path.as_str())?;
        rest.split('/').next().filter(|s| !s.is_empty())?.parse().ok()
    };
    let mut lines: Vec<UnitLine> = children
        .iter()
        .map(|c| line(&c.code, &c.name, false, groups.iter().filter(|g| child_of(g) == Some(c.id))))
        .collect();
    // A child that ceased keeps its line while it has cases.
    let mut ceased: Vec<i64> =
        groups.iter().filter_map(child_of).filter(|id| !children.iter().any(|c| c.id == *id)).collect();
    ceased.sort_unstable();
    ceased.dedup();
    for id in ceased {
        if let Some(c) = store.unit_by_id(coso_domain::UnitId(id)).await? {
            lines.push(line(&c.code, &c.name, false, groups.iter().filter(|g| child_of(g) == Some(id))));
        }
    }
    if groups.iter().any(|g| child_of(g).is_none()) {
        lines.push(line(&unit.code, &unit.name, true, groups.iter().filter(|g| child_of(g).is_none())));
    }
    let total = line(&unit.code, &unit.name, false, groups.iter());
    let hot_categories = hot_spots(&groups, |g| {
        (g.category.clone(), categories.get(&g.category).cloned().unwrap_or_else(|| g.category.clone()))
    });
    let hot_places = hot_spots(&groups, |g| (g.unit_code.clone(), g.unit_name.clone()));
    Ok(CaseStats {
        unit_code: unit.code.clone(),
        unit_name: unit.name.clone(),
        from,
        to,
        kinds: total.kinds,
        satisfaction: total.satisfaction,
        lines,
        hot_categories,
        hot_places,
    })
}

/// The groups summed by `key` (code, name): the most cases first, then the most crowded, then
/// by code; at most [`HOT_SPOTS`].
fn hot_spots(groups: &[CaseGroupRow], key: impl Fn(&CaseGroupRow) -> (String, String)) -> Vec<HotSpot> {
    let mut by: BTreeMap<(String, String), HotSpot> = BTreeMap::new();
    for g in groups {
        let (code, name) = key(g);
        let h = by.entry((code.clone(), name.clone())).or_insert(HotSpot {
            code,
            name,
            cases: 0,
            crowded: 0,
            over_level: 0,
        });
        h.cases += g.received;
        h.crowded += g.crowded;
        h.over_level += g.over_level;
    }
    let mut spots: Vec<HotSpot> = by.into_values().collect();
    spots.sort_by(|a, b| b.cases.cmp(&a.cases).then(b.crowded.cmp(&a.crowded)).then(a.code.cmp(&b.code)));
    spots.truncate(HOT_SPOTS);
    spots
}

/// The line of `groups` summed per kind.
fn line<'a>(code: &str, name: &str, own: bool, groups: impl Iterator<Item = &'a CaseGroupRow>) -> UnitLine {
    let groups: Vec<&CaseGroupRow> = groups.collect();
    let kinds = CaseKind::ALL
        .into_iter()
        .map(|kind| {
            let mut k =
                KindStats { kind: kind.as_str().to_string(), label: kind.label().to_string(), ..Default::default() };
            for r in groups.iter().filter(|r| r.kind == kind.as_str()) {
                k.received += r.received;
                k.accepted += r.accepted;
                k.resolved_on_time += r.resolved_on_time;
                k.resolved_late += r.resolved_late;
                k.open_overdue += r.open_overdue;
                k.open += r.open;
                k.crowded += r.crowded;
                k.over_level += r.over_level;
            }
            k
        })
        .collect();
    let mut satisfaction = Satisfaction::default();
    let mut sum = 0;
    for r in &groups {
        satisfaction.rated += r.rated;
        sum += r.rating_sum;
        for (slot, n) in
            satisfaction.distribution.iter_mut().zip([r.rating_1, r.rating_2, r.rating_3, r.rating_4, r.rating_5])
        {
            *slot += n;
        }
    }
    satisfaction.average = (satisfaction.rated > 0).then(|| sum as f64 / satisfaction.rated as f64);
    UnitLine { unit_code: code.to_string(), unit_name: name.to_string(), own, kinds, satisfaction }
}
