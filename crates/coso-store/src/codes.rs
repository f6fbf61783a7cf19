//! Stored codes (`unit.kind`, `role_grant.role`, `submission.status`, `obligation_occurrence.period_key`…)
//! decoded into the domain's types at the store's edge. A code the domain does not know is
//! bad stored data: it is logged and the read fails with an error naming the column and the
//! value, never replaced by a default.
//!
//! Rows name the wrapper in their `FromRow` derive, e.g. `#[sqlx(try_from = "Code<UnitKind>")]`,
//! or `OptCode` for a nullable column.

use coso_domain::authz::Role;
use coso_domain::case::{CaseActionKind, CaseKind, CaseStatus, Channel, Complexity};
use coso_domain::consultation::{AnswerKind, Audience, CollectionMethod, ConsultationStatus, DraftKind};
use coso_domain::decision::{Comparison, DecisionForm, DecisionStatus, Outcome as DecisionOutcome, VotingMethod};
use coso_domain::dialogue::{CommitmentStatus, DialogueStatus};
use coso_domain::disclosure::{Form, Level, RelayMethod};
use coso_domain::dissemination::{LibraryKind, NewsStatus, TrainingForm};
use coso_domain::election::{ElectionKind, ElectionStatus, PersonRole};
use coso_domain::household_link::LinkStatus;
use coso_domain::notification::NotificationKind;
use coso_domain::plan::{ObligationKind, PeriodKey, ReportPeriod, TaskStatus};
use coso_domain::reception::{Outcome, PartOfDay, Receiver, RefusalGround, ScheduleKind, SessionKind};
use coso_domain::report::SubmissionStatus;
use coso_domain::unit::{SuccessionKind, UnitKind};
use sqlx::error::BoxDynError;
use sqlx::{Database, Decode, Type, ValueRef};

/// A domain value stored as a text code in one column.
pub(crate) trait StoredCode: Sized {
    /// `table.column`, for the error and the log.
    const COLUMN: &'static str;
    fn from_code(code: &str) -> Option<Self>;
}

/// A non-null stored code, decoded.
pub(crate) struct Code<T>(T);

/// A nullable stored code, decoded; NULL is `None`.
pub(crate) struct OptCode<T>(Option<T>);

/// The error of an unknown code, logged once here.
pub(crate) fn unknown<T: StoredCode>(code: &str) -> String {
    tracing::error!(column = T::COLUMN, value = code, "unknown code in the database");
    format!("{}: unknown stored value «{code}»", T::COLUMN)
}

/// Decodes a code read as text (for rows read column by column).
pub(crate) fn decode<T: StoredCode>(code: &str) -> crate::Result<T> {
    T::from_code(code).ok_or_else(|| crate::StoreError::Database(sqlx::Error::Decode(unknown::<T>(code).into())))
}

impl<'r, DB: Database, T: StoredCode> Decode<'r, DB> for Code<T>
where
    &'r str: Decode<'r, DB>,
{
    fn decode(value: <DB as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
        let code = <&str as Decode<DB>>::decode(value)?;
        T::from_code(code).map(Code).ok_or_else(|| unknown::<T>(code).into())
    }
}

impl<DB: Database, T> Type<DB> for Code<T>
where
    String: Type<DB>,
{
    fn type_info() -> DB::TypeInfo {
        <String as Type<DB>>::type_info()
    }

    fn compatible(ty: &DB::TypeInfo) -> bool {
        <String as Type<DB>>::compatible(ty)
    }
}

impl<'r, DB: Database, T: StoredCode> Decode<'r, DB> for OptCode<T>
where
    &'r str: Decode<'r, DB>,
{
    fn decode(value: <DB as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
        if value.is_null() {
            return Ok(OptCode(None));
        }
        <Code<T> as Decode<DB>>::decode(value).map(|Code(v)| OptCode(Some(v)))
    }
}

impl<DB: Database, T> Type<DB> for OptCode<T>
where
    String: Type<DB>,
{
    fn type_info() -> DB::TypeInfo {
        <String as Type<DB>>::type_info()
    }

    fn compatible(ty: &DB::TypeInfo) -> bool {
        <String as Type<DB>>::compatible(ty)
    }
}

/// Ties a domain type to its column and lets rows name `Code<T>` / `OptCode<T>` in `try_from`.
macro_rules! stored_code {
    ($ty:ty, $column:literal) => {
        impl StoredCode for $ty {
            const COLUMN: &'static str = $column;
            fn from_code(code: &str) -> Option<Self> {
                code.parse().ok()
            }
        }

        impl From<Code<$ty>> for $ty {
            fn from(c: Code<$ty>) -> $ty {
                c.0
            }
        }

        impl From<OptCode<$ty>> for Option<$ty> {
            fn from(c: OptCode<$ty>) -> Option<$ty> {
                c.0
            }
        }
    };
}

stored_code!(UnitKind, "unit.kind");
stored_code!(coso_domain::agency::RuleKind, "internal_rule.kind");
stored_code!(coso_domain::board::BoardKind, "board.kind");
stored_code!(coso_domain::board::BoardStatus, "board.status");
stored_code!(coso_domain::board::ReportCadence, "board.reports");
stored_code!(coso_domain::board::MemberRole, "board_member.role");
stored_code!(coso_domain::board::MemberSource, "board_member.source");
stored_code!(coso_domain::board::ActivityKind, "board_activity.kind");
stored_code!(coso_domain::board::FindingStatus, "board_finding.status");
stored_code!(coso_domain::inspection::InspectionKind, "inspection.kind");
stored_code!(coso_domain::inspection::InspectionStatus, "inspection.status");
stored_code!(coso_domain::inspection::Verdict, "inspection_criterion.verdict");
stored_code!(coso_domain::inspection::RemediationStatus, "inspection_remediation.status");
stored_code!(coso_domain::inspection::TeamRole, "inspection_member.role");
stored_code!(NewsStatus, "news_post.status");
stored_code!(LibraryKind, "library_document.kind");
stored_code!(TrainingForm, "training_event.form");
stored_code!(SuccessionKind, "unit_succession.kind");
stored_code!(Role, "role_grant.role");
stored_code!(TaskStatus, "plan_task.status");
stored_code!(coso_domain::plan::PlanIssuer, "plan.issuing_body");
stored_code!(coso_domain::steering::CommendationForm, "commendation.form");
stored_code!(coso_domain::steering::ModelStatus, "model_practice.status");
stored_code!(ObligationKind, "obligation.kind");
stored_code!(ReportPeriod, "obligation.period");
stored_code!(PeriodKey, "obligation_occurrence.period_key");
stored_code!(SubmissionStatus, "submission.status");
stored_code!(NotificationKind, "notification.kind");
stored_code!(Receiver, "reception_session.receiver_kind");
stored_code!(PartOfDay, "reception_schedule.part_of_day");
stored_code!(ScheduleKind, "reception_schedule.kind");
stored_code!(SessionKind, "reception_session.kind");
stored_code!(Outcome, "reception_visit.outcome");
stored_code!(RefusalGround, "reception_visit.refusal_ground");
stored_code!(LinkStatus, "household_link.status");
stored_code!(CaseKind, "citizen_case.kind");
stored_code!(CaseStatus, "citizen_case.status");
stored_code!(Channel, "citizen_case.channel");
stored_code!(Complexity, "citizen_case.complexity");
stored_code!(CaseActionKind, "case_action.action");
stored_code!(Audience, "consultation.audience");
stored_code!(DraftKind, "consultation.kind");
stored_code!(ConsultationStatus, "consultation.status");
stored_code!(DialogueStatus, "dialogue.status");
stored_code!(CommitmentStatus, "dialogue_commitment.status");
stored_code!(AnswerKind, "consultation_answer.kind");
stored_code!(CollectionMethod, "consultation_paper.method");
stored_code!(ElectionStatus, "village_election.status");
stored_code!(PersonRole, "village_election_person.role");
stored_code!(ElectionKind, "village_election.kind");
stored_code!(DecisionForm, "decision.form");
stored_code!(DecisionStatus, "decision.status");
stored_code!(Comparison, "decision.comparison");
stored_code!(DecisionOutcome, "decision.outcome");
stored_code!(VotingMethod, "decision.voting_method");
stored_code!(Level, "disclosure_item.level");
stored_code!(RelayMethod, "disclosure_relay.method");
stored_code!(Form, "disclosure.forms");
stored_code!(coso_domain::convention::ConventionKind, "convention.kind");
stored_code!(coso_domain::convention::ConventionStatus, "convention.status");
stored_code!(coso_domain::convention::AdoptionForm, "convention.vote_form");
stored_code!(coso_domain::convention::Outcome, "convention.outcome");
