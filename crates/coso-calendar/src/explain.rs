//! Explanations of computed deadlines, for people.
//!
//! Every deadline the system shows carries one: the start, the rule and its article, the
//! count, the days not counted and why, the raw and the final date (BRIEF §5). The struct is
//! serializable for the web; [`Explanation::to_vietnamese_text`] gives the plain text.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use crate::dates::{format_vn, format_vn_with_weekday};
use crate::rules::{Bound, Direction, Unit};
use crate::status::Status;

/// A day passed over, with the reason in Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedDay {
    /// The day.
    pub date: NaiveDate,
    /// Why it is not a working day, e.g. "Chủ nhật" or "Ngày Chiến thắng".
    pub reason: String,
}

/// How a deadline was computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// Rule id.
    pub rule: String,
    /// Vietnamese title of the obligation.
    pub title: String,
    /// Article and act.
    pub citation: String,
    /// Verification status of the rule version.
    pub status: Status,
    /// Validity of the rule version, in Vietnamese.
    pub validity: String,
    /// Vietnamese description of the event.
    pub event: String,
    /// Event date.
    pub from: NaiveDate,
    /// Number of units counted (after variants and extensions).
    pub count: u32,
    /// Unit.
    pub unit: Unit,
    /// After or before the event.
    pub direction: Direction,
    /// Latest or earliest date.
    pub bound: Bound,
    /// Vietnamese description of the circumstances that changed the count, if any.
    pub variant: Option<String>,
    /// Non-working days passed over while counting working days.
    pub skipped: Vec<SkippedDay>,
    /// The date the count reaches.
    pub raw_due: NaiveDate,
    /// Non-working days the deadline was moved over (Civil Code Art. 148).
    pub rolled_over: Vec<SkippedDay>,
    /// The final date.
    pub due: NaiveDate,
    /// Further remarks (unverified values, fallbacks, rule notes).
    pub notes: Vec<String>,
}

fn list_days(out: &mut String, days: &[SkippedDay]) {
    for (i, d) in days.iter().enumerate() {
        let sep = if i == 0 { "" } else { "; " };
        let _ = write!(out, "{sep}{} – {}", format_vn(d.date), d.reason);
    }
}

impl Explanation {
    /// The explanation as Vietnamese text, one statement per line, dates as `dd/mm/yyyy`; the
    /// title is followed by the rule's id, which the command line takes as an argument.
    pub fn to_vietnamese_text(&self) -> String {
        self.text(true)
    }

    /// [`Explanation::to_vietnamese_text`] for residents: the rule by its Vietnamese title only.
    pub fn to_vietnamese_text_for_people(&self) -> String {
        self.text(false)
    }

    fn text(&self, with_id: bool) -> String {
        let mut s = String::with_capacity(640);
        if with_id {
            let _ = writeln!(s, "{} [{}]", self.title, self.rule);
        } else {
            let _ = writeln!(s, "{}", self.title);
        }
        let _ = writeln!(
            s,
            "Căn cứ: {} (áp dụng cho sự kiện {}; {}).",
            self.citation,
            self.validity,
            self.status.label_vn()
        );
        let _ = writeln!(s, "Mốc tính: {}: {}.", self.event, format_vn_with_weekday(self.from));
        let variant = self.variant.as_ref().map(|v| format!(" ({v})")).unwrap_or_default();
        let counting = match (self.direction, self.unit) {
            (Direction::After, Unit::Months) => {
                "tính từ ngày tiếp theo của mốc, kết thúc vào ngày tương ứng của tháng cuối (Điều 147 Bộ luật Dân sự 2015)"
            }
            (Direction::After, _) => {
                "không tính ngày của mốc, bắt đầu từ ngày tiếp theo (Điều 147 Bộ luật Dân sự 2015)"
            }
            (Direction::Before, _) => "tính lùi từ mốc, không tính ngày của mốc",
        };
        let dir = match self.direction {
            Direction::After => "sau",
            Direction::Before => "trước",
        };
        let _ = writeln!(s, "Thời hạn: {} {}{variant} {dir} mốc; {counting}.", self.count, self.unit.name_vn());
        if !self.skipped.is_empty() {
            s.push_str("Không tính các ngày nghỉ: ");
            list_days(&mut s, &self.skipped);
            s.push_str(".\n");
        }
        let _ = writeln!(s, "Ngày cuối theo cách đếm: {}.", format_vn_with_weekday(self.raw_due));
        if let Some(first) = self.rolled_over.first() {
            let _ = write!(
                s,
                "Ngày {} là ngày nghỉ ({}) nên thời hạn kết thúc vào cuối ngày làm việc tiếp theo (Điều 148 Bộ luật Dân sự 2015); bỏ qua: ",
                format_vn(first.date),
                first.reason
            );
            list_days(&mut s, &self.rolled_over);
            s.push_str(".\n");
        }
        let label = match (self.bound, self.direction) {
            (Bound::Earliest, _) => "Ngày sớm nhất được thực hiện",
            (Bound::Latest, Direction::Before) => "Hạn chót (ngày muộn nhất được thực hiện)",
            (Bound::Latest, Direction::After) => "Hạn cuối",
        };
        let _ = writeln!(s, "{label}: {}.", format_vn_with_weekday(self.due));
        for n in &self.notes {
            let _ = writeln!(s, "Lưu ý: {n}");
        }
        s.truncate(s.trim_end().len());
        s
    }
}
