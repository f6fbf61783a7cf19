//! Input formats the reader accepts.

/// The input format, chosen by the caller or from the file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Text,
    Docx,
}

impl Format {
    /// `md`/`markdown` → Markdown, `txt`/`text` → Text, `docx` → Docx; case-insensitive,
    /// with or without the leading dot. Legacy `.doc` is not a DOCX and gives `None`.
    pub fn from_extension(ext: &str) -> Option<Format> {
        let ext = ext.trim().trim_start_matches('.').to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}
