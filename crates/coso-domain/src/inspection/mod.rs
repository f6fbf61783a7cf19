//! Inspections of how units carry out the regulations on grassroots democracy (*kiểm tra việc
//! thực hiện quy chế dân chủ ở cơ sở*): a unit plans an inspection of a unit below it, scheduled
//! or surprise, or inspects itself; a team carries it out against a checklist built from a
//! report template's criteria, with a finding per criterion; the conclusion (*kết luận kiểm
//! tra*) orders remediation tasks, each led by a unit with a deadline, followed until done.
//!
//! The states move planned → in progress → concluded → closed ([`InspectionStatus`]), each move
//! checked here with its Vietnamese refusal.

pub mod checklist;
mod codes;
pub mod plan;
pub mod remediation;

pub use checklist::{ChecklistItem, ConclusionData, ConclusionInput, FindingData, FindingInput, checklist};
pub use codes::{InspectionKind, InspectionStatus, RemediationStatus, TeamRole, Verdict};
pub use plan::{InspectionData, InspectionInput, TeamMember, TeamMemberInput};
pub use remediation::{DoneData, DoneInput, REMEDIATION_RULE, RemediationData, RemediationInput, RemediationState};

use crate::FieldError;

/// Whether a report's indicator is filled from the inspections held: its `source` says
/// `inspections`, or — in templates stored without a source — it is the indicator `inspections`.
pub fn counts_inspections(indicator: &crate::report::Indicator) -> bool {
    match indicator.source.as_deref() {
        Some(source) => source == "inspections",
        None => indicator.code == "inspections",
    }
}

impl InspectionStatus {
    /// Whether findings may still be recorded: before the conclusion.
    pub fn takes_findings(self) -> Result<(), FieldError> {
        match self {
            InspectionStatus::Planned | InspectionStatus::InProgress => Ok(()),
            other => Err(FieldError::new("status", format!("Cuộc kiểm tra đã ở trạng thái «{}».", other.label()))),
        }
    }

    /// The move to concluded: only an inspection under way whose every criterion was assessed.
    pub fn conclude(self, unassessed: usize) -> Result<InspectionStatus, FieldError> {
        match self {
            InspectionStatus::InProgress if unassessed == 0 => Ok(InspectionStatus::Concluded),
            InspectionStatus::InProgress => Err(FieldError::new(
                "conclusion",
                format!("Còn {unassessed} tiêu chí chưa đánh giá, chưa thể kết luận."),
            )),
            InspectionStatus::Planned => {
                Err(FieldError::new("conclusion", "Cuộc kiểm tra chưa có đánh giá nào, chưa thể kết luận."))
            }
            other => Err(FieldError::new("status", format!("Cuộc kiểm tra đã ở trạng thái «{}».", other.label()))),
        }
    }

    /// Whether remediation tasks may be set and followed: after the conclusion, before closing.
    pub fn follows_remediation(self) -> Result<(), FieldError> {
        match self {
            InspectionStatus::Concluded => Ok(()),
            InspectionStatus::Closed => Err(FieldError::new("status", "Cuộc kiểm tra đã kết thúc.")),
            _ => Err(FieldError::new("status", "Cuộc kiểm tra chưa có kết luận.")),
        }
    }

    /// The move to closed: a concluded inspection whose remediation tasks are all done.
    pub fn close(self, open_tasks: usize) -> Result<InspectionStatus, FieldError> {
        self.follows_remediation()?;
        if open_tasks > 0 {
            return Err(FieldError::new(
                "status",
                format!("Còn {open_tasks} nhiệm vụ khắc phục chưa hoàn thành, chưa thể kết thúc cuộc kiểm tra."),
            ));
        }
        Ok(InspectionStatus::Closed)
    }

    /// Whether the result may be published: once concluded.
    pub fn publishable(self) -> Result<(), FieldError> {
        match self {
            InspectionStatus::Concluded | InspectionStatus::Closed => Ok(()),
            _ => Err(FieldError::new("status", "Cuộc kiểm tra chưa có kết luận để công khai.")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_template_counts_inspections() {
        let t = crate::report::Template::default_grassroots();
        let codes: Vec<&str> = t.indicators.iter().filter(|i| counts_inspections(i)).map(|i| i.code.as_str()).collect();
        assert_eq!(codes, ["inspections"]);
    }

    #[test]
    fn planned_then_under_way_then_concluded_then_closed() {
        use InspectionStatus::*;
        assert!(Planned.takes_findings().is_ok());
        assert!(Planned.conclude(0).is_err());
        assert_eq!(InProgress.conclude(2).map_err(|e| e.field), Err("conclusion"));
        assert_eq!(InProgress.conclude(0), Ok(Concluded));
        assert!(Concluded.takes_findings().is_err());
        assert!(InProgress.follows_remediation().is_err());
        assert!(Concluded.follows_remediation().is_ok());
        assert!(Concluded.close(1).is_err());
        assert_eq!(Concluded.close(0), Ok(Closed));
        assert!(Closed.close(0).is_err());
        assert!(InProgress.publishable().is_err());
        assert!(Closed.publishable().is_ok());
    }
}
