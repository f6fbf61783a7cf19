//! The official list of province-level and commune-level units from 1 July 2025, shipped in the
//! repository (`assets/units/official-2025-07-01.csv`, source in the README beside it).

use crate::unit::{TWO_TIER_START, UnitKind};

const OFFICIAL_CSV: &str = include_str!("../../../assets/units/official-2025-07-01.csv");

/// One official unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialUnit {
    pub code: &'static str,
    pub name: &'static str,
    pub kind: UnitKind,
    /// `None` for provinces.
    pub parent_code: Option<&'static str>,
}

/// The official units, provinces first, each province followed by its communes.
pub fn official_units() -> Vec<OfficialUnit> {
    OFFICIAL_CSV
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut f = line.split(',');
            let code = f.next()?;
            let name = f.next()?;
            let kind = UnitKind::parse(f.next()?)?;
            let parent = f.next().filter(|p| !p.is_empty());
            Some(OfficialUnit { code, name, kind, parent_code: parent })
        })
        .collect()
}

/// The date from which the official units are valid.
pub fn official_valid_from() -> chrono::NaiveDate {
    TWO_TIER_START
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_official_counts() {
        let units = official_units();
        let count = |k| units.iter().filter(|u| u.kind == k).count();
        assert_eq!(count(UnitKind::Province), 34);
        assert_eq!(count(UnitKind::Commune), 2621);
        assert_eq!(count(UnitKind::Ward), 687);
        assert_eq!(count(UnitKind::SpecialZone), 13);
        assert_eq!(units.len(), 34 + 3321);
        assert!(units.iter().all(|u| u.name == coso_text::nfc(u.name)));
    }
}
