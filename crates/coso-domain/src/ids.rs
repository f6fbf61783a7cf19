//! Typed identifiers, so that a unit id is never passed where a user id is expected.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(/// An administrative unit, village, agency or department.
    UnitId);
id_type!(/// A household in a village register.
    HouseholdId);
id_type!(/// An account.
    UserId);
id_type!(/// A plan (kế hoạch).
    PlanId);
id_type!(/// A task of a plan.
    TaskId);
id_type!(/// What a plan asks of its targets: an implementing plan or a report.
    ObligationId);
id_type!(/// One occurrence of an obligation (the 6-month report of 2026).
    OccurrenceId);
id_type!(/// What a target unit sent for an occurrence, with all its versions.
    SubmissionId);
id_type!(/// A report template.
    TemplateId);
id_type!(/// An evidence file attached to a task.
    EvidenceId);
id_type!(/// A citizen case: a petition, complaint, denunciation or information.
    CaseId);
id_type!(/// A disclosure of the register (công khai).
    DisclosureId);
