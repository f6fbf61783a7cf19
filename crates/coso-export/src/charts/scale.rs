//! Mapping values to coordinates.

/// Values beyond this are drawn at it (labels still show the real number), so that spans and
/// ticks stay finite whatever the input.
const LIMIT: f64 = 1e15;

/// The value to draw, or `None` for NaN and infinities.
pub(super) fn drawable(v: f64) -> Option<f64> {
    v.is_finite().then(|| v.clamp(-LIMIT, LIMIT))
}

/// A linear scale from the domain `[lo, hi]` to `[a, b]`; the domain always contains zero.
#[derive(Debug, Clone, Copy)]
pub(super) struct Linear {
    lo: f64,
    hi: f64,
    a: f64,
    b: f64,
}

impl Linear {
    /// From drawable values: the range spans zero and them (a span too small to see becomes 1).
    pub fn new(values: impl Iterator<Item = f64>, a: f64, b: f64) -> Self {
        let (lo, mut hi) = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if hi - lo < 1e-9 {
            hi = lo + 1.0;
        }
        Self { lo, hi, a, b }
    }

    pub fn at(&self, v: f64) -> f64 {
        self.a + (v.clamp(self.lo, self.hi) - self.lo) / (self.hi - self.lo) * (self.b - self.a)
    }

    /// Rounds the domain out to 1, 2 or 5 × 10ⁿ steps and returns the ticks and the decimals
    /// their labels need.
    pub fn nice(&mut self, target: usize) -> (Vec<f64>, usize) {
        let raw = (self.hi - self.lo) / target.max(1) as f64;
        let mag = 10f64.powf(raw.log10().floor());
        let step = match raw / mag {
            n if n <= 1.0 => mag,
            n if n <= 2.0 => 2.0 * mag,
            n if n <= 5.0 => 5.0 * mag,
            _ => 10.0 * mag,
        };
        if !(step.is_finite() && step > 0.0) {
            return (vec![self.lo, self.hi], 0);
        }
        self.lo = (self.lo / step).floor() * step;
        self.hi = (self.hi / step).ceil() * step;
        let count = (((self.hi - self.lo) / step).round() as usize).min(20);
        let ticks = (0..=count).map(|i| self.lo + i as f64 * step).collect();
        let decimals = if step >= 1.0 { 0 } else { (-step.log10().floor()) as usize };
        (ticks, decimals.min(12))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_zero_and_the_values() {
        let s = Linear::new([10.0, 30.0].into_iter(), 0.0, 100.0);
        assert_eq!(s.at(0.0), 0.0);
        assert_eq!(s.at(30.0), 100.0);
        assert_eq!(s.at(15.0), 50.0);
    }

    #[test]
    fn nice_ticks() {
        let mut s = Linear::new([0.0, 87.0].into_iter(), 0.0, 100.0);
        let (ticks, decimals) = s.nice(5);
        assert_eq!(ticks, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(decimals, 0);
        let mut s = Linear::new([0.42].into_iter(), 0.0, 100.0);
        assert_eq!(s.nice(5).1, 1);
    }

    #[test]
    fn degenerate_inputs() {
        let mut s = Linear::new(std::iter::empty(), 0.0, 100.0);
        assert_eq!(s.nice(5).0.len(), 6);
        let mut s = Linear::new([5e-324, -LIMIT, LIMIT].into_iter(), 0.0, 100.0);
        assert!(s.nice(5).0.iter().all(|t| t.is_finite()));
        assert_eq!(drawable(f64::NAN), None);
        assert_eq!(drawable(1e300), Some(LIMIT));
    }
}
