//! The text of the fixed header and footer lines: number and symbol, place and date, type name,
//! recipients. Pure string functions, shared by the DOCX and PDF writers.

use crate::RenderError;

/// The national title (Quốc hiệu), printed at the top right of every document (FMT-4).
pub const NATIONAL_TITLE: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// The motto (Tiêu ngữ) under it, with hyphens between the phrases and a solid underline (FMT-4).
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// Blank left for a number or day the issuer writes in by hand: six spaces, as in the usual
/// templates (`Số:      /KH-UBND`, `ngày      tháng`).
pub const BLANK: &str = "      ";

/// The `Số: …` line (FMT-7): `number` with a leading zero below 10 (`7/KH-UBND` → `Số: 07/KH-UBND`);
/// a blank number keeps room for the clerk: `Số:      /KH-UBND`, the symbol taken from `number_raw`.
pub fn number_line(number: Option<&str>, number_raw: Option<&str>) -> String {
    match number.map(str::trim).filter(|n| !n.is_empty()) {
        Some(number) => format!("Số: {}", pad_number(number)),
        None => {
            let symbol = number_raw
                .map(|raw| raw.trim().trim_start_matches("Số:").trim())
                .and_then(|raw| raw.find('/').map(|slash| &raw[slash..]))
                .unwrap_or("");
            format!("Số:{BLANK}{symbol}")
        }
    }
}

/// `7/KH-UBND` → `07/KH-UBND`; other numbers unchanged.
fn pad_number(number: &str) -> String {
    let (digits, rest) = number.split_at(number.find('/').unwrap_or(number.len()));
    match digits.as_bytes() {
        [d] if (b'1'..=b'9').contains(d) => format!("0{digits}{rest}"),
        _ => number.to_owned(),
    }
}

/// The place-and-date line (FMT-9): `Vạn Giã, ngày 06 tháng 02 năm 2024`.
///
/// Days below 10 and months 1–2 take a leading zero (Decree 30, Annex I). `date` is `YYYY-MM-DD`;
/// without it, `date_partial` (`YYYY-MM` or `YYYY`) prints with blanks for the missing parts.
pub fn place_date_line(
    place: Option<&str>,
    date: Option<&str>,
    date_partial: Option<&str>,
) -> Result<String, RenderError> {
    let place = place.map(str::trim).filter(|p| !p.is_empty()).unwrap_or(BLANK);
    let (year, month, day) = match date.map(str::trim).filter(|d| !d.is_empty()) {
        Some(date) => {
            let (y, m, d) = parse_date(date).ok_or_else(|| invalid("date", date))?;
            (Some(y), Some(m), Some(d))
        }
        None => match date_partial.map(str::trim).filter(|d| !d.is_empty()) {
            Some(partial) => {
                let (y, m) = parse_partial(partial).ok_or_else(|| invalid("date_partial", partial))?;
                (Some(y), m, None)
            }
            None => (None, None, None),
        },
    };
    let day = day.map_or_else(|| BLANK.to_owned(), |d| format!("{d:02}"));
    let month = month.map_or_else(
        || BLANK.to_owned(),
        |m| {
            if m < 3 { format!("{m:02}") } else { m.to_string() }
        },
    );
    let year = year.map_or_else(|| BLANK.to_owned(), |y| y.to_string());
    Ok(format!("{place}, ngày {day} tháng {month} năm {year}"))
}

fn invalid(field: &'static str, value: &str) -> RenderError {
    RenderError::InvalidField {
        field,
        value: value.to_owned(),
        reason: "cần ngày có thật dạng YYYY-MM-DD (hoặc YYYY-MM, YYYY)",
    }
}

/// `YYYY-MM-DD` → (year, month, day) if that day exists.
fn parse_date(text: &str) -> Option<(u16, u8, u8)> {
    let mut parts = text.split('-');
    let year = parse_fixed(parts.next()?, 4)?;
    let month = u8::try_from(parse_fixed(parts.next()?, 2)?).ok()?;
    let day = u8::try_from(parse_fixed(parts.next()?, 2)?).ok()?;
    if parts.next().is_some() || !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    (day <= days_in_month(year, month)).then_some((year, month, day))
}

/// `YYYY-MM` or `YYYY` → (year, month).
fn parse_partial(text: &str) -> Option<(u16, Option<u8>)> {
    let mut parts = text.split('-');
    let year = parse_fixed(parts.next()?, 4)?;
    let month = match parts.next() {
        Some(m) => Some(u8::try_from(parse_fixed(m, 2)?).ok().filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    parts.next().is_none().then_some((year, month))
}

fn parse_fixed(text: &str, len: usize) -> Option<u16> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Decree 30 Annex III abbreviations and the type names printed above the abstract (FMT-6).
const TYPE_NAMES: &[(&str, &str)] = &[
    ("NQ", "NGHỊ QUYẾT"),
    ("QĐ", "QUYẾT ĐỊNH"),
    ("CT", "CHỈ THỊ"),
    ("QC", "QUY CHẾ"),
    ("QyĐ", "QUY ĐỊNH"),
    ("TC", "THÔNG CÁO"),
    ("TB", "THÔNG BÁO"),
    ("HD", "HƯỚNG DẪN"),
    ("CTr", "CHƯƠNG TRÌNH"),
    ("KH", "KẾ HOẠCH"),
    ("PA", "PHƯƠNG ÁN"),
    ("ĐA", "ĐỀ ÁN"),
    ("DA", "DỰ ÁN"),
    ("BC", "BÁO CÁO"),
    ("BB", "BIÊN BẢN"),
    ("TTr", "TỜ TRÌNH"),
    ("HĐ", "HỢP ĐỒNG"),
    ("CĐ", "CÔNG ĐIỆN"),
    ("BGN", "BẢN GHI NHỚ"),
    ("BTT", "BẢN THỎA THUẬN"),
    ("GUQ", "GIẤY ỦY QUYỀN"),
    ("GM", "GIẤY MỜI"),
    ("GGT", "GIẤY GIỚI THIỆU"),
    ("GNP", "GIẤY NGHỈ PHÉP"),
    ("PG", "PHIẾU GỬI"),
    ("PC", "PHIẾU CHUYỂN"),
    ("PB", "PHIẾU BÁO"),
];

/// The type name for a Decree 30 abbreviation (`KH` → `KẾ HOẠCH`). The match is exact first, then
/// case-insensitive (`QyĐ` and `QĐ` differ only in case). `None` for a công văn, which has no
/// type name, and for codes outside Annex III.
pub fn type_name(doc_type: &str) -> Option<&'static str> {
    let code = doc_type.trim();
    TYPE_NAMES
        .iter()
        .find(|(abbr, _)| *abbr == code)
        .or_else(|| TYPE_NAMES.iter().find(|(abbr, _)| abbr.to_uppercase() == code.to_uppercase()))
        .map(|(_, name)| *name)
}

/// The type code inside a symbol: `115/KH-UBND` → `KH`; `123/UBND-VP` → `UBND` (not a type).
pub fn type_code_of_symbol(number: &str) -> Option<&str> {
    let symbol = &number[number.find('/')? + 1..];
    symbol.split('-').next().filter(|code| !code.is_empty())
}

/// The recipients block lines (FMT-11): `- X;` for each entry, `- Lưu: VT….` last.
///
/// The archive copy (`Lưu: VT`) is part of every document under Decree 30; it is added when the
/// list lacks it and moved to the end when it is elsewhere. Entries are trimmed of a leading dash
/// and of the trailing `;`/`.`, which the layout supplies.
pub fn recipient_lines(recipients: &[String]) -> Vec<String> {
    let cleaned = recipients
        .iter()
        .map(|r| r.trim().trim_start_matches(['-', '–', '+', '•']).trim().trim_end_matches([';', '.', ',']).trim_end());
    let (archive, mut entries): (Vec<&str>, Vec<&str>) =
        cleaned.filter(|r| !r.is_empty()).partition(|r| r.starts_with("Lưu"));
    entries.extend(archive);
    if !entries.last().is_some_and(|r| r.starts_with("Lưu")) {
        entries.push("Lưu: VT");
    }
    let last = entries.len().saturating_sub(1);
    entries.iter().enumerate().map(|(i, r)| format!("- {r}{}", if i == last { "." } else { ";" })).collect()
}

/// The signer's authority lines (FMT-10), `TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH` → two lines, upper case.
pub fn authority_lines(role_line: &str) -> Vec<String> {
    role_line.split(" / ").map(str::trim).filter(|l| !l.is_empty()).map(str::to_uppercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_below_ten_take_a_leading_zero() {
        assert_eq!(number_line(Some("7/KH-UBND"), None), "Số: 07/KH-UBND");
        assert_eq!(number_line(Some("07/KH-UBND"), None), "Số: 07/KH-UBND");
        assert_eq!(number_line(Some("115/KH-UBND"), None), "Số: 115/KH-UBND");
        assert_eq!(number_line(Some("10/BC-UBND"), None), "Số: 10/BC-UBND");
        assert_eq!(number_line(Some("0/X"), None), "Số: 0/X");
        assert_eq!(number_line(Some("8"), None), "Số: 08");
    }

    #[test]
    fn a_blank_number_keeps_room_and_the_symbol() {
        assert_eq!(number_line(None, Some("/KH-UBND")), "Số:      /KH-UBND");
        assert_eq!(number_line(Some("  "), Some("Số: /KH-UBND")), "Số:      /KH-UBND");
        assert_eq!(number_line(None, None), "Số:      ");
    }

    #[test]
    fn dates_follow_decree_30() {
        let line = |d| place_date_line(Some("Vạn Giã"), Some(d), None).ok();
        assert_eq!(line("2024-02-05").as_deref(), Some("Vạn Giã, ngày 05 tháng 02 năm 2024"));
        assert_eq!(line("2022-04-26").as_deref(), Some("Vạn Giã, ngày 26 tháng 4 năm 2022"));
        assert_eq!(line("2024-12-09").as_deref(), Some("Vạn Giã, ngày 09 tháng 12 năm 2024"));
        assert_eq!(line("2024-01-31").as_deref(), Some("Vạn Giã, ngày 31 tháng 01 năm 2024"));
        assert_eq!(line("2024-02-29").as_deref(), Some("Vạn Giã, ngày 29 tháng 02 năm 2024"));
    }

    #[test]
    fn partial_dates_keep_blanks() {
        let line = |p| place_date_line(Some("Hồng Lĩnh"), None, Some(p)).ok();
        assert_eq!(line("2022-06").as_deref(), Some("Hồng Lĩnh, ngày        tháng 6 năm 2022"));
        assert_eq!(line("2022").as_deref(), Some("Hồng Lĩnh, ngày        tháng        năm 2022"));
        assert_eq!(
            place_date_line(None, None, None).ok().as_deref(),
            Some("      , ngày        tháng        năm       ")
        );
    }

    #[test]
    fn impossible_dates_are_errors_not_panics() {
        for bad in ["2023-02-29", "2024-13-01", "2024-00-10", "2024-1-5", "x", "2024-02-05-1", "२०२४-01-01"] {
            assert!(place_date_line(None, Some(bad), None).is_err(), "{bad}");
        }
        for bad in ["2024-13", "24", "2024-"] {
            assert!(place_date_line(None, None, Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn type_names_come_from_annex_iii() {
        assert_eq!(type_name("KH"), Some("KẾ HOẠCH"));
        assert_eq!(type_name("BC"), Some("BÁO CÁO"));
        assert_eq!(type_name("QĐ"), Some("QUYẾT ĐỊNH"));
        assert_eq!(type_name("QyĐ"), Some("QUY ĐỊNH"));
        assert_eq!(type_name("kh"), Some("KẾ HOẠCH"));
        assert_eq!(type_name("CV"), None);
        assert_eq!(type_code_of_symbol("115/KH-UBND"), Some("KH"));
        assert_eq!(type_code_of_symbol("115"), None);
    }

    #[test]
    fn recipients_end_with_the_archive_copy() {
        let list = |xs: &[&str]| recipient_lines(&xs.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(list(&["Sở Nội vụ", "Lưu: VT"]), ["- Sở Nội vụ;", "- Lưu: VT."]);
        assert_eq!(list(&["Lưu: VT, NV.", "- Sở Nội vụ;"]), ["- Sở Nội vụ;", "- Lưu: VT, NV."]);
        assert_eq!(list(&[]), ["- Lưu: VT."]);
    }

    #[test]
    fn authority_lines_split_and_upper_case() {
        assert_eq!(authority_lines("TM. Ủy ban nhân dân / KT. CHỦ TỊCH"), ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]);
    }
}
