//! Consultation on drafts (*lấy ý kiến*, Law 10/2022 Art. 25–26; village conventions, Decree
//! 61/2023 Art. 9): the consultation and its audience, the sections of the draft, residents'
//! comments and supports, the counts village heads bring from paper or meetings, moderation and
//! the answers given at the close.

mod codes;
pub mod draft;
pub mod opinions;

pub use codes::{AnswerKind, Audience, CollectionMethod, ConsultationStatus, DraftKind};
pub use draft::{ConsultationData, ConsultationInput, DraftSection, parse_sections, sections_of};
pub use opinions::{
    AnswerData, AnswerInput, CommentInput, HideInput, PaperData, PaperInput, comment_body, hide_reason, initials,
    may_comment,
};
