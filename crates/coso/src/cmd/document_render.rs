//! `coso document render FILE.json --to docx|pdf -o OUT`

use std::path::PathBuf;
use std::process::ExitCode;

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
    eprintln!("lỗi: chưa hỗ trợ xuất định dạng {} cho {}", args.to, args.output.display());
    ExitCode::from(2)
}
