//! The codes of every coded field of the API as enums of the document, read from the domain's
//! enums (their `ALL` and stored code), so that the document lists exactly what is stored and a
//! new variant appears in it without anyone writing it twice. Wire types carry codes as text, so
//! their derived schemas are plain strings until this fills them in.

use coso_calendar::{Bound, Direction, HolidayKind, Status, Unit, VariantKey};
use coso_domain::notification::NotificationKind;
use coso_domain::plan::{ObligationKind, PlanIssuer, ReportPeriod, TaskStatus, Timing};
use coso_domain::report::SubmissionStatus;
use coso_domain::{
    agency, board, case, consultation, convention, decision, dialogue, dissemination, election, inspection, reception,
    steering,
};
use serde_json::Value;
use utoipa::openapi::schema::{Schema, SchemaType, Type};
use utoipa::openapi::{OpenApi, RefOr};

/// The stored codes of a domain enum.
macro_rules! codes {
    ($t:ty) => {
        (|| <$t>::ALL.into_iter().map(<$t>::as_str).map(Value::from).collect()) as Codes
    };
}

/// The codes of an enum of the calendar, as the enum itself writes them (the wire types carry
/// those enums as they are).
macro_rules! written {
    ($t:ty) => {
        (|| <$t>::ALL.into_iter().filter_map(|v| serde_json::to_value(v).ok()).collect()) as Codes
    };
}

/// The codes of one field.
type Codes = fn() -> Vec<Value>;

/// `(schema, property, codes)` of every coded field of the components.
fn coded_properties() -> Vec<(&'static str, &'static str, Codes)> {
    vec![
        ("Answer", "kind", codes!(consultation::AnswerKind)),
        ("ConsultationAnswerCreate", "kind", codes!(consultation::AnswerKind)),
        ("Board", "kind", codes!(board::BoardKind)),
        ("Board", "status", codes!(board::BoardStatus)),
        ("BoardCreate", "kind", codes!(board::BoardKind)),
        ("Member", "role", codes!(board::MemberRole)),
        ("MemberCreate", "role", codes!(board::MemberRole)),
        ("Finding", "status", codes!(board::FindingStatus)),
        ("Inspection", "kind", codes!(inspection::InspectionKind)),
        ("Inspection", "status", codes!(inspection::InspectionStatus)),
        ("InspectionCreate", "kind", codes!(inspection::InspectionKind)),
        ("InspectionFindingCreate", "verdict", codes!(inspection::Verdict)),
        ("Criterion", "verdict", codes!(inspection::Verdict)),
        ("Remediation", "status", codes!(inspection::RemediationStatus)),
        ("TeamMember", "role", codes!(inspection::TeamRole)),
        ("TeamMemberCreate", "role", codes!(inspection::TeamRole)),
        ("CaseBody", "kind", codes!(case::CaseKind)),
        ("CaseBody", "status", codes!(case::CaseStatus)),
        ("CaseBody", "channel", codes!(case::Channel)),
        ("CaseBody", "complexity", codes!(case::Complexity)),
        ("CaseCreate", "kind", codes!(case::CaseKind)),
        ("CaseCreate", "channel", codes!(case::Channel)),
        ("CaseInboxRow", "kind", codes!(case::CaseKind)),
        ("CaseInboxRow", "status", codes!(case::CaseStatus)),
        ("CaseKindStats", "kind", codes!(case::CaseKind)),
        ("TimelineBody", "action", codes!(case::CaseActionKind)),
        ("StatusBody", "status", codes!(consultation::ConsultationStatus)),
        ("Consultation", "kind", codes!(consultation::DraftKind)),
        ("Consultation", "status", codes!(consultation::ConsultationStatus)),
        ("ConsultationCreate", "kind", codes!(consultation::DraftKind)),
        ("Convention", "kind", codes!(convention::ConventionKind)),
        ("Convention", "status", codes!(convention::ConventionStatus)),
        ("Convention", "form", codes!(convention::AdoptionForm)),
        ("Convention", "outcome", codes!(convention::Outcome)),
        ("ConventionCreate", "kind", codes!(convention::ConventionKind)),
        ("AdoptionCreate", "form", codes!(convention::AdoptionForm)),
        ("DecisionBody", "form", codes!(decision::DecisionForm)),
        ("DecisionBody", "status", codes!(decision::DecisionStatus)),
        ("DecisionBody", "outcome", codes!(decision::Outcome)),
        ("DecisionBody", "matter", matters),
        ("DecisionCreate", "form", codes!(decision::DecisionForm)),
        ("DecisionCreate", "matter", matters),
        ("TallyBody", "method", codes!(decision::VotingMethod)),
        ("Closed", "outcome", codes!(decision::Outcome)),
        ("Dialogue", "status", codes!(dialogue::DialogueStatus)),
        ("Commitment", "status", codes!(dialogue::CommitmentStatus)),
        ("Progress", "status", codes!(dialogue::CommitmentStatus)),
        ("ProgressCreate", "status", codes!(dialogue::CommitmentStatus)),
        ("TaskUpdate", "status", codes!(TaskStatus)),
        ("Submission", "status", codes!(SubmissionStatus)),
        ("FollowedObligation", "status", codes!(SubmissionStatus)),
        ("Plan", "issuer", codes!(PlanIssuer)),
        ("PlanTask", "status", codes!(TaskStatus)),
        ("PlanObligation", "kind", codes!(ObligationKind)),
        ("PlanObligation", "period", codes!(ReportPeriod)),
        ("PlanDraft", "issuer", codes!(PlanIssuer)),
        ("ObligationDraft", "kind", codes!(ObligationKind)),
        ("ObligationDraft", "period", codes!(ReportPeriod)),
        ("AggregateRow", "status", aggregate_row_statuses),
        ("DueReport", "kind", codes!(ObligationKind)),
        ("DueReport", "period", codes!(ReportPeriod)),
        ("DueReport", "submission_status", codes!(SubmissionStatus)),
        ("SubmissionVersion", "review", codes!(SubmissionStatus)),
        ("Notification", "kind", codes!(NotificationKind)),
        ("CommendationCreate", "form", codes!(steering::CommendationForm)),
        ("CommendationOut", "form", codes!(steering::CommendationForm)),
        ("ModelCreate", "status", codes!(steering::ModelStatus)),
        ("ModelOut", "status", codes!(steering::ModelStatus)),
        ("Election", "status", codes!(election::ElectionStatus)),
        ("Election", "kind", codes!(election::ElectionKind)),
        ("ElectionListed", "kind", codes!(election::ElectionKind)),
        ("ElectionCreate", "kind", codes!(election::ElectionKind)),
        ("ElectionListed", "status", codes!(election::ElectionStatus)),
        ("InternalRule", "kind", codes!(agency::RuleKind)),
        ("InternalRuleCreate", "kind", codes!(agency::RuleKind)),
        ("Election", "outcome", codes!(election::Outcome)),
        ("ElectionDeadline", "state", codes!(election::StepState)),
        ("ConferenceCheck", "state", codes!(election::StepState)),
        ("StepCreate", "step", codes!(election::Step)),
        ("LibraryItem", "kind", codes!(dissemination::LibraryKind)),
        ("TrainingCreate", "form", codes!(dissemination::TrainingForm)),
        ("TrainingItem", "form", codes!(dissemination::TrainingForm)),
        ("ComingSession", "part_of_day", codes!(reception::PartOfDay)),
        ("ComingSession", "receiver", codes!(reception::Receiver)),
        ("RegularDay", "part_of_day", codes!(reception::PartOfDay)),
        ("RegularDay", "receiver", codes!(reception::Receiver)),
        ("Session", "kind", codes!(reception::SessionKind)),
        ("Session", "receiver", codes!(reception::Receiver)),
        ("SessionCreate", "kind", codes!(reception::SessionKind)),
        ("SessionCreate", "receiver", codes!(reception::Receiver)),
        ("Visit", "outcome", codes!(reception::Outcome)),
        ("Visit", "refusal_ground", codes!(reception::RefusalGround)),
        ("VisitCreate", "outcome", codes!(reception::Outcome)),
        ("VisitCreate", "refusal_ground", codes!(reception::RefusalGround)),
        ("VillageRelay", "method", codes!(coso_domain::disclosure::RelayMethod)),
        ("DisclosureFile", "kind", disclosure_file_kinds),
        ("Unit", "kind", codes!(coso_domain::unit::UnitKind)),
        ("UnitCreate", "kind", codes!(coso_domain::unit::UnitKind)),
        ("RoleOnUnit", "role", codes!(coso_domain::authz::Role)),
        ("UserInput", "role", codes!(coso_domain::authz::Role)),
        ("HolidayYear", "status", written!(Status)),
        ("DayOff", "kind", written!(HolidayKind)),
        ("Announcement", "status", written!(Status)),
        ("DaysOffRange", "kind", written!(HolidayKind)),
        ("LegalRule", "unit", written!(Unit)),
        ("LegalRule", "direction", written!(Direction)),
        ("LegalRule", "bound", written!(Bound)),
        ("LegalRule", "status", written!(Status)),
        ("RuleVariant", "when", written!(VariantKey)),
        ("DeadlineOut", "unit", written!(Unit)),
        ("DeadlineOut", "direction", written!(Direction)),
        ("DeadlineOut", "bound", written!(Bound)),
        ("DeadlineOut", "status", written!(Status)),
        ("DeadlineExplanation", "unit", written!(Unit)),
        ("DeadlineExplanation", "direction", written!(Direction)),
        ("DeadlineExplanation", "bound", written!(Bound)),
        ("DeadlineExplanation", "status", written!(Status)),
    ]
}

/// `(path, query parameter, codes)` of the coded filters.
fn coded_parameters() -> Vec<(&'static str, &'static str, Codes)> {
    vec![
        ("/api/v1/cases", "status", codes!(case::CaseStatus)),
        ("/api/v1/cases", "kind", codes!(case::CaseKind)),
        ("/api/v1/units", "kind", codes!(coso_domain::unit::UnitKind)),
        ("/api/v1/units/{code}/library", "kind", codes!(dissemination::LibraryKind)),
    ]
}

/// The six matters the community decides, by their number in the law.
fn matters() -> Vec<Value> {
    decision::Matter::ALL.into_iter().map(|m| Value::from(m.number())).collect()
}

/// A row of the aggregate view is a unit's timing, or `group` for the sum of several units
/// (`coso_app::reports::aggregate`).
fn aggregate_row_statuses() -> Vec<Value> {
    let timings = [Timing::OnTime, Timing::Late { days: 0 }, Timing::Missing { overdue_days: None }, Timing::Pending];
    timings.into_iter().map(|t| Value::from(t.as_str())).chain([Value::from("group")]).collect()
}

/// A disclosure's file is an attachment or a photo (`coso_app::disclosures::files` writes them).
fn disclosure_file_kinds() -> Vec<Value> {
    vec![Value::from("attachment"), Value::from("photo")]
}

/// Fills in the enums of the coded fields and filters.
pub struct CodedFields;

impl utoipa::Modify for CodedFields {
    fn modify(&self, doc: &mut OpenApi) {
        if let Some(components) = doc.components.as_mut() {
            for (schema, property, codes) in coded_properties() {
                let Some(RefOr::T(Schema::Object(object))) = components.schemas.get_mut(schema) else { continue };
                if let Some(RefOr::T(Schema::Object(field))) = object.properties.get_mut(property) {
                    field.enum_values = Some(with_null_if_optional(&field.schema_type, codes()));
                }
            }
        }
        for (path, name, codes) in coded_parameters() {
            let Some(item) = doc.paths.paths.get_mut(path) else { continue };
            let Some(get) = item.get.as_mut() else { continue };
            for parameter in get.parameters.iter_mut().flatten() {
                if let RefOr::T(parameter) = parameter
                    && parameter.name == name
                    && let Some(RefOr::T(Schema::Object(field))) = parameter.schema.as_mut()
                {
                    field.enum_values = Some(with_null_if_optional(&field.schema_type, codes()));
                }
            }
        }
    }
}

/// An optional field's enum admits its `null`.
fn with_null_if_optional(types: &SchemaType, mut codes: Vec<Value>) -> Vec<Value> {
    if matches!(types, SchemaType::Array(t) if t.contains(&Type::Null)) {
        codes.push(Value::Null);
    }
    codes
}

#[cfg(test)]
mod tests {
    use utoipa::OpenApi as _;

    use super::*;

    /// A row naming a schema or a property the document does not have would fill in nothing.
    #[test]
    fn every_row_names_a_field_of_the_document() {
        let doc = crate::system::openapi::ApiDoc::openapi();
        let schemas = doc.components.map(|c| c.schemas).unwrap_or_default();
        let missing: Vec<String> = coded_properties()
            .into_iter()
            .filter(|(schema, property, _)| {
                !matches!(schemas.get(*schema), Some(RefOr::T(Schema::Object(o))) if o.properties.contains_key(*property))
            })
            .map(|(schema, property, _)| format!("{schema}.{property}"))
            .collect();
        assert!(missing.is_empty(), "rows naming no field of the document: {missing:?}");
    }
}
