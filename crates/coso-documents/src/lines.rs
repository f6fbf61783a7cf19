//! The common intermediate form: one [`Line`] per visual line of the source, whatever the
//! format, plus the repair of sentences that a converter broke across lines.

use std::sync::LazyLock;

use regex::Regex;

use crate::text;

/// One visual line of the source after format-specific decoding.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Line {
    /// NFC text without formatting markers, whitespace collapsed.
    pub text: String,
    /// The whole line is bold (Markdown `**…**`, DOCX runs with `w:b`). Titles and
    /// headings are usually bold in Decree 30 documents; body text is not.
    pub bold: bool,
    /// The line comes from a table cell (headers and signature blocks are often tables).
    pub table: bool,
}

impl Line {
    pub(crate) fn new(text: &str, bold: bool, table: bool) -> Line {
        Line { text: text::collapse_ws(&text::normalize(text)), bold, table }
    }
}

/// Numbering that may legitimately start with a lower-case letter (`a)`, `đ)`, `i.`):
/// such a line starts a new item, it does not continue the previous sentence.
static LOWER_NUMBERING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[a-zđ]|[ivx]{1,4})\s*[).]\s").expect("static regex"));

/// Joins lines that continue a sentence broken by the converter: the previous line does not
/// end a sentence and the next begins in lower case (`…công tác dân vận của cơ` /
/// `quan nhà nước các cấp`). Blank lines between the parts do not matter.
pub(crate) fn join_continuations(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for line in lines {
        if line.text.is_empty() {
            continue;
        }
        if let Some(prev) = out.last_mut()
            && continues(prev, &line)
        {
            prev.text.push(' ');
            prev.text.push_str(&line.text);
            prev.bold = prev.bold && line.bold;
            continue;
        }
        out.push(line);
    }
    out
}

fn continues(prev: &Line, next: &Line) -> bool {
    if prev.table != next.table || prev.table {
        return false;
    }
    let ends_sentence = prev.text.ends_with(['.', ':', '!', '?']);
    if ends_sentence || text::is_upper(&prev.text) {
        return false;
    }
    let first = next.text.chars().next();
    let lower_start = match first {
        Some(c) if c.is_alphabetic() => c.is_lowercase(),
        Some('“' | '"' | '(' | '‘' | '\'') => text::starts_lowercase(&next.text),
        _ => false,
    };
    lower_start && !LOWER_NUMBERING.is_match(&next.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(s: &str) -> Line {
        Line::new(s, false, false)
    }

    #[test]
    fn joins_broken_sentences_only() {
        let out = join_continuations(vec![
            l("nâng cao hiệu quả công tác dân vận của cơ"),
            l(""),
            l("quan nhà nước các cấp;"),
            l("tích cực tham gia"),
            l("a) Mục đích"),
            l("KẾ HOẠCH"),
            l("thực hiện"),
            l("Xong."),
            l("tiếp"),
        ]);
        let texts: Vec<&str> = out.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp; tích cực tham gia",
                "a) Mục đích",
                "KẾ HOẠCH",
                "thực hiện",
                "Xong.",
                "tiếp"
            ]
        );
    }
}
