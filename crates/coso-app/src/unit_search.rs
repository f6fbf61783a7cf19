//! Searching units by name or code: well-known abbreviations of provinces and cities are read
//! as their names, and every result comes with the units above it, so that twenty villages
//! called "Thôn Hồng Lĩnh" can be told apart.

use std::collections::HashMap;

use coso_store::{UnitRow, UnitSearch};

use crate::{App, Result};

/// Abbreviations people type for provinces and cities (folded, without dots or hyphens), and
/// the name searched instead. Only names that exist in the list in force since 1 July 2025:
/// Bà Rịa - Vũng Tàu is now part of Thành phố Hồ Chí Minh, and is found by its best-known ward.
const ABBREVIATIONS: [(&str, &str); 14] = [
    ("hn", "Hà Nội"),
    ("tphn", "Hà Nội"),
    ("hcm", "Hồ Chí Minh"),
    ("tphcm", "Hồ Chí Minh"),
    ("hcmc", "Hồ Chí Minh"),
    ("sg", "Hồ Chí Minh"),
    ("hp", "Hải Phòng"),
    ("dn", "Đà Nẵng"),
    ("tpdn", "Đà Nẵng"),
    ("ct", "Cần Thơ"),
    ("tth", "Huế"),
    ("brvt", "Vũng Tàu"),
    ("bmt", "Buôn Ma Thuột"),
    ("vt", "Vũng Tàu"),
];

/// The query with every word that is a known abbreviation replaced by the name it stands for
/// ("tp.hcm" → "Hồ Chí Minh"); other words are kept as typed.
pub fn expand_abbreviations(query: &str) -> String {
    query
        .split_whitespace()
        .map(|word| {
            let key: String = coso_text::fold(word).chars().filter(|c| !matches!(c, '.' | '-' | '_')).collect();
            ABBREVIATIONS.iter().find(|(abbr, _)| *abbr == key).map_or(word, |(_, name)| name)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One unit found, with where it lies: "Xã Thạch Hà, Tỉnh Hà Tĩnh" (nearest first).
#[derive(Debug, Clone)]
pub struct Hit {
    pub unit: UnitRow,
    pub place: String,
}

/// A page of units found, and how many match in all.
#[derive(Debug, Clone)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub total: i64,
}

/// Searches units (the query's abbreviations expanded) and names the units above each one.
pub async fn search(app: &App, mut s: UnitSearch) -> Result<Found> {
    s.q = s.q.as_deref().map(expand_abbreviations);
    let store = app.store();
    let page = store.search_units(&s).await?;
    // The ancestors of a page of results repeat (the same commune, the same province): each
    // is read once.
    let mut names: HashMap<i64, String> = HashMap::new();
    let mut hits = Vec::with_capacity(page.items.len());
    for unit in page.items {
        let mut above = Vec::new();
        for id in unit.unit_path().ids().filter(|id| id.0 != unit.id) {
            if let Some(name) = names.get(&id.0) {
                above.push(name.clone());
            } else if let Some(row) = store.unit_by_id(id).await? {
                names.insert(id.0, row.name.clone());
                above.push(row.name);
            }
        }
        above.reverse();
        hits.push(Hit { unit, place: above.join(", ") });
    }
    Ok(Found { hits, total: page.total })
}

/// The unit with `code` as a search result, with the units above it; `None` when no unit has
/// that code.
pub async fn by_code(app: &App, code: &str) -> Result<Option<Hit>> {
    let store = app.store();
    let Some(unit) = store.unit_by_code(code.trim()).await? else { return Ok(None) };
    let mut above = Vec::new();
    for id in unit.unit_path().ids().filter(|id| id.0 != unit.id) {
        if let Some(row) = store.unit_by_id(id).await? {
            above.push(row.name);
        }
    }
    above.reverse();
    Ok(Some(Hit { unit, place: above.join(", ") }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_become_names_and_other_words_stay() {
        assert_eq!(expand_abbreviations("hn"), "Hà Nội");
        assert_eq!(expand_abbreviations("TP.HCM"), "Hồ Chí Minh");
        assert_eq!(expand_abbreviations("tphcm"), "Hồ Chí Minh");
        assert_eq!(expand_abbreviations("BRVT"), "Vũng Tàu");
        assert_eq!(expand_abbreviations("phường bến thành hcm"), "phường bến thành Hồ Chí Minh");
        assert_eq!(expand_abbreviations("hồng lĩnh"), "hồng lĩnh");
    }
}
