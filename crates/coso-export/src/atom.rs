//! A small Atom 1.0 (RFC 4287) writer: a [`Feed`] with its [`Entry`]s becomes an XML string.
//!
//! Pure and allocation-only, like the rest of the crate. Every text is escaped (markup and
//! the characters XML 1.0 forbids), every text construct is written as `type="text"`, so a
//! title holding `<script>` reaches a feed reader as those characters, never as markup.
//! Dates are RFC 3339 in UTC (`2026-03-04T00:00:00Z`).
//!
//! Identifiers must be permanent IRIs: [`tag_uri`] builds a `tag:` URI (RFC 4151) from the
//! site's host, a date the host was owned and a path, e.g.
//! `tag:coso.example.vn,2026-01-01:cong-khai/42`; a `urn:uuid:` IRI works as well.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use std::fmt::Write as _;

/// A feed: its permanent id, title, last change, its own address (`rel="self"`), the page it
/// mirrors (`rel="alternate"`), its author (RFC 4287 asks for one on the feed when entries
/// carry none) and its entries, newest first as the caller orders them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// Permanent IRI of the feed (`tag:` or `urn:uuid:`).
    pub id: String,
    /// Human-readable title.
    pub title: String,
    /// When the feed last changed (usually the newest entry's `updated`).
    pub updated: DateTime<Utc>,
    /// The feed's own absolute address.
    pub self_link: String,
    /// The HTML page the feed mirrors.
    pub alternate_link: String,
    /// The author's name (a unit's name), written as the feed's `atom:author`.
    pub author: String,
    /// The entries, written in this order.
    pub entries: Vec<Entry>,
}

/// One entry of a [`Feed`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Permanent IRI of the entry (`tag:` or `urn:uuid:`), never reused.
    pub id: String,
    /// Title (plain text).
    pub title: String,
    /// Last significant change.
    pub updated: DateTime<Utc>,
    /// First publication, if known.
    pub published: Option<DateTime<Utc>>,
    /// Short summary (plain text), if any.
    pub summary: Option<String>,
    /// Full content (plain text), if any.
    pub content: Option<String>,
    /// The entry's HTML page (`rel="alternate"`), if any.
    pub link: Option<String>,
    /// Categories, each a machine `term` with an optional human `label`.
    pub categories: Vec<Category>,
}

/// An `atom:category`: a stable term and, optionally, its label for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// The machine term (a code).
    pub term: String,
    /// The human label (Vietnamese), if any.
    pub label: Option<String>,
}

/// The media type to serve a feed with.
pub const CONTENT_TYPE: &str = "application/atom+xml; charset=utf-8";

/// A `tag:` URI (RFC 4151): `tag:{authority},{date}:{specific}`. `authority` is a host name
/// the publisher owned on `date`; `specific` is kept as given except characters a URI cannot
/// hold, which are percent-encoded.
pub fn tag_uri(authority: &str, date: NaiveDate, specific: &str) -> String {
    let mut out = format!("tag:{},{}:", authority.to_ascii_lowercase(), date.format("%Y-%m-%d"));
    for byte in specific.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&byte);
        if keep {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

impl Feed {
    /// The feed as an Atom 1.0 document (UTF-8 XML with its declaration).
    pub fn to_xml(&self) -> String {
        let mut xml = String::with_capacity(512 + self.entries.len() * 512);
        xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n");
        element(&mut xml, 1, "id", &self.id);
        text_construct(&mut xml, 1, "title", &self.title);
        element(&mut xml, 1, "updated", &rfc3339(self.updated));
        link(&mut xml, 1, "self", &self.self_link, Some("application/atom+xml"));
        link(&mut xml, 1, "alternate", &self.alternate_link, Some("text/html"));
        xml.push_str("  <author>\n");
        element(&mut xml, 2, "name", &self.author);
        xml.push_str("  </author>\n");
        for entry in &self.entries {
            entry.write(&mut xml);
        }
        xml.push_str("</feed>\n");
        xml
    }
}

impl Entry {
    fn write(&self, xml: &mut String) {
        xml.push_str("  <entry>\n");
        element(xml, 2, "id", &self.id);
        text_construct(xml, 2, "title", &self.title);
        element(xml, 2, "updated", &rfc3339(self.updated));
        if let Some(published) = self.published {
            element(xml, 2, "published", &rfc3339(published));
        }
        if let Some(href) = &self.link {
            link(xml, 2, "alternate", href, Some("text/html"));
        }
        for category in &self.categories {
            indent(xml, 2);
            let _ = write!(xml, "<category term=\"{}\"", escape(&category.term));
            if let Some(label) = &category.label {
                let _ = write!(xml, " label=\"{}\"", escape(label));
            }
            xml.push_str("/>\n");
        }
        if let Some(summary) = &self.summary {
            text_construct(xml, 2, "summary", summary);
        }
        if let Some(content) = &self.content {
            text_construct(xml, 2, "content", content);
        }
        xml.push_str("  </entry>\n");
    }
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn indent(xml: &mut String, depth: usize) {
    for _ in 0..depth {
        xml.push_str("  ");
    }
}

fn element(xml: &mut String, depth: usize, name: &str, value: &str) {
    indent(xml, depth);
    let _ = writeln!(xml, "<{name}>{}</{name}>", escape(value));
}

fn text_construct(xml: &mut String, depth: usize, name: &str, value: &str) {
    indent(xml, depth);
    let _ = writeln!(xml, "<{name} type=\"text\">{}</{name}>", escape(value));
}

fn link(xml: &mut String, depth: usize, rel: &str, href: &str, media_type: Option<&str>) {
    indent(xml, depth);
    let _ = write!(xml, "<link rel=\"{rel}\" href=\"{}\"", escape(href));
    if let Some(media_type) = media_type {
        let _ = write!(xml, " type=\"{media_type}\"");
    }
    xml.push_str("/>\n");
}

/// Text and attribute escaping; characters XML 1.0 forbids (controls other than tab and line
/// breaks, U+FFFE, U+FFFF) become U+FFFD so one odd title never makes the feed unreadable.
fn escape(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 1, 2, 3).single().expect("valid date")
    }

    fn sample() -> Feed {
        Feed {
            id: tag_uri(
                "coso.example.vn",
                NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
                "don-vi/00001/cong-khai",
            ),
            title: "Công khai — Xã Đông Anh".to_owned(),
            updated: at(2026, 3, 5),
            self_link: "https://coso.example.vn/don-vi/00001/cong-khai.atom".to_owned(),
            alternate_link: "https://coso.example.vn/don-vi/00001/cong-khai".to_owned(),
            author: "UBND xã Đông Anh".to_owned(),
            entries: vec![Entry {
                id: "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e".to_owned(),
                title: "Dự toán ngân sách <script>alert(1)</script> & \"quý\"".to_owned(),
                updated: at(2026, 3, 5),
                published: Some(at(2026, 3, 4)),
                summary: Some("Tóm tắt\u{0}có ký tự lạ".to_owned()),
                content: Some("Nội dung đầy đủ".to_owned()),
                link: Some("https://coso.example.vn/don-vi/00001/cong-khai/1?a=1&b=2".to_owned()),
                categories: vec![Category { term: "2".to_owned(), label: Some("Ngân sách".to_owned()) }],
            }],
        }
    }

    #[test]
    fn writes_a_well_formed_atom_document() {
        let xml = sample().to_xml();
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "feed");
        assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2005/Atom"));
        let child = |name: &str| root.children().find(|n| n.has_tag_name(name)).expect(name);
        assert_eq!(child("id").text(), Some("tag:coso.example.vn,2026-01-01:don-vi/00001/cong-khai"));
        assert_eq!(child("updated").text(), Some("2026-03-05T01:02:03Z"));
        let links: Vec<_> = root.children().filter(|n| n.has_tag_name("link")).map(|n| n.attribute("rel")).collect();
        assert_eq!(links, [Some("self"), Some("alternate")]);
        let entry = child("entry");
        let title = entry.children().find(|n| n.has_tag_name("title")).expect("title");
        assert_eq!(title.text(), Some("Dự toán ngân sách <script>alert(1)</script> & \"quý\""));
        assert_eq!(title.attribute("type"), Some("text"));
        let link = entry.children().find(|n| n.has_tag_name("link")).expect("link");
        assert_eq!(link.attribute("href"), Some("https://coso.example.vn/don-vi/00001/cong-khai/1?a=1&b=2"));
        let category = entry.children().find(|n| n.has_tag_name("category")).expect("category");
        assert_eq!(category.attribute("label"), Some("Ngân sách"));
        let published = entry.children().find(|n| n.has_tag_name("published")).expect("published");
        assert_eq!(published.text(), Some("2026-03-04T01:02:03Z"));
    }

    #[test]
    fn markup_never_survives_as_markup() {
        let xml = sample().to_xml();
        assert!(!xml.contains("<script>"));
        assert!(xml.contains("&lt;script&gt;"));
        // The NUL character XML forbids is replaced, not written.
        assert!(!xml.contains('\u{0}'));
        assert!(xml.contains("Tóm tắt\u{FFFD}có"));
    }

    #[test]
    fn an_empty_feed_is_still_valid() {
        let mut feed = sample();
        feed.entries.clear();
        let xml = feed.to_xml();
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        assert!(doc.root_element().children().all(|n| !n.has_tag_name("entry")));
        assert!(doc.root_element().children().any(|n| n.has_tag_name("author")));
    }

    #[test]
    fn tag_uris_encode_what_a_uri_cannot_hold() {
        let date = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        assert_eq!(tag_uri("Coso.Example.VN", date, "tin-tuc/7"), "tag:coso.example.vn,2026-01-01:tin-tuc/7");
        assert_eq!(tag_uri("h", date, "a b/đ"), "tag:h,2026-01-01:a%20b/%C4%91");
    }
}
