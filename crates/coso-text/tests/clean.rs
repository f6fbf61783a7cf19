//! `clean` on arbitrary input: what it returns is what coso stores for names, so it must never
//! hold control or zero-width characters, and must stay NFC.

use proptest::prelude::*;

/// Characters that matter here, often: the invisible ones, white space, combining marks (alone
/// and after a zero-width character), Vietnamese letters; and sometimes any character at all.
fn text() -> impl Strategy<Value = String> {
    let tricky: Vec<char> = "\u{0}\u{1}\u{7}\u{8}\t\n\r\u{b}\u{c}\u{1b}\u{1f}\u{7f}\u{85}\u{9f}\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}\u{2028}\u{a0} \u{0300}\u{0301}\u{0303}\u{0309}\u{0323}\u{0302}\u{0306}\u{031B}aAeoudđĐươăâêôNguyễnHà"
        .chars()
        .collect();
    let one = prop_oneof![4 => prop::sample::select(tricky), 1 => any::<char>()];
    prop::collection::vec(one, 0..40).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn clean_output_has_no_invisible_characters_and_is_nfc(s in text()) {
        let c = coso_text::clean(&s);
        prop_assert!(!c.chars().any(coso_text::is_invisible), "{:?} → {:?}", s, c);
        prop_assert!(unicode_normalization::is_nfc(&c), "{:?} → {:?}", s, c);
        prop_assert!(!c.starts_with(' ') && !c.ends_with(' ') && !c.contains("  "), "{:?} → {:?}", s, c);
        prop_assert_eq!(coso_text::clean(&c), c.clone(), "clean is idempotent");
    }
}

#[test]
fn the_zero_width_characters_of_the_rule_are_invisible() {
    for c in ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{0}', '\u{1f}', '\u{7f}'] {
        assert!(coso_text::is_invisible(c), "{c:?}");
    }
    for c in ['a', 'đ', ' ', '\u{0301}', '\u{a0}'] {
        assert!(!coso_text::is_invisible(c), "{c:?}");
    }
}
