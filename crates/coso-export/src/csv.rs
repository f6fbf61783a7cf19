//! The machine format: what another program, or Excel on a double click, reads.

use csv::{QuoteStyle, Terminator, WriterBuilder};

use crate::{Cell, ExportError, Table};

/// Excel on Windows reads a CSV file without a byte order mark as the ANSI code page and turns
/// "Đắk Lắk" into mojibake; with the BOM it reads UTF-8. Other readers skip it.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The table as CSV: BOM, header row, data rows, then the totals row if any. No title: the
/// first line is the header so that programs can load the file as is.
///
/// RFC 4180: comma separated, CRLF line ends, a field quoted only when it holds a comma, a
/// quote or a line break, quotes doubled. Numbers use a dot decimal and no grouping, dates are
/// ISO 8601 (`2026-01-31`), non-finite numbers and [`Cell::Empty`] are empty fields.
pub fn to_csv(table: &Table) -> Result<Vec<u8>, ExportError> {
    table.validate()?;
    let mut out = BOM.to_vec();
    out.extend(records(table, None)?);
    Ok(out)
}

/// Several tables in one CSV file, for a person more than a program: the BOM once, then each
/// table as its title on a line of its own, its header, rows and totals as [`to_csv`] writes
/// them, the tables separated by an empty line. The lines do not all have the same number of
/// fields, so a program should read such a file as several tables.
pub fn to_csv_sections(tables: &[Table]) -> Result<Vec<u8>, ExportError> {
    if tables.is_empty() {
        return Err(ExportError::NoTables);
    }
    for table in tables {
        table.validate()?;
    }
    let mut out = BOM.to_vec();
    for (i, table) in tables.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\r\n");
        }
        out.extend(records(table, Some(&table.title))?);
    }
    Ok(out)
}

/// The header, rows and totals of a checked table, after a one-field title line if any.
fn records(table: &Table, title: Option<&str>) -> Result<Vec<u8>, ExportError> {
    // Flexible because the title line has one field; `validate` already gave every other
    // line one field per column.
    let mut out = WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .quote_style(QuoteStyle::Necessary)
        .flexible(true)
        .from_writer(Vec::new());
    let err = |e: csv::Error| ExportError::Csv(e.to_string());
    if let Some(title) = title {
        out.write_record([neutralise(title)]).map_err(err)?;
    }
    out.write_record(table.columns.iter().map(|c| neutralise(&c.header))).map_err(err)?;
    for row in table.rows.iter().chain(&table.totals) {
        out.write_record(row.iter().map(field)).map_err(err)?;
    }
    out.into_inner().map_err(|e| ExportError::Csv(e.to_string()))
}

fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => neutralise(s),
        Cell::Int(n) => n.to_string(),
        // `Display` for f64 never uses an exponent and round-trips exactly.
        Cell::Num(x) if x.is_finite() => x.to_string(),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        Cell::Num(_) | Cell::Empty => String::new(),
    }
}

/// CSV formula injection: a spreadsheet opening the file runs a field that starts with `=`,
/// `+`, `-` or `@` as a formula (`=HYPERLINK(...)` leaking data, `=cmd|...` on old Excel).
/// Unit names and notes are typed by many people, so every text field that starts with one of
/// these, or with a tab or carriage return (OWASP's list), gets a leading apostrophe, which
/// spreadsheets show as text. Numbers are never text here, so negative numbers are untouched.
fn neutralise(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_get_an_apostrophe() {
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("-5"), "'-5");
        assert_eq!(neutralise("Xã An Phú"), "Xã An Phú");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn numbers_are_plain() {
        assert_eq!(field(&Cell::Num(-0.25)), "-0.25");
        assert_eq!(field(&Cell::Num(1e21)), "1000000000000000000000");
        assert_eq!(field(&Cell::Num(f64::NAN)), "");
        assert_eq!(field(&Cell::Int(-3)), "-3");
    }
}
