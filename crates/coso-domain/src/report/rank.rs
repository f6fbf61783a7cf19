//! The rank (xếp loại) a self-assessment score earns.

use super::template::RankBand;

/// The rank of the highest band whose minimum the score reaches; `None` when none is reached
/// or the score is not a number. Bands need not be sorted.
pub fn rank_for(score: f64, bands: &[RankBand]) -> Option<&str> {
    bands
        .iter()
        .filter(|b| score >= b.min_score)
        .max_by(|a, b| a.min_score.total_cmp(&b.min_score))
        .map(|b| b.rank.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bands() -> Vec<RankBand> {
        [("Tốt", 90.0), ("Khá", 70.0), ("Trung bình", 50.0), ("Yếu", 0.0)]
            .into_iter()
            .map(|(r, m)| RankBand { rank: r.into(), min_score: m })
            .collect()
    }

    #[test]
    fn band_edges_belong_to_the_higher_rank() {
        let b = bands();
        assert_eq!(rank_for(90.0, &b), Some("Tốt"));
        assert_eq!(rank_for(89.99, &b), Some("Khá"));
        assert_eq!(rank_for(70.0, &b), Some("Khá"));
        assert_eq!(rank_for(50.0, &b), Some("Trung bình"));
        assert_eq!(rank_for(49.5, &b), Some("Yếu"));
        assert_eq!(rank_for(0.0, &b), Some("Yếu"));
        assert_eq!(rank_for(100.0, &b), Some("Tốt"));
    }

    #[test]
    fn no_rank_below_every_band_or_for_nan() {
        let b = bands();
        assert_eq!(rank_for(-1.0, &b), None);
        assert_eq!(rank_for(f64::NAN, &b), None);
        assert_eq!(rank_for(95.0, &[]), None);
        let mut reversed = bands();
        reversed.reverse();
        assert_eq!(rank_for(75.0, &reversed), Some("Khá"));
    }
}
