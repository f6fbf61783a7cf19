//! The numbers of community decisions that the sources seen did not settle (marked `[U]` in
//! legal-rules.md): configuration with a documented default, shown to people as unverified.

use super::codes::Matter;
use super::threshold::Comparison;

/// Default days between the invitation (Mẫu 01) and the meeting: the law's number was not
/// seen; 5 days mirrors the notice of the annual conference (CONF-3, Decree 59 Art. 11(2)(a)).
pub const DEFAULT_INVITATION_DAYS_BEFORE: u32 = 5;
/// Default days between the reminder and the meeting.
pub const DEFAULT_REMINDER_DAYS_BEFORE: u32 = 1;

/// The configurable numbers of community decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// `decision_invitation_days_before` (unverified): the invitation goes out this many days
    /// before the meeting.
    pub invitation_days_before: u32,
    /// `decision_reminder_days_before` (unverified): the reminder goes out this many days
    /// before the meeting.
    pub reminder_days_before: u32,
    /// `decision_election_comparison` (unverified, VH-5): how the votes electing or dismissing
    /// a village head or board members (matters 4–5) are held against all households.
    pub election_comparison: Comparison,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            invitation_days_before: DEFAULT_INVITATION_DAYS_BEFORE,
            reminder_days_before: DEFAULT_REMINDER_DAYS_BEFORE,
            election_comparison: Comparison::MoreThanHalf,
        }
    }
}

impl Rules {
    /// The comparison a matter's decision is held to against all households: more than half
    /// for matters (1)–(3) and (6) (DEC-6, verified), the configured one for (4)–(5).
    pub fn comparison(&self, matter: Matter) -> Comparison {
        match matter {
            Matter::VillageHead | Matter::SupervisionBoards => self.election_comparison,
            _ => Comparison::MoreThanHalf,
        }
    }

    /// Whether the comparison of `matter` rests on a number the sources did not confirm.
    pub fn comparison_unverified(&self, matter: Matter) -> bool {
        matches!(matter, Matter::VillageHead | Matter::SupervisionBoards)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elections_follow_the_configuration_and_the_rest_more_than_half() {
        let rules = Rules { election_comparison: Comparison::AtLeastHalf, ..Rules::default() };
        assert_eq!(rules.comparison(Matter::VillageHead), Comparison::AtLeastHalf);
        assert_eq!(rules.comparison(Matter::Contributions), Comparison::MoreThanHalf);
        assert!(rules.comparison_unverified(Matter::SupervisionBoards));
        assert!(!rules.comparison_unverified(Matter::Convention));
        assert_eq!(Rules::default().comparison(Matter::VillageHead), Comparison::MoreThanHalf);
    }
}
