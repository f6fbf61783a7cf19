//! Typed errors of the calendar. Their `Display` is Vietnamese because it is shown to
//! officials and residents as is (CLI stderr, web error messages).

use chrono::NaiveDate;

use crate::dates::format_vn;

/// Everything that can go wrong in this crate. No function of the crate panics on bad input:
/// it returns one of these.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// A Gregorian date outside 01/01/1900 – 31/12/2199, the range the tables cover.
    #[error("ngày {} nằm ngoài phạm vi hỗ trợ (01/01/1900 – 31/12/2199)", format_vn(*.0))]
    DateOutOfRange(NaiveDate),
    /// A year outside the supported range.
    #[error("năm {0} nằm ngoài phạm vi hỗ trợ (1900 – 2199)")]
    YearOutOfRange(i32),
    /// Date arithmetic left the supported range.
    #[error("kết quả tính ngày vượt ra ngoài phạm vi hỗ trợ (01/01/1900 – 31/12/2199)")]
    ArithmeticOutOfRange,
    /// A date string that is not `YYYY-MM-DD` or names a day that does not exist.
    #[error("ngày không hợp lệ: «{input}» ({reason}); định dạng đúng là YYYY-MM-DD, ví dụ 2024-02-10")]
    InvalidDate {
        /// What was typed.
        input: String,
        /// Why it was rejected.
        reason: String,
    },
    /// A number argument that could not be read.
    #[error("{field} không hợp lệ: «{input}» (cần một số nguyên{expected})")]
    InvalidNumber {
        /// Name of the field, in Vietnamese.
        field: String,
        /// What was typed.
        input: String,
        /// Extra hint, e.g. the allowed range.
        expected: String,
    },
    /// A lunar date that does not exist (month 13, day 30 of a 29-day month, a leap month
    /// that this year does not have…).
    #[error("ngày âm lịch không tồn tại: {day}/{month}{leap} năm {year} ({reason})", leap = if *.leap { " nhuận" } else { "" })]
    InvalidLunarDate {
        /// Lunar year.
        year: i32,
        /// Lunar month number 1–12.
        month: u32,
        /// Day of the lunar month.
        day: u32,
        /// Whether the leap month was asked for.
        leap: bool,
        /// Why it does not exist.
        reason: String,
    },
    /// No rule with this id.
    #[error("không có quy tắc thời hạn «{0}»; xem danh sách bằng lệnh `coso calendar rules`")]
    UnknownRule(String),
    /// The rule exists but no version of it was in force on the event date.
    #[error("quy tắc «{id}» không có phiên bản nào có hiệu lực vào ngày {}", format_vn(*.date))]
    RuleNotInForce {
        /// Rule id.
        id: String,
        /// Event date.
        date: NaiveDate,
    },
    /// The rule names the district level, abolished on 01/07/2025.
    #[error("quy tắc «{id}» gắn với cấp huyện, không áp dụng cho sự kiện từ ngày 01/07/2025 (ngày {}): cấp huyện đã chấm dứt hoạt động", format_vn(*.date))]
    DistrictLevelAbolished {
        /// Rule id.
        id: String,
        /// Event date.
        date: NaiveDate,
    },
    /// An announcement of days off that is malformed or inconsistent.
    #[error("thông báo lịch nghỉ không hợp lệ: {0}")]
    InvalidAnnouncement(String),
    /// Rule data that is malformed or inconsistent.
    #[error("dữ liệu quy tắc thời hạn không hợp lệ: {0}")]
    InvalidRuleData(String),
}
