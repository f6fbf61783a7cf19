//! A minimal SVG writer: every attribute value and text goes through [`escape`].

use super::{DRAWN_WIDTH, NO_DATA, palette};

pub(super) const FONT: &str = "'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif";
pub(super) const PAD: f64 = 12.0;
/// Average advance of a 13 px character of Vietnamese text, for layout estimates.
pub(super) const CHAR_W: f64 = 7.0;

pub(super) struct Svg(String);

impl Svg {
    /// The root element with its accessible name and description, and the visible title.
    pub fn start(kind: &str, title: &str, desc: &str, width: f64, height: f64) -> Self {
        let mut svg = Svg(String::with_capacity(4096));
        svg.open(
            "svg",
            &[
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("viewBox", &format!("0 0 {} {}", px(width), px(height))),
                ("width", "100%"),
                ("role", "img"),
                ("aria-label", title),
                ("class", &format!("coso-chart coso-chart-{kind}")),
                ("font-family", FONT),
                ("font-size", "13"),
            ],
        );
        svg.element("title", &[], title);
        svg.element("desc", &[], desc);
        let (shown, _) = fit(title, ((width - 2.0 * PAD) / 8.5) as usize);
        svg.element(
            "text",
            &[
                ("class", "coso-chart-title"),
                ("x", &px(PAD)),
                ("y", "24"),
                ("font-size", "16"),
                ("font-weight", "bold"),
                ("fill", palette::INK),
            ],
            &shown,
        );
        svg
    }

    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs);
        self.0.push('>');
    }

    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs);
        self.0.push_str("/>");
    }

    pub fn close(&mut self, name: &str) {
        self.0.push_str("</");
        self.0.push_str(name);
        self.0.push('>');
    }

    /// `<name attrs>text</name>`.
    pub fn element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(name, attrs);
        self.0.push_str(&escape(text));
        self.close(name);
    }

    pub fn finish(mut self) -> String {
        self.close("svg");
        self.0
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.0.push('<');
        self.0.push_str(name);
        for (key, value) in attrs {
            self.0.push(' ');
            self.0.push_str(key);
            self.0.push_str("=\"");
            self.0.push_str(&escape(value));
            self.0.push('"');
        }
    }
}

/// The chart for no data: the title and "Chưa có số liệu".
pub(super) fn no_data(kind: &str, title: &str) -> String {
    let mut svg = Svg::start(kind, title, NO_DATA, DRAWN_WIDTH, 96.0);
    svg.element(
        "text",
        &[
            ("class", "coso-chart-empty"),
            ("x", "320"),
            ("y", "66"),
            ("text-anchor", "middle"),
            ("fill", palette::MUTED),
        ],
        NO_DATA,
    );
    svg.finish()
}

/// Text and attribute escaping, plus replacement of the characters XML 1.0 forbids
/// (control characters other than tab and line breaks, U+FFFE, U+FFFF), which would make the
/// whole document unreadable rather than one label odd.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A coordinate: one decimal, and 0 for anything not finite so the markup stays valid.
pub(super) fn px(x: f64) -> String {
    if x.is_finite() { format!("{x:.1}") } else { "0".to_owned() }
}

/// The label as shown in at most `max` characters (NFC, so a Vietnamese letter is one
/// character and never split), ending in "…" when shortened; and whether it was shortened.
pub(super) fn fit(label: &str, max: usize) -> (String, bool) {
    let label = coso_text::nfc(label);
    if label.chars().count() <= max {
        return (label, false);
    }
    let mut short: String = label.chars().take(max.saturating_sub(1)).collect();
    short.push('…');
    (short, true)
}

/// Characters as shown, for width estimates.
pub(super) fn chars(s: &str) -> usize {
    coso_text::nfc(s).chars().count()
}

/// Only the characters a CSS class name can hold without escaping.
pub(super) fn class_name(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_forbidden_characters() {
        assert_eq!(escape(r#"Tổ 1 & "Tổ 2" <b>'x'"#), "Tổ 1 &amp; &quot;Tổ 2&quot; &lt;b&gt;&apos;x&apos;");
        assert_eq!(escape("a\u{0}b\u{1b}\u{FFFF}"), "a\u{FFFD}b\u{FFFD}\u{FFFD}");
    }

    #[test]
    fn fit_shortens_on_characters() {
        assert_eq!(fit("Xã Đắk Lắk", 20), ("Xã Đắk Lắk".to_owned(), false));
        assert_eq!(fit("Phường Hòa Khánh Bắc", 8), ("Phường …".to_owned(), true));
        // Decomposed input counts as composed.
        assert_eq!(fit("e\u{302}\u{323}", 1), ("ệ".to_owned(), false));
    }
}
