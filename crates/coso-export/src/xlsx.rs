//! The "Excel" format sent upward: one sheet per table, title on top, numbers as numbers.

mod formats;
mod sheet_names;
mod widths;

use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::{Cell, ColumnKind, ExportError, Table};
use formats::Formats;

/// The table as an XLSX workbook of one sheet, built in memory; see [`to_xlsx_sheets`].
pub fn to_xlsx(table: &Table) -> Result<Vec<u8>, ExportError> {
    to_xlsx_sheets(std::slice::from_ref(table))
}

/// The tables as one XLSX workbook, one worksheet per table in order, built in memory.
///
/// Each sheet is named from its table's `sheet_name` (default "Số liệu"), made acceptable to
/// Excel: no `[ ] : * ? / \` (a `/` becomes `-`), no apostrophe at either end, at most 31
/// characters, and unique ignoring case (a repeat gets " (2)"). Sheet names never come from
/// the title, which may hold any of these ("Quý 1/2026").
///
/// Layout of each sheet: the title merged across all columns in bold, the subtitle under it,
/// then the header row (bold, filled, bordered, frozen, with an autofilter over the data rows),
/// the data rows and the totals row in bold, outside the autofilter so that sorting never
/// moves it. Numbers are numeric cells (integers beyond 2^53 lose precision, as they do in
/// Excel), dates are date cells shown dd/mm/yyyy, percent columns hold fractions shown as
/// 87,5 %. Printing is set to A4 landscape, one page wide, with the header repeated on every
/// page.
pub fn to_xlsx_sheets(tables: &[Table]) -> Result<Vec<u8>, ExportError> {
    if tables.is_empty() {
        return Err(ExportError::NoTables);
    }
    for table in tables {
        table.validate()?;
    }
    write(tables).map_err(|e| ExportError::Xlsx(e.to_string()))
}

fn write(tables: &[Table]) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut book = Workbook::new();
    let names = sheet_names::unique(tables.iter().map(|t| t.sheet_name.as_deref()));
    for (table, name) in tables.iter().zip(&names) {
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        write_sheet(sheet, table, &f)?;
    }
    book.save_to_buffer()
}

fn write_sheet(sheet: &mut Worksheet, table: &Table, f: &Formats) -> Result<(), XlsxError> {
    sheet.set_default_row_height(formats::ROW_HEIGHT);
    let last_col = u16::try_from(table.columns.len() - 1).map_err(|_| XlsxError::RowColumnLimitError)?;

    let mut row: u32 = 0;
    banner(sheet, row, last_col, &table.title, &f.title)?;
    sheet.set_row_height(row, 24)?;
    row += 1;
    if let Some(subtitle) = &table.subtitle {
        banner(sheet, row, last_col, subtitle, &f.subtitle)?;
        row += 1;
    }

    let header_row = row;
    let widths: Vec<f64> =
        table.columns.iter().enumerate().map(|(i, c)| c.width.unwrap_or_else(|| widths::guess(table, i))).collect();
    for ((col, column), width) in (0..).zip(&table.columns).zip(&widths) {
        sheet.write_string_with_format(header_row, col, &column.header, &f.header)?;
        sheet.set_column_width(col, *width)?;
    }
    // Excel does not grow a row for wrapped text when it opens a file.
    sheet.set_row_height(header_row, formats::ROW_HEIGHT * widths::header_lines(table, &widths))?;
    sheet.set_freeze_panes(header_row + 1, 0)?;
    sheet.set_repeat_rows(header_row, header_row)?;
    row += 1;

    for cells in &table.rows {
        write_row(sheet, row, table, cells, f, false)?;
        row += 1;
    }
    // Header plus data rows; with no data rows the filter still marks the header.
    sheet.autofilter(header_row, 0, (row - 1).max(header_row), last_col)?;
    if let Some(totals) = &table.totals {
        write_row(sheet, row, table, totals, f, true)?;
    }

    sheet.set_paper_size(9).set_landscape().set_print_fit_to_pages(1, 0);
    Ok(())
}

/// A line of text across the whole table width: merged when there is more than one column
/// (Excel refuses to merge a single cell).
fn banner(sheet: &mut Worksheet, row: u32, last_col: u16, text: &str, format: &Format) -> Result<(), XlsxError> {
    if last_col == 0 {
        sheet.write_string_with_format(row, 0, text, format)?;
    } else {
        sheet.merge_range(row, 0, row, last_col, text, format)?;
    }
    Ok(())
}

fn write_row(
    sheet: &mut Worksheet,
    row: u32,
    table: &Table,
    cells: &[Cell],
    f: &Formats,
    total: bool,
) -> Result<(), XlsxError> {
    for ((col, cell), column) in (0..).zip(cells).zip(&table.columns) {
        let kind = column.kind;
        match cell {
            Cell::Text(s) => sheet.write_string_with_format(row, col, s, f.get(ColumnKind::Text, total))?,
            Cell::Int(n) => {
                let x = *n as f64;
                sheet.write_number_with_format(row, col, x, f.get(number_kind(kind, true), total))?
            }
            Cell::Num(x) if x.is_finite() => {
                sheet.write_number_with_format(row, col, *x, f.get(number_kind(kind, false), total))?
            }
            Cell::Date(d) => match excel_date(*d) {
                Some(date) => sheet.write_datetime_with_format(row, col, date, f.get(ColumnKind::Date, total))?,
                // Excel has no dates before 1900 or after 9999: keep the date readable as text.
                None => sheet.write_string_with_format(row, col, d.to_string(), f.get(ColumnKind::Text, total))?,
            },
            Cell::Num(_) | Cell::Empty => sheet.write_blank(row, col, f.get(kind, total))?,
        };
    }
    Ok(())
}

/// The number format of a number cell: its column's, unless the column is text or dates.
fn number_kind(column: ColumnKind, integer: bool) -> ColumnKind {
    match column {
        ColumnKind::Integer | ColumnKind::Decimal | ColumnKind::Percent => column,
        ColumnKind::Text | ColumnKind::Date if integer => ColumnKind::Integer,
        ColumnKind::Text | ColumnKind::Date => ColumnKind::Decimal,
    }
}

fn excel_date(d: chrono::NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    // Month and day come from a valid NaiveDate, so they fit.
    ExcelDateTime::from_ymd(year, u8::try_from(d.month()).ok()?, u8::try_from(d.day()).ok()?).ok()
}
