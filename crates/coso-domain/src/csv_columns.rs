//! The columns of an imported CSV file, shared by the household and unit imports: each field's
//! code, the Vietnamese header a file is given (and errors name), and the folded header names
//! accepted for it.

/// `(field, Vietnamese header, accepted folded names)`.
pub type Column = (&'static str, &'static str, &'static [&'static str]);

/// The Vietnamese header of `field` among `columns` (`member_count` → «Số nhân khẩu»); the
/// whole-file and whole-row names in words; anything else as it is.
pub fn column_label<'a>(columns: &'a [Column], field: &'a str) -> &'a str {
    match field {
        "file" => "Tệp",
        "header" => "Dòng tiêu đề",
        "row" => "Cả dòng",
        _ => columns.iter().find(|c| c.0 == field).map_or(field, |c| c.1),
    }
}
