//! The tracking code a sender follows a case with (`/theo-doi/{code}`): 80 random bits in
//! Crockford's base32, shown `XXXX-XXXX-XXXX-XXXX`. It cannot be guessed, so it can be said
//! over the phone and typed back carelessly: read case-insensitively, without dashes or
//! spaces, with the letters people confuse with digits (I, L → 1; O → 0) read as the digits.

use std::fmt;
use std::str::FromStr;

/// Crockford's alphabet: digits and letters without I, L, O, U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 80 bits, 5 bits a character.
const LENGTH: usize = 16;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TrackingCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("«{0}» không phải là mã theo dõi hợp lệ (16 ký tự chữ và số, dạng XXXX-XXXX-XXXX-XXXX).")]
pub struct BadTrackingCode(pub String);

impl TrackingCode {
    /// The code of 10 random bytes (the caller draws them from the system's generator).
    pub fn from_bytes(bytes: [u8; 10]) -> TrackingCode {
        let mut value = bytes.iter().fold(0u128, |acc, b| (acc << 8) | u128::from(*b));
        let mut chars = [0u8; LENGTH];
        for slot in chars.iter_mut().rev() {
            // Five bits at a time, from the lowest.
            *slot = ALPHABET[(value & 0x1f) as usize];
            value >>= 5;
        }
        TrackingCode(chars.iter().map(|c| char::from(*c)).collect())
    }

    /// The code as shown and stored: `XXXX-XXXX-XXXX-XXXX`.
    pub fn display(&self) -> String {
        let chunks: Vec<&str> = (0..LENGTH).step_by(4).map(|i| &self.0[i..i + 4]).collect();
        chunks.join("-")
    }

    /// The sixteen characters without dashes.
    pub fn compact(&self) -> &str {
        &self.0
    }
}

impl FromStr for TrackingCode {
    type Err = BadTrackingCode;

    fn from_str(typed: &str) -> Result<Self, Self::Err> {
        let mut out = String::with_capacity(LENGTH);
        for c in typed.chars() {
            let c = match c.to_ascii_uppercase() {
                '-' | ' ' | '\t' => continue,
                'I' | 'L' => '1',
                'O' => '0',
                c => c,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
                return Err(BadTrackingCode(typed.to_string()));
            }
            out.push(c);
        }
        if out.len() == LENGTH { Ok(TrackingCode(out)) } else { Err(BadTrackingCode(typed.to_string())) }
    }
}

impl fmt::Display for TrackingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn bytes(seed: u64) -> [u8; 10] {
        // A simple deterministic spread of bits (splitmix64), enough for distinct inputs.
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        let mut out = [0u8; 10];
        out[..8].copy_from_slice(&z.to_be_bytes());
        out[8..].copy_from_slice(&seed.to_be_bytes()[6..]);
        out
    }

    #[test]
    fn a_code_reads_back_from_how_it_is_shown() {
        let code = TrackingCode::from_bytes(bytes(7));
        let shown = code.display();
        assert_eq!(shown.len(), 19);
        assert_eq!(shown.matches('-').count(), 3);
        assert_eq!(shown.parse::<TrackingCode>(), Ok(code.clone()));
        assert_eq!(shown.to_lowercase().replace('-', " ").parse::<TrackingCode>(), Ok(code));
    }

    #[test]
    fn all_zero_and_all_one_bits_use_the_ends_of_the_alphabet() {
        assert_eq!(TrackingCode::from_bytes([0; 10]).display(), "0000-0000-0000-0000");
        assert_eq!(TrackingCode::from_bytes([0xff; 10]).display(), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    }

    #[test]
    fn confusable_letters_are_read_as_digits() {
        let code: TrackingCode = "1010-0000-AAAA-BBBB".parse().expect("code");
        assert_eq!("lOIo-oooo-aaaa-bbbb".parse::<TrackingCode>(), Ok(code.clone()));
        assert_eq!("LoLo 0000 aaaa bbbb".parse::<TrackingCode>(), Ok(code));
    }

    #[test]
    fn wrong_lengths_and_letters_are_refused_naming_the_text() {
        for bad in ["", "ABCD-EFGH-JKMN", "ABCD-EFGH-JKMN-PQRST", "ABCD-EFGH-JKMN-PQRU", "ABCD-EFGH-JKMN-PQRĐ"] {
            let err = bad.parse::<TrackingCode>().expect_err(bad);
            assert!(err.to_string().contains(&format!("«{bad}»")), "{err}");
        }
    }

    #[test]
    fn a_thousand_codes_are_distinct() {
        let codes: HashSet<String> = (0..1000).map(|i| TrackingCode::from_bytes(bytes(i)).display()).collect();
        assert_eq!(codes.len(), 1000);
    }
}
