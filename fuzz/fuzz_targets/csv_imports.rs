//! Feeds arbitrary bytes to the CSV imports of households and units: any file gives rows or
//! row errors that name a line, never a panic.
#![no_main]

use chrono::NaiveDate;
use coso_domain::unit::UnitKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let Some(today) = NaiveDate::from_ymd_opt(2026, 6, 15) else {
        return;
    };
    match selector % 2 {
        0 => {
            if let Ok(parsed) = coso_domain::household_import::parse_csv(bytes, today) {
                let _ = coso_domain::household_import::plan(Vec::new(), parsed.rows);
            }
        }
        _ => {
            let parent = UnitKind::ALL[usize::from(selector / 2) % UnitKind::ALL.len()];
            let _ = coso_domain::unit_import::parse_csv(bytes, parent, today);
        }
    }
});
