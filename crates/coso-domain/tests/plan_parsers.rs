//! The plan parsers take anything a form, a CLI flag or a document gives them without panicking.

use coso_domain::plan::{Due, ReportPeriod, TargetSpec, parse_progress};
use proptest::prelude::*;

proptest! {
    #[test]
    fn parsers_never_panic(s in "\\PC{0,40}") {
        let _ = ReportPeriod::all_in_document(&s);
        let _ = Due::parse(&s);
        let _ = Due::parse_field("due", "Hạn", &s);
        let _ = TargetSpec::parse(&s);
        let _ = parse_progress(&s);
    }

    #[test]
    fn period_wordings_of_digits_and_keywords_never_panic(s in "(\\d{1,3}|tháng|năm|quý|đầu|ngày|sơ|kết|/|, ){0,8}") {
        let _ = ReportPeriod::from_document(&s);
    }

    #[test]
    fn yearly_dues_round_trip(month in 1u32..=12, day in 1u32..=31) {
        if let Some(d) = Due::yearly(month, day) {
            prop_assert_eq!(Due::parse(&d.to_string()), Some(d));
            let recurring = d.recurring_str().unwrap_or_default();
            prop_assert_eq!(Due::from_columns(None, Some(recurring.as_str())), Some(d));
            prop_assert!(d.in_year(2026).is_some());
        }
    }
}
