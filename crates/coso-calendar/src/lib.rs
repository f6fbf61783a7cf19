//! Vietnamese legal calendar for coso.
//!
//! * **Lunar calendar** ([`solar_to_lunar`], [`lunar_to_solar`], [`tet`], [`hung_kings_day`],
//!   [`year_name`]): the Vietnamese lunisolar calendar computed at UTC+7 for every date of
//!   1900–2199, from per-year tables (see [`astro`] for the astronomy and its caveats).
//! * **Holidays and working days** ([`HolidayCalendar`]): Labour Code 2019 Art. 111–112, the
//!   yearly announcements (data, extendable at run time: [`Announcement`]) and a documented
//!   default rule for years without one.
//! * **Legal deadlines** ([`RuleBook`], [`compute_deadline`]): rules as data with citations,
//!   variants, extensions and validity periods; every result carries an [`Explanation`].
//!
//! The crate is pure: no I/O, no clock, no global mutable state besides lazily filled caches.

pub mod announcements;
pub mod astro;
pub mod can_chi;
pub mod dates;
pub mod deadline;
pub mod error;
pub mod explain;
pub mod holidays;
pub mod lunar;
pub mod lunar_table;
pub mod rules;
pub mod status;
pub mod work_calendar;

pub use announcements::{Announcement, DaysOffRange, builtin_announcements};
pub use can_chi::{day_name, month_name, year_name};
pub use dates::{MAX_DATE, MAX_YEAR, MIN_DATE, MIN_YEAR, format_vn, parse_iso_date, weekday_vn};
pub use deadline::{Circumstances, Complexity, Deadline, compute_deadline};
pub use error::CalendarError;
pub use explain::{Explanation, SkippedDay};
pub use holidays::{DayOff, HolidayKind, HolidayYear, default_rule_vn};
pub use lunar::{LunarDate, LunarMonth, LunarYear, hung_kings_day, lunar_to_solar, lunar_year, solar_to_lunar, tet};
pub use rules::{Bound, Citation, Direction, Extension, LegalRule, RuleBook, Unit, Variant, VariantKey};
pub use status::Status;
pub use work_calendar::{DayStatus, HolidayCalendar};
