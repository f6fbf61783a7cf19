//! The printed sheets of a household ballot (*phiếu lấy ý kiến hộ gia đình*): one A4 page per
//! household with the ballot's short code, the question and the choices to tick, all the
//! households of a village or a whole commune in ONE PDF; and the distribution list that pairs
//! each code with its household for handing out and collecting.
//!
//! A sheet carries its code and its number in the batch, never the household: the list, kept
//! by the village's team, is what ties a code to a household, so a sheet found or counted
//! shows its code and the choice ticked on it, nothing more.

#[cfg(feature = "pdf")]
mod pdf;

/// One household's sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotSheet {
    /// The short code as printed, `XXXX-XXXX-C`.
    pub code: String,
    /// The village or residential group the household belongs to.
    pub village: String,
    /// The household as the distribution list names it (`Nguyễn Văn An — HH-001`).
    pub household: String,
    /// Where it lives, for the one handing the sheet out.
    pub address: String,
}

/// The ballots of one community decision.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BallotBatch {
    /// Who asks: the commune or the village (`ỦY BAN NHÂN DÂN XÃ TÂN LẬP`, `THÔN ĐÔNG`).
    pub issuer: String,
    /// The decision's title, printed under the form's name.
    pub title: String,
    /// The question (the plan's content).
    pub question: String,
    /// The choices, one box each.
    pub choices: Vec<String>,
    /// By when the sheet comes back, as printed (`Hạn nộp phiếu: 08/03/2024`).
    pub deadline_line: String,
    pub sheets: Vec<BallotSheet>,
}

/// The form's name, printed on every sheet and on the list.
pub const SHEET_TITLE: &str = "PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH";
/// The distribution list's name.
pub const LIST_TITLE: &str = "DANH SÁCH PHÁT PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH";

/// The sheets of `batch`, one page each, as one PDF.
#[cfg(feature = "pdf")]
pub fn render_ballots_pdf(batch: &BallotBatch) -> Result<Vec<u8>, crate::RenderError> {
    pdf::write(batch, pdf::Mode::Sheets)
}

/// The distribution list of `batch` (number, code, household, address, signature on receipt
/// and on return) as a PDF.
#[cfg(feature = "pdf")]
pub fn render_distribution_pdf(batch: &BallotBatch) -> Result<Vec<u8>, crate::RenderError> {
    pdf::write(batch, pdf::Mode::List)
}
