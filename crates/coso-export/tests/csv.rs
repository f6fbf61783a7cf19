//! Parse the CSV back with the csv crate and compare with the table.

mod common;

use chrono::NaiveDate;
use coso_export::{Cell, Column, ColumnKind, ExportError, Table, to_csv, to_csv_sections};

fn parse(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("starts with the UTF-8 BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_owned).collect())
        .collect()
}

fn table() -> Table {
    let mut t = Table::new(
        "Báo cáo",
        vec![
            Column::new("Đơn vị", ColumnKind::Text),
            Column::new("Số hộ", ColumnKind::Integer),
            Column::new("Điểm", ColumnKind::Decimal),
            Column::new("Ngày nộp", ColumnKind::Date),
        ],
    );
    let date = NaiveDate::from_ymd_opt(2026, 2, 5).expect("date");
    t.rows = vec![
        vec!["Phường Hòa Khánh Bắc".into(), 1234.into(), 87.25.into(), date.into()],
        vec!["Tổ 1, \"Cư Yên\"\nthôn 2".into(), (-3).into(), Cell::Num(f64::INFINITY), Cell::Empty],
    ];
    t.totals = Some(vec!["Tổng cộng".into(), 1231.into(), Cell::Empty, Cell::Empty]);
    t
}

#[test]
fn bom_header_rows_and_totals() {
    let bytes = to_csv(&table()).expect("csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF\xC4\x90"), "BOM, then \"Đ\"");
    assert_eq!(
        parse(&bytes),
        vec![
            vec!["Đơn vị", "Số hộ", "Điểm", "Ngày nộp"],
            vec!["Phường Hòa Khánh Bắc", "1234", "87.25", "2026-02-05"],
            vec!["Tổ 1, \"Cư Yên\"\nthôn 2", "-3", "", ""],
            vec!["Tổng cộng", "1231", "", ""],
        ]
    );
}

#[test]
fn rfc_4180_quoting_and_crlf() {
    let text = String::from_utf8(to_csv(&table()).expect("csv")).expect("utf-8");
    assert!(text.contains("\r\n\"Tổ 1, \"\"Cư Yên\"\"\nthôn 2\",-3,,\r\n"), "{text}");
    assert!(text.contains("\r\nPhường Hòa Khánh Bắc,1234,87.25,2026-02-05\r\n"));
}

#[test]
fn formula_injection_is_neutralised() {
    let mut t = Table::new("t", vec![Column::new("=Đơn vị", ColumnKind::Text), Column::new("n", ColumnKind::Integer)]);
    for s in ["=1+1", "+84912345678", "-2+3", "@SUM(A1:A9)", "\tx", "=HYPERLINK(\"http://x\",\"y\")"] {
        t.rows.push(vec![s.into(), (-5).into()]);
    }
    let rows = parse(&to_csv(&t).expect("csv"));
    assert_eq!(rows[0][0], "'=Đơn vị");
    for row in &rows[1..] {
        assert!(row[0].starts_with('\''), "{row:?}");
        assert_eq!(row[1], "-5", "numbers are not touched");
    }
}

#[test]
fn province_table_round_trips() {
    let table = common::province_table();
    let rows = parse(&to_csv(&table).expect("csv"));
    assert_eq!(rows.len(), 1 + common::UNITS + 1);
    for (i, row) in rows[1..=common::UNITS].iter().enumerate() {
        let expected: Vec<String> = common::row(i)
            .iter()
            .map(|c| match c {
                Cell::Text(s) => s.clone(),
                Cell::Int(n) => n.to_string(),
                Cell::Num(x) => x.to_string(),
                Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
                Cell::Empty => String::new(),
            })
            .collect();
        assert_eq!(row, &expected, "row {i}");
        let back: f64 = row[14].parse().expect("a number");
        assert_eq!(Cell::Num(back), common::row(i)[14], "exact round trip");
    }
}

#[test]
fn a_long_row_is_an_error() {
    let mut t = table();
    t.rows[0].push(Cell::Empty);
    assert_eq!(to_csv(&t), Err(ExportError::RowLength { row: 0, expected: 4, found: 5 }));
}

/// The agencies' table of an aggregate: other columns than the units' table.
fn agencies() -> Table {
    let mut t = Table::new(
        "Các cơ quan, đơn vị — Mẫu báo cáo của cơ quan",
        vec![Column::new("Mã đơn vị", ColumnKind::Text), Column::new("Số hội nghị cán bộ", ColumnKind::Integer)],
    );
    t.rows = vec![vec!["CQA".into(), 2.into()], vec!["=CQB".into(), Cell::Empty]];
    t
}

/// The lines of a file of sections, read as the flexible records they are.
fn parse_sections(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("starts with the UTF-8 BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body)
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn sections_follow_each_other_under_their_titles() {
    let bytes = to_csv_sections(&[table(), agencies()]).expect("csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "one BOM at the start");
    assert_eq!(bytes.windows(3).filter(|w| **w == *b"\xEF\xBB\xBF").count(), 1, "and only one");
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    assert!(
        text.contains("\r\nTổng cộng,1231,,\r\n\r\n\"Các cơ quan, đơn vị — Mẫu báo cáo của cơ quan\"\r\n"),
        "{text}"
    );
    assert_eq!(
        parse_sections(&bytes),
        vec![
            vec!["Báo cáo"],
            vec!["Đơn vị", "Số hộ", "Điểm", "Ngày nộp"],
            vec!["Phường Hòa Khánh Bắc", "1234", "87.25", "2026-02-05"],
            vec!["Tổ 1, \"Cư Yên\"\nthôn 2", "-3", "", ""],
            vec!["Tổng cộng", "1231", "", ""],
            // The csv reader skips the empty line between the sections.
            vec!["Các cơ quan, đơn vị — Mẫu báo cáo của cơ quan"],
            vec!["Mã đơn vị", "Số hội nghị cán bộ"],
            vec!["CQA", "2"],
            vec!["'=CQB", ""],
        ]
    );
}

#[test]
fn section_titles_are_neutralised_too() {
    let mut t = agencies();
    t.title = "=HYPERLINK(\"http://x\")".into();
    let rows = parse_sections(&to_csv_sections(&[t]).expect("csv"));
    assert_eq!(rows[0], vec!["'=HYPERLINK(\"http://x\")"]);
}

#[test]
fn sections_need_a_table_and_check_each() {
    assert_eq!(to_csv_sections(&[]), Err(ExportError::NoTables));
    let mut bad = agencies();
    bad.rows[0].push(Cell::Empty);
    assert_eq!(to_csv_sections(&[table(), bad]), Err(ExportError::RowLength { row: 0, expected: 2, found: 3 }));
}
