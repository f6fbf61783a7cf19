//! Whatever the labels and values, charts are well-formed XML and CSV parses back.

use coso_export::charts::{BarOptions, bar_chart, line_chart, stacked_share};
use coso_export::{Cell, Column, ColumnKind, Table, format_vn_number, to_csv};
use proptest::prelude::*;

fn any_value() -> impl Strategy<Value = f64> {
    prop_oneof![any::<f64>(), -1e6..1e6_f64, Just(f64::NAN), Just(f64::INFINITY), Just(-0.0)]
}

fn well_formed(svg: &str) -> Result<(), TestCaseError> {
    roxmltree::Document::parse(svg).map(|_| ()).map_err(|e| TestCaseError::fail(format!("{e}: {svg}")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn bar_chart_is_well_formed(
        title in any::<String>(),
        data in prop::collection::vec((any::<String>(), any_value()), 0..30),
        decimals in 0usize..20,
        width in any::<f64>(),
        max in prop::option::of(any_value()),
    ) {
        let svg = bar_chart(&title, &data, &BarOptions { decimals, suffix: "%".into(), max, width });
        well_formed(&svg)?;
    }

    #[test]
    fn stacked_share_is_well_formed(
        title in any::<String>(),
        parts in prop::collection::vec((any::<String>(), any::<u64>(), any::<String>()), 0..10),
    ) {
        well_formed(&stacked_share(&title, &parts))?;
    }

    #[test]
    fn line_chart_is_well_formed(
        title in any::<String>(),
        x in prop::collection::vec(any::<String>(), 0..15),
        series in prop::collection::vec((any::<String>(), prop::collection::vec(prop::option::of(any_value()), 0..20)), 0..6),
    ) {
        well_formed(&line_chart(&title, &x, &series))?;
    }

    #[test]
    fn vn_numbers_never_panic(x in any_value(), decimals in 0usize..40) {
        let s = format_vn_number(x, decimals);
        prop_assert!(!s.is_empty());
    }

    #[test]
    fn csv_parses_back(rows in prop::collection::vec((any::<String>(), any::<i64>(), any_value()), 0..20)) {
        let mut t = Table::new("t", vec![
            Column::new("a", ColumnKind::Text),
            Column::new("b", ColumnKind::Integer),
            Column::new("c", ColumnKind::Decimal),
        ]);
        t.rows = rows.iter().map(|(s, n, x)| vec![Cell::Text(s.clone()), Cell::Int(*n), Cell::Num(*x)]).collect();
        let bytes = to_csv(&t).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").ok_or_else(|| TestCaseError::fail("no BOM"))?;
        let back: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(body)
            .records()
            .collect::<Result<_, _>>()
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back.len(), rows.len());
        for (rec, (s, n, x)) in back.iter().zip(&rows) {
            let text = rec.get(0).unwrap_or_default();
            prop_assert!(text == s || (text.starts_with('\'') && &text[1..] == s));
            prop_assert_eq!(rec.get(1), Some(&n.to_string()[..]));
            let expected = if x.is_finite() { x.to_string() } else { String::new() };
            prop_assert_eq!(rec.get(2), Some(&expected[..]));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn xlsx_reads_back_any_text(rows in prop::collection::vec((any::<String>(), any_value()), 0..10)) {
        use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
        let mut t = Table::new("t", vec![Column::new("a", ColumnKind::Text), Column::new("b", ColumnKind::Decimal)]);
        t.rows = rows.iter().map(|(s, x)| vec![Cell::Text(s.clone()), Cell::Num(*x)]).collect();
        let bytes = coso_export::to_xlsx(&t).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(|e: calamine::XlsxError| TestCaseError::fail(e.to_string()))?;
        let sheet = book.worksheet_range_at(0).ok_or_else(|| TestCaseError::fail("no sheet"))?.map_err(|e| TestCaseError::fail(e.to_string()))?;
        for (i, (s, x)) in rows.iter().enumerate() {
            let text = sheet.get((2 + i, 0)).cloned().unwrap_or(Data::Empty);
            if !s.is_empty() {
                prop_assert_eq!(text, Data::String(s.clone()));
            }
            let number = sheet.get((2 + i, 1)).cloned().unwrap_or(Data::Empty);
            prop_assert_eq!(number, if x.is_finite() { Data::Float(*x) } else { Data::Empty });
        }
    }
}
