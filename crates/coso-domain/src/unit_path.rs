//! The materialized path of a unit (`/1/57/312/`): the ids from the root down to the unit.
//! Subtree checks are prefix checks, so authorization needs no recursive query.

use serde::{Deserialize, Serialize};

use crate::UnitId;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnitPath(String);

/// How a target unit relates to the unit a role was granted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Same,
    /// The target is inside the granted unit's subtree.
    Descendant,
    /// The target is above the granted unit.
    Ancestor,
    /// Neither: a sibling, a cousin, another province.
    Outside,
}

impl UnitPath {
    pub fn root_child(id: UnitId) -> UnitPath {
        UnitPath(format!("/{id}/"))
    }

    pub fn child(&self, id: UnitId) -> UnitPath {
        UnitPath(format!("{}{id}/", self.0))
    }

    /// Wraps a path read from the store.
    pub fn from_stored(s: String) -> UnitPath {
        UnitPath(s)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Ids from the root to this unit.
    pub fn ids(&self) -> impl Iterator<Item = UnitId> + '_ {
        self.0.split('/').filter_map(|s| s.parse().ok()).map(UnitId)
    }

    pub fn depth(&self) -> usize {
        self.ids().count()
    }

    /// How `target` relates to `self`, the granted unit.
    pub fn relation_of(&self, target: &UnitPath) -> Relation {
        if self.0 == target.0 {
            Relation::Same
        } else if target.0.starts_with(&self.0) {
            Relation::Descendant
        } else if self.0.starts_with(&target.0) {
            Relation::Ancestor
        } else {
            Relation::Outside
        }
    }

    pub fn contains(&self, target: &UnitPath) -> bool {
        matches!(self.relation_of(target), Relation::Same | Relation::Descendant)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_are_prefix_based_and_not_fooled_by_digits() {
        let p = UnitPath::root_child(UnitId(1));
        let c = p.child(UnitId(5));
        let c15 = p.child(UnitId(15));
        let v = c.child(UnitId(50));
        assert_eq!(c.relation_of(&c), Relation::Same);
        assert_eq!(c.relation_of(&v), Relation::Descendant);
        assert_eq!(v.relation_of(&c), Relation::Ancestor);
        assert_eq!(c.relation_of(&c15), Relation::Outside);
        assert_eq!(UnitPath::root_child(UnitId(1)).relation_of(&UnitPath::root_child(UnitId(10))), Relation::Outside);
        assert_eq!(v.ids().collect::<Vec<_>>(), [UnitId(1), UnitId(5), UnitId(50)]);
    }
}
