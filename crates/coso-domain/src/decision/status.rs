//! The states of a community decision, how a meeting votes, and the outcome, with their stored
//! codes and Vietnamese words.

use serde::{Deserialize, Serialize};

/// Where a decision stands. It is opened with its households (the invitation goes out), and
/// closed once its result is recorded; a closed decision takes no more counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionStatus {
    Open,
    Closed,
}

impl DecisionStatus {
    pub const ALL: [DecisionStatus; 2] = [DecisionStatus::Open, DecisionStatus::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            DecisionStatus::Open => "open",
            DecisionStatus::Closed => "closed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DecisionStatus::Open => "Đang tiến hành",
            DecisionStatus::Closed => "Đã có kết quả",
        }
    }
}

impl std::str::FromStr for DecisionStatus {
    type Err = String;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        DecisionStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == code)
            .ok_or_else(|| format!("trạng thái không hợp lệ: {code}"))
    }
}

/// How a meeting votes (DEC-5): by show of hands, counted at once, or by secret ballot, counted
/// by a board of 3–5 people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum VotingMethod {
    #[default]
    ShowOfHands,
    SecretBallot,
}

impl VotingMethod {
    pub const ALL: [VotingMethod; 2] = [VotingMethod::ShowOfHands, VotingMethod::SecretBallot];

    pub fn as_str(self) -> &'static str {
        match self {
            VotingMethod::ShowOfHands => "show_of_hands",
            VotingMethod::SecretBallot => "secret_ballot",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            VotingMethod::ShowOfHands => "Giơ tay",
            VotingMethod::SecretBallot => "Bỏ phiếu kín",
        }
    }
}

impl std::str::FromStr for VotingMethod {
    type Err = String;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        VotingMethod::ALL
            .into_iter()
            .find(|m| m.as_str() == code)
            .ok_or_else(|| format!("cách biểu quyết không hợp lệ: {code}"))
    }
}

/// The outcome of a decision (DEC-6, DEC-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Adopted,
    NotAdopted,
    /// Too few households attended for the approval ratio to be reachable: the household
    /// ballot is the way on (Decree 59 Art. 4(1)(b)).
    RatioUnreachable,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Adopted, Outcome::NotAdopted, Outcome::RatioUnreachable];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Adopted => "adopted",
            Outcome::NotAdopted => "not_adopted",
            Outcome::RatioUnreachable => "ratio_unreachable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Adopted => "Được thông qua",
            Outcome::NotAdopted => "Không được thông qua",
            Outcome::RatioUnreachable => "Không đủ hộ dự họp để đạt tỷ lệ",
        }
    }
}

impl std::str::FromStr for Outcome {
    type Err = String;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == code).ok_or_else(|| format!("kết quả không hợp lệ: {code}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for s in DecisionStatus::ALL {
            assert_eq!(s.as_str().parse::<DecisionStatus>(), Ok(s));
        }
        for m in VotingMethod::ALL {
            assert_eq!(m.as_str().parse::<VotingMethod>(), Ok(m));
        }
        for o in Outcome::ALL {
            assert_eq!(o.as_str().parse::<Outcome>(), Ok(o));
        }
        assert!("maybe".parse::<Outcome>().is_err());
    }
}
