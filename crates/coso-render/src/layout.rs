//! The measurements of Decree 30/2020/NĐ-CP, Annex I (rules FMT-1 … FMT-11 in
//! `shared/domain/legal-rules.md` §8), in one place so that the DOCX and PDF writers agree.
//!
//! Where the decree gives a range, the value chosen is stated with the range it must stay in;
//! `tests/docx_layout.rs` checks the DOCX against the ranges, not against these constants.

/// A4 portrait (FMT-1), millimetres.
pub const PAGE_WIDTH_MM: f64 = 210.0;
pub const PAGE_HEIGHT_MM: f64 = 297.0;

/// Margins (FMT-1): top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
/// The smallest allowed values, as in the usual templates: they leave the most room for text.
pub const MARGIN_TOP_MM: f64 = 20.0;
pub const MARGIN_BOTTOM_MM: f64 = 20.0;
pub const MARGIN_LEFT_MM: f64 = 30.0;
pub const MARGIN_RIGHT_MM: f64 = 15.0;

/// Distance of the page number from the top edge: inside the top margin (FMT-3).
pub const HEADER_DISTANCE_MM: f64 = 10.0;

/// Width of the left header column (issuing body, number). The right column takes the rest
/// (165 mm − 65 mm = 100 mm) and must hold the national title on one line at 12 pt bold.
pub const HEADER_LEFT_COLUMN_MM: f64 = 65.0;

/// Width of the recipients column at the foot; the signer block takes the rest (80 mm).
pub const FOOTER_LEFT_COLUMN_MM: f64 = 85.0;

/// Font sizes in points (FMT-2, FMT-4, FMT-10, FMT-11).
pub mod size {
    /// Body text: 13–14.
    pub const BODY: f64 = 14.0;
    /// Page number: 13–14, upright (FMT-3).
    pub const PAGE_NUMBER: f64 = 13.0;
    /// Parent and issuing body: 12–13, upper case.
    pub const ISSUER: f64 = 13.0;
    /// National title: 12–13, bold, upper case (FMT-4). 12 keeps it on one line in the 100 mm column.
    pub const NATIONAL_TITLE: f64 = 12.0;
    /// Motto: one size larger than the national title (FMT-4).
    pub const MOTTO: f64 = 13.0;
    /// Number and symbol: 13 (FMT-11).
    pub const NUMBER: f64 = 13.0;
    /// Place and date: 13–14, italic (FMT-9).
    pub const PLACE_DATE: f64 = 14.0;
    /// Type name and abstract: 13–14, bold (FMT-11).
    pub const TITLE: f64 = 14.0;
    /// "V/v …" abstract of a công văn under its number: 12–13.
    pub const CONG_VAN_ABSTRACT: f64 = 12.0;
    /// Signer's authority, position and name: 13–14, bold (FMT-10).
    pub const SIGNER: f64 = 14.0;
    /// "Nơi nhận:": 12, bold italic (FMT-11).
    pub const RECIPIENTS_LABEL: f64 = 12.0;
    /// Recipient entries: 11 (FMT-11).
    pub const RECIPIENTS: f64 = 11.0;
}

/// First-line indent of body paragraphs: 1–1.27 cm (FMT-11). 1.27 cm is Word's default tab.
pub const FIRST_LINE_INDENT_MM: f64 = 12.7;

/// Space after each body paragraph: at least 6 pt (FMT-11).
pub const PARAGRAPH_SPACING_PT: f64 = 6.0;

/// Line spacing as a multiple of single: single to 1.5 (FMT-11).
pub const LINE_SPACING: f64 = 1.15;

/// Room left for the handwritten signature and seal between position and name.
pub const SIGNATURE_SPACE_MM: f64 = 25.0;

/// The short rule under the issuing body and under the abstract is 1/3–1/2 of the text above
/// it (Annex I); 0.4 is in the middle of that range.
pub const SHORT_RULE_RATIO: f64 = 0.4;

/// Millimetres to twentieths of a point (the DOCX unit).
pub fn mm_to_twips(mm: f64) -> u32 {
    // 1 mm = 72 / 25.4 pt = 56.69… twips. Values here are small and positive, so the cast is exact
    // enough and cannot overflow.
    (mm * 1440.0 / 25.4).round() as u32
}

/// Points to half-points (the DOCX font size unit).
pub fn pt_to_half_points(pt: f64) -> u32 {
    (pt * 2.0).round() as u32
}

// The chosen values stay inside the decree's ranges: checked when the crate compiles.
const _: () = {
    assert!(MARGIN_TOP_MM >= 20.0 && MARGIN_TOP_MM <= 25.0);
    assert!(MARGIN_BOTTOM_MM >= 20.0 && MARGIN_BOTTOM_MM <= 25.0);
    assert!(MARGIN_LEFT_MM >= 30.0 && MARGIN_LEFT_MM <= 35.0);
    assert!(MARGIN_RIGHT_MM >= 15.0 && MARGIN_RIGHT_MM <= 20.0);
    assert!(FIRST_LINE_INDENT_MM >= 10.0 && FIRST_LINE_INDENT_MM <= 12.7);
    assert!(LINE_SPACING >= 1.0 && LINE_SPACING <= 1.5);
    assert!(PARAGRAPH_SPACING_PT >= 6.0);
    assert!(HEADER_DISTANCE_MM < MARGIN_TOP_MM);
    assert!(SHORT_RULE_RATIO >= 1.0 / 3.0 && SHORT_RULE_RATIO <= 0.5);
    assert!(size::BODY >= 13.0 && size::BODY <= 14.0);
    assert!(size::MOTTO == size::NATIONAL_TITLE + 1.0);
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a4_in_twips_is_what_word_writes() {
        assert_eq!(mm_to_twips(PAGE_WIDTH_MM), 11906);
        assert_eq!(mm_to_twips(PAGE_HEIGHT_MM), 16838);
    }
}
