//! `coso document render FILE.json --to docx|pdf -o OUT`
//!
//! Reads a [`coso_documents::Document`] as JSON (the shape `coso document parse --json` prints) and
//! writes it in the Decree 30/2020 layout. Errors are printed in Vietnamese and exit with code 2;
//! the output file is written whole or not at all.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use coso_documents::Document;

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The document as JSON (the shape `coso document parse --json` prints).
    pub file: PathBuf,
    /// Output format: docx or pdf.
    #[arg(long = "to")]
    pub to: String,
    /// Output file.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
}

pub fn run(args: RenderArgs) -> ExitCode {
    match render(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("lỗi: {message}");
            ExitCode::from(2)
        }
    }
}

fn render(args: &RenderArgs) -> Result<(), String> {
    let format = args.to.trim().to_ascii_lowercase();
    if format != "docx" && format != "pdf" {
        return Err(format!("định dạng \"{}\" không được hỗ trợ; chỉ nhận docx hoặc pdf", args.to));
    }
    let json =
        std::fs::read_to_string(&args.file).map_err(|e| format!("không đọc được tệp {}: {e}", args.file.display()))?;
    let doc: Document = serde_json::from_str(&json).map_err(|e| {
        format!(
            "tệp {} không phải JSON của một văn bản (dòng {}, cột {}): {e}",
            args.file.display(),
            e.line(),
            e.column()
        )
    })?;
    let bytes = if format == "docx" { coso_render::render_docx(&doc) } else { coso_render::render_pdf(&doc) }
        .map_err(|e| e.to_string())?;
    write_whole(&args.output, &bytes)
}

/// Writes to a temporary file beside `path`, then renames it over `path`: a reader never sees a
/// half-written file, and a failed render leaves an existing file untouched.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let name = path.file_name().ok_or_else(|| format!("tên tệp đầu ra không hợp lệ: {}", path.display()))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp = path.with_file_name(temp_name);
    let failed = |e: std::io::Error| format!("không ghi được tệp {}: {e}", path.display());
    std::fs::write(&temp, bytes).map_err(failed)?;
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        failed(e)
    })
}
