//! Dates as Vietnamese documents write them: `14/8/2023`, `14-8-2023`, `ngày 14 tháng 8 năm 2023`,
//! with stray spaces (`26 / 4 / 2022`) and blanks in drafts (`ngày   tháng 6 năm 2022`).

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// A date found in text; the year may be missing (`20/5`), which the caller resolves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FoundDate {
    pub start: usize,
    pub end: usize,
    pub day: u32,
    pub month: u32,
    pub year: Option<i32>,
}

impl FoundDate {
    /// ISO date when the year is known and the date exists.
    pub(crate) fn iso(&self) -> Option<String> {
        self.year.and_then(|y| iso(y, self.month, self.day))
    }
}

/// `YYYY-MM-DD` for a valid calendar date.
pub(crate) fn iso(year: i32, month: u32, day: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(year, month, day).map(|d| d.format("%Y-%m-%d").to_string())
}

/// `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`, or `dd/mm` without a year. The year group is
/// optional so that one pass finds both; `(?:\s*/)?` swallows the slash of a truncated date
/// (`26 / 4 /`).
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d/.\-])(\d{1,2})\s?([/.\-])\s?(\d{1,2})(?:\s?[/.\-]\s?(\d{4})|\s?/)?").expect("static regex")
});
/// `ngày 14 tháng 8 năm 2023`, `ngày 14 tháng 8` (year missing).
static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,)\s*(\d{4}))?").expect("static regex")
});

/// All dates in `s`, in order of appearance.
pub(crate) fn find_all(s: &str) -> Vec<FoundDate> {
    let mut found = Vec::new();
    for c in NUMERIC.captures_iter(s) {
        let (Some(whole), Some(d), Some(sep), Some(m)) = (c.get(0), c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        // `1.000` or `2020-2025` are not dates: dot and dash dates need a year.
        let y = c.get(4);
        if sep.as_str() != "/" && y.is_none() {
            continue;
        }
        let (Ok(day), Ok(month)) = (d.as_str().parse::<u32>(), m.as_str().parse::<u32>()) else {
            continue;
        };
        if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
            continue;
        }
        let year = y.and_then(|y| y.as_str().parse::<i32>().ok());
        found.push(FoundDate { start: d.start(), end: whole.end(), day, month, year });
    }
    for c in WORDS.captures_iter(s) {
        let (Some(whole), Some(d), Some(m)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let (Ok(day), Ok(month)) = (d.as_str().parse::<u32>(), m.as_str().parse::<u32>()) else {
            continue;
        };
        if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
            continue;
        }
        let year = c.get(3).and_then(|y| y.as_str().parse::<i32>().ok());
        found.push(FoundDate { start: whole.start(), end: whole.end(), day, month, year });
    }
    found.sort_by_key(|f| f.start);
    found
}

/// The first date that starts within `max_offset` bytes of the start of `s`.
pub(crate) fn leading(s: &str, max_offset: usize) -> Option<FoundDate> {
    find_all(s).into_iter().next().filter(|f| f.start <= max_offset)
}

/// The place-and-date line: `Bình Phước, ngày 26 tháng 4 năm 2022`, possibly with blanks
/// (`ngày    tháng 6 năm 2022`, `ngày … tháng … năm 2024`).
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<place>[\p{Lu}][\p{L}\s.\-]{0,48}?)\s*,\s*ngày[\s._…]*(?P<d>\d{1,2})?[\s._…]*(?:tháng|/)[\s._…]*(?P<m>\d{1,2})?[\s._…]*(?:năm|/)[\s._…]*(?P<y>\d{4})?",
    )
    .expect("static regex")
});

/// Place, full date, partial date (`YYYY-MM` or `YYYY`) of a place-and-date line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PlaceDate {
    pub place: String,
    pub date: Option<String>,
    pub partial: Option<String>,
}

pub(crate) fn place_date(line: &str) -> Option<PlaceDate> {
    let c = PLACE_DATE.captures(line)?;
    let place = c.name("place")?.as_str().trim().to_string();
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = c.name("y").and_then(|m| m.as_str().parse::<i32>().ok());
    let (day, month) = (num("d"), num("m"));
    let mut out = PlaceDate { place, date: None, partial: None };
    match (day, month, year) {
        (Some(d), Some(m), Some(y)) => out.date = iso(y, m, d),
        (None, Some(m), Some(y)) if (1..=12).contains(&m) => out.partial = Some(format!("{y:04}-{m:02}")),
        (_, None, Some(y)) => out.partial = Some(format!("{y:04}")),
        _ => {}
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_and_words() {
        let f = find_all("Nghị định ngày 14/8/2023 và ngày 5 tháng 2 năm 2024; trước ngày 20/5 hằng năm; 1.000 người");
        let got: Vec<(u32, u32, Option<i32>)> = f.iter().map(|f| (f.day, f.month, f.year)).collect();
        assert_eq!(got, vec![(14, 8, Some(2023)), (5, 2, Some(2024)), (20, 5, None)]);
        assert_eq!(f[0].iso().as_deref(), Some("2023-08-14"));
    }

    #[test]
    fn truncated_date_has_no_year() {
        let f = find_all("ngày 26 / 4 / của Ban");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].year, None);
    }

    #[test]
    fn place_and_date_lines() {
        assert_eq!(
            place_date("Bình Phước, ngày 26 tháng 4 năm 2022"),
            Some(PlaceDate { place: "Bình Phước".into(), date: Some("2022-04-26".into()), partial: None })
        );
        assert_eq!(
            place_date("Hồng Lĩnh, ngày tháng 6 năm 2022"),
            Some(PlaceDate { place: "Hồng Lĩnh".into(), date: None, partial: Some("2022-06".into()) })
        );
        assert_eq!(place_date("Căn cứ Luật"), None);
    }
}
