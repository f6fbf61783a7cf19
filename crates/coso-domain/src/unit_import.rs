//! CSV import of villages, residential groups, agencies and departments under one unit.

use chrono::NaiveDate;

use crate::RowError;
use crate::unit::{NewUnit, UnitInput, UnitKind};

const COLUMNS: [(&str, &[&str]); 5] = [
    ("code", &["ma", "ma don vi", "ma_don_vi", "code"]),
    ("name", &["ten", "ten don vi", "ten_don_vi", "name"]),
    ("kind", &["loai", "loai don vi", "kind"]),
    ("valid_from", &["tu ngay", "tu_ngay", "valid_from"]),
    ("valid_to", &["den ngay", "den_ngay", "valid_to"]),
];

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
        let names = COLUMNS.iter().find(|c| c.0 == field).map_or(&[][..], |c| c.1);
        headers.iter().position(|h| names.contains(&coso_text::fold(h).as_str()))
    };
    let idx: Vec<Option<usize>> = COLUMNS.iter().map(|c| pos(c.0)).collect();
    let missing: Vec<RowError> = COLUMNS[..3]
        .iter()
        .zip(&idx)
        .filter(|(_, i)| i.is_none())
        .map(|(c, _)| RowError { line: 1, field: c.0.into(), message: format!("Thiếu cột «{}».", c.1[0]) })
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
        let input = UnitInput { code: get(0), name: get(1), kind: get(2), valid_from: get(3), valid_to: get(4) };
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
}
