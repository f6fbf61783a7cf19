use thiserror::Error;

/// Why a table could not be exported.
#[derive(Debug, Error, PartialEq)]
pub enum ExportError {
    #[error("the table has no columns")]
    NoColumns,
    /// A workbook or a CSV file of sections needs at least one table.
    #[error("there is no table to write")]
    NoTables,
    #[error("row {row} has {found} cells, the table has {expected} columns")]
    RowLength { row: usize, expected: usize, found: usize },
    #[error("the totals row has {found} cells, the table has {expected} columns")]
    TotalsLength { expected: usize, found: usize },
    /// Writing into memory does not fail; kept so that a future writer error is not a panic.
    #[error("CSV: {0}")]
    Csv(String),
    /// The XLSX writer refused the table (Excel limits: rows, columns, 32,767 characters a cell).
    #[error("XLSX: {0}")]
    Xlsx(String),
}
