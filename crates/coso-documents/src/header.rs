//! The header block of a Decree 30 document: issuing body, national title and motto, number
//! and symbol, place and date, type heading and abstract (trích yếu).
//!
//! The header is found by content, not by position: in DOCX it is usually a two-column table
//! read row by row, in text exports the columns are interleaved, and converters drop parts of
//! it. Everything before the type heading that is not one of the known header elements is
//! taken as the issuing body's name.

use std::sync::LazyLock;

use regex::Regex;

use crate::dates;
use crate::doctype;
use crate::lines::Line;
use crate::text;

/// What the header gave; every field may be missing.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Header {
    pub number: Option<String>,
    pub number_raw: Option<String>,
    pub doc_type: Option<String>,
    pub issuer: Option<String>,
    pub parent_issuer: Option<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub date_partial: Option<String>,
    pub title: Option<String>,
    /// Index of the first line after the header.
    pub body_start: usize,
}

static NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^Số\s*[:.]?\s*(?P<n>\d{1,6})?[\s._…]*(?P<sym>/\s?[\p{L}\d][\p{L}\d./\-]*)").expect("static regex")
});
static ABOUT_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:v/v)\.?\s*:?\s*(?P<t>.+)$").expect("static regex"));
static DECORATION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\s\-_=*.…–—~]+$").expect("static regex"));
/// Lines that end the header search: the body has started without a type heading.
static BODY_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Căn cứ|Thực hiện|Triển khai|Theo|Kính gửi|[IVX]{1,4}\s*[.)]\s|Điều\s+\d)").expect("static regex")
});
const MARKS: &[&str] =
    &["KHẨN", "HỎA TỐC", "HOẢ TỐC", "THƯỢNG KHẨN", "MẬT", "TỐI MẬT", "TUYỆT MẬT", "DỰ THẢO", "BẢN CHÍNH"];
/// How far into the document the header may reach.
const HEADER_WINDOW: usize = 40;

fn is_national_title(s: &str) -> bool {
    let up = s.to_uppercase();
    up.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA") || up.contains("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA")
}

fn is_motto(s: &str) -> bool {
    s.contains("Độc lập") && s.contains("Tự do")
}

/// Reads the header from the first lines.
pub(crate) fn read(lines: &[Line]) -> Header {
    let mut h = Header::default();
    let mut org_lines: Vec<&str> = Vec::new();
    let mut last_header_line: Option<usize> = None;
    let window = lines.len().min(HEADER_WINDOW);
    let mut i = 0;
    while i < window {
        let line = &lines[i];
        let t = line.text.as_str();
        if t.is_empty() || DECORATION.is_match(t) {
            i += 1;
            continue;
        }
        if is_national_title(t) || is_motto(t) || MARKS.contains(&t.trim_end_matches(['.', ':'])) {
            last_header_line = Some(i);
            i += 1;
            continue;
        }
        if let Some(c) = NUMBER_LINE.captures(t) {
            let sym: String = c.name("sym").map(|m| m.as_str().split_whitespace().collect()).unwrap_or_default();
            let sym = sym.trim_end_matches(['.', ',']).to_string();
            match c.name("n") {
                Some(n) => h.number = Some(format!("{}{}", n.as_str(), sym)),
                None => h.number_raw = Some(sym),
            }
            last_header_line = Some(i);
            i += 1;
            continue;
        }
        if h.place.is_none()
            && let Some(pd) = dates::place_date(t)
        {
            h.place = Some(pd.place);
            h.date = pd.date;
            h.date_partial = pd.partial;
            last_header_line = Some(i);
            i += 1;
            continue;
        }
        if let Some(c) = ABOUT_LINE.captures(t)
            && h.title.is_none()
        {
            // Công văn: "V/v …" under the number is its abstract.
            h.title = c.name("t").map(|m| text::trim_end_punct(m.as_str()).to_string());
            h.doc_type.get_or_insert_with(|| "CV".to_string());
            last_header_line = Some(i);
            i += 1;
            continue;
        }
        if let Some(code) = doctype::from_heading(t) {
            h.doc_type = Some(code.to_string());
            let (title, next) = read_title(lines, i + 1);
            h.title = title;
            h.body_start = next;
            finish(&mut h, &org_lines);
            return h;
        }
        if let Some((code, title)) = doctype::split_heading_with_title(t) {
            h.doc_type = Some(code.to_string());
            h.title = Some(text::trim_end_punct(title).to_string());
            h.body_start = i + 1;
            finish(&mut h, &org_lines);
            return h;
        }
        if BODY_START.is_match(t) || text::word_count(t) > 25 {
            break;
        }
        if h.number.is_none() && h.number_raw.is_none() && h.place.is_none() && text::word_count(t) <= 14 {
            org_lines.push(t);
            last_header_line = Some(i);
        } else if line.table && text::is_upper(t) && text::word_count(t) <= 14 {
            // Table headers: the issuing body's second line can come after the number row.
            org_lines.push(t);
            last_header_line = Some(i);
        } else if h.title.is_some() {
            break;
        }
        i += 1;
    }
    h.body_start = last_header_line.map_or(0, |l| l + 1);
    finish(&mut h, &org_lines);
    h
}

/// The abstract: the line after the type heading, continued by further bold lines (titles
/// are bold; the body is not) that do not start the body.
fn read_title(lines: &[Line], from: usize) -> (Option<String>, usize) {
    let mut i = from;
    while i < lines.len() && (lines[i].text.is_empty() || DECORATION.is_match(&lines[i].text)) {
        i += 1;
    }
    let Some(first) = lines.get(i) else {
        return (None, i);
    };
    // The line under the type heading is the abstract, even when it reads "Thực hiện …";
    // only a legal basis or an address means the abstract is missing.
    let starts_body =
        first.text.starts_with("Căn cứ") || first.text.starts_with("Kính gửi") || text::word_count(&first.text) > 80;
    if starts_body && !first.bold {
        return (None, i);
    }
    let mut title = first.text.clone();
    let bold = first.bold;
    i += 1;
    while let Some(next) = lines.get(i) {
        if next.text.is_empty() || DECORATION.is_match(&next.text) {
            i += 1;
            continue;
        }
        let continues = bold
            && next.bold
            && !text::is_upper(&next.text)
            && !next.text.starts_with("Căn cứ")
            && text::word_count(&title) < 60;
        if !continues {
            break;
        }
        title.push(' ');
        title.push_str(&next.text);
        i += 1;
    }
    (Some(text::trim_end_punct(&title).to_string()), i)
}

/// Derives the type from the symbol when the heading is missing, and the issuer from the
/// organisation lines (`ỦY BAN NHÂN DÂN` + `TỈNH BÌNH PHƯỚC`; or parent + issuer).
fn finish(h: &mut Header, org_lines: &[&str]) {
    let symbol = h.number.as_deref().or(h.number_raw.as_deref()).unwrap_or("");
    if let Some(code) = doctype::from_symbol(symbol) {
        h.doc_type = Some(code.to_string());
    }
    let mut orgs: Vec<String> = Vec::new();
    for line in org_lines {
        let line = line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '_' | '*'));
        if line.is_empty() {
            continue;
        }
        let lower = line.to_lowercase();
        let is_level = ["tỉnh ", "huyện ", "xã ", "phường ", "quận ", "thị xã ", "thị trấn ", "thành phố ", "đặc khu "]
            .iter()
            .any(|p| lower.starts_with(p));
        match orgs.last_mut() {
            Some(prev) if is_level => {
                prev.push(' ');
                prev.push_str(line);
            }
            _ => orgs.push(line.to_string()),
        }
    }
    let names: Vec<String> = orgs.iter().map(|o| text::expand_issuer_abbrev(&text::org_case(o))).collect();
    match names.as_slice() {
        [] => {}
        [one] => h.issuer = Some(one.clone()),
        [.., parent, issuer] => {
            h.parent_issuer = Some(parent.clone());
            h.issuer = Some(issuer.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(src: &[&str]) -> Vec<Line> {
        src.iter().map(|s| Line::new(s, false, false)).collect()
    }

    #[test]
    fn full_header() {
        let h = read(&lines(&[
            "ỦY BAN NHÂN DÂN",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TỈNH BÌNH PHƯỚC",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 115/KH-UBND",
            "Bình Phước, ngày 26 tháng 4 năm 2022",
            "KẾ HOẠCH",
            "Thực hiện Quy chế dân chủ",
            "Thực hiện Chương trình số 12-CTr/BCĐ",
        ]));
        assert_eq!(h.number.as_deref(), Some("115/KH-UBND"));
        assert_eq!(h.doc_type.as_deref(), Some("KH"));
        assert_eq!(h.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Bình Phước"));
        assert_eq!(h.place.as_deref(), Some("Bình Phước"));
        assert_eq!(h.date.as_deref(), Some("2022-04-26"));
        assert_eq!(h.title.as_deref(), Some("Thực hiện Quy chế dân chủ"));
        assert_eq!(h.body_start, 8);
    }

    #[test]
    fn blank_number_and_day() {
        let h = read(&lines(&["Số: /KH-UBND", "Hồng Lĩnh, ngày tháng 6 năm 2022", "KẾ HOẠCH", "Tiêu đề"]));
        assert_eq!(h.number, None);
        assert_eq!(h.number_raw.as_deref(), Some("/KH-UBND"));
        assert_eq!(h.date_partial.as_deref(), Some("2022-06"));
    }

    #[test]
    fn parent_and_issuer() {
        let h = read(&lines(&["UBND HUYỆN ĐỨC THỌ", "PHÒNG NỘI VỤ", "Số: 12/BC-PNV", "BÁO CÁO", "Kết quả"]));
        assert_eq!(h.parent_issuer.as_deref(), Some("Ủy ban nhân dân huyện Đức Thọ"));
        assert_eq!(h.issuer.as_deref(), Some("Phòng Nội vụ"));
        assert_eq!(h.doc_type.as_deref(), Some("BC"));
    }
}
