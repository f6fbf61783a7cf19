//! CSV import of villages, residential groups, agencies and departments under one unit.

use chrono::NaiveDate;

use crate::RowError;
use crate::unit::{NewUnit, UnitInput, UnitKind};

/// Each field's column: the header a file is given (Vietnamese, shown in errors), and the header
/// names accepted (folded: case and diacritics do not matter), the code included.
const COLUMNS: [crate::csv_columns::Column; 5] = [
    ("code", "Mã", &["ma", "ma don vi", "ma_don_vi", "code"]),
    ("name", "Tên", &["ten", "ten don vi", "ten_don_vi", "name"]),
    ("kind", "Loại", &["loai", "loai don vi", "kind"]),
    ("valid_from", "Từ ngày", &["tu ngay", "tu_ngay", "valid_from"]),
    ("valid_to", "Đến ngày", &["den ngay", "den_ngay", "valid_to"]),
];

/// The Vietnamese header of a unit file's column for `field` (`kind` → «Loại»); other names
/// (`file`, `row`) as they are.
pub fn column_label(field: &str) -> &str {
    crate::csv_columns::column_label(&COLUMNS, field)
}

/// Local names of villages and residential groups (folded) that a file may give as the kind.
/// «Bản» is left out: folded, it is «ban», as in «Phòng, ban».
const KIND_ALIASES: [(&str, UnitKind); 10] = [
    ("ap", UnitKind::Village),
    ("lang", UnitKind::Village),
    ("xom", UnitKind::Village),
    ("buon", UnitKind::Village),
    ("soc", UnitKind::Village),
    ("phum", UnitKind::Village),
    ("to", UnitKind::ResidentialGroup),
    ("khu pho", UnitKind::ResidentialGroup),
    ("khom", UnitKind::ResidentialGroup),
    ("phong", UnitKind::Department),
];

/// Words folded, punctuation as spaces: «Phòng, ban» → `phong ban`.
fn words(raw: &str) -> String {
    coso_text::fold(raw).replace([',', '-', '_'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The kind's code for what a file wrote: the code (`village`), the Vietnamese name («Thôn»,
/// «tổ dân phố») or a local name («Ấp»), in any case, with or without diacritics. Anything
/// else is returned as written, for the unit's own check to name it.
fn kind_code(raw: &str) -> String {
    let key = words(raw);
    UnitKind::ALL
        .into_iter()
        .find(|k| key == words(k.as_str()) || key == words(k.label()))
        .or_else(|| KIND_ALIASES.iter().find(|(alias, _)| *alias == key).map(|(_, k)| *k))
        .map_or_else(|| raw.to_string(), |k| k.as_str().to_string())
}

/// Parses a unit CSV for units under a parent of kind `parent`. Only kinds that officials
/// create are accepted. All rows valid, or every error.
pub fn parse_csv(bytes: &[u8], parent: UnitKind, today: NaiveDate) -> Result<Vec<(u64, NewUnit)>, Vec<RowError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| {
            vec![RowError {
                line: 1, field: "header".into(), message: format!("Không đọc được dòng tiêu đề: {e}")
            }]
        })?
        .clone();
    let pos = |field: &str| {
        let names = COLUMNS.iter().find(|c| c.0 == field).map_or(&[][..], |c| c.2);
        headers.iter().position(|h| names.contains(&coso_text::fold(h).as_str()))
    };
    let idx: Vec<Option<usize>> = COLUMNS.iter().map(|c| pos(c.0)).collect();
    let missing: Vec<RowError> = COLUMNS[..3]
        .iter()
        .zip(&idx)
        .filter(|(_, i)| i.is_none())
        .map(|(c, _)| RowError { line: 1, field: c.0.into(), message: format!("Thiếu cột «{}».", c.1) })
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, rec) in reader.records().enumerate() {
        let line = i as u64 + 2;
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                errors.push(RowError {
                    line, field: "row".into(), message: format!("Dòng không đọc được: {e}")
                });
                continue;
            }
        };
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |k: usize| idx[k].and_then(|i| rec.get(i)).unwrap_or("").to_string();
        let input =
            UnitInput { code: get(0), name: get(1), kind: kind_code(&get(2)), valid_from: get(3), valid_to: get(4) };
        match NewUnit::parse(&input, Some(parent), today) {
            Ok(u) if !u.kind.created_by_officials() => errors.push(RowError {
                line,
                field: "kind".into(),
                message: format!(
                    "Không thể tạo «{}» bằng tệp; chỉ thôn, tổ dân phố, cơ quan, phòng ban.",
                    u.kind.label()
                ),
            }),
            Ok(u) if !seen.insert(u.code.clone()) => errors.push(RowError {
                line,
                field: "code".into(),
                message: format!("Mã «{}» bị trùng trong tệp.", u.code),
            }),
            Ok(u) => out.push((line, u)),
            Err(errs) => errors.extend(errs.into_iter().map(|e| RowError::from_field(line, e))),
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_villages_and_rejects_communes() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        let ok = parse_csv(
            "Mã,Tên,Loại\nT1,Thôn 1,village\nT2,Tổ dân phố 2,residential_group\n".as_bytes(),
            UnitKind::Commune,
            today,
        )
        .expect("valid");
        assert_eq!(ok.len(), 2);
        let errs = parse_csv("code,name,kind\nX,Xã X,commune\nT1,,village\n".as_bytes(), UnitKind::Commune, today)
            .expect_err("bad");
        assert_eq!(errs.iter().map(|e| (e.line, e.field.as_str())).collect::<Vec<_>>(), [(2, "kind"), (3, "name")]);
    }

    #[test]
    fn kinds_are_read_by_their_vietnamese_names_in_any_case_and_with_or_without_diacritics() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        let file = "MÃ,tên,LOẠI\nT1,Thôn 1,Thôn\nT2,Tổ 2,TO DAN PHO\nT3,Ấp 3,ấp\nT4,Văn phòng,Phòng, ban\nT5,Thôn 5,VILLAGE\nT6,Thôn 6,thon\n";
        // «Phòng, ban» unquoted is two cells: the kind is «Phòng».
        let units = parse_csv(file.as_bytes(), UnitKind::Commune, today).expect("valid");
        let kinds: Vec<UnitKind> = units.iter().map(|(_, u)| u.kind).collect();
        use UnitKind::{Department, ResidentialGroup, Village};
        assert_eq!(kinds, [Village, ResidentialGroup, Village, Department, Village, Village]);
    }

    #[test]
    fn errors_name_columns_by_their_vietnamese_headers() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        let errs = parse_csv("code,name\nT1,Thôn 1\n".as_bytes(), UnitKind::Commune, today).expect_err("no kind");
        assert_eq!(errs[0].message, "Thiếu cột «Loại».");
        assert_eq!(column_label(&errs[0].field), "Loại");
        let errs = parse_csv("Mã,Tên,Loại\nT1,Thôn 1,chợ\n".as_bytes(), UnitKind::Commune, today).expect_err("kind");
        assert!(errs[0].message.contains("«chợ»"), "{}", errs[0].message);
    }
}
