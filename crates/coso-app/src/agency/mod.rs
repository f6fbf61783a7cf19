//! Democracy inside agencies (Law 10/2022 Chapter IV, legal-rules §1.7), for units of kind
//! `agency`: the accounts of its staff (the `resident` role granted on the agency), the yearly
//! staff conference judged against AG-3 and AG-4 with its minutes as a `Document`, the register
//! of internal rules with their versions, and the agency's disclosures to its staff (the
//! disclosure register's agency level, read by its staff and officials only).

mod access;
pub mod conference;
pub mod minutes;
pub mod rules;
pub mod staff;

pub use access::{agency, is_staff, may_read};
pub use conference::{StaffConferenceDeadline, StaffConferenceView};
pub use rules::{RuleVersionView, RuleView};
