//! A province-sized report table: 3,321 communes × 16 columns, deterministic.

use chrono::NaiveDate;
use coso_export::{Cell, Column, ColumnKind, Table};

pub const UNITS: usize = 3321;

pub fn columns() -> Vec<Column> {
    let mut columns = vec![
        Column::new("STT", ColumnKind::Integer).with_width(6.0),
        Column::new("Đơn vị", ColumnKind::Text),
        Column::new("Trạng thái", ColumnKind::Text),
        Column::new("Ngày nộp", ColumnKind::Date),
        Column::new("Số ngày trễ", ColumnKind::Integer),
    ];
    for i in 1..=8 {
        let kind = if i % 2 == 0 { ColumnKind::Decimal } else { ColumnKind::Integer };
        columns.push(Column::new(format!("Chỉ tiêu {i}"), kind));
    }
    columns.push(Column::new("Tỷ lệ hoàn thành", ColumnKind::Percent));
    columns.push(Column::new("Điểm", ColumnKind::Decimal));
    columns.push(Column::new("Hạng", ColumnKind::Integer));
    columns
}

pub fn row(i: usize) -> Vec<Cell> {
    let n = i64::try_from(i).expect("small");
    let due = NaiveDate::from_ymd_opt(2026, 1, 10).expect("date");
    let (status, date, late): (&str, Cell, Cell) = match i % 10 {
        0..=6 => ("Đúng hạn", Cell::Date(due - chrono::Days::new((i % 5) as u64)), Cell::Int(0)),
        7 | 8 => ("Trễ hạn", Cell::Date(due + chrono::Days::new((i % 7 + 1) as u64)), Cell::Int((n % 7) + 1)),
        _ => ("Chưa nộp", Cell::Empty, Cell::Empty),
    };
    let mut cells = vec![Cell::Int(n + 1), Cell::Text(format!("Xã Đắk Lắk {}", i + 1)), status.into(), date, late];
    for k in 1..=8_i64 {
        cells.push(if k % 2 == 0 { Cell::Num((n * k) as f64 / 4.0) } else { Cell::Int(n * k) });
    }
    cells.push(Cell::Num((i % 101) as f64 / 100.0));
    cells.push(Cell::Num(((i * 37) % 1000) as f64 / 10.0));
    cells.push(Cell::Int(n % 3321 + 1));
    cells
}

pub fn province_table() -> Table {
    let mut t = Table::new("Tổng hợp báo cáo quý I/2026 — tỉnh Đắk Lắk", columns());
    t.subtitle = Some("Số liệu đến ngày 31/3/2026".to_owned());
    t.rows = (0..UNITS).map(row).collect();
    let mut totals = vec![Cell::Empty; 16];
    totals[1] = "Tổng cộng".into();
    totals[5] = Cell::Int((0..UNITS as i64).sum());
    t.totals = Some(totals);
    t
}
