//! The short code printed on a household's ballot (*phiếu lấy ý kiến*): 40 random bits in
//! Crockford's base32 and Crockford's check character, shown `XXXX-XXXX-C`. It names the sheet
//! so that collection can tick it off the distribution list; it carries nothing of the choice
//! marked on it, and being random it says nothing of the household to whoever finds it. Read
//! case-insensitively, without dashes or spaces, with I, L → 1 and O → 0.

use std::fmt;
use std::str::FromStr;

/// Crockford's alphabet: digits and letters without I, L, O, U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Crockford's check symbols: the alphabet and five more, for a value modulo 37.
const CHECK_SYMBOLS: &[u8; 37] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
/// 40 bits, 5 bits a character.
const LENGTH: usize = 8;

/// A ballot's short code, eight characters and a check character.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BallotCode(String);

/// A typed code that is not a ballot code; the message quotes what was typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("«{0}» không phải là mã phiếu hợp lệ (9 ký tự, dạng XXXX-XXXX-X).")]
pub struct BadBallotCode(pub String);

fn check_symbol(value: u64) -> u8 {
    CHECK_SYMBOLS[(value % 37) as usize]
}

impl BallotCode {
    /// The code of 5 random bytes (the caller draws them from the system's generator).
    pub fn from_bytes(bytes: [u8; 5]) -> BallotCode {
        let value = bytes.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        let mut chars = [0u8; LENGTH + 1];
        let mut rest = value;
        for slot in chars[..LENGTH].iter_mut().rev() {
            *slot = ALPHABET[(rest & 0x1f) as usize];
            rest >>= 5;
        }
        chars[LENGTH] = check_symbol(value);
        BallotCode(chars.iter().map(|c| char::from(*c)).collect())
    }

    /// The code as printed and stored: `XXXX-XXXX-C`.
    pub fn display(&self) -> String {
        format!("{}-{}-{}", &self.0[..4], &self.0[4..8], &self.0[8..])
    }

    /// The nine characters without dashes.
    pub fn compact(&self) -> &str {
        &self.0
    }
}

impl FromStr for BallotCode {
    type Err = BadBallotCode;

    fn from_str(typed: &str) -> Result<Self, Self::Err> {
        let bad = || BadBallotCode(typed.chars().take(40).collect());
        let mut chars: Vec<u8> = Vec::with_capacity(LENGTH + 1);
        for c in typed.chars() {
            let c = match c.to_ascii_uppercase() {
                '-' | ' ' | '\t' => continue,
                'I' | 'L' => '1',
                'O' => '0',
                c => c,
            };
            if !c.is_ascii() {
                return Err(bad());
            }
            chars.push(c as u8);
        }
        let Some((&check, body)) = chars.split_last() else { return Err(bad()) };
        if body.len() != LENGTH {
            return Err(bad());
        }
        let mut value = 0u64;
        for c in body {
            let digit = ALPHABET.iter().position(|a| a == c).ok_or_else(bad)?;
            value = (value << 5) | digit as u64;
        }
        if check_symbol(value) != check {
            return Err(bad());
        }
        Ok(BallotCode(chars.iter().map(|c| char::from(*c)).collect()))
    }
}

impl fmt::Display for BallotCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn bytes(seed: u64) -> [u8; 5] {
        let z = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(17) ^ seed;
        let all = z.to_be_bytes();
        [all[0], all[1], all[2], all[3], all[4]]
    }

    #[test]
    fn a_code_reads_back_from_how_it_is_printed() {
        let code = BallotCode::from_bytes(bytes(3));
        let shown = code.display();
        assert_eq!(shown.len(), 11);
        assert_eq!(shown.parse::<BallotCode>(), Ok(code.clone()));
        assert_eq!(shown.to_lowercase().replace('-', " ").parse::<BallotCode>(), Ok(code));
    }

    #[test]
    fn the_ends_of_the_alphabet_and_their_check_symbols() {
        assert_eq!(BallotCode::from_bytes([0; 5]).display(), "0000-0000-0");
        // 2^40 − 1 ≡ 15 (mod 37): the check symbol `F`; 36 would be `U`, beyond the alphabet.
        assert_eq!(BallotCode::from_bytes([0xff; 5]).display(), "ZZZZ-ZZZZ-F");
    }

    #[test]
    fn one_wrong_character_or_two_swapped_are_caught_by_the_check() {
        let code = BallotCode::from_bytes(bytes(11)).compact().to_string();
        let chars: Vec<char> = code.chars().collect();
        for i in 0..LENGTH {
            for replacement in ALPHABET.iter().map(|b| char::from(*b)).filter(|c| *c != chars[i]) {
                let mut typo = chars.clone();
                typo[i] = replacement;
                let typo: String = typo.into_iter().collect();
                assert!(typo.parse::<BallotCode>().is_err(), "{typo}");
            }
            if i + 1 < LENGTH && chars[i] != chars[i + 1] {
                let mut swapped = chars.clone();
                swapped.swap(i, i + 1);
                let swapped: String = swapped.into_iter().collect();
                assert!(swapped.parse::<BallotCode>().is_err(), "{swapped}");
            }
        }
    }

    #[test]
    fn confusable_letters_are_read_as_digits() {
        let code = BallotCode::from_bytes([0x08, 0x42, 0x10, 0x84, 0x21]);
        assert_eq!(code.compact().get(..8), Some("11111111"));
        let typed = format!("llII-iLlI-{}", &code.compact()[8..]);
        assert_eq!(typed.parse::<BallotCode>(), Ok(code));
    }

    #[test]
    fn wrong_lengths_and_letters_are_refused_naming_the_text() {
        for bad in ["", "ABCD-EFGH", "ABCD-EFGH-JK", "ABCD-EFGU-1", "ABĐD-EFGH-1"] {
            let err = bad.parse::<BallotCode>().expect_err(bad);
            assert!(err.to_string().contains(&format!("«{bad}»")), "{err}");
        }
    }

    #[test]
    fn five_thousand_codes_are_distinct() {
        let codes: HashSet<String> = (0..5000).map(|i| BallotCode::from_bytes(bytes(i)).display()).collect();
        assert_eq!(codes.len(), 5000);
    }
}
