//! Prints the parsed JSON of a file: `cargo run --example dump -- FILE`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("cách dùng: dump TỆP");
        std::process::exit(2);
    };
    let ext = std::path::Path::new(&path).extension().and_then(|e| e.to_str()).unwrap_or("md");
    let format = coso_documents::Format::from_extension(ext).unwrap_or(coso_documents::Format::Markdown);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("lỗi: {e}");
            std::process::exit(2);
        }
    };
    match coso_documents::parse(&bytes, format) {
        Ok(doc) => println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default()),
        Err(e) => {
            eprintln!("lỗi: {e}");
            std::process::exit(2);
        }
    }
}
