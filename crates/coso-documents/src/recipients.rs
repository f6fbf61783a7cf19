//! The recipients block (nơi nhận): `Nơi nhận:` followed by dash lines.
//!
//! In DOCX and text exports the block shares a table row or a line with the signature, so
//! the lines of both are interleaved; a recipient is recognised by its leading dash, and
//! everything else is left for the signer reader.

use std::sync::LazyLock;

use regex::Regex;

use crate::text;

static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:nơi nhận)\s*:?\s*(?:\([^()]{0,30}\))?\s*(?P<rest>.*)$").expect("static regex"));

/// True for the `Nơi nhận:` line.
pub(crate) fn is_heading(line: &str) -> bool {
    HEADING.is_match(line)
}

/// Splits the tail of the document into recipients and the remaining (signature) lines.
pub(crate) fn split(tail: &[String]) -> (Vec<String>, Vec<String>) {
    let mut recipients = Vec::new();
    let mut rest = Vec::new();
    let mut in_block = false;
    for line in tail {
        if let Some(c) = HEADING.captures(line) {
            in_block = true;
            let after = c.name("rest").map_or("", |m| m.as_str()).trim();
            if !after.is_empty() {
                push(&mut recipients, after);
            }
            continue;
        }
        let is_item = line.starts_with(['-', '+', '•', '–', '*', '·']);
        if in_block && is_item {
            push(&mut recipients, line);
        } else {
            rest.push(line.clone());
        }
    }
    (recipients, rest)
}

fn push(out: &mut Vec<String>, line: &str) {
    let item = text::trim_bullet(line);
    let item = item.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ';' | '.' | ','));
    if !item.is_empty() {
        out.push(item.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_and_leftovers() {
        let tail: Vec<String> =
            ["Nơi nhận: (VBĐT)", "- TT. Tỉnh ủy;", "TM. ỦY BAN NHÂN DÂN", "- Lưu: VT, (N09).", "Trần Văn A"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        let (r, rest) = split(&tail);
        assert_eq!(r, vec!["TT. Tỉnh ủy", "Lưu: VT, (N09)"]);
        assert_eq!(rest, vec!["TM. ỦY BAN NHÂN DÂN", "Trần Văn A"]);
    }
}
