//! The aggregate table as XLSX and CSV, the files officials send upward.

use coso_export::{Cell, Column, ColumnKind, Table};

use super::aggregate::AggregateView;
use crate::{Error, Result};

/// The aggregate as a table: unit, status, days late, every indicator, score, rank; the
/// totals row sums the indicators.
pub fn table(view: &AggregateView, title: &str) -> Table {
    let mut columns = vec![
        Column::new("Mã đơn vị", ColumnKind::Text),
        Column::new("Đơn vị", ColumnKind::Text),
        Column::new("Tình trạng", ColumnKind::Text),
        Column::new("Số ngày trễ", ColumnKind::Integer),
    ];
    columns.extend(
        view.columns.iter().map(|c| Column::new(format!("{} ({})", c.label, c.unit_of_measure), ColumnKind::Integer)),
    );
    columns.push(Column::new("Tổng điểm", ColumnKind::Decimal));
    columns.push(Column::new("Xếp loại", ColumnKind::Text));
    let mut t = Table::new(title, columns);
    t.subtitle = Some(format!("{} · {}", view.scope_name, view.counts.words()));
    for r in &view.rows {
        let mut cells: Vec<Cell> = vec![
            r.unit_code.clone().into(),
            r.unit_name.clone().into(),
            r.status_label.clone().into(),
            (if r.status == "late" { r.days } else { None }).into(),
        ];
        cells.extend(r.values.iter().map(|v| number(*v)));
        cells.push(r.score.into());
        cells.push(r.rank.clone().into());
        t.rows.push(cells);
    }
    let mut totals: Vec<Cell> = vec![Cell::Empty, "Tổng cộng".into(), view.counts.words().into(), Cell::Empty];
    totals.extend(view.totals.iter().map(|v| number(Some(*v))));
    totals.push(view.mean_score.into());
    totals.push(Cell::Empty);
    t.totals = Some(totals);
    t
}

/// Whole counts stay integers in the file; anything else keeps its decimals.
fn number(v: Option<f64>) -> Cell {
    match v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => Cell::Int(x as i64),
        Some(x) => Cell::Num(x),
        None => Cell::Empty,
    }
}

pub fn xlsx(view: &AggregateView, title: &str) -> Result<Vec<u8>> {
    coso_export::to_xlsx(&table(view, title)).map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))
}

pub fn csv(view: &AggregateView, title: &str) -> Result<Vec<u8>> {
    coso_export::to_csv(&table(view, title)).map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))
}
