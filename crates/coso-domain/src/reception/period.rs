//! The period a compliance view covers: a year (`2026`) or a quarter (`2026-Q1`).

use chrono::NaiveDate;

use crate::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompliancePeriod {
    Year(i32),
    /// A year and a quarter from 1 to 4.
    Quarter(i32, u32),
}

impl CompliancePeriod {
    /// Reads `2026` or `2026-Q1` (`q` in either case); `field` names the parameter.
    pub fn parse(field: &'static str, raw: &str) -> Result<CompliancePeriod, FieldError> {
        let v = raw.trim().to_ascii_uppercase();
        let bad =
            || FieldError::new(field, format!("Kỳ «{}» không hợp lệ: ghi năm (2026) hoặc quý (2026-Q1).", raw.trim()));
        let year = |y: &str| y.parse::<i32>().ok().filter(|y| (2000..=2100).contains(y));
        match v.split_once("-Q") {
            Some((y, q)) => {
                let q = q.parse::<u32>().ok().filter(|q| (1..=4).contains(q)).ok_or_else(bad)?;
                Ok(CompliancePeriod::Quarter(year(y).ok_or_else(bad)?, q))
            }
            None => Ok(CompliancePeriod::Year(year(&v).ok_or_else(bad)?)),
        }
    }

    /// The period that holds `day`'s quarter.
    pub fn quarter_of(day: NaiveDate) -> CompliancePeriod {
        use chrono::Datelike;
        CompliancePeriod::Quarter(day.year(), (day.month() - 1) / 3 + 1)
    }

    /// The first and the last day.
    pub fn range(self) -> (NaiveDate, NaiveDate) {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
        match self {
            CompliancePeriod::Year(y) => (ymd(y, 1, 1), ymd(y, 12, 31)),
            CompliancePeriod::Quarter(y, q) => {
                let first = ymd(y, 3 * q - 2, 1);
                let next = if q == 4 { ymd(y + 1, 1, 1) } else { ymd(y, 3 * q + 1, 1) };
                (first, next.pred_opt().unwrap_or(first))
            }
        }
    }

    /// The stored and linked form: `2026`, `2026-Q1`.
    pub fn key(self) -> String {
        match self {
            CompliancePeriod::Year(y) => y.to_string(),
            CompliancePeriod::Quarter(y, q) => format!("{y}-Q{q}"),
        }
    }

    pub fn label(self) -> String {
        match self {
            CompliancePeriod::Year(y) => format!("Năm {y}"),
            CompliancePeriod::Quarter(y, q) => {
                format!("Quý {} năm {y}", ["I", "II", "III", "IV"][(q as usize - 1).min(3)])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn years_and_quarters_read_and_span_their_days() {
        assert_eq!(CompliancePeriod::parse("ky", "2026").map(|p| p.range()), Ok((d(2026, 1, 1), d(2026, 12, 31))));
        assert_eq!(CompliancePeriod::parse("ky", "2026-q2").map(|p| p.range()), Ok((d(2026, 4, 1), d(2026, 6, 30))));
        assert_eq!(CompliancePeriod::parse("ky", "2026-Q4").map(|p| p.range()), Ok((d(2026, 10, 1), d(2026, 12, 31))));
        assert_eq!(CompliancePeriod::Quarter(2026, 1).label(), "Quý I năm 2026");
        assert_eq!(CompliancePeriod::quarter_of(d(2026, 8, 5)).key(), "2026-Q3");
        for bad in ["", "2026-Q5", "26", "2026-H1", "abc"] {
            let e = CompliancePeriod::parse("ky", bad).expect_err(bad);
            assert_eq!(e.field, "ky");
            assert!(e.message.starts_with("Kỳ «"), "{}", e.message);
        }
    }
}
