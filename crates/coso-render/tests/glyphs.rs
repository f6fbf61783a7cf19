//! Every Vietnamese letter, in both cases and with every tone, is in each vendored face: the PDF
//! never falls back to a missing-glyph box.
#![expect(clippy::unwrap_used, reason = "a test stops at the first unexpected failure")]

use unicode_normalization::UnicodeNormalization;

const FACES: [&str; 4] = [
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
];

/// The vowels of the Vietnamese alphabet and the five tone marks (huyền, sắc, hỏi, ngã, nặng).
const VOWELS: [&str; 12] = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
const TONES: [&str; 6] = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"];
const CONSONANTS: &str = "bcdđghklmnpqrstvx";

/// All 12 × 6 toned vowels and 17 consonants, lower and upper case, each one precomposed code point.
fn vietnamese_letters() -> Vec<char> {
    let mut letters = Vec::new();
    for vowel in VOWELS {
        for tone in TONES {
            let composed: String = format!("{vowel}{tone}").nfc().collect();
            let mut chars = composed.chars();
            let letter = chars.next().unwrap();
            assert!(chars.next().is_none(), "{vowel}+{tone:?} has a precomposed form");
            letters.push(letter);
        }
    }
    letters.extend(CONSONANTS.chars());
    let upper: Vec<char> = letters.iter().flat_map(|c| c.to_uppercase()).collect();
    letters.extend(upper);
    letters
}

#[test]
fn the_alphabet_has_178_letters() {
    assert_eq!(vietnamese_letters().len(), 2 * (12 * 6 + 17));
}

#[test]
fn every_vietnamese_letter_is_in_every_face() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts");
    for face_name in FACES {
        let data = std::fs::read(dir.join(face_name)).unwrap();
        let face = ttf_parser::Face::parse(&data, 0).unwrap();
        let missing: Vec<char> = vietnamese_letters()
            .into_iter()
            .chain("\u{300}\u{301}\u{303}\u{309}\u{323}–“”…".chars())
            .filter(|&c| face.glyph_index(c).is_none())
            .collect();
        assert!(missing.is_empty(), "{face_name} lacks {missing:?}");
    }
}

#[test]
fn the_faces_are_liberation_serif_2() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts");
    let data = std::fs::read(dir.join(FACES[0])).unwrap();
    let face = ttf_parser::Face::parse(&data, 0).unwrap();
    let name =
        |id| face.names().into_iter().find(|n| n.name_id == id && n.is_unicode()).and_then(|n| n.to_string()).unwrap();
    assert_eq!(name(ttf_parser::name_id::FAMILY), "Liberation Serif");
    assert!(name(ttf_parser::name_id::VERSION).starts_with("Version 2."), "fonts-liberation 1.x lacks Vietnamese");
    assert!(dir.join("LICENSE-OFL-1.1.txt").exists());
}
