//! Column widths when the caller gives none, in Excel character units.

use crate::{Cell, ColumnKind, Table};

const MIN: f64 = 8.0;
const MAX_TEXT: f64 = 50.0;
/// Headers wrap, so a long header makes its column only this wide.
const MAX_HEADER: usize = 16;

/// Text columns fit their longest cell (up to a limit, then the text wraps); other columns
/// fit their formatted numbers or dates.
pub(super) fn guess(table: &Table, col: usize) -> f64 {
    let column = &table.columns[col];
    let header = chars(&column.header).min(MAX_HEADER);
    let content = match column.kind {
        ColumnKind::Text => table
            .rows
            .iter()
            .chain(&table.totals)
            .filter_map(|r| match r.get(col) {
                Some(Cell::Text(s)) => Some(chars(s)),
                _ => None,
            })
            .max()
            .unwrap_or(0),
        ColumnKind::Integer => 10,
        ColumnKind::Decimal => 12,
        ColumnKind::Percent => 8,
        ColumnKind::Date => 11,
    };
    let width = (header.max(content) + 2) as f64;
    width.clamp(MIN, MAX_TEXT)
}

/// How many lines the tallest wrapped header needs at these widths.
pub(super) fn header_lines(table: &Table, widths: &[f64]) -> f64 {
    table
        .columns
        .iter()
        .zip(widths)
        .map(|(c, w)| {
            let len = chars(&c.header) as f64;
            // Times New Roman 12 is a little wider than the Calibri 11 that width units count in.
            (len * 1.1 / (w - 1.0).max(1.0)).ceil()
        })
        .fold(1.0, f64::max)
        .min(6.0)
}

/// Characters as shown: NFC, so a decomposed "ệ" counts once.
fn chars(s: &str) -> usize {
    coso_text::nfc(s).chars().count()
}
