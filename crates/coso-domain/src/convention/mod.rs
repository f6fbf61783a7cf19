//! Village conventions (*hương ước, quy ước*, Decree 61/2023, HU-1…HU-8): the codes, the life
//! cycle from proposal to force with its checked moves, the vote that adopts one (HU-5, judged
//! with [`crate::decision::threshold`]), the line diff between two versions, the yearly review
//! (HU-7) and what officials type at each step. The deadlines counted in working days are the
//! legal calendar's (`convention.posting`, `convention.dossier`, `convention.recognition`),
//! computed by the use cases.

pub mod adoption;
mod codes;
pub mod diff;
pub mod input;
pub mod lifecycle;
pub mod review;

pub use adoption::{
    AdoptionInput, DecisionCounts, Judgement, POSTING_RULE, Tally, check_vote, judge, tally_of_decision,
};
pub use codes::{AdoptionForm, ConventionKind, ConventionStatus, Outcome};
pub use diff::{Change, DiffLine, diff_lines};
pub use input::{
    DatedData, DatedInput, OpinionData, OpinionInput, ProposalData, ProposalInput, RecognitionData, RecognitionInput,
    VersionData, VersionInput,
};
pub use lifecycle::{Step, StepRefused, next};
pub use review::{REVIEW_RULE, ReviewRules};

/// The legal calendar's rule id of the dossier to the commune (HU-6).
pub const DOSSIER_RULE: &str = "convention.dossier";
/// The legal calendar's rule id of the commune's recognition (HU-6).
pub const RECOGNITION_RULE: &str = "convention.recognition";

use crate::FieldError;
use crate::report::Indicator;

/// Whether a report's indicator counts the conventions built, amended or reviewed in its
/// period (`village_conventions_reviewed` of the default template, source
/// `village_conventions`).
pub fn counts_conventions(indicator: &Indicator) -> bool {
    match indicator.source.as_deref() {
        Some(source) => source == "village_conventions",
        None => indicator.code == "village_conventions_reviewed",
    }
}

/// A code typed in a field, or an error naming the field.
pub(crate) fn codes_parse<T: std::str::FromStr>(field: &'static str, label: &str, raw: &str) -> Result<T, FieldError> {
    let code = raw.trim();
    if code.is_empty() {
        return Err(FieldError::new(field, format!("Chọn {}.", label.to_lowercase())));
    }
    code.parse().map_err(|_| FieldError::new(field, format!("{label} «{code}» không có trong danh sách.")))
}
