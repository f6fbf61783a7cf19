//! Vietnamese text done right, in one place.
//!
//! * [`nfc`] and [`clean`]: every string that enters coso is stored in NFC, so that equality,
//!   uniqueness and search do not depend on the keyboard that typed it; [`clean`] also drops
//!   control and zero-width characters ([`is_invisible`]).
//! * [`fold`]: the search form of a string: no tones, no vowel marks, `đ` → `d`, lower case.
//!   Both databases index the folded text, so "dak lak" finds "Đắk Lắk" everywhere.
//! * [`sort_key`]: a byte-comparable key that orders strings in Vietnamese alphabetical order
//!   (a < ă < â < b < c < d < đ < e < ê < …, then tones). Stored beside names so that
//!   `ORDER BY sort_key` is the Vietnamese order on SQLite and PostgreSQL alike.

mod collate;
mod fold;

pub use collate::{compare, sort_key};
pub use fold::{clean, fold, is_invisible, nfc};
