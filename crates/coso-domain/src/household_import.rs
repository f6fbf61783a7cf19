//! Household CSV import: parse every row, report every error with its line and field, and plan
//! the change against the current register. The plan is applied all or nothing by the store.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::RowError;
use crate::household::{HouseholdData, HouseholdInput};

/// Each field's column: the header a file is given (Vietnamese, shown in errors), and the header
/// names accepted (folded: case and diacritics do not matter), the code included.
const COLUMNS: [crate::csv_columns::Column; 7] = [
    ("code", "Mã hộ", &["ma ho", "ma_ho", "code"]),
    ("address", "Địa chỉ", &["dia chi", "dia_chi", "address"]),
    (
        "representative",
        "Đại diện hộ",
        &["dai dien ho", "dai_dien_ho", "dai dien", "chu ho", "chu_ho", "representative"],
    ),
    ("member_count", "Số nhân khẩu", &["so nhan khau", "so_nhan_khau", "member_count"]),
    ("phone", "Điện thoại", &["dien thoai", "dien_thoai", "so dien thoai", "phone"]),
    ("valid_from", "Từ ngày", &["tu ngay", "tu_ngay", "valid_from"]),
    ("valid_to", "Đến ngày", &["den ngay", "den_ngay", "valid_to"]),
];

/// The Vietnamese header of a household file's column for `field` (`member_count` → «Số nhân
/// khẩu»); other names (`file`, `row`) as they are.
pub fn column_label(field: &str) -> &str {
    crate::csv_columns::column_label(&COLUMNS, field)
}

/// The most rows one import may hold.
pub const MAX_ROWS: usize = 200_000;

/// The rows of a household file, each with its line number.
#[derive(Debug)]
pub struct ParsedHouseholds {
    pub rows: Vec<(u64, HouseholdData)>,
}

/// Parses a household CSV (UTF-8, optional BOM, `,` or `;` separated). Either every row is
/// valid, or every error is returned.
pub fn parse_csv(bytes: &[u8], today: NaiveDate) -> Result<ParsedHouseholds, Vec<RowError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![RowError {
            line: 0,
            field: "file".into(),
            message: format!("Tệp không phải UTF-8 (byte {}).", e.valid_up_to()),
        }]
    })?;
    let delimiter = detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| {
            vec![RowError {
                line: 1, field: "header".into(), message: format!("Không đọc được dòng tiêu đề: {e}")
            }]
        })?
        .clone();
    let index = column_index(&headers)?;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (i, record) in reader.records().enumerate() {
        let line = i as u64 + 2;
        if rows.len() + errors.len() >= MAX_ROWS {
            errors.push(RowError { line, field: "file".into(), message: format!("Tệp có quá {MAX_ROWS} dòng.") });
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(RowError {
                    line, field: "row".into(), message: format!("Dòng không đọc được: {e}")
                });
                continue;
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |f: &str| index.get(f).and_then(|&i| record.get(i)).unwrap_or("").to_string();
        let input = HouseholdInput {
            code: get("code"),
            address: get("address"),
            representative: get("representative"),
            member_count: get("member_count"),
            phone: get("phone"),
            valid_from: get("valid_from"),
            valid_to: get("valid_to"),
        };
        match HouseholdData::parse(&input, today) {
            Ok(h) => {
                if let Some(first) = seen.insert(h.code.clone(), line) {
                    errors.push(RowError {
                        line,
                        field: "code".into(),
                        message: format!("Mã hộ «{}» trùng với dòng {first}.", h.code),
                    });
                } else {
                    rows.push((line, h));
                }
            }
            Err(errs) => errors.extend(errs.into_iter().map(|e| RowError::from_field(line, e))),
        }
    }
    if errors.is_empty() { Ok(ParsedHouseholds { rows }) } else { Err(errors) }
}

fn detect_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' }
}

fn column_index(headers: &csv::StringRecord) -> Result<HashMap<&'static str, usize>, Vec<RowError>> {
    let mut index = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let folded = coso_text::fold(h);
        if let Some((field, _, _)) = COLUMNS.iter().find(|(_, _, names)| names.contains(&folded.as_str())) {
            index.insert(*field, i);
        }
    }
    let missing: Vec<RowError> = ["code", "address", "representative", "member_count"]
        .into_iter()
        .filter(|f| !index.contains_key(f))
        .map(|f| RowError { line: 1, field: f.into(), message: format!("Thiếu cột «{}».", column_label(f)) })
        .collect();
    if missing.is_empty() { Ok(index) } else { Err(missing) }
}

/// What an import will change in a village register.
#[derive(Debug, Default)]
pub struct ImportPlan {
    pub insert: Vec<HouseholdData>,
    /// (id of the stored household, before, after)
    pub update: Vec<(i64, HouseholdData, HouseholdData)>,
    pub unchanged: usize,
}

/// Compares the file with the register, keyed by household code. Households absent from the
/// file are left alone: a partial file never deletes anyone.
pub fn plan(existing: Vec<(i64, HouseholdData)>, rows: Vec<(u64, HouseholdData)>) -> ImportPlan {
    let mut by_code: HashMap<String, (i64, HouseholdData)> =
        existing.into_iter().map(|(id, h)| (h.code.clone(), (id, h))).collect();
    let mut plan = ImportPlan::default();
    let mut done = HashSet::new();
    for (_, row) in rows {
        done.insert(row.code.clone());
        match by_code.remove(&row.code) {
            Some((_, before)) if before == row => plan.unchanged += 1,
            Some((id, before)) => plan.update.push((id, before, row)),
            None => plan.insert.push(row),
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).expect("date")
    }

    #[test]
    fn reads_vietnamese_headers_with_bom_and_semicolons() {
        let csv = "\u{FEFF}Mã hộ;Địa chỉ;Đại diện hộ;Số nhân khẩu;Điện thoại\nH1;Xóm 1;Lê Thị Hoa;3;0912345678\nH2;Xóm 2;Trần Văn Bình;5;\n";
        let parsed = parse_csv(csv.as_bytes(), today()).expect("valid");
        assert_eq!(parsed.rows.len(), 2);
        assert_eq!(parsed.rows[1].0, 3);
        assert_eq!(parsed.rows[1].1.representative, "Trần Văn Bình");
    }

    #[test]
    fn reports_every_broken_row_with_line_and_field() {
        let csv =
            "code,address,representative,member_count\nH1,Xóm 1,An,3\nH2,,Bình,x\nH1,Xóm 3,Chi,2\n,\"unterminated\n";
        let errs = parse_csv(csv.as_bytes(), today()).expect_err("broken");
        let got: Vec<(u64, &str)> = errs.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert!(got.contains(&(3, "address")), "{got:?}");
        assert!(got.contains(&(3, "member_count")), "{got:?}");
        assert!(got.contains(&(4, "code")), "{got:?}");
        assert!(errs.iter().all(|e| !e.message.is_empty()));
    }

    #[test]
    fn missing_columns_are_named() {
        let errs = parse_csv(b"code,address\nH1,X\n", today()).expect_err("missing");
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["representative", "member_count"]);
    }

    #[test]
    fn missing_columns_and_errors_are_named_by_their_vietnamese_headers() {
        let errs = parse_csv("MÃ HỘ,địa chỉ,Dai dien ho\nH1,X,An\n".as_bytes(), today()).expect_err("missing");
        assert_eq!(errs.iter().map(|e| e.message.as_str()).collect::<Vec<_>>(), ["Thiếu cột «Số nhân khẩu»."]);
        assert_eq!(column_label("member_count"), "Số nhân khẩu");
        assert_eq!(column_label("phone"), "Điện thoại");
        assert_eq!(column_label("file"), "Tệp");
    }

    #[test]
    fn reimporting_the_same_rows_changes_nothing() {
        let csv = "code,address,representative,member_count\nH1,Xóm 1,An,3\nH2,Xóm 2,Bình,4\n";
        let rows = parse_csv(csv.as_bytes(), today()).expect("valid").rows;
        let first = plan(vec![], rows.clone());
        assert_eq!((first.insert.len(), first.update.len(), first.unchanged), (2, 0, 0));
        let stored: Vec<(i64, HouseholdData)> =
            first.insert.into_iter().enumerate().map(|(i, h)| (i as i64, h)).collect();
        let again = plan(stored.clone(), rows);
        assert_eq!((again.insert.len(), again.update.len(), again.unchanged), (0, 0, 2));
        let changed = parse_csv("code,address,representative,member_count\nH1,Xóm 1,An,5\n".as_bytes(), today())
            .expect("valid")
            .rows;
        let upd = plan(stored, changed);
        assert_eq!(upd.update.len(), 1);
        assert_eq!(upd.update[0].2.member_count, 5);
    }

    #[test]
    fn garbage_never_panics() {
        for input in [
            &b""[..],
            b"\xff\xfe",
            b"\n\n\n",
            b"code\n\"",
            b",,,,\n,,,,",
            b"ma ho;dia chi;dai dien;so nhan khau\n;;;\n",
        ] {
            let _ = parse_csv(input, today());
        }
    }
}
