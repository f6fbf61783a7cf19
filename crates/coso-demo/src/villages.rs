//! The villages (thôn) of a commune and the residential groups (tổ dân phố) of a ward.

use coso_domain::unit::{NewUnit, UnitCode, UnitKind};

use crate::DEMO_VALID_FROM;
use crate::names::VILLAGE_NAMES;
use crate::rng::Rng;

/// The units to create under a commune-level unit: 6 to 12 of them, the same every time.
/// Codes are `<commune code>-T01…` for villages and `<ward code>-TDP01…` for residential groups.
pub fn plan_children(parent_code: &str, parent_kind: UnitKind) -> Vec<NewUnit> {
    let mut rng = Rng::for_key(parent_code);
    let count = rng.range(6, 12) as usize;
    let mut names: Vec<&str> = VILLAGE_NAMES.to_vec();
    rng.shuffle(&mut names);
    let ward = parent_kind == UnitKind::Ward;
    // About half of the wards number their groups ("Tổ dân phố 3"), the others name them.
    let numbered = ward && rng.chance(50);
    (0..count)
        .filter_map(|i| {
            let n = i + 1;
            let (code, name, kind) = if ward {
                let name =
                    if numbered { format!("Tổ dân phố {n}") } else { format!("Tổ dân phố {}", names[i]) };
                (format!("{parent_code}-TDP{n:02}"), name, UnitKind::ResidentialGroup)
            } else {
                (format!("{parent_code}-T{n:02}"), format!("Thôn {}", names[i]), UnitKind::Village)
            };
            let code = UnitCode::parse(&code).ok()?;
            Some(NewUnit { code, name, kind, valid_from: DEMO_VALID_FROM, valid_to: None })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_to_twelve_distinct_children_of_the_right_kind() {
        for (code, kind) in [("18766", UnitKind::Commune), ("18754", UnitKind::Ward), ("18781", UnitKind::Ward)] {
            let a = plan_children(code, kind);
            assert!((6..=12).contains(&a.len()), "{}", a.len());
            assert_eq!(a, plan_children(code, kind), "deterministic");
            let mut names: Vec<&str> = a.iter().map(|u| u.name.as_str()).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), a.len(), "distinct names");
            let want = if kind == UnitKind::Ward { UnitKind::ResidentialGroup } else { UnitKind::Village };
            assert!(a.iter().all(|u| u.kind == want && u.kind.fits_under(Some(kind))));
            assert!(a.iter().all(|u| u.code.as_str().starts_with(code)));
        }
        assert!(plan_children("18766", UnitKind::Commune)[0].name.starts_with("Thôn "));
    }
}
