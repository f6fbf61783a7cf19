//! Report tables as CSV and XLSX, and report charts as accessible SVG.
//!
//! Pure: bytes and strings in, bytes and strings out. No file, network or database access, so
//! the same functions serve a download, a background job and a test.
//!
//! * [`Table`]: title, typed columns, rows of [`Cell`]s and an optional totals row.
//! * [`to_csv`]: the machine format (UTF-8 with BOM, RFC 4180, formula injection neutralised);
//!   [`to_csv_sections`]: several tables one after another, each under its title.
//! * [`to_xlsx`]: the "Excel" format sent upward (numbers as numbers, dates as dates);
//!   [`to_xlsx_sheets`]: several tables in one workbook, one sheet each.
//! * [`charts`]: horizontal bars, one 100 % stacked bar, lines; Vietnamese number format.
//! * [`atom`]: Atom 1.0 feeds (RFC 4287) with every text escaped.

pub mod atom;
pub mod charts;
mod csv;
mod error;
mod table;
mod xlsx;

pub use crate::csv::{to_csv, to_csv_sections};
pub use charts::format_vn_number;
pub use error::ExportError;
pub use table::{Cell, Column, ColumnKind, Table};
pub use xlsx::{to_xlsx, to_xlsx_sheets};
