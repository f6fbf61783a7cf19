//! Village conventions (*hương ước, quy ước*, Decree 61/2023): the village head or an official
//! of the village or above proposes one, drafts it version by version, posts it for at least
//! 30 days, records the opinions and the vote that adopts it, and sends the dossier; the
//! commune recognises it (then its text is in force, on the village's public page) or returns
//! it; it is reviewed every year. Each step is checked by `coso_domain::convention`, written in
//! one transaction with its audit row, and timed by the legal calendar.

mod access;
pub mod deadlines;
pub mod dossier;
pub mod manage;
pub mod view;

pub use access::{convention_of_unit, may_manage, unit_of};
pub use deadlines::{DeadlineView, schedule};
pub use dossier::dossier_document;
pub use manage::{
    edit, post, propose, recognise, record_opinions, record_vote, record_vote_from_decision, return_dossier, review,
    submit,
};
pub use view::{
    ConventionView, InForce, PostedDraft, PublicConvention, VersionDiff, diff, list_for_unit, public_for_unit, view,
    vote_of, voted_by,
};
