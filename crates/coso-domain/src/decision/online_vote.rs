//! An online vote's choice (DEC-11): a household agrees or not; the count is held against all
//! the households of the snapshot, and a household that votes again replaces its vote.

use serde::{Deserialize, Serialize};

use crate::field::FieldError;

/// A household's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Yes,
    No,
}

impl Choice {
    pub const ALL: [Choice; 2] = [Choice::Yes, Choice::No];

    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            Choice::Yes => "yes",
            Choice::No => "no",
        }
    }

    /// What people read.
    pub fn label(self) -> &'static str {
        match self {
            Choice::Yes => "Đồng ý",
            Choice::No => "Không đồng ý",
        }
    }

    /// The choice of a form or body: `yes` or `no`.
    pub fn parse(raw: &str) -> Result<Choice, FieldError> {
        Choice::ALL
            .into_iter()
            .find(|c| c.as_str() == raw.trim())
            .ok_or_else(|| FieldError::new("choice", "Hãy chọn «Đồng ý» hoặc «Không đồng ý»."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_read_back_from_their_codes_and_nothing_else_is_a_choice() {
        for choice in Choice::ALL {
            assert_eq!(Choice::parse(choice.as_str()), Ok(choice));
        }
        for bad in ["", "maybe", "YES", "đồng ý"] {
            assert_eq!(Choice::parse(bad).map_err(|e| e.field), Err("choice"), "{bad}");
        }
    }
}
