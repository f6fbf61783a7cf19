//! Feeds arbitrary bytes to the residents' intake forms as the domain reads them: an Open311
//! POST body, and the parts of the petition form (split from the input: `name \x01 file name
//! \x01 bytes`, parts separated by `\x00`, a leading `!` marking a part over its limit). Any
//! input gives typed fields or a field error, never a panic; what is kept is what was sent.
#![no_main]

use coso_domain::case::intake::{MAX_PARTS, Open311Post, PHOTOS, PetitionParts, form_parameters};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    match selector % 2 {
        0 => {
            let p = form_parameters(bytes);
            match Open311Post::of(&p) {
                Ok(post) => {
                    let given = |v: &Option<String>| v.as_ref().is_some_and(|v| !v.trim().is_empty());
                    let placed = given(&post.latitude) || given(&post.longitude) || !post.place.trim().is_empty();
                    assert!(placed, "a request without a place is refused");
                    assert_eq!(post.name, post.name.trim());
                    assert!(post.api_key.as_ref().is_none_or(|k| !k.is_empty() && k.trim() == k));
                }
                Err(e) => assert_eq!(e.field, "lat"),
            }
            assert_eq!(Open311Post::parse(bytes).is_ok(), Open311Post::of(&p).is_ok());
        }
        _ => {
            let mut parts = PetitionParts::default();
            let mut pushed = 0usize;
            for raw in bytes.split(|b| *b == 0) {
                let (over, raw) = match raw.split_first() {
                    Some((b'!', rest)) => (true, rest),
                    _ => (false, raw),
                };
                let mut pieces = raw.splitn(3, |b| *b == 1);
                let name = String::from_utf8_lossy(pieces.next().unwrap_or_default()).into_owned();
                let file_name = String::from_utf8_lossy(pieces.next().unwrap_or_default()).into_owned();
                let body = if over { Vec::new() } else { pieces.next().unwrap_or_default().to_vec() };
                let before = (parts.fields.len(), parts.photos.len(), parts.too_long.len());
                match parts.push(&name, &file_name, body.clone(), over) {
                    Ok(()) => {
                        pushed += 1;
                        let after = (parts.fields.len(), parts.photos.len(), parts.too_long.len());
                        if name == PHOTOS {
                            assert_eq!(after.1 - before.1, usize::from(over || !body.is_empty()));
                        } else if over {
                            assert_eq!(after.2, before.2 + 1);
                        } else {
                            assert_eq!(parts.fields.last().map(|(_, v)| v.as_bytes()), Some(body.as_slice()));
                        }
                    }
                    Err(_) => break,
                }
            }
            assert!(pushed <= MAX_PARTS);
            assert!(parts.photos.iter().all(|p| !p.too_large || p.bytes.is_empty()));
            assert_eq!(parts.too_long_errors().len(), parts.too_long.len());
            // A name given twice reads as its first value.
            for (name, _) in &parts.fields {
                let first = parts.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
                assert_eq!(Some(parts.field(name)), first);
            }
        }
    }
});
