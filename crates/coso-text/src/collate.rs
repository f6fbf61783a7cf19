//! Vietnamese alphabetical order as a byte-comparable key.
//!
//! The key has three levels, like the Unicode Collation Algorithm with the CLDR `vi` tailoring:
//! 1. primary: the letters of the Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư …),
//!    with spaces, punctuation and digits before letters;
//! 2. secondary: the tones, in the order none < huyền < hỏi < ngã < sắc < nặng;
//! 3. tertiary: lower case before upper case.
//!
//! We compute the key ourselves rather than storing ICU sort keys because ICU keys change
//! between ICU versions; this key is stable, ASCII, and sorts the same under SQLite's BINARY
//! collation and PostgreSQL's `COLLATE "C"`. A test checks it against ICU's `vi` collator.

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;

/// Digits of the key, in ascending ASCII order so that byte order is numeric order.
const ALPHABET: &[u8; 64] = b"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/// Separates the levels; below every digit of `ALPHABET`, so a shorter string sorts first.
const LEVEL_SEPARATOR: char = '!';

/// The 29 letters of the Vietnamese alphabet plus f, j, w, z in their Latin places.
const LETTERS: [&str; 33] = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "ô", "ơ", "p", "q",
    "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
];

const BREVE: char = '\u{0306}';
const CIRCUMFLEX: char = '\u{0302}';
const HORN: char = '\u{031B}';

/// Primary weight bands: white space < punctuation and symbols < digits < letters < other scripts.
const SPACE_WEIGHT: u32 = 1;
const PUNCT_BASE: u32 = 2; // + ASCII code point (< 128)
const DIGIT_BASE: u32 = 200;
const LETTER_BASE: u32 = 300;
const OTHER_BASE: u32 = 1000; // + code point

/// The sort key of `s`. Comparing keys byte by byte is comparing strings in Vietnamese order.
pub fn sort_key(s: &str) -> String {
    // Most names are already NFC (everything stored is); only the others are normalised.
    if unicode_normalization::is_nfc(s) { key_of(s.chars(), s.len()) } else { key_of(s.nfc(), s.len()) }
}

fn key_of(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut primary = String::with_capacity(len * 4 + 2 * len + 2);
    let mut secondary = String::with_capacity(len);
    let mut tertiary = String::with_capacity(len);
    let mut last_was_space = true;
    for c in chars {
        if c.is_whitespace() {
            if last_was_space {
                continue; // leading and repeated spaces do not count
            }
            last_was_space = true;
        } else {
            last_was_space = false;
        }
        let Some(w) = weigh(c) else { continue };
        push_weight(&mut primary, w.primary);
        secondary.push(ALPHABET[usize::from(w.tone)] as char);
        tertiary.push(if w.upper { '1' } else { '0' });
    }
    // A trailing space would otherwise sort "An " after "An".
    if last_was_space && primary.len() >= 4 {
        primary.truncate(primary.len() - 4);
        secondary.pop();
        tertiary.pop();
    }
    let mut key = primary;
    key.push(LEVEL_SEPARATOR);
    key.push_str(&secondary);
    key.push(LEVEL_SEPARATOR);
    key.push_str(&tertiary);
    key
}

/// Compares two strings in Vietnamese alphabetical order.
pub fn compare(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b))
}

struct Weight {
    primary: u32,
    tone: u8,
    upper: bool,
}

fn push_weight(out: &mut String, w: u32) {
    for shift in [18, 12, 6, 0] {
        out.push(ALPHABET[((w >> shift) & 63) as usize] as char);
    }
}

/// The position in [`LETTERS`] of each ASCII lower-case letter.
const ASCII_LETTER: [u8; 26] = {
    let mut t = [0u8; 26];
    let mut i = 0;
    while i < LETTERS.len() {
        let l = LETTERS[i].as_bytes();
        if l.len() == 1 {
            t[(l[0] - b'a') as usize] = i as u8;
        }
        i += 1;
    }
    t
};

/// The position in [`LETTERS`] of a base letter with an optional vowel mark (ă, â, đ, ê, ô,
/// ơ, ư and the plain letters).
fn letter_index(base: char, mark: Option<char>) -> Option<usize> {
    let i = match (base, mark) {
        (b @ 'a'..='z', None) => return Some(usize::from(ASCII_LETTER[b as usize - 'a' as usize])),
        ('đ', None) => 6,
        ('a', Some(BREVE)) => 1,
        ('a', Some(CIRCUMFLEX)) => 2,
        ('e', Some(CIRCUMFLEX)) => 8,
        ('o', Some(CIRCUMFLEX)) => 19,
        ('o', Some(HORN)) => 20,
        ('u', Some(HORN)) => 27,
        _ => return None,
    };
    Some(i)
}

/// Weighs one NFC character; `None` for characters that do not count (lone combining marks).
fn weigh(c: char) -> Option<Weight> {
    if c.is_ascii() {
        return Some(match c {
            c if c.is_ascii_alphabetic() => Weight {
                primary: LETTER_BASE + u32::from(ASCII_LETTER[usize::from(c.to_ascii_lowercase() as u8 - b'a')]),
                tone: 0,
                upper: c.is_ascii_uppercase(),
            },
            c if c.is_whitespace() => Weight { primary: SPACE_WEIGHT, tone: 0, upper: false },
            c if c.is_ascii_digit() => Weight { primary: DIGIT_BASE + (c as u32 - '0' as u32), tone: 0, upper: false },
            c => Weight { primary: PUNCT_BASE + c as u32, tone: 0, upper: false },
        });
    }
    if c.is_whitespace() {
        return Some(Weight { primary: SPACE_WEIGHT, tone: 0, upper: false });
    }
    let upper = c.is_uppercase();
    let mut base = None;
    let mut vowel_mark = None;
    let mut tone = 0u8;
    for d in c.to_lowercase().nfd() {
        match d {
            BREVE | CIRCUMFLEX | HORN => vowel_mark = Some(d),
            '\u{0300}' => tone = 1, // huyền
            '\u{0309}' => tone = 2, // hỏi
            '\u{0303}' => tone = 3, // ngã
            '\u{0301}' => tone = 4, // sắc
            '\u{0323}' => tone = 5, // nặng
            d if unicode_normalization::char::is_combining_mark(d) => {}
            d if base.is_none() => base = Some(d),
            _ => {}
        }
    }
    let base = base?;
    let primary = match letter_index(base, vowel_mark) {
        Some(i) => LETTER_BASE + i as u32,
        None => OTHER_BASE + base as u32,
    };
    Some(Weight { primary, tone, upper })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort_by_key(|s| sort_key(s));
        v
    }

    #[test]
    fn orders_place_names_the_vietnamese_way() {
        let input = ["Đông Anh", "Dương Kinh", "Bắc Ninh", "An Dương", "Ân Thi"];
        assert_eq!(sorted(&input), ["An Dương", "Ân Thi", "Bắc Ninh", "Dương Kinh", "Đông Anh"]);
    }

    #[test]
    fn letters_then_tones_then_case() {
        let input = ["Hạ", "Há", "Hã", "Hả", "Hà", "Ha", "ô tô", "o", "ơ", "Đà Nẵng", "Dung", "ăn", "az", "an"];
        assert_eq!(
            sorted(&input),
            ["an", "az", "ăn", "Dung", "Đà Nẵng", "Ha", "Hà", "Hả", "Hã", "Há", "Hạ", "o", "ô tô", "ơ"]
        );
        assert_eq!(compare("an", "An"), Ordering::Less);
    }

    /// The straightforward form of [`sort_key`] (NFC always, each letter looked up by its
    /// composed string); the fast paths must give the same key.
    fn reference_sort_key(s: &str) -> String {
        fn reference_weigh(c: char) -> Option<Weight> {
            if c.is_whitespace() {
                return Some(Weight { primary: SPACE_WEIGHT, tone: 0, upper: false });
            }
            if c.is_ascii_digit() {
                return Some(Weight { primary: DIGIT_BASE + (c as u32 - '0' as u32), tone: 0, upper: false });
            }
            if c.is_ascii() && !c.is_ascii_alphabetic() {
                return Some(Weight { primary: PUNCT_BASE + c as u32, tone: 0, upper: false });
            }
            let upper = c.is_uppercase();
            let (mut base, mut vowel_mark, mut tone) = (None, None, 0u8);
            for d in c.to_lowercase().nfd() {
                match d {
                    BREVE | CIRCUMFLEX | HORN => vowel_mark = Some(d),
                    '\u{0300}' => tone = 1,
                    '\u{0309}' => tone = 2,
                    '\u{0303}' => tone = 3,
                    '\u{0301}' => tone = 4,
                    '\u{0323}' => tone = 5,
                    d if unicode_normalization::char::is_combining_mark(d) => {}
                    d if base.is_none() => base = Some(d),
                    _ => {}
                }
            }
            let base = base?;
            let letter: String = match (base, vowel_mark) {
                (b, Some(m)) => [b, m].iter().collect::<String>().nfc().collect(),
                (b, None) => b.to_string(),
            };
            let primary = match LETTERS.iter().position(|l| *l == letter) {
                Some(i) => LETTER_BASE + i as u32,
                None if c.is_ascii_punctuation() => PUNCT_BASE + c as u32,
                None => OTHER_BASE + base as u32,
            };
            Some(Weight { primary, tone, upper })
        }
        let (mut primary, mut secondary, mut tertiary) = (String::new(), String::new(), String::new());
        let mut last_was_space = true;
        for c in s.nfc() {
            if c.is_whitespace() {
                if last_was_space {
                    continue;
                }
                last_was_space = true;
            } else {
                last_was_space = false;
            }
            let Some(w) = reference_weigh(c) else { continue };
            push_weight(&mut primary, w.primary);
            secondary.push(ALPHABET[usize::from(w.tone)] as char);
            tertiary.push(if w.upper { '1' } else { '0' });
        }
        if last_was_space && primary.len() >= 4 {
            primary.truncate(primary.len() - 4);
            secondary.pop();
            tertiary.pop();
        }
        format!("{primary}{LEVEL_SEPARATOR}{secondary}{LEVEL_SEPARATOR}{tertiary}")
    }

    #[test]
    fn fast_paths_give_the_reference_key() {
        use unicode_normalization::UnicodeNormalization;
        let samples = [
            "",
            " ",
            "Nguyễn Văn Hộ 123",
            "ĐẮK LẮK",
            "Thôn  1 ",
            "x\u{0306}y",
            "e\u{0306}",
            "K\u{212A}İß",
            "ñ",
            "a\tb\u{00A0}c",
            "Ăn ưng Ơ Ô Ê Â đĐ",
            "Ωmega 漢字 ☃",
            "a-b_c.d/e",
            "\u{0301}lone mark",
            "Hà Tĩnh",
            "hoà hòa thuỷ thủy",
        ];
        for s in samples {
            let nfd: String = s.nfd().collect();
            assert_eq!(sort_key(s), reference_sort_key(s), "{s:?}");
            assert_eq!(sort_key(&nfd), reference_sort_key(&nfd), "{s:?} (NFD)");
        }
        // Every character of the Basic Multilingual Plane, alone and between letters.
        for c in (0u32..0x1_0000).filter_map(char::from_u32) {
            let s = format!("a{c}B");
            assert_eq!(sort_key(&s), reference_sort_key(&s), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn shorter_prefix_sorts_first_and_spaces_do_not_pile_up() {
        assert_eq!(compare("An", "An Dương"), Ordering::Less);
        assert_eq!(sort_key("Thôn  1 "), sort_key("Thôn 1"));
        assert_eq!(compare("Thôn 2", "Thôn 10"), Ordering::Greater); // text order, not numeric
    }
}
