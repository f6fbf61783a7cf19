//! Markdown input, as produced by DOCX-to-Markdown converters and by hand.
//!
//! Deliberately line-based rather than a CommonMark parser: converted plans carry bold markers
//! around numbering (`## **2. …**`), hard breaks inside headers and sentences split across
//! blank lines, and the structure is recovered later from the numbering, not from Markdown
//! blocks. What matters here is the text of each line and whether it was bold.

use std::sync::LazyLock;

use regex::Regex;

use crate::lines::Line;

static BREAK_TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)<br\s*/?>").expect("static regex"));
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"</?[A-Za-z][^<>]{0,200}>").expect("static regex"));
static TABLE_RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$").expect("static regex"));
static ESCAPE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\\([\\`*_{}\[\]()#+\-.!|<>~])").expect("static regex"));

/// Reads Markdown text into lines.
pub(crate) fn read(src: &str) -> Vec<Line> {
    let mut out = Vec::new();
    for raw in src.lines() {
        let line = raw.trim_end_matches(['\\', ' ', '\t', '\r']);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            out.push(Line::default());
            continue;
        }
        if trimmed.starts_with('|') {
            if TABLE_RULE.is_match(trimmed) {
                continue;
            }
            let inner = trimmed.trim_start_matches('|').trim_end_matches('|');
            for cell in inner.split('|') {
                for part in BREAK_TAG.split(cell) {
                    push_text(&mut out, part, true);
                }
            }
            continue;
        }
        let body = trimmed.trim_start_matches('#');
        let body = if body.len() < trimmed.len() && body.starts_with(' ') { body } else { trimmed };
        let body = body.trim_start_matches('>').trim();
        if body.contains('<') {
            for part in BREAK_TAG.split(body) {
                push_text(&mut out, part, false);
            }
        } else {
            push_text(&mut out, body, false);
        }
    }
    out
}

/// Strips emphasis and escapes from one line and records whether it was wholly bold.
fn push_text(out: &mut Vec<Line>, part: &str, table: bool) {
    let part = part.trim();
    if part.is_empty() {
        return;
    }
    let bold = (part.starts_with("**") && part.ends_with("**") && part.len() > 4)
        || (part.starts_with("__") && part.ends_with("__") && part.len() > 4);
    // A Markdown bullet `* item` must stay a bullet once the asterisks are gone.
    let part = match part.strip_prefix("* ") {
        Some(rest) => format!("- {rest}"),
        None => part.to_string(),
    };
    let mut text = part;
    if text.contains('<') {
        text = TAG.replace_all(&text, "").into_owned();
    }
    if text.contains('*') {
        text.retain(|c| c != '*');
    }
    if text.contains("__") {
        text = text.replace("__", "");
    }
    if text.contains('\\') {
        text = ESCAPE.replace_all(&text, "$1").into_owned();
    }
    let line = Line::new(&text, bold, table);
    if !line.text.is_empty() {
        out.push(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markers_and_keeps_bold() {
        let lines = read("## **2. Công tác**\n\n**KẾ HOẠCH**  \n**Thực hiện**\n* mục\n| A<br>B | C |\n|---|---|\n");
        let texts: Vec<(&str, bool)> =
            lines.iter().filter(|l| !l.text.is_empty()).map(|l| (l.text.as_str(), l.bold)).collect();
        assert_eq!(
            texts,
            vec![
                ("2. Công tác", true),
                ("KẾ HOẠCH", true),
                ("Thực hiện", true),
                ("- mục", false),
                ("A", false),
                ("B", false),
                ("C", false)
            ]
        );
    }
}
