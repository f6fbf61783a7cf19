//! The Atom feed of a unit's published news, written by `coso_export::atom`.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use coso_export::atom::{Category, Entry, Feed, tag_uri};
use coso_store::{NewsRow, UnitRow};

/// The day `tag:` identifiers are minted on: the host was coso's from then on.
const TAG_DATE: (i32, u32, u32) = (2026, 1, 1);

/// Midnight of a day in Vietnam (UTC+7), as an instant.
fn start_of(day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_time(NaiveTime::MIN);
    FixedOffset::east_opt(7 * 3600)
        .and_then(|vietnam| midnight.and_local_timezone(vietnam).single())
        .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
}

/// The host part of a base address (`https://coso.example.vn:8443` → `coso.example.vn`).
fn host_of(base: &str) -> &str {
    let rest = base.split_once("://").map_or(base, |(_, r)| r);
    let host = rest.split(['/', ':']).next().unwrap_or(rest);
    if host.is_empty() { "coso.invalid" } else { host }
}

/// The feed of `posts` (newest first) of `unit`, with links under `base`.
pub fn news_feed(base: &str, unit: &UnitRow, posts: &[NewsRow], now: DateTime<Utc>) -> String {
    let date = NaiveDate::from_ymd_opt(TAG_DATE.0, TAG_DATE.1, TAG_DATE.2).unwrap_or_default();
    let host = host_of(base);
    let page = format!("{base}/don-vi/{}/tin-tuc", unit.code);
    let entries: Vec<Entry> = posts
        .iter()
        .map(|p| Entry {
            id: tag_uri(host, date, &format!("tin-tuc/{}", p.id)),
            title: p.title.clone(),
            updated: p.updated_at,
            published: p.published_on.map(start_of),
            summary: None,
            content: Some(p.body.clone()),
            link: Some(format!("{page}/{}", p.id)),
            categories: vec![Category { term: p.category.clone(), label: Some(p.category.clone()) }],
        })
        .collect();
    Feed {
        id: tag_uri(host, date, &format!("tin-tuc/don-vi/{}", unit.code)),
        title: format!("Tin tức — {}", unit.name),
        updated: posts.iter().map(|p| p.updated_at).max().unwrap_or(now),
        self_link: format!("{page}.atom"),
        alternate_link: page,
        author: unit.name.clone(),
        entries,
    }
    .to_xml()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_starts_at_midnight_in_vietnam() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 4).expect("date");
        assert_eq!(start_of(day).to_rfc3339(), "2026-03-03T17:00:00+00:00");
    }

    #[test]
    fn the_host_is_read_from_the_base_address() {
        assert_eq!(host_of("https://coso.example.vn:8443/"), "coso.example.vn");
        assert_eq!(host_of("http://127.0.0.1:3000"), "127.0.0.1");
    }
}
