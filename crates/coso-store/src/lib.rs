//! Storage for coso: one API, two backends.
//!
//! SQLite is the embedded default (one file, WAL, one writer connection); PostgreSQL serves
//! provinces and the country with several instances. Each backend has its own migrations
//! (`migrations/sqlite`, `migrations/postgres`). Queries are written once with `$N`
//! placeholders and portable SQL, and the `dispatch!` macro compiles each one for both
//! backends, so the business code never branches on the dialect.

mod agency;
mod aggregate;
mod announcements;
mod audit;
mod audit_search;
mod batch;
mod boards;
mod case_categories;
mod case_files;
mod case_inbox;
mod case_queries;
mod case_retention;
mod case_stats;
mod cases;
mod clearance_holders;
mod clearances;
mod codes;
mod commendations;
mod conferences;
mod connect;
mod consultations;
mod conventions;
mod decision_counts;
mod decision_votes;
mod decisions;
mod dialogues;
mod digest;
mod disclosures;
mod dispatch;
mod elections;
mod email_verifications;
mod error;
mod evidence;
mod group_commit;
mod household_links;
mod households;
mod inbox;
mod inspections;
mod jobs;
mod json;
mod kept;
mod library;
mod login_failures;
mod news;
mod notifications;
mod obligations;
mod outbox;
mod overdue;
mod password_resets;
mod plans;
mod public_cases;
mod reception;
mod reception_cases;
mod reminders;
mod rows;
mod sent_cases;
mod sessions;
pub mod sqlite_file;
mod steering;
mod submissions;
mod tasks;
mod templates;
mod trainings;
mod unit_remote;
mod units;
mod users;

pub use agency::{InternalRuleRow, ResolutionRow, RuleVersionRow, StaffConferenceRow, StaffRow};
pub use aggregate::AggregateRow;
pub use audit::{Actor, AuditEntry, AuditRecord};
pub use audit_search::{AuditFilter, AuditListed};
pub use boards::{
    BoardActivityRow, BoardPhotoMeta, BoardPlanRow, BoardReportRow, BoardRow, Escalation, FindingRow, MemberRow,
    NewActivity, NewBoard, NewFinding, NewMember, NewPhoto,
};
pub use case_categories::CaseCategoryRow;
pub use case_files::{CaseFileData, CaseFileMeta, NewCaseFile};
pub use case_inbox::{CaseHandler, CaseListFilter, HandlerFilter, StatusFilter};
pub use case_queries::CaseCounts;
pub use case_retention::{RETENTION_BATCH, RemovedPersonalData, RemovedVisitData};
pub use case_stats::CaseGroupRow;
pub use cases::{CaseActionRow, CaseEffects, CaseInsert, CaseRow, CaseSender, NewCase, NewCaseAction};
pub use clearance_holders::ClearanceHolder;
pub use clearances::ClearanceRow;
pub use commendations::{CommendationRow, ModelRow, NewCommendation, NewModel};
pub use conferences::ConferenceRow;
pub use connect::{Backend, Store};
pub use consultations::{AnswerRow, CommentRow, ConsultationRow, NewComment, PaperRow, SectionCount, SectionRow};
pub use conventions::{ConventionOpinionRow, ConventionRow, ConventionState, ConventionVersionRow, NewVersion};
pub use decision_votes::{BallotCounts, BallotPlanRow, BallotRow, OnlineCount, OnlineVoteRow, TallyEntryRow};
pub use decisions::{Attendance, DecisionHouseholdRow, DecisionListed, DecisionResult, DecisionRow, MeetingRecord};
pub use dialogues::{
    CommitmentCounts, CommitmentRow, DialogueRequestRow, DialogueRow, DialogueVillageRow, NewCommitment, NewQuestion,
    ProgressRow, QuestionRow, RequiredDialogueTask,
};
pub use digest::TableDigest;
pub use disclosures::{
    DisclosedRow, DisclosureFileMeta, DisclosureFilter, DisclosureItemRow, DisclosureRow, NewDisclosureFile,
    RegisterUnitRow, RelayRow, forms_of,
};
pub use elections::{BoardFromElection, DismissalRow, ElectionPersonRow, ElectionRow};
pub use email_verifications::NewResident;
pub use error::StoreError;
pub use evidence::{EvidenceFile, EvidenceMeta, EvidenceOwner, MAX_EVIDENCE_BYTES};
pub use household_links::{HouseholdLinkRow, LinkCandidate, LinkDecision};
pub use households::{HouseholdImportReport, HouseholdRow};
pub use inbox::{InboxItem, ReceivedItem};
pub use inspections::{
    CriterionRow, EvidenceOf, InspectionEvidenceMeta, InspectionMemberRow, InspectionRow, NewCriterion, NewInspection,
    NewInspectionMember, RemediationRow,
};
pub use library::{LibraryFile, LibraryFilter, LibraryRow};
pub use login_failures::{FailedSignIns, LoginFailures};
pub use news::{NewsFilter, NewsImage, NewsRow};
pub use notifications::{BatchReport, NewMail, NewNotification, NotificationBatch, NotificationRow};
pub use obligations::{NewObligation, ObligationRow, OccurrenceRow};
pub use outbox::{MAIL_LOCK, Mail, OutboxStats};
pub use overdue::{OverdueCommitmentRow, OverdueCountRow};
pub use plans::{NewPlan, PlanId, PlanRow, PlanSummary};
pub use public_cases::{
    CasePlace, IntakeFile, Open311Filter, Open311Row, PublishedFilter, PublishedRow, RatingSummary,
};
pub use reception::{HeldRow, ReceptionScheduleRow, ReceptionSessionRow, ReceptionVisitRow};
pub use reception_cases::VisitCaseRow;
pub use reminders::{DueItem, Recipient};
pub use rows::{MAX_LIMIT, Page};
pub use sessions::SessionRow;
pub use steering::{AreaRow, CommitteeRow, FollowedArea, NewSteeringMember, OverdueTaskRow, SteeringMemberRow};
pub use submissions::{NewSubmission, SubmissionRow, VersionRow};
pub use tasks::{NewTask, TaskNoteRow, TaskRow};
pub use templates::ReportTemplateRow;
pub use trainings::TrainingRow;
pub use units::{LoadReport, Succession, UnitRow, UnitSearch};
pub use users::{GrantRow, NewUser, UserRow};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The log filter a server starts with: information, without a line for every SQL statement
/// from the database driver.
pub const DEFAULT_LOG_FILTER: &str = "info,sqlx=warn";
