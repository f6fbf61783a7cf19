//! Read the workbook back with calamine and compare with the table.

mod common;

use std::io::Cursor;

use calamine::{Data, DataType, Range, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use coso_export::{Cell, Column, ColumnKind, ExportError, Table, to_xlsx, to_xlsx_sheets};

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("a readable workbook")
}

fn first_sheet(bytes: Vec<u8>) -> Range<Data> {
    let mut book = open(bytes);
    assert_eq!(book.sheet_names(), vec!["Số liệu".to_owned()]);
    book.worksheet_range_at(0).expect("one sheet").expect("sheet")
}

fn small() -> Table {
    let mut t = Table::new(
        "Tình hình nộp báo cáo tháng 1/2026",
        vec![
            Column::new("Đơn vị", ColumnKind::Text),
            Column::new("Số hộ", ColumnKind::Integer),
            Column::new("Điểm", ColumnKind::Decimal),
            Column::new("Tỷ lệ đúng hạn", ColumnKind::Percent),
            Column::new("Ngày nộp", ColumnKind::Date).with_width(14.0),
        ],
    );
    t.subtitle = Some("Kèm theo Công văn số 12/UBND".to_owned());
    let date = NaiveDate::from_ymd_opt(2026, 2, 5).expect("date");
    t.rows = vec![
        vec!["Phường Hòa Khánh Bắc".into(), 1234.into(), 87.25.into(), 0.875.into(), date.into()],
        vec!["Xã Ea Kao & \"Cư Yên\"".into(), (-3).into(), Cell::Num(f64::NAN), Cell::Empty, Cell::Empty],
        vec!["=HYPERLINK(\"x\")".into(), 0.into(), 0.5.into(), 1.0.into(), Cell::Text("chưa nộp".into())],
    ];
    t.totals = Some(vec!["Tổng cộng".into(), 1231.into(), Cell::Empty, Cell::Empty, Cell::Empty]);
    t
}

#[test]
fn numbers_texts_and_dates_read_back() {
    let sheet = first_sheet(to_xlsx(&small()).expect("xlsx"));
    let at = |r: usize, c: usize| sheet.get((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(sheet.start(), Some((0, 0)));
    assert_eq!(at(0, 0), Data::String("Tình hình nộp báo cáo tháng 1/2026".into()));
    assert_eq!(at(1, 0), Data::String("Kèm theo Công văn số 12/UBND".into()));
    assert_eq!(at(2, 3), Data::String("Tỷ lệ đúng hạn".into()));

    assert_eq!(at(3, 0), Data::String("Phường Hòa Khánh Bắc".into()));
    assert_eq!(at(3, 1), Data::Float(1234.0));
    assert_eq!(at(3, 2), Data::Float(87.25));
    assert_eq!(at(3, 3), Data::Float(0.875));
    let date = at(3, 4);
    assert!(date.is_datetime(), "a date cell, not text or a bare number: {date:?}");
    assert_eq!(date.as_date(), NaiveDate::from_ymd_opt(2026, 2, 5));

    assert_eq!(at(4, 0), Data::String("Xã Ea Kao & \"Cư Yên\"".into()));
    assert_eq!(at(4, 1), Data::Float(-3.0));
    assert_eq!(at(4, 2), Data::Empty, "NaN is an empty cell");
    // XLSX keeps text as text: no formula is ever written, so no apostrophe is needed.
    assert_eq!(at(5, 0), Data::String("=HYPERLINK(\"x\")".into()));
    assert_eq!(at(5, 4), Data::String("chưa nộp".into()));

    assert_eq!(at(6, 0), Data::String("Tổng cộng".into()));
    assert_eq!(at(6, 1), Data::Float(1231.0));
    assert_eq!(sheet.height(), 7);
}

#[test]
fn title_and_subtitle_are_merged_across_the_table() {
    let mut book = open(to_xlsx(&small()).expect("xlsx"));
    let merges = book.merge_cells_by_sheet_id(0).expect("merges");
    let spans: Vec<_> = merges.iter().map(|d| (d.start, d.end)).collect();
    assert_eq!(spans, vec![((0, 0), (0, 4)), ((1, 0), (1, 4))]);
}

#[test]
fn province_table_keeps_every_row() {
    let table = common::province_table();
    let sheet = first_sheet(to_xlsx(&table).expect("xlsx"));
    // Title, subtitle, header, 3,321 units, totals.
    assert_eq!(sheet.height(), 3 + common::UNITS + 1);
    for i in [0, 1, 7, 9, 1660, common::UNITS - 1] {
        let r = 3 + i;
        for (c, cell) in common::row(i).iter().enumerate() {
            let got = sheet.get((r, c)).cloned().unwrap_or(Data::Empty);
            match cell {
                Cell::Text(s) => assert_eq!(got, Data::String(s.clone()), "row {i} col {c}"),
                Cell::Int(n) => assert_eq!(got, Data::Float(*n as f64), "row {i} col {c}"),
                Cell::Num(x) => assert_eq!(got, Data::Float(*x), "row {i} col {c}"),
                Cell::Date(d) => assert_eq!(got.as_date(), Some(*d), "row {i} col {c}"),
                Cell::Empty => assert_eq!(got, Data::Empty, "row {i} col {c}"),
            }
        }
    }
    let last = 3 + common::UNITS;
    assert_eq!(sheet.get((last, 1)), Some(&Data::String("Tổng cộng".into())));
}

#[test]
fn one_column_table_is_not_merged() {
    let mut t = Table::new("Danh sách", vec![Column::new("Đơn vị", ColumnKind::Text)]);
    t.rows.push(vec!["Xã A".into()]);
    let sheet = first_sheet(to_xlsx(&t).expect("xlsx"));
    assert_eq!(sheet.get((2, 0)), Some(&Data::String("Xã A".into())));
}

#[test]
fn empty_table_still_has_title_and_header() {
    let t = Table::new("Không có đơn vị nào", vec![Column::new("Đơn vị", ColumnKind::Text)]);
    let sheet = first_sheet(to_xlsx(&t).expect("xlsx"));
    assert_eq!(sheet.height(), 2);
}

#[test]
fn a_short_row_is_an_error() {
    let mut t = small();
    t.rows[1].pop();
    assert_eq!(to_xlsx(&t), Err(ExportError::RowLength { row: 1, expected: 5, found: 4 }));
}

#[test]
fn excel_limits_are_errors_not_panics() {
    let mut t = small();
    t.rows[0][0] = Cell::Text("x".repeat(40_000));
    assert!(matches!(to_xlsx(&t), Err(ExportError::Xlsx(_))));
}

#[test]
fn odd_text_survives() {
    let mut t = Table::new("t", vec![Column::new("a", ColumnKind::Text)]);
    let odd = ["_x0041_", "a\u{7}b", "  lề trái", "dòng 1\ndòng 2", "e\u{302}\u{323}"];
    t.rows = odd.iter().map(|s| vec![Cell::from(*s)]).collect();
    let sheet = first_sheet(to_xlsx(&t).expect("xlsx"));
    for (i, s) in odd.iter().enumerate() {
        assert_eq!(sheet.get((2 + i, 0)), Some(&Data::String((*s).to_owned())));
    }
}

/// The agencies' table of an aggregate: other columns than the units' table.
fn agencies() -> Table {
    let mut t = Table::new(
        "Các cơ quan, đơn vị — Mẫu báo cáo của cơ quan",
        vec![Column::new("Mã đơn vị", ColumnKind::Text), Column::new("Số hội nghị cán bộ", ColumnKind::Integer)],
    )
    .with_sheet_name("Cơ quan");
    t.rows = vec![vec!["CQA".into(), 2.into()], vec!["CQB".into(), Cell::Empty]];
    t.totals = Some(vec!["Tổng cộng".into(), 2.into()]);
    t
}

#[test]
fn several_tables_make_one_sheet_each_in_order() {
    let bytes = to_xlsx_sheets(&[small().with_sheet_name("Đơn vị"), agencies()]).expect("xlsx");
    let mut book = open(bytes);
    assert_eq!(book.sheet_names(), vec!["Đơn vị".to_owned(), "Cơ quan".to_owned()]);
    let units = book.worksheet_range("Đơn vị").expect("units' sheet");
    assert_eq!(units.get((3, 0)), Some(&Data::String("Phường Hòa Khánh Bắc".into())));
    assert_eq!(units.get((3, 1)), Some(&Data::Float(1234.0)));
    let agencies = book.worksheet_range("Cơ quan").expect("agencies' sheet");
    let at = |r: usize, c: usize| agencies.get((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(at(0, 0), Data::String("Các cơ quan, đơn vị — Mẫu báo cáo của cơ quan".into()));
    assert_eq!(at(1, 1), Data::String("Số hội nghị cán bộ".into()), "no subtitle: the header is second");
    assert_eq!(at(2, 0), Data::String("CQA".into()));
    assert_eq!(at(2, 1), Data::Float(2.0));
    assert_eq!(at(3, 1), Data::Empty);
    assert_eq!(at(4, 0), Data::String("Tổng cộng".into()));
    assert_eq!(agencies.height(), 5);
    // Each sheet keeps its own merged title.
    let merges = book.merge_cells_by_sheet_id(1).expect("merges");
    assert_eq!(merges.iter().map(|d| (d.start, d.end)).collect::<Vec<_>>(), vec![((0, 0), (0, 1))]);
}

#[test]
fn sheet_names_are_made_acceptable_to_excel() {
    let named = |name: &str| small().with_sheet_name(name);
    let tables = [
        named("Quý 1/2026: [tỉnh]"),
        named("'Tổng hợp kết quả của các xã, phường năm 2026'"),
        small(),
        small(),
        named("số liệu"),
    ];
    let book = open(to_xlsx_sheets(&tables).expect("xlsx"));
    assert_eq!(
        book.sheet_names(),
        vec![
            "Quý 1-2026- -tỉnh-".to_owned(),
            "Tổng hợp kết quả của các xã, ph".to_owned(),
            "Số liệu".to_owned(),
            "Số liệu (2)".to_owned(),
            "số liệu (3)".to_owned(),
        ]
    );
}

#[test]
fn one_table_keeps_the_default_sheet_name() {
    let book = open(to_xlsx_sheets(&[small()]).expect("xlsx"));
    assert_eq!(book.sheet_names(), vec!["Số liệu".to_owned()]);
}

#[test]
fn no_table_or_a_bad_one_is_an_error() {
    assert_eq!(to_xlsx_sheets(&[]), Err(ExportError::NoTables));
    let mut bad = agencies();
    bad.rows[1].pop();
    assert_eq!(to_xlsx_sheets(&[small(), bad]), Err(ExportError::RowLength { row: 1, expected: 2, found: 1 }));
}
