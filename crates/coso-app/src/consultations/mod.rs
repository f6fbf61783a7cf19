//! Consultation on drafts (*lấy ý kiến*): an official opens a consultation on a draft read from
//! DOCX or Markdown and reviewed section by section; residents of the audience comment and
//! support comments; village heads bring counts from paper or meetings; the official moderates,
//! closes and answers; the report on how opinions were taken into account is a `Document`.

mod access;
pub mod manage;
pub mod opinions;
pub mod report;
pub mod results;
pub mod view;

pub use access::{audience_village, consultation_of_unit, unit_of, villages_asked};
pub use manage::{answer, close, create_draft, create_open, hide_comment, open, review_sections};
pub use opinions::{CommentPlace, comment, paper_context, record_paper, support};
pub use report::report_document;
pub use view::{
    CommentView, ManageView, PUBLIC_COMMENTS_PER_SECTION, PublicDraft, PublicView, SectionView, asking_village,
    list_for_unit, manage_view, public_draft, public_view, public_view_for,
};
