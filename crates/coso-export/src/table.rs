use chrono::NaiveDate;

use crate::ExportError;

/// A report table: what both CSV and XLSX are written from.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub title: String,
    pub subtitle: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Written last and in bold; its label (usually "Tổng cộng") is one of its cells.
    pub totals: Option<Vec<Cell>>,
    /// The name of its worksheet in XLSX; `None` gives the default "Số liệu". Made safe for
    /// Excel when written (see [`crate::to_xlsx_sheets`]), so any text may go here.
    pub sheet_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub kind: ColumnKind,
    /// XLSX width in Excel character units; `None` picks one from the kind and the contents.
    pub width: Option<f64>,
}

/// How a column is shown in XLSX. CSV writes the raw value whatever the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    Integer,
    /// Two decimals.
    Decimal,
    /// The cell holds a fraction: `0.875` is shown as 87.5 %.
    Percent,
    Date,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// Non-finite numbers are written as empty cells.
    Num(f64),
    Date(NaiveDate),
    Empty,
}

impl Column {
    pub fn new(header: impl Into<String>, kind: ColumnKind) -> Self {
        Self { header: header.into(), kind, width: None }
    }

    pub fn with_width(mut self, width: f64) -> Self {
        self.width = Some(width);
        self
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Self {
        Cell::Int(n)
    }
}

impl From<f64> for Cell {
    fn from(n: f64) -> Self {
        Cell::Num(n)
    }
}

impl From<NaiveDate> for Cell {
    fn from(d: NaiveDate) -> Self {
        Cell::Date(d)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Self {
        v.map_or(Cell::Empty, Into::into)
    }
}

impl Table {
    pub fn new(title: impl Into<String>, columns: Vec<Column>) -> Self {
        Self { title: title.into(), subtitle: None, columns, rows: Vec::new(), totals: None, sheet_name: None }
    }

    pub fn with_sheet_name(mut self, name: impl Into<String>) -> Self {
        self.sheet_name = Some(name.into());
        self
    }

    /// Every row, and the totals row, has exactly one cell per column. Both exporters check
    /// this first, so a short row never shifts the numbers of a unit under another header.
    pub fn validate(&self) -> Result<(), ExportError> {
        let expected = self.columns.len();
        if expected == 0 {
            return Err(ExportError::NoColumns);
        }
        if let Some((row, cells)) = self.rows.iter().enumerate().find(|(_, r)| r.len() != expected) {
            return Err(ExportError::RowLength { row, expected, found: cells.len() });
        }
        match &self.totals {
            Some(t) if t.len() != expected => Err(ExportError::TotalsLength { expected, found: t.len() }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_columns() -> Table {
        Table::new("t", vec![Column::new("Đơn vị", ColumnKind::Text), Column::new("Điểm", ColumnKind::Decimal)])
    }

    #[test]
    fn rows_must_match_the_columns() {
        let mut t = two_columns();
        t.rows.push(vec!["Xã A".into(), 1.5.into()]);
        assert_eq!(t.validate(), Ok(()));
        t.rows.push(vec!["Xã B".into()]);
        assert_eq!(t.validate(), Err(ExportError::RowLength { row: 1, expected: 2, found: 1 }));
    }

    #[test]
    fn totals_must_match_the_columns() {
        let mut t = two_columns();
        t.totals = Some(vec!["Tổng cộng".into(), Cell::Empty, Cell::Empty]);
        assert_eq!(t.validate(), Err(ExportError::TotalsLength { expected: 2, found: 3 }));
    }

    #[test]
    fn no_columns_is_an_error() {
        assert_eq!(Table::new("t", vec![]).validate(), Err(ExportError::NoColumns));
    }
}
