//! The ballot sheets and their list through typst, on the fonts of the document writer.

use std::sync::LazyLock;

use typst::foundations::{Array, Dict, Smart, Str, Value};
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use super::{BallotBatch, LIST_TITLE, SHEET_TITLE};
use crate::RenderError;
use crate::format::{MOTTO, NATIONAL_TITLE};

const TEMPLATE: &str = include_str!("ballots.typ");

static ENGINE: LazyLock<TypstEngine<TypstTemplateMainFile>> = LazyLock::new(|| {
    TypstEngine::builder().main_file(TEMPLATE).fonts(crate::pdf::FONTS).comemo_evict_max_age(Some(2)).build()
});

/// What the template prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Sheets,
    List,
}

fn text(s: &str) -> Value {
    Value::Str(Str::from(s))
}

fn dict<const N: usize>(entries: [(&str, Value); N]) -> Value {
    Value::Dict(entries.into_iter().map(|(k, v)| (Str::from(k), v)).collect::<Dict>())
}

fn inputs(batch: &BallotBatch, mode: Mode) -> Dict {
    let sheets: Array = batch
        .sheets
        .iter()
        .map(|sheet| {
            dict([
                ("code", text(&sheet.code)),
                ("village", text(&sheet.village)),
                ("household", text(&sheet.household)),
                ("address", text(&sheet.address)),
            ])
        })
        .collect();
    let batch = dict([
        ("mode", text(if mode == Mode::Sheets { "sheets" } else { "list" })),
        ("national-title", text(NATIONAL_TITLE)),
        ("motto", text(MOTTO)),
        ("issuer", text(&batch.issuer)),
        ("sheet-title", text(SHEET_TITLE)),
        ("list-title", text(LIST_TITLE)),
        ("title", text(&batch.title)),
        ("question", text(&batch.question)),
        ("choices", Value::Array(batch.choices.iter().map(|c| text(c)).collect())),
        ("deadline-line", text(&batch.deadline_line)),
        ("sheets", Value::Array(sheets)),
    ]);
    [(Str::from("batch"), batch)].into_iter().collect()
}

pub fn write(batch: &BallotBatch, mode: Mode) -> Result<Vec<u8>, RenderError> {
    let compiled = ENGINE.compile_with_input::<_, PagedDocument>(inputs(batch, mode));
    let document = compiled.output.map_err(|err| RenderError::Pdf(err.to_string()))?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("coso-render:ballots:{}", batch.title)),
        timestamp: None,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options)
        .map_err(|diags| RenderError::Pdf(diags.iter().map(|d| d.message.as_str()).collect::<Vec<_>>().join("; ")))
}
