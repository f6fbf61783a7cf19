//! Feeds arbitrary text to what every form field goes through: Vietnamese cleaning, folding
//! and ordering, the field readers, and tracking codes typed by residents. None may panic;
//! cleaning is idempotent and leaves no control or invisible character.
#![no_main]

use coso_domain::case::TrackingCode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let cleaned = coso_text::clean(text);
    assert_eq!(coso_text::clean(&cleaned), cleaned);
    assert!(!cleaned.chars().any(|c| c.is_control() || coso_text::is_invisible(c)));
    let folded = coso_text::fold(text);
    assert_eq!(coso_text::fold(&folded), folded);
    let _ = coso_text::sort_key(text);
    let _ = coso_text::compare(text, &cleaned);
    let _ = coso_domain::field::required_text("title", "Tiêu đề", text, 200);
    let _ = coso_domain::field::optional_text("note", "Ghi chú", text, 2_000);
    let _ = coso_domain::field::date("date", "Ngày", text);
    let _ = coso_domain::field::optional_date("date", "Ngày", text);
    if let Ok(code) = text.parse::<TrackingCode>() {
        assert_eq!(code.display().parse::<TrackingCode>().ok().map(|c| c.display()), Some(code.display()));
    }
});
