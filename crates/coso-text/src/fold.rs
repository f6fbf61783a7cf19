use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// The NFC form of `s`.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// NFC, trimmed, with every run of white space (including line breaks) collapsed to one space,
/// and without control characters or zero-width characters. The form in which user-typed names
/// and labels are stored.
///
/// Controls would reach CSV exports and logs raw; zero-width characters make two names look the
/// same while search finds only one. Both are dropped before NFC, so that a mark they separated
/// from its letter composes with it.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    for part in s.split_whitespace() {
        word.clear();
        word.extend(part.chars().filter(|c| !is_invisible(*c)));
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.nfc());
    }
    out
}

/// Control characters (C0, DEL, C1) and the zero-width characters that render as nothing:
/// zero-width space, non-joiner and joiner (U+200B–U+200D), word joiner (U+2060) and the
/// byte-order mark (U+FEFF).
pub fn is_invisible(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The diacritic-insensitive search form: tones and vowel marks removed, `đ`/`Đ` → `d`,
/// lower case, white space collapsed. `fold("Đường Hồ Chí Minh") == "duong ho chi minh"`.
pub fn fold(s: &str) -> String {
    // ASCII has nothing to decompose: skip the NFD pass.
    if s.is_ascii() { fold_chars(s.chars(), s.len()) } else { fold_chars(s.nfd(), s.len()) }
}

fn fold_chars(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut pending_space = false;
    for c in chars {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_the_whole_vietnamese_alphabet() {
        assert_eq!(fold("Đường Nguyễn Thị Minh Khai"), "duong nguyen thi minh khai");
        assert_eq!(fold("Đắk Lắk"), "dak lak");
        assert_eq!(fold("Hà Tĩnh"), "ha tinh");
        assert_eq!(fold("ỦY BAN  NHÂN\tDÂN"), "uy ban nhan dan");
        assert_eq!(fold("Ê-đê"), "e-de");
    }

    #[test]
    fn decomposed_input_folds_and_cleans_like_composed() {
        let nfd: String = "Hồ Chí Minh".nfd().collect();
        assert_ne!(nfd, "Hồ Chí Minh");
        assert_eq!(fold(&nfd), "ho chi minh");
        assert_eq!(clean(&nfd), "Hồ Chí Minh");
    }

    #[test]
    fn the_ascii_path_folds_like_the_general_one() {
        for s in ["", "  Ha   TINH ", "Thon 1\tXom-2", "a_b%c\\d", "\u{7f}\u{0}x"] {
            assert!(s.is_ascii());
            assert_eq!(fold(s), fold_chars(s.nfd(), s.len()), "{s:?}");
        }
        for c in (0u8..128).map(char::from) {
            let s = format!("A{c}b {c}");
            assert_eq!(fold(&s), fold_chars(s.nfd(), s.len()), "{c:?}");
        }
    }

    #[test]
    fn clean_collapses_spaces_and_line_breaks() {
        assert_eq!(clean("  Thôn \n  Đông   Hà "), "Thôn Đông Hà");
        assert_eq!(clean(""), "");
    }

    #[test]
    fn clean_drops_controls_and_zero_width_characters() {
        assert_eq!(clean("Nguyễn\u{200B} Văn\u{0} An\u{7}"), "Nguyễn Văn An");
        assert_eq!(clean("Ng\u{200D}uyễn"), "Nguyễn", "looks the same, so it must be the same");
        assert_eq!(clean("\u{FEFF}Lê \u{2060} Thị\u{1b}[31m Bình\u{9f}"), "Lê Thị[31m Bình");
        assert_eq!(clean("a\u{200C}\u{0301}"), "á", "a mark cut off by a zero-width character composes");
        assert_eq!(clean("\u{200B}\u{0}\t"), "");
    }

    #[test]
    fn old_and_new_tone_placement_fold_equal() {
        assert_ne!(nfc("hoà"), nfc("hòa"));
        assert_eq!(fold("hoà"), fold("hòa"));
        assert_eq!(fold("thuỷ"), fold("thủy"));
    }
}
