//! PDF output: typst typesets `template.typ` with the view as `sys.inputs`, typst-pdf writes it.
//!
//! The engine (template, the four vendored Liberation Serif faces, the standard library) is built
//! once per process in a [`LazyLock`]; a render then only evaluates the template. No system font
//! is looked up: the PDF embeds (subsets of) the vendored faces on every machine alike.

mod inputs;

use std::sync::LazyLock;

use typst::diag::SourceDiagnostic;
use typst::foundations::Smart;
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::RenderError;
use crate::view::DocumentView;

const TEMPLATE: &str = include_str!("template.typ");

/// Liberation Serif 2.1.5 (SIL OFL 1.1), metric-compatible with Times New Roman; see
/// `assets/fonts/README.md`.
pub const FONTS: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
];

/// Memoised typst results older than this many renders are evicted: enough to reuse the shaping
/// of the fixed header across renders, small enough to bound memory in a long-running server.
const CACHE_MAX_AGE: usize = 8;

static ENGINE: LazyLock<TypstEngine<TypstTemplateMainFile>> = LazyLock::new(|| {
    TypstEngine::builder().main_file(TEMPLATE).fonts(FONTS).comemo_evict_max_age(Some(CACHE_MAX_AGE)).build()
});

/// Typesets the view and writes the PDF.
///
/// The output is reproducible: the template sets no document date, no timestamp is passed, and
/// the PDF identifier is derived from a fixed string, so the same view gives the same bytes.
pub fn write(view: &DocumentView) -> Result<Vec<u8>, RenderError> {
    let compiled = ENGINE.compile_with_input::<_, PagedDocument>(inputs::inputs(view));
    let document = compiled.output.map_err(|err| RenderError::Pdf(err.to_string()))?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("coso-render:{}", inputs::meta_title(view))),
        timestamp: None,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|diags| RenderError::Pdf(describe(&diags)))
}

fn describe(diagnostics: &[SourceDiagnostic]) -> String {
    let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    messages.join("; ")
}
