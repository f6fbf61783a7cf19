//! The aggregate table as XLSX and CSV, the files officials send upward.
//!
//! The agencies among the targets report on another template, with other indicators, so
//! they are never summed with the units: when a view has them, the files carry them as a
//! second table (a second sheet in XLSX, a second section in CSV), as the aggregate page does.

use coso_export::{Cell, Column, ColumnKind, Table};

use super::aggregate::{AgencySection, AggregateView, Column as Indicator, Row, StatusCounts};
use crate::{Error, Result};

/// The sheet of the units when the agencies have one of their own.
const UNITS_SHEET: &str = "Đơn vị";
const AGENCIES_SHEET: &str = "Cơ quan";

/// What one table is written from: the units' part of a view, or its agencies'.
struct Part<'a> {
    columns: &'a [Indicator],
    rows: &'a [Row],
    totals: &'a [f64],
    counts: StatusCounts,
    mean_score: Option<f64>,
}

/// The units of the aggregate as a table: unit, status, days late, every indicator, score,
/// rank; the totals row sums the indicators.
pub fn table(view: &AggregateView, title: &str) -> Table {
    let part = Part {
        columns: &view.columns,
        rows: &view.rows,
        totals: &view.totals,
        counts: view.counts,
        mean_score: view.mean_score,
    };
    part_table(title.to_owned(), &view.scope_name, &part)
}

/// The agencies of the aggregate as a table of the same shape on their own template's
/// indicators, the template named in the title; `None` when the view has no agencies.
pub fn agencies_table(view: &AggregateView, title: &str) -> Option<Table> {
    let a: &AgencySection = view.agencies.as_ref()?;
    let part =
        Part { columns: &a.columns, rows: &a.rows, totals: &a.totals, counts: a.counts, mean_score: a.mean_score };
    // In the title rather than the subtitle: the CSV keeps only the title of each section.
    let title = format!("{title} — cơ quan, đơn vị báo cáo theo {}", a.template_name);
    Some(part_table(title, &view.scope_name, &part))
}

/// The tables a file carries: the units', then the agencies' when there are any, each
/// named for its sheet. With no agencies the one table keeps the default sheet name.
fn tables(view: &AggregateView, title: &str) -> Vec<Table> {
    match agencies_table(view, title) {
        Some(agencies) => {
            vec![table(view, title).with_sheet_name(UNITS_SHEET), agencies.with_sheet_name(AGENCIES_SHEET)]
        }
        None => vec![table(view, title)],
    }
}

fn part_table(title: String, scope_name: &str, part: &Part<'_>) -> Table {
    let mut columns = vec![
        Column::new("Mã đơn vị", ColumnKind::Text),
        Column::new("Đơn vị", ColumnKind::Text),
        Column::new("Tình trạng", ColumnKind::Text),
        Column::new("Số ngày trễ", ColumnKind::Integer),
    ];
    columns.extend(
        part.columns.iter().map(|c| Column::new(format!("{} ({})", c.label, c.unit_of_measure), ColumnKind::Integer)),
    );
    columns.push(Column::new("Tổng điểm", ColumnKind::Decimal));
    columns.push(Column::new("Xếp loại", ColumnKind::Text));
    let mut t = Table::new(title, columns);
    t.subtitle = Some(format!("{} · {}", scope_name, part.counts.words()));
    t.rows = part.rows.iter().map(row_cells).collect();
    let mut totals: Vec<Cell> = vec![Cell::Empty, "Tổng cộng".into(), part.counts.words().into(), Cell::Empty];
    totals.extend(part.totals.iter().map(|v| number(Some(*v))));
    totals.push(part.mean_score.into());
    totals.push(Cell::Empty);
    t.totals = Some(totals);
    t
}

fn row_cells(r: &Row) -> Vec<Cell> {
    let mut cells: Vec<Cell> = vec![
        r.unit_code.clone().into(),
        r.unit_name.clone().into(),
        r.status_label.clone().into(),
        (if r.status == "late" { r.days } else { None }).into(),
    ];
    cells.extend(r.values.iter().map(|v| number(*v)));
    cells.push(r.score.into());
    cells.push(r.rank.clone().into());
    cells
}

/// Whole counts stay integers in the file; anything else keeps its decimals.
fn number(v: Option<f64>) -> Cell {
    match v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => Cell::Int(x as i64),
        Some(x) => Cell::Num(x),
        None => Cell::Empty,
    }
}

/// One sheet, or a sheet for the units and one for the agencies.
pub fn xlsx(view: &AggregateView, title: &str) -> Result<Vec<u8>> {
    coso_export::to_xlsx_sheets(&tables(view, title)).map_err(failed)
}

/// The units' table alone as a program reads it (header first), or, with agencies, both
/// tables one after the other under their titles.
pub fn csv(view: &AggregateView, title: &str) -> Result<Vec<u8>> {
    let tables = tables(view, title);
    match tables.as_slice() {
        [units] => coso_export::to_csv(units),
        both => coso_export::to_csv_sections(both),
    }
    .map_err(failed)
}

fn failed(e: coso_export::ExportError) -> Error {
    Error::Internal(format!("Không tạo được tệp: {e}"))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn indicator(code: &str, label: &str) -> Indicator {
        Indicator { code: code.into(), label: label.into(), unit_of_measure: "cuộc".into() }
    }

    fn row(code: &str, name: &str, value: f64) -> Row {
        Row {
            unit_code: code.into(),
            unit_name: name.into(),
            target_count: 1,
            status: "on_time",
            days: None,
            status_label: "Đúng hạn".into(),
            counts: StatusCounts { on_time: 1, ..StatusCounts::default() },
            values: vec![Some(value)],
            score: Some(90.0),
            rank: Some("Tốt".into()),
            submission_id: Some(1),
        }
    }

    fn view(agencies: Option<AgencySection>) -> AggregateView {
        let date = NaiveDate::from_ymd_opt(2026, 12, 20).expect("date");
        AggregateView {
            plan_id: 1,
            occurrence_id: 1,
            period_key: "2026".parse().expect("a period key"),
            due: Some(date),
            today: date,
            scope_code: "X1".into(),
            scope_name: "Xã An Phú".into(),
            columns: vec![indicator("hoi_nghi", "Hội nghị thôn")],
            rows: vec![row("V1", "Thôn Một", 3.0)],
            totals: vec![3.0],
            counts: StatusCounts { on_time: 1, ..StatusCounts::default() },
            ranks: Vec::new(),
            mean_score: Some(90.0),
            agencies,
        }
    }

    fn agencies() -> AgencySection {
        AgencySection {
            template_code: "co-quan".into(),
            template_name: "Mẫu báo cáo của cơ quan".into(),
            columns: vec![indicator("staff_conferences", "Hội nghị cán bộ"), indicator("rules", "Quy chế")],
            rows: vec![Row { values: vec![Some(1.0), Some(2.5)], ..row("CQA", "Văn phòng", 1.0) }],
            totals: vec![1.0, 2.5],
            counts: StatusCounts { on_time: 1, ..StatusCounts::default() },
            ranks: Vec::new(),
            mean_score: Some(80.0),
        }
    }

    #[test]
    fn without_agencies_there_is_one_table() {
        let t = tables(&view(None), "Tổng hợp");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].sheet_name, None, "the default sheet name, as before agencies had a section");
    }

    #[test]
    fn the_agencies_get_a_table_on_their_own_indicators() {
        let t = tables(&view(Some(agencies())), "Tổng hợp");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].sheet_name.as_deref(), Some("Đơn vị"));
        assert_eq!(t[1].sheet_name.as_deref(), Some("Cơ quan"));
        assert_eq!(t[1].title, "Tổng hợp — cơ quan, đơn vị báo cáo theo Mẫu báo cáo của cơ quan");
        let headers: Vec<&str> = t[1].columns.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(
            headers,
            [
                "Mã đơn vị",
                "Đơn vị",
                "Tình trạng",
                "Số ngày trễ",
                "Hội nghị cán bộ (cuộc)",
                "Quy chế (cuộc)",
                "Tổng điểm",
                "Xếp loại"
            ]
        );
        assert_eq!(
            t[1].rows,
            vec![vec![
                Cell::from("CQA"),
                "Văn phòng".into(),
                "Đúng hạn".into(),
                Cell::Empty,
                Cell::Int(1),
                Cell::Num(2.5),
                Cell::Num(90.0),
                "Tốt".into()
            ]]
        );
        let totals = t[1].totals.as_ref().expect("a totals row");
        assert_eq!(totals[1], Cell::from("Tổng cộng"));
        assert_eq!(&totals[4..], [Cell::Int(1), Cell::Num(2.5), Cell::Num(80.0), Cell::Empty]);
        assert!(t[0].columns.iter().all(|c| c.header != "Quy chế (cuộc)"), "never mixed into the units' table");
    }
}
