//! The DOCX as another word processor sees it: LibreOffice converts it to PDF, which must open,
//! have the expected number of pages, number pages from 2, and keep the Vietnamese text intact.
//!
//! LibreOffice is pointed at the vendored Liberation Serif through a private fontconfig file, so
//! that "Times New Roman" resolves to the metric-compatible face on any machine (as Word's Times
//! New Roman would) and the page count is the one a reader sees, not that of a fallback font.
//!
//! Needs `soffice` (Debian: libreoffice-writer-nogui) and poppler-utils. Without them the test
//! fails with what to install, unless COSO_SKIP_LIBREOFFICE=1 (resp. COSO_SKIP_POPPLER=1).
#![expect(clippy::unwrap_used, reason = "a test stops at the first unexpected failure")]

#[expect(dead_code, reason = "this test uses only a part of the shared test support")]
mod common;

use std::process::Command;

use common::{PLAN, POPPLER, REPORT, load, page_count, pdf_text, require_tool, run, scratch};
use coso_render::{MOTTO, NATIONAL_TITLE};

#[test]
fn libreoffice_opens_the_docx_with_the_expected_pages() {
    if !require_tool("soffice", "libreoffice-writer-nogui", "COSO_SKIP_LIBREOFFICE")
        || !require_tool("pdfinfo", POPPLER.0, POPPLER.1)
    {
        return;
    }
    let dir = scratch("libreoffice");
    let fonts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts");
    let fonts_conf = dir.join("fonts.conf");
    std::fs::write(
        &fonts_conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n<fontconfig>\n  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n  <dir>{}</dir>\n  <cachedir>{}</cachedir>\n</fontconfig>\n",
            fonts.display(),
            dir.join("fontconfig-cache").display()
        ),
    )
    .unwrap();
    for (file, pages) in [(PLAN, PLAN_PAGES), (REPORT, REPORT_PAGES)] {
        let stem = file.trim_end_matches(".json");
        let docx = dir.join(format!("{stem}.docx"));
        std::fs::write(&docx, coso_render::render_docx(&load(file)).unwrap()).unwrap();
        // A private profile, so parallel runs and a user's own LibreOffice do not interfere.
        let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
        run(Command::new("soffice")
            .env("FONTCONFIG_FILE", &fonts_conf)
            .arg(&profile)
            .args(["--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
            .arg(&dir)
            .arg(&docx));
        let pdf = dir.join(format!("{stem}.pdf"));
        assert_eq!(page_count(&pdf), pages, "{file}: pages as LibreOffice lays them out");
        let fonts = run(Command::new("pdffonts").arg(&pdf));
        assert!(fonts.contains("LiberationSerif"), "{file}: Times New Roman resolved to its metric twin:\n{fonts}");
        #[cfg(feature = "pdf")]
        {
            let ours = dir.join(format!("{stem}.typst.pdf"));
            std::fs::write(&ours, coso_render::render_pdf(&load(file)).unwrap()).unwrap();
            assert_eq!(page_count(&ours), pages, "{file}: the PDF paginates like the DOCX");
        }

        let text = pdf_text(&pdf);
        assert!(text.contains(NATIONAL_TITLE), "{file}: national title intact");
        assert!(text.contains(MOTTO), "{file}: motto intact");
        let pages_text: Vec<&str> = text.split('\u{c}').collect();
        let first_line = |page: &str| page.lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_owned);
        assert_ne!(first_line(pages_text[0]).as_deref(), Some("1"), "{file}: page 1 is not numbered");
        if pages > 1 {
            assert_eq!(first_line(pages_text[1]).as_deref(), Some("2"), "{file}: page 2 numbered at the top");
        }
    }
}

/// Pages of the test documents at 14 pt, 1.15 line spacing, on A4 with the Decree 30 margins.
const PLAN_PAGES: usize = 2;
const REPORT_PAGES: usize = 2;
