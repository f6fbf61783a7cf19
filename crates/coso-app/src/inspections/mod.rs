//! Inspections of how units carry out grassroots democracy (*kiểm tra việc thực hiện QCDC*): a
//! unit's officials plan an inspection of a unit below it, scheduled or surprise, or of the unit
//! itself, with a team and a checklist built from a report template's criteria; they record a
//! finding per criterion with evidence, conclude (*kết luận kiểm tra*, a `Document` for DOCX and
//! PDF), set remediation tasks led by units with deadlines and follow them until done, publish
//! the result in the disclosure register (the inspection item of Law Art. 11) and close the
//! inspection. The officials above see the inspections of their subtree; nobody else does.

mod access;
mod conclusion;
mod findings;
mod inspected;
mod plan;
mod publish;
mod remediation;
mod view;

pub use access::{Work, for_work};
pub use conclusion::{conclude, conclusion_document};
pub use findings::{EvidenceDownload, add_evidence, evidence_file, record_finding};
pub use inspected::{
    Inspected, InspectedView, add_led_task_evidence, finish_led_task, inspected, inspected_document, inspected_view,
};
pub use plan::plan;
pub use publish::{close, publish};
pub use remediation::{add_task, add_task_evidence, finish_task};
pub use view::{CriterionView, Deadline, InspectionView, RemediationView, held_count, list_for_unit, view};
