//! `coso document …`: read official documents into structure, write them out.

use std::path::PathBuf;
use std::process::ExitCode;

use coso_documents::{Document, Format};

#[derive(Debug, clap::Subcommand)]
pub enum DocumentCmd {
    /// Đọc văn bản (Markdown, văn bản thuần, DOCX) thành cấu trúc: số ký hiệu, căn cứ, nhiệm vụ, thời hạn…
    Parse(ParseArgs),
    /// Xuất văn bản (JSON) ra DOCX hoặc PDF theo thể thức Nghị định 30/2020.
    Render(super::document_render::RenderArgs),
}

#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// Tệp văn bản: .md, .txt hoặc .docx.
    pub file: PathBuf,
    /// Định dạng tệp (mặc định: theo phần mở rộng).
    #[arg(long, value_parser = ["md", "markdown", "txt", "text", "docx"])]
    pub format: Option<String>,
    /// In kết quả dạng JSON (một đối tượng).
    #[arg(long)]
    pub json: bool,
}

pub fn run(cmd: DocumentCmd) -> ExitCode {
    match cmd {
        DocumentCmd::Parse(args) => parse(args),
        DocumentCmd::Render(args) => super::document_render::run(args),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("lỗi: {message}");
    ExitCode::from(2)
}

fn parse(args: ParseArgs) -> ExitCode {
    let format = match args.format.as_deref() {
        Some(f) => Format::from_extension(f),
        None => args.file.extension().and_then(|e| e.to_str()).and_then(Format::from_extension),
    };
    let Some(format) = format else {
        return fail(&format!(
            "không xác định được định dạng của {}; hãy dùng --format md|txt|docx",
            args.file.display()
        ));
    };
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => {
            return fail(&format!("không đọc được tệp {}: {}", args.file.display(), io_message(&e)));
        }
    };
    let doc = match coso_documents::parse(&bytes, format) {
        Ok(doc) => doc,
        Err(e) => return fail(&format!("{}: {e}", args.file.display())),
    };
    if args.json {
        match serde_json::to_string_pretty(&doc) {
            Ok(s) => println!("{s}"),
            Err(e) => return fail(&format!("không ghi được JSON: {e}")),
        }
    } else {
        print!("{}", summary(&doc));
    }
    ExitCode::SUCCESS
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "không tìm thấy tệp".to_string(),
        std::io::ErrorKind::PermissionDenied => "không có quyền đọc".to_string(),
        _ => e.to_string(),
    }
}

/// `2024-05-20` → `20/05/2024`; `06-14 yearly` → `14/06 hằng năm`.
fn vn_date(d: &str) -> String {
    if let Some(md) = d.strip_suffix(" yearly")
        && let Some((m, day)) = md.split_once('-')
    {
        return format!("{day}/{m} hằng năm");
    }
    let parts: Vec<&str> = d.split('-').collect();
    match parts.as_slice() {
        [y, m, day] => format!("{day}/{m}/{y}"),
        [y, m] => format!("tháng {m}/{y}"),
        _ => d.to_string(),
    }
}

fn or_dash(s: Option<&str>) -> &str {
    s.filter(|s| !s.is_empty()).unwrap_or("—")
}

/// A readable Vietnamese summary for the terminal.
fn summary(doc: &Document) -> String {
    let mut out = String::new();
    let number = doc.number.clone().or_else(|| doc.number_raw.as_ref().map(|r| format!("(để trống) {r}")));
    out.push_str(&format!("Số, ký hiệu:       {}\n", or_dash(number.as_deref())));
    out.push_str(&format!("Loại văn bản:      {}\n", or_dash(doc.doc_type.as_deref())));
    out.push_str(&format!("Cơ quan ban hành:  {}\n", or_dash(doc.issuer.as_deref())));
    let date = doc.date.as_deref().or(doc.date_partial.as_deref()).map(vn_date);
    out.push_str(&format!("Địa danh, ngày:    {}, {}\n", or_dash(doc.place.as_deref()), or_dash(date.as_deref())));
    out.push_str(&format!("Trích yếu:         {}\n", or_dash(doc.title.as_deref())));
    out.push_str(&format!("\nCăn cứ ({}):\n", doc.legal_bases.len()));
    for b in &doc.legal_bases {
        out.push_str(&format!("  - {}\n", b.raw));
    }
    out.push_str(&format!("Văn bản khác được dẫn: {}\n", doc.other_cited_documents.len()));
    out.push_str(&format!("\nCác phần ({}):\n", doc.sections.len()));
    for s in &doc.sections {
        out.push_str(&format!("  {s}\n"));
    }
    out.push_str(&format!("\nNhiệm vụ ({}):\n", doc.tasks.len()));
    for t in &doc.tasks {
        let partners = if t.partner_units.is_empty() {
            String::new()
        } else {
            format!(" (phối hợp: {})", t.partner_units.join("; "))
        };
        out.push_str(&format!("  - [{}]{} {}\n", or_dash(t.lead_unit.as_deref()), partners, t.text));
    }
    out.push_str(&format!("\nThời hạn ({}):\n", doc.deadlines.len()));
    for d in &doc.deadlines {
        let when = d.date.as_deref().or(d.recurring.as_deref()).map(vn_date);
        out.push_str(&format!("  - {}: {}\n", or_dash(when.as_deref()), or_dash(d.what.as_deref())));
    }
    out.push_str(&format!("\nBáo cáo phải gửi ({}):\n", doc.report_obligations.len()));
    for r in &doc.report_obligations {
        let due = r.due.as_deref().map(vn_date);
        out.push_str(&format!(
            "  - kỳ: {}; hạn: {}; gửi: {}\n",
            or_dash(r.period.as_deref()),
            or_dash(due.as_deref()),
            or_dash(r.submit_to.as_deref())
        ));
    }
    out.push_str(&format!("\nNơi nhận ({}):\n", doc.recipients.len()));
    for r in &doc.recipients {
        out.push_str(&format!("  - {r}\n"));
    }
    match &doc.signer {
        Some(s) => {
            let parts: Vec<&str> =
                [s.role_line.as_deref(), s.position.as_deref(), s.name.as_deref()].into_iter().flatten().collect();
            out.push_str(&format!("\nNgười ký: {}\n", parts.join(" — ")));
        }
        None => out.push_str("\nNgười ký: —\n"),
    }
    if !doc.warnings.is_empty() {
        out.push_str("\nCần kiểm tra lại:\n");
        for w in &doc.warnings {
            out.push_str(&format!("  ! {w}\n"));
        }
    }
    out
}
