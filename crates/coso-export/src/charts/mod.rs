//! Report charts as self-contained SVG strings: no JavaScript, no external file.
//!
//! Every chart is `role="img"` with an `aria-label` and a `<title>` (the caller's Vietnamese
//! title), scales with its `viewBox` (width 100 %, height from the aspect ratio), and colours
//! each mark twice: a CSS class for the page theme and print styles, and an inline `fill` that
//! CSS overrides, so a saved `.svg` file looks right too. Every caller string is XML-escaped.
//! Charts never panic: no data gives a chart that says "Chưa có số liệu", and NaN or infinite
//! values are left out of the drawing but named in the labels. Show the same data as a table
//! beside the chart; the chart is the summary, the table is the record.

mod bar;
mod line;
mod number;
mod palette;
mod scale;
mod stacked;
mod svg;

pub use bar::{BarOptions, bar_chart};
pub use line::line_chart;
pub use number::format_vn_number;
pub use stacked::stacked_share;

/// The width, in CSS pixels, that pages draw charts at (`figure.chart` in coso.css) and the
/// width of every chart's `viewBox` by default: one SVG unit is then one pixel, so the 13-unit
/// text is 13 px tall on the page.
pub const DRAWN_WIDTH: f64 = 640.0;

/// The smallest text a chart writes, in SVG units (pixels at [`DRAWN_WIDTH`]).
pub const MIN_FONT_SIZE: f64 = 12.0;

/// Said by a chart that has nothing to draw.
pub const NO_DATA: &str = "Chưa có số liệu";
