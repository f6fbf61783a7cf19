//! Whether the chairmen received citizens as often as the law asks, for a unit and the units
//! below it, over a year or a quarter: the result, a picture and the CSV/XLSX download.

use std::collections::HashMap;

use coso_calendar::HolidayCalendar;
use coso_domain::authz::Action;
use coso_domain::reception::compliance::Held;
use coso_domain::reception::{Compliance, CompliancePeriod, IntervalStatus, assess, cadence_of};
use coso_export::charts::{BarOptions, bar_chart};
use coso_export::{Cell, Column, ColumnKind, Table};
use coso_store::UnitRow;

use super::{day_off, receives_citizens};
use crate::{Actor, App, Error, Result};

/// One unit's result, or why it is not assessed.
#[derive(Debug, Clone)]
pub struct UnitResult {
    pub unit: UnitRow,
    pub result: std::result::Result<Compliance, &'static str>,
}

impl UnitResult {
    /// «12/13 tuần», or the reason it is not assessed.
    pub fn summary(&self) -> String {
        match &self.result {
            Ok(c) => format!("{}/{} {} đạt", c.met(), c.due(), c.cadence.interval_word()),
            Err(why) => (*why).to_string(),
        }
    }

    /// The missed intervals with their reasons, one line each.
    pub fn misses(&self) -> Vec<String> {
        let Ok(c) = &self.result else { return vec![] };
        c.intervals
            .iter()
            .filter_map(|i| match i.status {
                IntervalStatus::Missed(m) => Some(format!("{}: {}", i.label, m.reason())),
                _ => None,
            })
            .collect()
    }
}

/// A unit's compliance and that of the units below it that receive citizens.
#[derive(Debug, Clone)]
pub struct ComplianceView {
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub period: CompliancePeriod,
    pub own: UnitResult,
    pub children: Vec<UnitResult>,
    /// The day the view was computed on: intervals after it are not yet due.
    pub today: chrono::NaiveDate,
}

pub async fn view(
    app: &App,
    actor: &Actor,
    code: &str,
    period: CompliancePeriod,
    calendar: &HolidayCalendar,
) -> Result<ComplianceView> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::ReadReception)?;
    let (from, to) = period.range();
    let store = app.store();
    let (ancestors, children, held) = tokio::try_join!(
        store.ancestors(&unit),
        store.children(unit.unit_id(), app.today()),
        store.sessions_held_in_subtree(&unit, from, to)
    )?;
    let mut by_unit: HashMap<i64, Vec<Held>> = HashMap::new();
    for h in &held {
        by_unit.entry(h.unit_id).or_default().push(h.held());
    }
    let off = day_off(calendar);
    let result_of = |u: UnitRow| {
        let result = cadence_of(u.kind).map(|cadence| {
            let held = by_unit.get(&u.id).map(Vec::as_slice).unwrap_or_default();
            assess(cadence, (from, to), app.today(), held, &off, app.settings().reception)
        });
        UnitResult { unit: u, result }
    };
    let children = children.into_iter().filter(receives_citizens).map(&result_of).collect();
    Ok(ComplianceView { own: result_of(unit.clone()), unit, ancestors, period, children, today: app.today() })
}

impl ComplianceView {
    /// The unit, then the units below it.
    pub fn all(&self) -> impl Iterator<Item = &UnitResult> {
        std::iter::once(&self.own).chain(&self.children)
    }

    /// One bar per unit below: the weeks (or months) met out of those due.
    pub fn chart(&self) -> Option<String> {
        let data: Vec<(String, f64)> = self
            .children
            .iter()
            .filter_map(|c| c.result.as_ref().ok().map(|r| (c.unit.name.clone(), r.met() as f64)))
            .collect();
        let word = self.children.iter().find_map(|c| c.result.as_ref().ok()).map(|r| r.cadence.interval_word())?;
        let due = self.children.iter().filter_map(|c| c.result.as_ref().ok()).map(Compliance::due).max();
        let title = format!("Số {word} Chủ tịch tiếp công dân đạt yêu cầu · {}", self.period.label());
        let options = BarOptions { suffix: format!(" {word}"), max: due.map(|d| d as f64), ..Default::default() };
        Some(bar_chart(&title, &data, &options))
    }

    /// The table both downloads are written from: one line per unit.
    pub fn table(&self) -> Table {
        let mut t = Table::new(
            format!("Tiếp công dân của Chủ tịch UBND · {} · {}", self.unit.name, self.period.label()),
            vec![
                Column::new("Đơn vị", ColumnKind::Text),
                Column::new("Mã", ColumnKind::Text),
                Column::new("Yêu cầu", ColumnKind::Text),
                Column::new("Số kỳ đã đến hạn", ColumnKind::Integer),
                Column::new("Đạt", ColumnKind::Integer),
                Column::new("Không đạt", ColumnKind::Integer),
                Column::new("Các kỳ không đạt và lý do", ColumnKind::Text).with_width(80.0),
            ],
        );
        for u in self.all() {
            let (rule, due, met, missed): (String, Cell, Cell, Cell) = match &u.result {
                Ok(c) => (c.cadence.rule().into(), to_cell(c.due()), to_cell(c.met()), to_cell(c.missed())),
                Err(why) => ((*why).into(), Cell::Empty, Cell::Empty, Cell::Empty),
            };
            t.rows.push(vec![
                u.unit.name.clone().into(),
                u.unit.code.clone().into(),
                rule.into(),
                due,
                met,
                missed,
                u.misses().join("; ").into(),
            ]);
        }
        t.subtitle = Some(format!("Số liệu đến ngày {}", self.today.format("%d/%m/%Y")));
        t
    }
}

fn to_cell(n: usize) -> Cell {
    Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

pub fn csv(view: &ComplianceView) -> Result<Vec<u8>> {
    coso_export::to_csv(&view.table()).map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))
}

pub fn xlsx(view: &ComplianceView) -> Result<Vec<u8>> {
    coso_export::to_xlsx(&view.table()).map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))
}
