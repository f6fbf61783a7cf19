//! The catalogue of what the law requires to be disclosed, kept as versioned data with its
//! legal basis in `assets/disclosure/catalogue-2022.json` (not code): the 14 items of Law
//! 10/2022 Art. 11 for communes and the 12 of its Chapter III for agencies. Items not checked
//! against the official text carry `verified: false` and a note, and the pages say so.

use serde::{Deserialize, Serialize};

use crate::unit::UnitKind;

const CATALOGUE_2022: &str = include_str!("../../../../assets/disclosure/catalogue-2022.json");

/// The commune-level item "results of consulting the people" (Art. 11(9) in the catalogue),
/// which a closed consultation publishes.
pub const CONSULTATION_RESULTS_ITEM: u8 = 9;

/// The commune-level item of the results of inspections (Art. 11(8) in the catalogue, not yet
/// checked against the official text), which a published inspection's result is recorded under.
pub const INSPECTION_RESULTS_ITEM: u8 = 8;

/// The commune-level item of the budget estimate and its execution (Art. 11(2)).
pub const BUDGET_ITEM: u8 = 2;

/// Who must disclose an item: a commune-level government or an agency's head.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Commune,
    Agency,
}

impl Level {
    pub const ALL: [Level; 2] = [Level::Commune, Level::Agency];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Commune => "commune",
            Level::Agency => "agency",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::Commune => "Cấp xã",
            Level::Agency => "Cơ quan, đơn vị",
        }
    }

    /// The level a unit of `kind` discloses at, if it keeps a register: communes, wards and
    /// special zones (Art. 11), agencies (Chapter III).
    pub fn of_unit(kind: UnitKind) -> Option<Level> {
        match kind {
            UnitKind::Commune | UnitKind::Ward | UnitKind::SpecialZone => Some(Level::Commune),
            UnitKind::Agency => Some(Level::Agency),
            _ => None,
        }
    }
}

/// One required content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueItem {
    pub level: Level,
    /// The number in the law's list (Art. 11 clause for communes).
    pub number: u8,
    /// What must be disclosed (Vietnamese).
    pub title: String,
    pub legal_basis: String,
    /// Must also be broadcast on the commune radio for 3 consecutive days (PUB-3).
    pub radio_required: bool,
    /// Checked against a primary or reliable secondary source.
    pub verified: bool,
    /// Why an item is unverified, or what else to know.
    #[serde(default)]
    pub note: Option<String>,
    /// The report indicator its disclosures count towards.
    pub indicator: String,
}

/// A version of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    /// The version's code (`2022`).
    pub catalogue: String,
    pub title: String,
    pub valid_from: chrono::NaiveDate,
    pub sources: Vec<String>,
    pub items: Vec<CatalogueItem>,
}

impl Catalogue {
    /// The catalogue in force (Law 10/2022, from 2023-07-01).
    pub fn current() -> Result<Catalogue, serde_json::Error> {
        serde_json::from_str(CATALOGUE_2022)
    }

    /// The items of one level, by number.
    pub fn items_of(&self, level: Level) -> impl Iterator<Item = &CatalogueItem> {
        self.items.iter().filter(move |i| i.level == level)
    }

    pub fn item(&self, level: Level, number: u8) -> Option<&CatalogueItem> {
        self.items.iter().find(|i| i.level == level && i.number == number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_catalogue_has_the_counts_of_the_law() {
        let c = Catalogue::current().expect("catalogue reads");
        assert_eq!(c.catalogue, "2022");
        let commune: Vec<_> = c.items_of(Level::Commune).collect();
        assert_eq!(commune.len(), 14, "PUB-1: 14 items at commune level");
        assert_eq!(commune.iter().map(|i| i.number).collect::<Vec<_>>(), (1..=14).collect::<Vec<_>>());
        assert_eq!(c.items_of(Level::Agency).count(), 12, "AG-2: 12 items for agencies");
        // PUB-3: items 7–12 and only those go on the radio.
        let radio: Vec<u8> = commune.iter().filter(|i| i.radio_required).map(|i| i.number).collect();
        assert_eq!(radio, [7, 8, 9, 10, 11, 12]);
        // Items 1–3 verified; 4–14 and the whole agency list not.
        for item in &c.items {
            let verified = item.level == Level::Commune && item.number <= 3;
            assert_eq!(item.verified, verified, "{:?} {}", item.level, item.number);
            assert!(item.verified || item.note.is_some(), "an unverified item says why");
            assert_eq!(item.indicator, "disclosures");
            assert_eq!(item.title, coso_text::nfc(&item.title), "NFC");
        }
        assert!(c.item(Level::Commune, CONSULTATION_RESULTS_ITEM).is_some_and(|i| i.title.contains("lấy ý kiến")));
        assert!(c.item(Level::Commune, BUDGET_ITEM).is_some_and(|i| i.title.contains("Dự toán")));
    }

    #[test]
    fn units_disclose_at_their_level() {
        assert_eq!(Level::of_unit(UnitKind::Ward), Some(Level::Commune));
        assert_eq!(Level::of_unit(UnitKind::Agency), Some(Level::Agency));
        assert_eq!(Level::of_unit(UnitKind::Village), None);
        assert_eq!(Level::of_unit(UnitKind::Province), None);
    }
}
