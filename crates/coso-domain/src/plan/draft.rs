//! A plan as read from a document or typed in, before officials confirm it on the review form.

use crate::document::{CitedDocument, Section};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::due::Due;
use super::issuer::PlanIssuer;
use super::period::{ObligationKind, ReportPeriod};
use crate::field::{Errors, FieldError, optional_text, required_text};

/// The years a plan may cover.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanDraft {
    /// Number and symbol (`115/KH-UBND`); `None` for a draft without a number.
    pub number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub title: String,
    /// The body of the unit that issues it; the people's committee unless the document or the
    /// officials say otherwise.
    #[serde(default)]
    pub issuer: PlanIssuer,
    /// The year the plan's reports are counted in.
    pub year: i32,
    pub legal_bases: Vec<CitedDocument>,
    pub sections: Vec<Section>,
    pub tasks: Vec<TaskDraft>,
    pub obligations: Vec<ObligationDraft>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskDraft {
    pub text: String,
    /// The lead unit (chủ trì) as written.
    pub lead_text: Option<String>,
    /// The partner units (phối hợp) as written.
    pub partner_texts: Vec<String>,
    pub due: Due,
}

/// What every target unit must send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObligationDraft {
    pub kind: ObligationKind,
    /// Required for reports; `None` for an implementing plan.
    pub period: Option<ReportPeriod>,
    pub due: Due,
    /// The sentence of the document it was read from.
    pub raw: String,
    /// The receiver as written (`UBND tỉnh (qua Sở Nội vụ)`).
    pub submit_to: Option<String>,
}

impl PlanDraft {
    /// Checks what the review form lets officials fix, naming each field in Vietnamese.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Errors::default();
        errors.take(required_text("title", "Trích yếu (tên kế hoạch)", &self.title, 500));
        errors.take(optional_text("number", "Số, ký hiệu", self.number.as_deref().unwrap_or(""), 50));
        let year_ok = YEARS.contains(&self.year);
        if !year_ok {
            errors
                .push(FieldError::new("year", format!("Năm kế hoạch phải từ 2000 đến 2100 (đang là {}).", self.year)));
        }
        if let Some(d) = self.issued_on
            && !YEARS.contains(&d.year())
        {
            errors.push(FieldError::new("issued_on", format!("Ngày ban hành {} không hợp lệ.", d.format("%d/%m/%Y"))));
        }
        for (i, t) in self.tasks.iter().enumerate() {
            let n = i + 1;
            if t.text.trim().is_empty() {
                errors.push(FieldError::new("tasks", format!("Nhiệm vụ {n}: nội dung không được để trống.")));
            }
            if year_ok && let Some(e) = out_of_range(&t.due, self.year) {
                errors.push(FieldError::new("tasks", format!("Nhiệm vụ {n}: {e}")));
            }
        }
        for (i, o) in self.obligations.iter().enumerate() {
            let n = i + 1;
            match (o.kind, o.period) {
                (ObligationKind::Report, None) => errors.push(FieldError::new(
                    "obligations",
                    format!(
                        "Yêu cầu {n} (báo cáo): chưa chọn kỳ báo cáo (tháng, quý, 6 tháng, 9 tháng, năm, đột xuất)."
                    ),
                )),
                (ObligationKind::ImplementingPlan, Some(_)) => errors.push(FieldError::new(
                    "obligations",
                    format!("Yêu cầu {n} (kế hoạch triển khai): không có kỳ báo cáo."),
                )),
                _ => {}
            }
            if year_ok && let Some(e) = out_of_range(&o.due, self.year) {
                errors.push(FieldError::new("obligations", format!("Yêu cầu {n}: {e}")));
            }
        }
        if errors.is_empty() { Ok(()) } else { Err(errors.0) }
    }
}

/// A due date more than a year away from the plan's year is a typo (`2062` for `2026`).
fn out_of_range(due: &Due, year: i32) -> Option<String> {
    let d = due.date()?;
    let ok = (year - 1..=year + 1).contains(&d.year());
    (!ok).then(|| {
        format!("hạn {} nằm ngoài khoảng {}–{} của kế hoạch năm {year}.", d.format("%d/%m/%Y"), year - 1, year + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> PlanDraft {
        PlanDraft {
            number: Some("12/KH-UBND".into()),
            issued_on: NaiveDate::from_ymd_opt(2026, 1, 10),
            title: "Thực hiện dân chủ ở cơ sở năm 2026".into(),
            issuer: PlanIssuer::PeopleCommittee,
            year: 2026,
            legal_bases: vec![],
            sections: vec![],
            tasks: vec![TaskDraft {
                text: "Tuyên truyền".into(),
                lead_text: None,
                partner_texts: vec![],
                due: Due::Unset,
            }],
            obligations: vec![ObligationDraft {
                kind: ObligationKind::Report,
                period: Some(ReportPeriod::SixMonth),
                due: Due::Yearly { month: 6, day: 14 },
                raw: String::new(),
                submit_to: None,
            }],
        }
    }

    fn fields(d: &PlanDraft) -> Vec<&'static str> {
        d.validate().err().unwrap_or_default().iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_complete_draft_is_valid() {
        assert_eq!(draft().validate(), Ok(()));
    }

    #[test]
    fn reports_every_problem_at_once() {
        let mut d = draft();
        d.title = "  ".into();
        d.year = 1999;
        d.obligations[0].period = None;
        d.tasks[0].text = String::new();
        assert_eq!(fields(&d), ["title", "year", "tasks", "obligations"]);
        let errs = d.validate().expect_err("invalid");
        assert!(errs[3].message.contains("chưa chọn kỳ báo cáo"), "{}", errs[3].message);
    }

    #[test]
    fn due_dates_far_from_the_plan_year_are_rejected() {
        let mut d = draft();
        d.obligations[0].due = Due::On(NaiveDate::from_ymd_opt(2062, 6, 14).expect("date"));
        let errs = d.validate().expect_err("typo year");
        assert_eq!(errs[0].field, "obligations");
        assert!(errs[0].message.contains("14/06/2062"), "{}", errs[0].message);
        d.obligations[0].due = Due::On(NaiveDate::from_ymd_opt(2027, 1, 15).expect("date"));
        assert_eq!(d.validate(), Ok(()));
    }

    #[test]
    fn an_implementing_plan_has_no_period() {
        let mut d = draft();
        d.obligations[0].kind = ObligationKind::ImplementingPlan;
        assert_eq!(fields(&d), ["obligations"]);
        d.obligations[0].period = None;
        assert_eq!(d.validate(), Ok(()));
    }
}
