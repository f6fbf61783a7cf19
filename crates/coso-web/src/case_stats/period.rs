//! The period of the statistics as typed: from the first of January to today unless given.

use chrono::{Datelike, NaiveDate};
use coso_domain::{FieldError, field};

/// `from` and `to` as typed (empty: the defaults), checked; errors name the field `field_from`
/// / `field_to`.
pub fn period(
    from: &str,
    to: &str,
    today: NaiveDate,
    (field_from, field_to): (&'static str, &'static str),
) -> Result<(NaiveDate, NaiveDate), Vec<FieldError>> {
    let start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let from = if from.trim().is_empty() { Ok(start) } else { field::date(field_from, "Từ ngày", from) };
    let to = if to.trim().is_empty() { Ok(today) } else { field::date(field_to, "Đến ngày", to) };
    match (from, to) {
        (Ok(f), Ok(t)) if f > t => {
            Err(vec![FieldError::new(field_from, "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.")])
        }
        (Ok(f), Ok(t)) => Ok((f, t)),
        (f, t) => Err([f.err(), t.err()].into_iter().flatten().collect()),
    }
}
