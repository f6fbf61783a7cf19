//! What the receiving unit sees across its target units: indicator totals summed up the unit
//! tree, how many units got each rank, how many reported on time.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::template::RankBand;
use crate::plan::Timing;
use crate::unit_path::UnitPath;

/// Indicator values summed over some target units' reports.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    /// How many reports were summed.
    pub units: usize,
    pub values: BTreeMap<String, f64>,
}

impl Totals {
    pub fn add(&mut self, values: &BTreeMap<String, f64>) {
        self.units += 1;
        for (code, v) in values {
            *self.values.entry(code.clone()).or_default() += v;
        }
    }

    /// The totals of the reports of units in `ancestor`'s subtree, itself included.
    pub fn under<'a>(
        ancestor: &UnitPath,
        rows: impl IntoIterator<Item = (&'a UnitPath, &'a BTreeMap<String, f64>)>,
    ) -> Totals {
        let mut t = Totals::default();
        for (_, values) in rows.into_iter().filter(|(p, _)| ancestor.contains(p)) {
            t.add(values);
        }
        t
    }

    /// Totals for every unit from `top` down to each reporting unit: each report is added to
    /// its own unit and to every ancestor of it within `top`'s subtree. Reports outside the
    /// subtree are left out.
    pub fn roll_up<'a>(
        top: &UnitPath,
        rows: impl IntoIterator<Item = (&'a UnitPath, &'a BTreeMap<String, f64>)>,
    ) -> HashMap<UnitPath, Totals> {
        let mut out: HashMap<UnitPath, Totals> = HashMap::new();
        for (path, values) in rows.into_iter().filter(|(p, _)| top.contains(p)) {
            let mut prefix: Option<UnitPath> = None;
            for id in path.ids() {
                let p = match &prefix {
                    None => UnitPath::root_child(id),
                    Some(parent) => parent.child(id),
                };
                if top.contains(&p) {
                    out.entry(p.clone()).or_default().add(values);
                }
                prefix = Some(p);
            }
        }
        out
    }
}

/// How many reports got each rank, in the bands' order, for a chart.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RankDistribution {
    /// Every band's rank with its count (zero included), then ranks no band names any more.
    pub counts: Vec<(String, usize)>,
    /// Reports with no rank (no self-assessment).
    pub unranked: usize,
}

pub fn rank_distribution<'a>(ranks: impl IntoIterator<Item = Option<&'a str>>, bands: &[RankBand]) -> RankDistribution {
    let mut d = RankDistribution { counts: bands.iter().map(|b| (b.rank.clone(), 0)).collect(), unranked: 0 };
    for rank in ranks {
        let Some(rank) = rank else {
            d.unranked += 1;
            continue;
        };
        match d.counts.iter_mut().find(|(r, _)| r == rank) {
            Some((_, n)) => *n += 1,
            None => d.counts.push((rank.to_string(), 1)),
        }
    }
    d
}

/// Counts of each timeliness, for a chart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TimingCounts {
    pub on_time: usize,
    pub late: usize,
    pub missing: usize,
    pub pending: usize,
}

impl TimingCounts {
    pub fn of(timings: impl IntoIterator<Item = Timing>) -> TimingCounts {
        let mut c = TimingCounts::default();
        for t in timings {
            match t {
                Timing::OnTime => c.on_time += 1,
                Timing::Late { .. } => c.late += 1,
                Timing::Missing { .. } => c.missing += 1,
                Timing::Pending => c.pending += 1,
            }
        }
        c
    }

    /// The share (0 to 1) of reports sent on time among those already due; `None` when none is.
    pub fn on_time_rate(&self) -> Option<f64> {
        let due = self.on_time + self.late + self.missing;
        (due > 0).then(|| self.on_time as f64 / due as f64)
    }
}

/// [`TimingCounts::on_time_rate`] of some timings.
pub fn on_time_rate(timings: impl IntoIterator<Item = Timing>) -> Option<f64> {
    TimingCounts::of(timings).on_time_rate()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::UnitId;

    fn values(pairs: &[(&str, f64)]) -> BTreeMap<String, f64> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn sums_roll_up_to_every_ancestor_within_the_top() {
        let province = UnitPath::root_child(UnitId(1));
        let commune_a = province.child(UnitId(10));
        let commune_b = province.child(UnitId(11));
        let village = commune_a.child(UnitId(100));
        let elsewhere = UnitPath::root_child(UnitId(2)).child(UnitId(20));
        let (va, vv, vb, ve) = (
            values(&[("dialogues", 2.0), ("disclosures", 5.0)]),
            values(&[("dialogues", 1.0)]),
            values(&[("dialogues", 4.0)]),
            values(&[("dialogues", 100.0)]),
        );
        let rows = [(&commune_a, &va), (&village, &vv), (&commune_b, &vb), (&elsewhere, &ve)];
        let t = Totals::roll_up(&province, rows);
        assert_eq!(t[&province].values, values(&[("dialogues", 7.0), ("disclosures", 5.0)]));
        assert_eq!(t[&province].units, 3);
        assert_eq!(t[&commune_a].values, values(&[("dialogues", 3.0), ("disclosures", 5.0)]));
        assert_eq!(t[&village].units, 1);
        assert!(!t.contains_key(&elsewhere));
        // Above the top nothing is summed.
        assert!(!Totals::roll_up(&commune_a, rows).contains_key(&province));
        assert_eq!(Totals::under(&commune_a, rows).values, values(&[("dialogues", 3.0), ("disclosures", 5.0)]));
    }

    #[test]
    fn rank_distribution_follows_the_bands() {
        let bands: Vec<RankBand> =
            [("Tốt", 90.0), ("Khá", 70.0), ("Yếu", 0.0)].map(|(r, m)| RankBand { rank: r.into(), min_score: m }).into();
        let d = rank_distribution([Some("Khá"), Some("Tốt"), Some("Khá"), None, Some("Xuất sắc")], &bands);
        let counts: Vec<(&str, usize)> = d.counts.iter().map(|(r, n)| (r.as_str(), *n)).collect();
        assert_eq!(counts, [("Tốt", 1), ("Khá", 2), ("Yếu", 0), ("Xuất sắc", 1)]);
        assert_eq!(d.unranked, 1);
    }

    #[test]
    fn on_time_rate_counts_only_what_is_due() {
        let t = [
            Timing::OnTime,
            Timing::Late { days: 2 },
            Timing::Missing { overdue_days: Some(1) },
            Timing::OnTime,
            Timing::Pending,
        ];
        assert_eq!(on_time_rate(t), Some(0.5));
        assert_eq!(on_time_rate([Timing::Pending]), None);
        assert_eq!(TimingCounts::of(t), TimingCounts { on_time: 2, late: 1, missing: 1, pending: 1 });
    }
}
