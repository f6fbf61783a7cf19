//! Democracy inside state agencies and public units (*dân chủ trong cơ quan, đơn vị*, Law
//! 10/2022 Chapter IV, legal-rules §1.7): the yearly staff conference (AG-3, AG-4) and the
//! register of internal rules with their versions. The 12 items an agency discloses to its
//! staff (AG-2) are the disclosure catalogue's agency level
//! (`disclosure::catalogue::Catalogue::items_of(Level::Agency)`), kept in its register.

pub mod conference;
pub mod rules;

pub use conference::{
    DEADLINE_RULE, DUE_RULE, ResolutionInput, ResolutionOutcome, StaffConferenceData, StaffConferenceInput,
    StaffConferenceOutcome, judge, quorum, work_year_end,
};
pub use rules::{InternalRuleData, InternalRuleInput, RuleKind};
