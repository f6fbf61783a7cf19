//! Fuzzes the document reader: the first byte picks the format, the rest is the file.
//! Any input must give a document or an error, never a panic or a hang.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 3 {
        0 => coso_documents::Format::Markdown,
        1 => coso_documents::Format::Text,
        _ => coso_documents::Format::Docx,
    };
    let _ = coso_documents::parse(bytes, format);
});
