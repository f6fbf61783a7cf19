//! Plain-text input (copied from PDF or saved from Word as .txt).
//!
//! Two-column header and signature blocks come out as one line with the columns separated by a
//! tab or a run of spaces (`ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI…`); each column becomes its
//! own line so that the header reader sees them separately.

use std::sync::LazyLock;

use regex::Regex;

use crate::lines::Line;

static COLUMN_GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\t+| {3,}").expect("static regex"));

/// Reads plain text into lines.
pub(crate) fn read(src: &str) -> Vec<Line> {
    let mut out = Vec::new();
    for raw in src.lines() {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            out.push(Line::default());
            continue;
        }
        for part in COLUMN_GAP.split(trimmed) {
            let line = Line::new(part, false, false);
            if !line.text.is_empty() {
                out.push(line);
            }
        }
    }
    out
}
