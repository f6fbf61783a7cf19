//! The statistics of cases as a table — one row per line of the rollup, the total last — for
//! the XLSX and CSV downloads.

use coso_domain::case::CaseKind;
use coso_export::{Cell, Column, ColumnKind, Table};

use super::stats::{CaseStats, UnitLine};
use crate::{Error, Result};

/// The figures of each kind, in the order of the columns.
const FIGURES: [&str; 5] =
    ["tiếp nhận", "thụ lý", "giải quyết đúng hạn", "giải quyết trễ hạn", "quá hạn chưa giải quyết"];

/// The short name of a kind in a column header.
fn short(kind: CaseKind) -> &'static str {
    match kind {
        CaseKind::Petition => "Phản ánh, kiến nghị",
        CaseKind::Complaint => "Khiếu nại",
        CaseKind::Denunciation => "Tố cáo",
        CaseKind::Information => "Thông tin tố cáo",
    }
}

fn cells(line: &UnitLine) -> Vec<Cell> {
    let mut cells: Vec<Cell> = vec![line.unit_code.clone().into(), line.unit_name.clone().into()];
    for kind in CaseKind::ALL {
        let k = line.kind(kind).cloned().unwrap_or_default();
        cells.extend([k.received, k.accepted, k.resolved_on_time, k.resolved_late, k.open_overdue].map(Cell::Int));
    }
    cells.push(Cell::Int(line.kinds.iter().map(|k| k.crowded).sum()));
    cells.push(Cell::Int(line.kinds.iter().map(|k| k.over_level).sum()));
    cells.push(Cell::Int(line.satisfaction.rated));
    cells.push(line.satisfaction.average.into());
    cells
}

/// The statistics as a table: unit, then per kind received, accepted, resolved on time, late
/// and overdue; crowded, over-level; ratings and their average. The totals row is the subtree.
pub fn stats_table(stats: &CaseStats) -> Table {
    let mut columns = vec![Column::new("Mã đơn vị", ColumnKind::Text), Column::new("Đơn vị", ColumnKind::Text)];
    for kind in CaseKind::ALL {
        columns.extend(FIGURES.iter().map(|f| Column::new(format!("{}: {f}", short(kind)), ColumnKind::Integer)));
    }
    columns.push(Column::new("Vụ việc đông người", ColumnKind::Integer));
    columns.push(Column::new("Vụ việc vượt cấp", ColumnKind::Integer));
    columns.push(Column::new("Số lượt đánh giá", ColumnKind::Integer));
    columns.push(Column::new("Điểm hài lòng trung bình (1–5)", ColumnKind::Decimal));
    let mut t = Table::new(format!("Thống kê đơn thư: {}", stats.unit_name), columns);
    t.subtitle = Some(format!(
        "Tiếp nhận từ {} đến {}",
        coso_calendar::format_vn(stats.from),
        coso_calendar::format_vn(stats.to)
    ));
    for line in &stats.lines {
        let mut row = cells(line);
        if line.own {
            row[1] = format!("{} (trực tiếp giải quyết)", line.unit_name).into();
        }
        t.rows.push(row);
    }
    let mut totals = cells(&stats.total());
    totals[0] = Cell::Empty;
    totals[1] = "Tổng cộng".into();
    t.totals = Some(totals);
    t
}

pub fn stats_xlsx(stats: &CaseStats) -> Result<Vec<u8>> {
    coso_export::to_xlsx(&stats_table(stats)).map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))
}

pub fn stats_csv(stats: &CaseStats) -> Result<Vec<u8>> {
    coso_export::to_csv(&stats_table(stats)).map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))
}
