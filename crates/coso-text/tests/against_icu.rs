//! The hand-written sort key must agree with ICU's Vietnamese collator.

use std::cmp::Ordering;

use icu_collator::{Collator, options::CollatorOptions};
use icu_locale::locale;
use proptest::prelude::*;

fn icu() -> icu_collator::CollatorBorrowed<'static> {
    Collator::try_new(locale!("vi").into(), CollatorOptions::default()).expect("vi collation data")
}

const ALPHABET: &str =
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBDĐEÊHOÔƠUƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ ";

fn word() -> impl Strategy<Value = String> {
    let chars: Vec<char> = ALPHABET.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 1..8).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    #[test]
    fn same_order_as_icu_vi(a in word(), b in word()) {
        let (a, b) = (a.trim().to_string(), b.trim().to_string());
        prop_assume!(!a.is_empty() && !b.is_empty() && !a.contains("  ") && !b.contains("  "));
        let ours = coso_text::compare(&a, &b);
        let theirs = icu().compare(&a, &b);
        prop_assert_eq!(ours, theirs, "{:?} vs {:?}", a, b);
    }

    #[test]
    fn fold_is_idempotent_and_ascii_for_vietnamese(a in word()) {
        let f = coso_text::fold(&a);
        prop_assert_eq!(coso_text::fold(&f), f.clone());
        prop_assert!(f.is_ascii());
    }
}

#[test]
fn issue_example_order_matches_icu() {
    let mut names = vec!["Ân Thi", "An Dương", "Bắc Ninh", "Dương Kinh", "Đông Anh"];
    let collator = icu();
    names.sort_by(|a, b| collator.compare(a, b));
    let mut ours = names.clone();
    ours.reverse();
    ours.sort_by(|a, b| coso_text::compare(a, b));
    assert_eq!(ours, names);
    assert_eq!(coso_text::compare("Ân Thi", "An Dương"), Ordering::Greater);
}
