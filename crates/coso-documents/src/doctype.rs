//! Document types and their Decree 30/2020 abbreviations (Annex III), plus the *công văn*
//! (CV), which has no abbreviation in the symbol but is named `CV` in the model.

/// (type heading in upper case, abbreviation). Longest headings first so that
/// `THÔNG BÁO KẾT LUẬN` is not read as `THÔNG BÁO`.
pub(crate) const TYPES: &[(&str, &str)] = &[
    ("GIẤY GIỚI THIỆU", "GGT"),
    ("GIẤY ỦY QUYỀN", "GUQ"),
    ("GIẤY UỶ QUYỀN", "GUQ"),
    ("GIẤY NGHỈ PHÉP", "GNP"),
    ("BẢN GHI NHỚ", "BGN"),
    ("BẢN THỎA THUẬN", "BTT"),
    ("BẢN THOẢ THUẬN", "BTT"),
    ("CHƯƠNG TRÌNH", "CTr"),
    ("NGHỊ QUYẾT", "NQ"),
    ("QUYẾT ĐỊNH", "QĐ"),
    ("THÔNG CÁO", "TC"),
    ("THÔNG BÁO", "TB"),
    ("HƯỚNG DẪN", "HD"),
    ("PHƯƠNG ÁN", "PA"),
    ("KẾ HOẠCH", "KH"),
    ("BÁO CÁO", "BC"),
    ("BIÊN BẢN", "BB"),
    ("TỜ TRÌNH", "TTr"),
    ("HỢP ĐỒNG", "HĐ"),
    ("CÔNG ĐIỆN", "CĐ"),
    ("CÔNG VĂN", "CV"),
    ("GIẤY MỜI", "GM"),
    ("PHIẾU GỬI", "PG"),
    ("PHIẾU CHUYỂN", "PC"),
    ("PHIẾU BÁO", "PB"),
    ("QUY CHẾ", "QC"),
    ("QUY ĐỊNH", "QyĐ"),
    ("CHỈ THỊ", "CT"),
    ("ĐỀ ÁN", "ĐA"),
    ("DỰ ÁN", "DA"),
];

/// Abbreviations accepted in a document's own symbol (`115/KH-UBND` → `KH`).
pub(crate) const CODES: &[&str] = &[
    "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr", "HĐ", "CĐ",
    "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "SY", "TrS", "SL", "CV",
];

/// The abbreviation for a type heading such as `KẾ HOẠCH` (exact, upper case).
pub(crate) fn from_heading(heading: &str) -> Option<&'static str> {
    let h = heading.trim().trim_end_matches([':', '.']).trim();
    TYPES.iter().find(|(name, _)| *name == h).map(|(_, code)| *code)
}

/// A heading line that starts with a type name followed by the title on the same line
/// (`KẾ HOẠCH Thực hiện …`), as plain-text exports sometimes have it.
pub(crate) fn split_heading_with_title(line: &str) -> Option<(&'static str, &str)> {
    for (name, code) in TYPES {
        if let Some(rest) = line.strip_prefix(name) {
            let rest = rest.trim_start_matches([' ', ':', '-', '–']);
            if rest.chars().next().is_some_and(|c| c.is_uppercase()) && !crate::text::is_upper(rest) {
                return Some((code, rest));
            }
        }
    }
    None
}

/// The type code of a document symbol (`KH-UBND` → `KH`), if it is a Decree 30 code.
pub(crate) fn from_symbol(symbol: &str) -> Option<&'static str> {
    let after_slash = symbol.rsplit_once('/').map_or(symbol, |(_, s)| s);
    let code = after_slash.split('-').next()?.trim();
    CODES.iter().find(|c| **c == code).copied()
}
