//! Inline fallback colours: the Okabe–Ito palette, told apart by colour-blind readers and
//! still distinct when printed in grey.

const COLOURS: [&str; 8] = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#7F7F7F"];

/// Shares (on time, late, missing…) start with green, orange, vermillion.
const SHARES: [&str; 8] = ["#009E73", "#E69F00", "#D55E00", "#0072B2", "#56B4E9", "#CC79A7", "#F0E442", "#7F7F7F"];

pub(super) const BAR: &str = COLOURS[0];
pub(super) const INK: &str = "#1A1A1A";
pub(super) const MUTED: &str = "#595959";
pub(super) const GRID: &str = "#D9D9D9";

pub(super) fn series(i: usize) -> &'static str {
    COLOURS[i % COLOURS.len()]
}

pub(super) fn share(i: usize) -> &'static str {
    SHARES[i % SHARES.len()]
}
