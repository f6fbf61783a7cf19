//! Feeds arbitrary bytes to the photo checks and the JPEG/PNG metadata strippers that every
//! uploaded picture goes through: a cut or forged file is refused, never a panic, and what
//! the strippers keep is never longer than what they were given.
#![no_main]

use coso_domain::case::files;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(kept) = files::strip_jpeg(data) {
        assert!(kept.len() <= data.len());
    }
    if let Some(kept) = files::strip_png(data) {
        assert!(kept.len() <= data.len());
    }
    for name in ["anh.jpg", "anh.png", "don.pdf", "x"] {
        if let Ok(kind) = files::check("photos", name, data) {
            let _ = files::strip_metadata("photos", kind, data);
        }
    }
});
