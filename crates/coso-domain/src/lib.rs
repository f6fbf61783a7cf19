//! The coso domain: the rules about units, households and who may do what.
//!
//! This crate knows nothing of HTTP or SQL. It parses user input into valid values
//! ("parse, don't validate"), decides authorization, and plans imports; the store persists
//! what it decides and the web shows it.

pub mod agency;
pub mod authz;
pub mod board;
pub mod case;
pub mod clock;
pub mod conference;
pub mod consultation;
pub mod convention;
pub mod csv_columns;
pub mod decision;
pub mod dialogue;
pub mod disclosure;
pub mod dissemination;
pub mod document;
pub mod election;
pub mod field;
pub mod file_signature;
pub mod household;
pub mod household_import;
pub mod household_link;
pub mod ids;
pub mod inspection;
pub mod notification;
pub mod official;
pub mod plan;
pub mod reception;
pub mod report;
pub mod steering;
pub mod unit;
pub mod unit_import;
pub mod unit_path;

pub use clock::Clock;
pub use field::{FieldError, PathError, RowError};
pub use ids::{
    CaseId, DisclosureId, EvidenceId, HouseholdId, ObligationId, OccurrenceId, PlanId, SubmissionId, TaskId,
    TemplateId, UnitId, UserId,
};

/// A text that is not one of the codes of a domain enum (`"hamlet"` as a unit kind).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("«{code}» không phải là {what} hợp lệ.")]
pub struct UnknownCode {
    /// What was expected, in Vietnamese: «loại đơn vị», «vai trò»…
    pub what: &'static str,
    pub code: String,
}

/// Lets a stored-code enum be read from its code (`FromStr`, with an error naming the text),
/// compared with it (`kind == "ward"`) and written as it (`Display`), as a row is read and an
/// API answers; people read `label()` instead.
macro_rules! codes {
    ($($ty:ty => $what:literal),* $(,)?) => {$(
        impl std::str::FromStr for $ty {
            type Err = UnknownCode;

            fn from_str(code: &str) -> Result<Self, UnknownCode> {
                <$ty>::ALL.into_iter().find(|v| v.as_str() == code).ok_or_else(|| UnknownCode { what: $what, code: code.to_string() })
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl PartialEq<str> for $ty {
            fn eq(&self, code: &str) -> bool {
                self.as_str() == code
            }
        }

        impl PartialEq<&str> for $ty {
            fn eq(&self, code: &&str) -> bool {
                self.as_str() == *code
            }
        }
    )*};
}

codes!(
    unit::UnitKind => "loại đơn vị",
    unit::SuccessionKind => "loại kế thừa",
    authz::Role => "vai trò",
    plan::TaskStatus => "trạng thái nhiệm vụ",
    plan::ObligationKind => "loại nghĩa vụ",
    plan::ReportPeriod => "kỳ báo cáo",
    plan::PlanIssuer => "cơ quan ban hành",
    report::SubmissionStatus => "trạng thái báo cáo",
    notification::NotificationKind => "loại thông báo",
    reception::Receiver => "người tiếp công dân",
    reception::PartOfDay => "buổi",
    reception::ScheduleKind => "loại lịch tiếp",
    reception::SessionKind => "loại buổi tiếp",
    reception::Outcome => "kết quả tiếp",
    reception::RefusalGround => "lý do từ chối tiếp",
    household_link::LinkStatus => "trạng thái liên kết hộ",
    case::CaseKind => "loại đơn",
    case::CaseStatus => "trạng thái đơn",
    case::Channel => "kênh tiếp nhận",
    case::Complexity => "mức độ phức tạp",
    case::CaseActionKind => "thao tác xử lý đơn",
    case::RefusalGround => "lý do không thụ lý",
    consultation::Audience => "đối tượng lấy ý kiến",
    consultation::DraftKind => "loại dự thảo",
    consultation::ConsultationStatus => "trạng thái lấy ý kiến",
    consultation::AnswerKind => "cách tiếp thu ý kiến",
    consultation::CollectionMethod => "hình thức lấy ý kiến",
    election::Step => "bước bầu trưởng thôn",
    election::StepState => "tình trạng thực hiện",
    election::ElectionStatus => "trạng thái bầu trưởng thôn",
    election::Outcome => "kết quả bầu",
    election::Base => "căn cứ tính tỷ lệ",
    election::PersonRole => "vai trò trong cuộc bầu",
    election::ElectionKind => "loại cuộc bầu",
    disclosure::Form => "hình thức công khai",
    disclosure::RelayMethod => "cách thông tin lại",
    disclosure::Level => "cấp công khai",
    disclosure::CheckKind => "tiêu chí tuân thủ",
    dissemination::NewsStatus => "trạng thái tin",
    dissemination::LibraryKind => "loại văn bản",
    dissemination::TrainingForm => "hình thức tuyên truyền",
    dialogue::DialogueStatus => "trạng thái đối thoại",
    dialogue::CommitmentStatus => "tình trạng cam kết",
    board::BoardKind => "loại ban giám sát",
    board::MemberRole => "chức danh trong ban",
    board::MemberSource => "thành phần của ban",
    board::BoardStatus => "trạng thái của ban",
    board::FindingStatus => "trạng thái kiến nghị",
    board::ActivityKind => "loại hoạt động giám sát",
    board::ReportCadence => "kỳ báo cáo của ban",
    inspection::InspectionKind => "hình thức kiểm tra",
    inspection::InspectionStatus => "trạng thái cuộc kiểm tra",
    inspection::Verdict => "kết quả đánh giá",
    inspection::RemediationStatus => "tình trạng khắc phục",
    inspection::TeamRole => "chức danh trong đoàn kiểm tra",
    steering::CommendationForm => "hình thức khen thưởng",
    steering::ModelStatus => "tình trạng mô hình",
    agency::RuleKind => "loại quy chế nội bộ",
);

#[cfg(test)]
mod tests {
    use super::*;
    use unit::UnitKind;

    #[test]
    fn codes_read_compare_and_write_as_stored() {
        assert_eq!("special_zone".parse::<UnitKind>(), Ok(UnitKind::SpecialZone));
        let err = "hamlet".parse::<UnitKind>().expect_err("unknown");
        assert_eq!(err.to_string(), "«hamlet» không phải là loại đơn vị hợp lệ.");
        assert!(" ward".parse::<UnitKind>().is_err(), "a stored code has no spaces");
        assert!(UnitKind::Ward == "ward" && UnitKind::Ward != "commune");
        assert_eq!(UnitKind::ResidentialGroup.to_string(), "residential_group");
        for s in report::SubmissionStatus::ALL {
            assert_eq!(s.to_string().parse::<report::SubmissionStatus>(), Ok(s));
        }
    }
}
