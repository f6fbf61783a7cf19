//! The structured form of an official document (văn bản) in the Decree 30/2020 layout.
//!
//! The domain owns this model so that plans can be drafted from a document without the
//! reader; `coso-documents` fills it from Markdown, text or DOCX and re-exports it.
//!
//! The JSON shape of [`Document`] is a contract: `coso document parse --json` prints it,
//! `coso document render` reads it, and the fixtures in `fixtures/plans` describe it.
//! Dates are ISO strings (`YYYY-MM-DD`), or `null` when the text does not give them.

use serde::{Deserialize, Serialize};

/// One official document: a plan (KH), report (BC), decision (QĐ), notice (TB), …
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Document {
    /// Number and symbol, e.g. `115/KH-UBND`. `None` when the number is blank (a draft).
    pub number: Option<String>,
    /// The number line as written when it is partial, e.g. `/KH-UBND`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_raw: Option<String>,
    /// Decree 30 abbreviation of the document type: `KH`, `BC`, `QĐ`, `TB`, …
    pub doc_type: Option<String>,
    /// The issuing body (cơ quan ban hành), e.g. `Ủy ban nhân dân tỉnh Bình Phước`.
    pub issuer: Option<String>,
    /// The issuing body's parent (cơ quan chủ quản), printed above the issuer when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_issuer: Option<String>,
    /// Place name of the place-and-date line.
    pub place: Option<String>,
    /// Full date of issue, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Partial date when the day is blank: `YYYY-MM` or `YYYY`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_partial: Option<String>,
    /// The abstract (trích yếu).
    pub title: Option<String>,
    /// Last day of the period a plan covers (`đến hết năm 2023` → `2023-12-31`), when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_period_end: Option<String>,
    /// Documents cited in the opening "Căn cứ…/Thực hiện…" paragraph.
    pub legal_bases: Vec<CitedDocument>,
    /// Every other document cited in the body.
    pub other_cited_documents: Vec<CitedDocument>,
    /// Top-level section headings as written, e.g. `I. MỤC ĐÍCH, YÊU CẦU`.
    pub sections: Vec<String>,
    /// The full section tree with the body text; used for rendering and review.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<Section>,
    /// Opening paragraphs before the first section (the legal-basis paragraph among them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<String>,
    /// Closing paragraphs after the last section ("Trên đây là kế hoạch…").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<String>,
    pub deadlines: Vec<Deadline>,
    pub report_obligations: Vec<ReportObligation>,
    pub tasks: Vec<Task>,
    /// The recipients block (nơi nhận), one entry per line, without the leading dash.
    pub recipients: Vec<String>,
    pub signer: Option<Signer>,
    /// What the reader was unsure of, in Vietnamese, for the review screen.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// A document cited by another: `Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CitedDocument {
    /// Kind as written: `Luật`, `Nghị định`, `Kế hoạch`, `Chỉ thị`, …
    pub kind: Option<String>,
    /// Normalised number and symbol, e.g. `21-KL/TW`.
    pub number: Option<String>,
    pub date: Option<String>,
    pub issuer: Option<String>,
    /// The citation as written in the text.
    pub raw: String,
}

/// A node of the section tree: `I.`, `1.`, `a)`, or a bullet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Section {
    /// The heading as written, numbering included (`II. NỘI DUNG THỰC HIỆN`).
    pub heading: String,
    /// Paragraphs directly under the heading, before any child section.
    pub paragraphs: Vec<String>,
    pub children: Vec<Section>,
}

/// A dated obligation found in the text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Deadline {
    /// An absolute date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// A yearly recurring date, `MM-DD yearly`.
    pub recurring: Option<String>,
    /// What is due.
    pub what: Option<String>,
    pub raw: String,
}

/// A duty to report: period, due date, and who receives it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportObligation {
    /// As written: `6 tháng`, `năm`, `quý`, `tháng`, `9 tháng`, `đột xuất`, `định kỳ`.
    pub period: Option<String>,
    /// `YYYY-MM-DD` or `MM-DD yearly`.
    pub due: Option<String>,
    pub raw: String,
    pub submit_to: Option<String>,
}

/// A task with its lead unit (chủ trì) and partner units (phối hợp).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Task {
    pub text: String,
    pub lead_unit: Option<String>,
    pub partner_units: Vec<String>,
}

/// The signature block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Signer {
    /// `TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH`: authority lines joined by ` / `.
    pub role_line: Option<String>,
    pub position: Option<String>,
    pub name: Option<String>,
}
