//! Feeds arbitrary bytes to every parser of coso-calendar and to the conversions they lead
//! to: none may panic.
#![no_main]

use coso_calendar::{
    Announcement, HolidayCalendar, LunarDate, RuleBook, lunar_to_solar, parse_iso_date, solar_to_lunar,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(date) = parse_iso_date(text) {
        if let Ok(lunar) = solar_to_lunar(date) {
            assert_eq!(lunar_to_solar(lunar).ok(), Some(date));
        }
        let _ = HolidayCalendar::builtin().add_working_days(date, 10);
    }
    if let Ok(a) = Announcement::from_json(text) {
        if let Ok(cal) = HolidayCalendar::new([a.clone()]) {
            let _ = cal.year(a.year);
        }
    }
    let _ = Announcement::list_from_json(text);
    let _ = RuleBook::from_json(text);
    if let [y0, y1, m, d, leap, ..] = data {
        let year = 1890 + i32::from(u16::from_le_bytes([*y0, *y1]) % 330);
        let _ = lunar_to_solar(LunarDate::new(year, *m % 16, *d % 33, *leap & 1 == 1));
    }
});
