//! The view and the layout constants as typst values for `sys.inputs`.
//!
//! Text reaches the template only as typst strings, which it places as text: user input is never
//! parsed as typst markup, so `#`, `*`, `_`, `$`, `@`, `<`, `[` and `\` print as themselves.

use typst::foundations::{Array, Dict, IntoValue, Str, Value};

use crate::format::{MOTTO, NATIONAL_TITLE};
use crate::layout::{self, size};
use crate::view::{BlockKind, DocumentView};

/// A run of spaces would print as one space; the blanks left for a hand-written number or day
/// must keep their width, so runs of two or more spaces become no-break spaces. Single spaces stay
/// breakable.
fn keep_blanks(s: &str) -> Value {
    if !s.contains("  ") {
        return str_value(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut previous_space = false;
    while let Some(c) = chars.next() {
        let next_space = chars.peek() == Some(&' ');
        if c == ' ' && (previous_space || next_space) {
            out.push('\u{a0}');
        } else {
            out.push(c);
        }
        previous_space = c == ' ';
    }
    Value::Str(Str::from(out))
}

fn str_value(s: &str) -> Value {
    Value::Str(Str::from(s))
}

fn opt(s: Option<&str>) -> Value {
    s.map_or(Value::None, str_value)
}

fn list(items: &[String]) -> Value {
    Value::Array(items.iter().map(|s| str_value(s)).collect::<Array>())
}

fn dict<const N: usize>(entries: [(&str, Value); N]) -> Value {
    Value::Dict(entries.into_iter().map(|(k, v)| (Str::from(k), v)).collect::<Dict>())
}

/// `sys.inputs`: `{ layout: {...}, doc: {...} }`.
pub fn inputs(view: &DocumentView) -> Dict {
    let blocks: Array = view
        .blocks
        .iter()
        .map(|block| {
            let depth = match block.kind {
                BlockKind::Paragraph => -1,
                BlockKind::Heading(depth) => i64::try_from(depth).unwrap_or(i64::MAX),
            };
            dict([("depth", depth.into_value()), ("text", str_value(&block.text))])
        })
        .collect();
    let doc = dict([
        ("national-title", str_value(NATIONAL_TITLE)),
        ("motto", str_value(MOTTO)),
        ("parent-issuer", opt(view.parent_issuer.as_deref())),
        ("issuer-lines", list(&view.issuer_lines)),
        ("number-line", keep_blanks(&view.number_line)),
        ("place-date-line", keep_blanks(&view.place_date_line)),
        ("type-name", opt(view.type_name.as_deref())),
        ("abstract", opt(view.abstract_line().as_deref())),
        ("blocks", Value::Array(blocks)),
        ("recipients", list(&view.recipient_lines)),
        ("authority-lines", list(&view.authority_lines)),
        ("position", opt(view.position.as_deref())),
        ("signer-name", opt(view.signer_name.as_deref())),
        ("meta-title", str_value(&meta_title(view))),
        ("meta-author", str_value(&view.issuer_lines.join(" "))),
    ]);
    let layout = dict([
        ("margin-top", layout::MARGIN_TOP_MM.into_value()),
        ("margin-bottom", layout::MARGIN_BOTTOM_MM.into_value()),
        ("margin-left", layout::MARGIN_LEFT_MM.into_value()),
        ("margin-right", layout::MARGIN_RIGHT_MM.into_value()),
        ("header-distance", layout::HEADER_DISTANCE_MM.into_value()),
        ("header-left-column", layout::HEADER_LEFT_COLUMN_MM.into_value()),
        ("footer-left-column", layout::FOOTER_LEFT_COLUMN_MM.into_value()),
        ("first-line-indent", layout::FIRST_LINE_INDENT_MM.into_value()),
        ("paragraph-spacing", layout::PARAGRAPH_SPACING_PT.into_value()),
        ("line-spacing", layout::LINE_SPACING.into_value()),
        ("signature-space", layout::SIGNATURE_SPACE_MM.into_value()),
        ("short-rule-ratio", layout::SHORT_RULE_RATIO.into_value()),
        ("size-body", size::BODY.into_value()),
        ("size-page-number", size::PAGE_NUMBER.into_value()),
        ("size-issuer", size::ISSUER.into_value()),
        ("size-national-title", size::NATIONAL_TITLE.into_value()),
        ("size-motto", size::MOTTO.into_value()),
        ("size-number", size::NUMBER.into_value()),
        ("size-place-date", size::PLACE_DATE.into_value()),
        ("size-title", size::TITLE.into_value()),
        ("size-cong-van-abstract", size::CONG_VAN_ABSTRACT.into_value()),
        ("size-signer", size::SIGNER.into_value()),
        ("size-recipients-label", size::RECIPIENTS_LABEL.into_value()),
        ("size-recipients", size::RECIPIENTS.into_value()),
    ]);
    [(Str::from("doc"), doc), (Str::from("layout"), layout)].into_iter().collect()
}

/// The PDF title metadata: `KẾ HOẠCH Thực hiện …`, or the number line when there is no abstract.
pub fn meta_title(view: &DocumentView) -> String {
    let parts: Vec<&str> = [view.type_name.as_deref(), view.abstract_text.as_deref()].into_iter().flatten().collect();
    if parts.is_empty() { view.number_line.clone() } else { parts.join(" ") }
}
