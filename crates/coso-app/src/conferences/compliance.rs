//! Which villages of a commune held their annual conference in the year's window (CONF-1).

use chrono::{Datelike, NaiveDate};
use coso_domain::authz::Action;
use coso_domain::conference::Window;
use coso_domain::unit::UnitKind;
use coso_export::{Column, ColumnKind, Table};
use coso_store::UnitRow;
use serde::Serialize;

use crate::{Actor, App, Error, Result};

/// One village: the first conference it held in the window, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VillageCompliance {
    pub code: String,
    pub name: String,
    pub held_on: Option<NaiveDate>,
    pub conference_id: Option<i64>,
}

/// The villages of a commune (or the one village asked) for a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComplianceView {
    pub unit_code: String,
    pub unit_name: String,
    pub year: i32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// «từ tháng 10 đến tháng 12», the configured window.
    pub window: String,
    pub held: usize,
    pub missing: usize,
    /// Villages without a conference first, each group in Vietnamese order.
    pub villages: Vec<VillageCompliance>,
}

/// The compliance of the unit `code` for `year` (default: this year), for those who see the
/// unit in the admin area: the villages directly under it, or the village itself.
pub async fn compliance(app: &App, actor: &Actor, code: &str, year: Option<i32>) -> Result<ComplianceView> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::ViewAdmin)?;
    let today = app.today();
    let year = year.unwrap_or(today.year());
    let window: Window = app.settings().conference_window;
    let (from, to) = window
        .in_year(year)
        .ok_or_else(|| Error::Validation(vec![coso_domain::FieldError::new("year", "Năm không hợp lệ.")]))?;
    let is_village = |u: &UnitRow| matches!(u.kind, UnitKind::Village | UnitKind::ResidentialGroup);
    let (villages, parent) = if is_village(&unit) {
        let parent = unit.parent_id.ok_or(Error::NotFound)?;
        (vec![unit.clone()], parent)
    } else {
        let children = app.store().children(unit.unit_id(), to.min(today).max(from)).await?;
        (children.into_iter().filter(is_village).collect::<Vec<_>>(), unit.id)
    };
    let held = app.store().conferences_under(parent, from, to).await?;
    let mut rows: Vec<VillageCompliance> = villages
        .iter()
        .map(|v| {
            let first = held.iter().find(|c| c.unit_id == v.id);
            VillageCompliance {
                code: v.code.clone(),
                name: v.name.clone(),
                held_on: first.map(|c| c.held_on),
                conference_id: first.map(|c| c.id),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.held_on.is_some(), coso_text::sort_key(&a.name)).cmp(&(b.held_on.is_some(), coso_text::sort_key(&b.name)))
    });
    let missing = rows.iter().filter(|r| r.held_on.is_none()).count();
    Ok(ComplianceView {
        unit_code: unit.code.clone(),
        unit_name: unit.name.clone(),
        year,
        from,
        to,
        window: window.label(),
        held: rows.len() - missing,
        missing,
        villages: rows,
    })
}

/// The compliance as a table for CSV/XLSX.
pub fn compliance_table(view: &ComplianceView) -> Table {
    let mut t = Table::new(
        format!("Hội nghị định kỳ của cộng đồng dân cư năm {} — {}", view.year, view.unit_name),
        vec![
            Column::new("Mã đơn vị", ColumnKind::Text),
            Column::new("Thôn, tổ dân phố", ColumnKind::Text),
            Column::new("Ngày tổ chức hội nghị", ColumnKind::Date),
            Column::new("Tình trạng", ColumnKind::Text),
        ],
    );
    t.subtitle = Some(format!("Hội nghị tính trong khoảng {} năm {}.", view.window, view.year));
    for v in &view.villages {
        t.rows.push(vec![
            v.code.as_str().into(),
            v.name.as_str().into(),
            v.held_on.into(),
            if v.held_on.is_some() { "Đã tổ chức" } else { "Chưa tổ chức" }.into(),
        ]);
    }
    t
}

/// The compliance as CSV (UTF-8 with BOM).
pub fn compliance_csv(view: &ComplianceView) -> Result<Vec<u8>> {
    coso_export::to_csv(&compliance_table(view)).map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))
}
