//! Astronomy behind the Vietnamese lunar calendar.
//!
//! The Vietnamese calendar follows the same rules as the Chinese one (a month starts on the
//! local day of the new moon; month 11 contains the winter solstice; in a 13-month solar
//! year the first month without a major solar term is the leap month) but computes them for
//! **UTC+7** (Hanoi, 105°E), not UTC+8. The two calendars therefore differ whenever a new
//! moon falls between 00:00 and 01:00 Beijing time (Tết 1968, 1985, 2007, 2030, 2053 …).
//!
//! New moons and solar terms come from `calendrical_calculations` (Reingold & Dershowitz,
//! Apache-2.0) through our own [`ChineseBased`] implementation. The crate's own placement of
//! the leap month (first month without a major term counted from Tết) ignores the solar-year
//! rule and is wrong for 2033 and 2128, so [`crate::lunar_table`] places it itself and needs
//! the date of the winter solstice, computed here with the periodic-term series of
//! J. Meeus, *Astronomical Algorithms* (2nd ed.), ch. 27.
//!
//! Historical note: North Vietnam switched from UTC+8 to UTC+7 in 1967/68 and the South
//! followed in 1975; this crate computes every year at UTC+7 (proleptically before 1968),
//! which is what Vietnamese calendars print today. For 1991 the published low-precision
//! algorithm gives Tết on 14/02 while these ephemerides give 15/02 (the new moon fell
//! within minutes of midnight UTC+7); check an official almanac if historical dates of that
//! year matter.

use calendrical_calculations::chinese_based::{Chinese, ChineseBased};
use calendrical_calculations::rata_die::RataDie;

/// The Vietnamese lunisolar calendar at UTC+7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VietnameseUtc7;

impl ChineseBased for VietnameseUtc7 {
    fn utc_offset(_fixed: RataDie) -> f64 {
        7.0 / 24.0
    }
    // Same epoch as the Chinese calendar so that year arithmetic of the crate stays valid.
    const EPOCH: RataDie = Chinese::EPOCH;
    const DEBUG_NAME: &'static str = "vietnamese";
}

/// Julian day number of 0001-01-01 00:00 UT minus one day, i.e. `RD = floor(JD - RD_JD_OFFSET)`.
const RD_JD_OFFSET: f64 = 1_721_424.5;

/// Periodic terms (A, B, C) of Meeus, table 27.C.
const PERIODIC_TERMS: [(f64, f64, f64); 24] = [
    (485.0, 324.96, 1934.136),
    (203.0, 337.23, 32964.467),
    (199.0, 342.08, 20.186),
    (182.0, 27.85, 445_267.112),
    (156.0, 73.14, 45036.886),
    (136.0, 171.52, 22518.443),
    (77.0, 222.54, 65928.934),
    (74.0, 296.72, 3034.906),
    (70.0, 243.58, 9037.513),
    (58.0, 119.81, 33718.147),
    (52.0, 297.17, 150.678),
    (50.0, 21.02, 2281.226),
    (45.0, 247.54, 29929.562),
    (44.0, 325.15, 31555.956),
    (29.0, 60.93, 4443.417),
    (18.0, 155.12, 67555.328),
    (17.0, 288.79, 4562.452),
    (16.0, 198.04, 62894.029),
    (14.0, 199.76, 31436.921),
    (12.0, 95.39, 14577.848),
    (12.0, 287.11, 31931.756),
    (12.0, 320.81, 34777.259),
    (9.0, 227.73, 1222.114),
    (8.0, 15.45, 16859.074),
];

/// ΔT = TT − UT in seconds, by the long-term parabola of Morrison & Stephenson (2004).
/// Its error over 1900–2200 is a few minutes at most, far below the precision that matters
/// here (the solstice only has to be placed on the right civil day).
fn delta_t_seconds(year: f64) -> f64 {
    let u = (year - 1820.0) / 100.0;
    -20.0 + 32.0 * u * u
}

/// Rata Die of the civil day (UTC+7) of the December solstice of `year`.
pub(crate) fn december_solstice_rd(year: i32) -> i64 {
    let y = (f64::from(year) - 2000.0) / 1000.0;
    let jde0 =
        2_451_900.059_52 + 365_242.740_49 * y - 0.062_23 * y * y - 0.008_23 * y * y * y + 0.000_32 * y * y * y * y;
    let t = (jde0 - 2_451_545.0) / 36525.0;
    let w = (35999.373 * t - 2.47).to_radians();
    let dl = 1.0 + 0.0334 * w.cos() + 0.0007 * (2.0 * w).cos();
    let s: f64 = PERIODIC_TERMS.iter().map(|(a, b, c)| a * (b + c * t).to_radians().cos()).sum();
    let jde = jde0 + 0.000_01 * s / dl;
    let jd_ut = jde - delta_t_seconds(f64::from(year)) / 86400.0;
    let local = jd_ut + 7.0 / 24.0;
    (local - RD_JD_OFFSET).floor() as i64
}
