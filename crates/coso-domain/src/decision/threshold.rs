//! The thresholds a count is held against. A community decision on matters (1)–(3) and (6) is
//! adopted by more than half of **all** the households of the community, not of those present
//! (DEC-6, Law Art. 21(1), Decree 59 Art. 4(1)(b)); a secretary, a counting board and a show of
//! hands need more than half of those present (DEC-5); the boundary consultation of Decree
//! 321/2025 passes at half or more (OPN-3). Every rule names its comparison.

use serde::{Deserialize, Serialize};

/// How a count is compared with half of its base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// `count > base / 2` (*quá nửa*, "trên 50 %").
    MoreThanHalf,
    /// `count ≥ base / 2` (*từ 50 % trở lên*).
    AtLeastHalf,
}

impl Comparison {
    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            Comparison::MoreThanHalf => "gt",
            Comparison::AtLeastHalf => "ge",
        }
    }

    /// What people read, as the law words it.
    pub fn label(self) -> &'static str {
        match self {
            Comparison::MoreThanHalf => "trên 50%",
            Comparison::AtLeastHalf => "từ 50% trở lên",
        }
    }
}

impl std::str::FromStr for Comparison {
    type Err = String;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        [Comparison::MoreThanHalf, Comparison::AtLeastHalf]
            .into_iter()
            .find(|c| c.as_str() == code)
            .ok_or_else(|| format!("phép so sánh không hợp lệ: {code}"))
    }
}

/// The smallest count that meets the comparison against `base`: `required(120) = 61` under
/// [`Comparison::MoreThanHalf`], 60 under [`Comparison::AtLeastHalf`].
pub fn required(base: u32, comparison: Comparison) -> u32 {
    match comparison {
        Comparison::MoreThanHalf => base / 2 + 1,
        Comparison::AtLeastHalf => base.div_ceil(2),
    }
}

/// Whether `count` meets the comparison against `base`.
pub fn meets(count: u32, base: u32, comparison: Comparison) -> bool {
    count >= required(base, comparison)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn worked_cases_of_dec_6() {
        assert_eq!(required(120, Comparison::MoreThanHalf), 61);
        assert_eq!(required(121, Comparison::MoreThanHalf), 61);
        assert_eq!(required(1, Comparison::MoreThanHalf), 1);
        assert_eq!(required(2, Comparison::MoreThanHalf), 2);
        // 66 of 120 households adopt; 58 do not, though 58 of 70 present is a majority of those present.
        assert!(meets(66, 120, Comparison::MoreThanHalf));
        assert!(!meets(58, 120, Comparison::MoreThanHalf));
        assert!(meets(58, 70, Comparison::MoreThanHalf));
        // The secretary of a meeting with 70 present needs 36.
        assert_eq!(required(70, Comparison::MoreThanHalf), 36);
    }

    #[test]
    fn worked_case_of_opn_3_passes_at_half_only_with_at_least() {
        assert!(meets(2_000, 4_000, Comparison::AtLeastHalf));
        assert!(!meets(2_000, 4_000, Comparison::MoreThanHalf));
        assert!(!meets(1_999, 4_000, Comparison::AtLeastHalf));
    }

    proptest! {
        #[test]
        fn more_than_half_requires_the_smallest_count_strictly_greater_than_half(base in 0u32..1_000_000) {
            let needed = required(base, Comparison::MoreThanHalf);
            prop_assert!(u64::from(needed) * 2 > u64::from(base));
            prop_assert!(u64::from(needed - 1) * 2 <= u64::from(base));
        }

        #[test]
        fn at_least_half_requires_the_smallest_count_of_half_or_more(base in 0u32..1_000_000) {
            let needed = required(base, Comparison::AtLeastHalf);
            prop_assert!(u64::from(needed) * 2 >= u64::from(base));
            prop_assert!(needed == 0 || u64::from(needed - 1) * 2 < u64::from(base));
        }

        #[test]
        fn one_more_yes_never_undoes_a_met_threshold(yes in 0u32..100_000, base in 0u32..100_000, ge in any::<bool>()) {
            let comparison = if ge { Comparison::AtLeastHalf } else { Comparison::MoreThanHalf };
            if meets(yes, base, comparison) {
                prop_assert!(meets(yes + 1, base, comparison));
            }
        }
    }
}
