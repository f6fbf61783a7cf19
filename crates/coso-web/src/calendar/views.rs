//! The deadline page and the month view.

use askama::Template;
use askama_web::WebTemplate;

use crate::views::{Nav, vn_date};

#[derive(Template, WebTemplate)]
#[template(path = "calendar/deadline.html")]
pub struct DeadlinePage {
    pub nav: Nav,
    pub rules: Vec<(String, String)>,
    pub rule: String,
    pub from: String,
    pub complex: bool,
    pub especially_complex: bool,
    pub remote: bool,
    pub result: Option<coso_calendar::Deadline>,
    pub error: Option<String>,
}

impl DeadlinePage {
    pub fn vn_date(&self, d: &chrono::NaiveDate) -> String {
        vn_date(*d)
    }

    /// Shown beside the due date when the rule's figures are not verified against the law.
    pub fn warning(&self) -> Option<&'static str> {
        self.result.as_ref().filter(|d| d.status.is_unverified()).map(|_| {
            "Chưa xác minh: thời hạn của quy tắc này là giá trị mặc định, chưa đối chiếu với văn bản gốc. \
             Hãy kiểm tra lại văn bản pháp luật trước khi dựa vào ngày này."
        })
    }
}

/// One day of the month view.
#[derive(Debug, Clone)]
pub struct DayCell {
    pub day: u32,
    /// Lunar day, with the month on the first day of a lunar month ("1/3").
    pub lunar: String,
    pub weekend: bool,
    /// The name of the holiday or day off, if any.
    pub off: Option<String>,
    pub working_saturday: bool,
    pub today: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "calendar/month.html")]
pub struct MonthPage {
    pub nav: Nav,
    pub year: i32,
    pub month: u32,
    pub lunar_year_name: String,
    pub weeks: Vec<Vec<Option<DayCell>>>,
    pub prev: (i32, u32),
    pub next: (i32, u32),
    pub announced: bool,
    pub source: Option<String>,
}

impl MonthPage {
    pub fn prev_href(&self) -> String {
        format!("/lich?nam={}&thang={}", self.prev.0, self.prev.1)
    }

    pub fn next_href(&self) -> String {
        format!("/lich?nam={}&thang={}", self.next.0, self.next.1)
    }
}
