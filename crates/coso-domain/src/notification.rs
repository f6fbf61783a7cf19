//! What an in-app notification is about (`notification.kind`).

use serde::{Deserialize, Serialize};

/// Why a unit was notified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// A report or an implementing plan is due soon.
    Reminder,
    /// A report or an implementing plan is past its due date and not sent.
    Overdue,
    /// The village head confirmed or refused a resident's household link.
    HouseholdLink,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 3] =
        [NotificationKind::Reminder, NotificationKind::Overdue, NotificationKind::HouseholdLink];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::Reminder => "reminder",
            NotificationKind::Overdue => "overdue",
            NotificationKind::HouseholdLink => "household_link",
        }
    }

    pub fn parse(s: &str) -> Option<NotificationKind> {
        NotificationKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            NotificationKind::Reminder => "Nhắc hạn",
            NotificationKind::Overdue => "Quá hạn",
            NotificationKind::HouseholdLink => "Hộ gia đình",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip() {
        for k in NotificationKind::ALL {
            assert_eq!(NotificationKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(NotificationKind::parse("later"), None);
        assert_eq!(NotificationKind::Overdue.label(), "Quá hạn");
    }
}
