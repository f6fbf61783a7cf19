//! Reports (báo cáo): templates with indicators, narrative sections and self-assessment
//! criteria; checking a submitted report; ranks; and totals up the unit tree.

pub mod agency_template;
pub mod case_sources;
pub mod check;
pub mod content;
pub mod default_template;
pub mod number;
pub mod rank;
pub mod status;
pub mod template;
pub mod totals;

pub use case_sources::{CaseFigure, case_source, period_dates};
pub use check::{Check, Comparison};
pub use content::{CriterionScore, ReportContent, ReportInput, ScoreInput, Validated, validate};
pub use rank::rank_for;
pub use status::{Refusal, Sending, SubmissionStatus, Verdict};
pub use template::{Criterion, Indicator, NarrativeSection, RankBand, Template};
pub use totals::{RankDistribution, TimingCounts, Totals, on_time_rate, rank_distribution};
