//! The key of one occurrence of an obligation (`obligation_occurrence.period_key`): which
//! period a report covers. Its text is stored and appears in URLs and file names, so the
//! grammar below is fixed:
//!
//! | text       | period                          |
//! |------------|---------------------------------|
//! | ``         | once (implementing plan, ad hoc)|
//! | `2026`     | the year                        |
//! | `2026-H1`  | the first six months            |
//! | `2026-9M`  | the first nine months           |
//! | `2026-Q3`  | a quarter (1 to 4)              |
//! | `2026-05`  | a month (two digits, 01 to 12)  |

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Which period an occurrence covers. Ordered by the period's last month, then the shorter
/// period first; the one-off comes before every period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodKey {
    /// A one-off occurrence: stored as the empty text.
    Once,
    Year(i32),
    FirstHalf(i32),
    NineMonths(i32),
    /// The year and the quarter, 1 to 4.
    Quarter(i32, u8),
    /// The year and the month, 1 to 12.
    Month(i32, u8),
}

/// A text that is not a period key; the message names it in Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Kỳ báo cáo «{0}» không hợp lệ (ví dụ: 2026, 2026-H1, 2026-9M, 2026-Q1, 2026-05).")]
pub struct BadPeriodKey(pub String);

impl PeriodKey {
    /// Reads the stored text. Exactly the forms [`PeriodKey`]'s `Display` writes; no spaces.
    pub fn parse(s: &str) -> Result<PeriodKey, BadPeriodKey> {
        if s.is_empty() {
            return Ok(PeriodKey::Once);
        }
        let bad = || BadPeriodKey(s.to_string());
        let (year, rest) = match s.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (s, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) || year.starts_with('0') {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        let Some(rest) = rest else { return Ok(PeriodKey::Year(year)) };
        match rest.as_bytes() {
            b"H1" => Ok(PeriodKey::FirstHalf(year)),
            b"9M" => Ok(PeriodKey::NineMonths(year)),
            [b'Q', q @ b'1'..=b'4'] => Ok(PeriodKey::Quarter(year, q - b'0')),
            [a @ b'0'..=b'1', b @ b'0'..=b'9'] => {
                let m = (a - b'0') * 10 + (b - b'0');
                if (1..=12).contains(&m) { Ok(PeriodKey::Month(year, m)) } else { Err(bad()) }
            }
            _ => Err(bad()),
        }
    }

    /// The year of the period; `None` for a one-off.
    pub fn year(self) -> Option<i32> {
        match self {
            PeriodKey::Once => None,
            PeriodKey::Year(y)
            | PeriodKey::FirstHalf(y)
            | PeriodKey::NineMonths(y)
            | PeriodKey::Quarter(y, _)
            | PeriodKey::Month(y, _) => Some(y),
        }
    }

    pub fn is_once(self) -> bool {
        self == PeriodKey::Once
    }

    /// The last month of the period and its length in months (for ordering).
    fn end_and_span(self) -> (u8, u8) {
        match self {
            PeriodKey::Once => (0, 0),
            PeriodKey::Year(_) => (12, 12),
            PeriodKey::FirstHalf(_) => (6, 6),
            PeriodKey::NineMonths(_) => (9, 9),
            PeriodKey::Quarter(_, q) => (q * 3, 3),
            PeriodKey::Month(_, m) => (m, 1),
        }
    }

    /// The Vietnamese name: `6 tháng đầu năm 2026`, `Năm 2026`, `Quý III/2026`,
    /// `Tháng 5/2026`; `Một lần` for a one-off.
    pub fn label(self) -> String {
        match self {
            PeriodKey::Once => "Một lần".to_string(),
            PeriodKey::Year(y) => format!("Năm {y}"),
            PeriodKey::FirstHalf(y) => format!("6 tháng đầu năm {y}"),
            PeriodKey::NineMonths(y) => format!("9 tháng năm {y}"),
            PeriodKey::Quarter(y, q) => {
                let roman = ["I", "II", "III", "IV"].get(usize::from(q).saturating_sub(1)).copied().unwrap_or("?");
                format!("Quý {roman}/{y}")
            }
            PeriodKey::Month(y, m) => format!("Tháng {m}/{y}"),
        }
    }
}

impl fmt::Display for PeriodKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PeriodKey::Once => Ok(()),
            PeriodKey::Year(y) => write!(f, "{y}"),
            PeriodKey::FirstHalf(y) => write!(f, "{y}-H1"),
            PeriodKey::NineMonths(y) => write!(f, "{y}-9M"),
            PeriodKey::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            PeriodKey::Month(y, m) => write!(f, "{y}-{m:02}"),
        }
    }
}

impl FromStr for PeriodKey {
    type Err = BadPeriodKey;

    fn from_str(s: &str) -> Result<PeriodKey, BadPeriodKey> {
        PeriodKey::parse(s)
    }
}

/// A key equals its stored text (`key == "2026-H1"`).
impl PartialEq<str> for PeriodKey {
    fn eq(&self, text: &str) -> bool {
        PeriodKey::parse(text) == Ok(*self)
    }
}

impl PartialEq<&str> for PeriodKey {
    fn eq(&self, text: &&str) -> bool {
        PeriodKey::parse(text) == Ok(*self)
    }
}

impl Ord for PeriodKey {
    fn cmp(&self, other: &PeriodKey) -> Ordering {
        let key = |k: &PeriodKey| (k.year(), k.end_and_span());
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for PeriodKey {
    fn partial_cmp(&self, other: &PeriodKey) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for PeriodKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PeriodKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PeriodKey, D::Error> {
        let text = String::deserialize(d)?;
        PeriodKey::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PeriodKey::*;

    #[test]
    fn reads_every_form_and_writes_it_back_unchanged() {
        let cases = [
            ("", Once),
            ("2026", Year(2026)),
            ("2026-H1", FirstHalf(2026)),
            ("2026-9M", NineMonths(2026)),
            ("2026-Q1", Quarter(2026, 1)),
            ("2026-Q4", Quarter(2026, 4)),
            ("2026-01", Month(2026, 1)),
            ("2026-12", Month(2026, 12)),
        ];
        for (text, key) in cases {
            assert_eq!(PeriodKey::parse(text), Ok(key), "{text}");
            assert_eq!(key.to_string(), text);
        }
    }

    #[test]
    fn refuses_anything_else() {
        for text in [
            " ",
            "26",
            "02026",
            "0999",
            "2026-",
            "2026-H2",
            "2026-Q0",
            "2026-Q5",
            "2026-q1",
            "2026-00",
            "2026-13",
            "2026-1",
            "2026-001",
            "2026-6M",
            " 2026",
            "2026 ",
            "abcd",
            "2026-05-01",
            "-2026",
        ] {
            let err = PeriodKey::parse(text).expect_err(text);
            assert!(err.to_string().contains(&format!("«{text}»")), "{err}");
        }
    }

    #[test]
    fn orders_periods_by_when_they_end() {
        let mut keys =
            [Year(2026), Month(2027, 1), Quarter(2026, 2), FirstHalf(2026), Month(2026, 6), Once, NineMonths(2026)];
        keys.sort();
        assert_eq!(
            keys,
            [Once, Month(2026, 6), Quarter(2026, 2), FirstHalf(2026), NineMonths(2026), Year(2026), Month(2027, 1)]
        );
        assert!(Month(2026, 2) < Month(2026, 10), "by month, not by text");
    }

    #[test]
    fn serde_uses_the_stored_text() {
        assert_eq!(serde_json::to_string(&Quarter(2026, 3)).ok().as_deref(), Some("\"2026-Q3\""));
        assert_eq!(serde_json::to_string(&Once).ok().as_deref(), Some("\"\""));
        assert_eq!(serde_json::from_str::<PeriodKey>("\"2026-05\"").ok(), Some(Month(2026, 5)));
        assert!(serde_json::from_str::<PeriodKey>("\"2026-13\"").is_err());
    }

    #[test]
    fn labels_in_vietnamese() {
        assert_eq!(FirstHalf(2026).label(), "6 tháng đầu năm 2026");
        assert_eq!(Year(2026).label(), "Năm 2026");
        assert_eq!(Quarter(2026, 3).label(), "Quý III/2026");
        assert_eq!(Month(2026, 5).label(), "Tháng 5/2026");
        assert_eq!(NineMonths(2026).label(), "9 tháng năm 2026");
        assert_eq!(Once.label(), "Một lần");
    }
}
