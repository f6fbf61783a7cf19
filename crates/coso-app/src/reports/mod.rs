//! Reports: sending and reviewing, the inbox with working days left, the report form, one
//! submission, and the aggregate views with their exports and charts.

pub mod aggregate;
pub mod charts;
mod convention_prefill;
mod decision_prefill;
mod dialogue_prefill;
pub mod exports;
mod form;
pub mod inbox;
mod inspection_prefill;
mod overview;
mod prefill;
mod submission;
mod submit;
mod training_prefill;
mod views;

pub use convention_prefill::convention_indicators;
pub use decision_prefill::decision_indicators;
pub use dialogue_prefill::dialogue_indicators;
pub use form::{ReportForm, report_form};
pub use inbox::{InboxEntry, inbox};
pub use inspection_prefill::inspection_indicators;
pub use overview::{InboxOverview, NOTIFICATIONS_SHOWN, overview};
pub use prefill::case_indicators;
pub use submission::{SubmissionDetail, SubmissionView, detail, view as submission_view};
pub use submit::{Sent, review, reviewable, send, send_report_on, sendable};
pub use training_prefill::training_indicators;
pub use views::{PlanView, first_report_period, period_views, report_periods, view};
