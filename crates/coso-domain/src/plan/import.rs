//! Turns a parsed plan document into a [`PlanDraft`]: its tasks, and what its target units
//! must send (an implementing plan, reports for periods).

use crate::document::{Document, ReportObligation};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::draft::{ObligationDraft, PlanDraft, TaskDraft, YEARS};
use super::due::Due;
use super::issuer::PlanIssuer;
use super::period::{ObligationKind, ReportPeriod};

/// When target units report when a plan only says "theo quy định" (as required).
///
/// \[U\] A configurable default, not a rule read from the plan: it matches the data-closing
/// days of Decree 09/2019/NĐ-CP Art. 12 (6-month data up to 14 June, annual data up to
/// 14 December).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportingDefaults {
    pub six_month: Due,
    pub annual: Due,
}

impl Default for ReportingDefaults {
    fn default() -> Self {
        ReportingDefaults { six_month: Due::Yearly { month: 6, day: 14 }, annual: Due::Yearly { month: 12, day: 14 } }
    }
}

impl PlanDraft {
    /// Reads a plan document. `year` overrides the year found in the document (the end of
    /// the plan's period, else its date, else a year in its title).
    pub fn from_document(doc: &Document, year: Option<i32>, defaults: &ReportingDefaults) -> PlanDraft {
        let tasks = doc
            .tasks
            .iter()
            .map(|t| TaskDraft {
                text: coso_text::clean(&t.text),
                lead_text: t.lead_unit.as_deref().map(coso_text::clean),
                partner_texts: t.partner_units.iter().map(|p| coso_text::clean(p)).collect(),
                due: Due::Unset,
            })
            .collect();
        PlanDraft {
            number: doc.number.clone(),
            issued_on: doc.date.as_deref().and_then(iso_date),
            title: doc.title.as_deref().map(coso_text::clean).unwrap_or_default(),
            issuer: doc.issuer.as_deref().and_then(PlanIssuer::detect).unwrap_or_default(),
            year: year.or_else(|| year_of(doc)).unwrap_or(0),
            legal_bases: doc.legal_bases.clone(),
            sections: doc.body.clone(),
            tasks,
            obligations: obligations(doc, defaults),
        }
    }
}

fn iso_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

fn year_of(doc: &Document) -> Option<i32> {
    let from_date = |s: &Option<String>| s.as_deref().and_then(|s| s.get(..4)).and_then(|y| y.parse().ok());
    from_date(&doc.plan_period_end)
        .or_else(|| from_date(&doc.date))
        .or_else(|| from_date(&doc.date_partial))
        .or_else(|| doc.title.as_deref().and_then(year_in_title))
        .filter(|y| YEARS.contains(y))
}

/// The last four-digit year in a title (`… đến hết năm 2023`).
fn year_in_title(title: &str) -> Option<i32> {
    title
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .rfind(|y| YEARS.contains(y))
}

fn obligations(doc: &Document, defaults: &ReportingDefaults) -> Vec<ObligationDraft> {
    let mut found = Vec::new();
    let reports: Vec<&ReportObligation> = doc.report_obligations.iter().filter(|o| !is_own_duty(&o.raw)).collect();
    if let Some(raw) = implementing_plan_request(doc) {
        let submit_to = reports.iter().find_map(|o| o.submit_to.clone());
        found.push(ObligationDraft {
            kind: ObligationKind::ImplementingPlan,
            period: None,
            due: implementing_plan_due(doc),
            raw,
            submit_to,
        });
    }
    let mut as_regulated = None;
    for o in reports {
        let periods = ReportPeriod::all_in_document(o.period.as_deref().unwrap_or(""));
        let due = o.due.as_deref().and_then(Due::parse).unwrap_or_default();
        let report = |period, due| ObligationDraft {
            kind: ObligationKind::Report,
            period: Some(period),
            due,
            raw: coso_text::clean(&o.raw),
            submit_to: o.submit_to.clone(),
        };
        match periods.as_slice() {
            [one] => found.push(report(*one, due)),
            // "6 tháng / năm": one due date cannot belong to both.
            [_, _, ..] => found.extend(periods.iter().map(|p| report(*p, Due::Unset))),
            [] if !due.is_set() && follows_the_regulations(&o.raw) => {
                as_regulated.get_or_insert([
                    report(ReportPeriod::SixMonth, defaults.six_month),
                    report(ReportPeriod::Annual, defaults.annual),
                ]);
            }
            // A dated report without a period: kept for officials to choose the period.
            [] if due.is_set() => found.push(ObligationDraft { period: None, ..report(ReportPeriod::AdHoc, due) }),
            [] => {}
        }
    }
    // The default schedule stands in for "as regulated" only when the plan sets no periodic
    // report of its own; otherwise that sentence repeats the plan's schedule, or is the
    // issuer's own report upward.
    let has_schedule = found.iter().any(|o| o.period.is_some_and(|p| p != ReportPeriod::AdHoc));
    if let Some(defaults) = as_regulated
        && !has_schedule
    {
        found.extend(defaults);
    }
    dedupe(found)
}

/// The issuing side's own reporting upward (the lead office aggregating, advising the
/// issuer to report): not something target units send.
fn is_own_duty(raw: &str) -> bool {
    let f = coso_text::fold(raw);
    let f = f.trim_start_matches(|c: char| !c.is_alphanumeric());
    f.starts_with("tong hop") || f.starts_with("tham muu") || (f.contains("tong hop bao cao") && !f.contains("gui"))
}

/// A report "as regulated" or a self-scoring, with no period or date of its own.
fn follows_the_regulations(raw: &str) -> bool {
    let f = coso_text::fold(raw);
    f.contains("bao cao") && (f.contains("theo quy dinh") || f.contains("cham diem") || f.contains("dinh ky"))
}

/// The text asking target units to make their own plans, if any.
fn implementing_plan_request(doc: &Document) -> Option<String> {
    let asks = |s: &str| {
        let f = coso_text::fold(s);
        ["xay dung ke hoach", "ban hanh ke hoach", "ke hoach cu the", "ke hoach trien khai"]
            .iter()
            .any(|p| f.contains(p))
    };
    let from_task = doc.tasks.iter().map(|t| t.text.as_str()).find(|t| asks(t));
    let from_deadline = || doc.deadlines.iter().map(|d| d.what.as_deref().unwrap_or(&d.raw)).find(|w| asks(w));
    from_task.or_else(from_deadline).map(coso_text::clean)
}

/// The date of a deadline about a plan (not a report on one), else unset.
fn implementing_plan_due(doc: &Document) -> Due {
    doc.deadlines
        .iter()
        .filter(|d| {
            let f = coso_text::fold(d.what.as_deref().unwrap_or(&d.raw));
            f.contains("ke hoach") && !f.contains("bao cao")
        })
        .find_map(|d| {
            let due = d.date.as_deref().or(d.recurring.as_deref()).and_then(Due::parse)?;
            due.is_set().then_some(due)
        })
        .unwrap_or_default()
}

/// Removes repeats of (kind, period, due), and undated entries for a period that another
/// entry dates: "sơ kết 6 tháng" says nothing that "báo cáo 6 tháng trước 14/6" did not.
fn dedupe(found: Vec<ObligationDraft>) -> Vec<ObligationDraft> {
    let mut out: Vec<ObligationDraft> = Vec::new();
    for o in &found {
        let repeat = out.iter().any(|k| k.kind == o.kind && k.period == o.period && k.due == o.due);
        let dated_elsewhere =
            !o.due.is_set() && found.iter().any(|k| k.kind == o.kind && k.period == o.period && k.due.is_set());
        if !repeat && !dated_elsewhere {
            out.push(o.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Deadline, Task};

    fn report(period: Option<&str>, due: Option<&str>, raw: &str) -> ReportObligation {
        ReportObligation { period: period.map(Into::into), due: due.map(Into::into), raw: raw.into(), submit_to: None }
    }

    fn kinds(d: &PlanDraft) -> Vec<(ObligationKind, Option<ReportPeriod>, String)> {
        d.obligations.iter().map(|o| (o.kind, o.period, o.due.to_string())).collect()
    }

    #[test]
    fn year_comes_from_the_period_end_then_the_date_then_the_title() {
        let mut doc = Document { title: Some("Kế hoạch năm 2024".into()), ..Default::default() };
        let d = ReportingDefaults::default();
        assert_eq!(PlanDraft::from_document(&doc, None, &d).year, 2024);
        doc.date = Some("2023-12-20".into());
        assert_eq!(PlanDraft::from_document(&doc, None, &d).year, 2023);
        doc.plan_period_end = Some("2025-12-31".into());
        assert_eq!(PlanDraft::from_document(&doc, None, &d).year, 2025);
        assert_eq!(PlanDraft::from_document(&doc, Some(2026), &d).year, 2026);
        let none = PlanDraft::from_document(&Document::default(), None, &d);
        assert!(none.validate().is_err_and(|e| e.iter().any(|e| e.field == "year")));
    }

    #[test]
    fn configured_defaults_fill_reports_as_regulated() {
        let doc = Document {
            report_obligations: vec![report(None, None, "Báo cáo kết quả thực hiện theo quy định")],
            ..Default::default()
        };
        let defaults = ReportingDefaults {
            six_month: Due::Yearly { month: 6, day: 20 },
            annual: Due::Yearly { month: 11, day: 15 },
        };
        let d = PlanDraft::from_document(&doc, Some(2026), &defaults);
        assert_eq!(
            kinds(&d),
            [
                (ObligationKind::Report, Some(ReportPeriod::SixMonth), "06-20 yearly".into()),
                (ObligationKind::Report, Some(ReportPeriod::Annual), "11-15 yearly".into()),
            ]
        );
    }

    #[test]
    fn the_default_schedule_only_stands_in_when_the_plan_sets_none() {
        let doc = Document {
            report_obligations: vec![
                report(Some("năm"), Some("11-30 yearly"), "báo cáo năm trước ngày 30/11"),
                report(None, None, "báo cáo Sở Nội vụ kết quả thực hiện theo quy định"),
            ],
            ..Default::default()
        };
        let d = PlanDraft::from_document(&doc, Some(2026), &ReportingDefaults::default());
        assert_eq!(kinds(&d), [(ObligationKind::Report, Some(ReportPeriod::Annual), "11-30 yearly".into())]);
    }

    #[test]
    fn the_issuers_own_aggregation_is_not_an_obligation() {
        let doc = Document {
            report_obligations: vec![
                report(None, None, "tổng hợp báo cáo kết quả thực hiện về UBND tỉnh theo quy định"),
                report(Some("định kỳ"), None, "đôn đốc và định kỳ tổng hợp báo cáo Lãnh đạo UBND"),
                report(None, None, "Tham mưu UBND xã báo cáo Huyện ủy theo quy định"),
            ],
            ..Default::default()
        };
        assert!(PlanDraft::from_document(&doc, Some(2026), &ReportingDefaults::default()).obligations.is_empty());
    }

    #[test]
    fn implementing_plan_due_comes_from_a_deadline_about_a_plan() {
        let doc = Document {
            tasks: vec![Task { text: "Các xã ban hành kế hoạch thực hiện".into(), ..Default::default() }],
            deadlines: vec![
                Deadline {
                    date: Some("2026-02-28".into()),
                    what: Some("Báo cáo kết quả thực hiện kế hoạch".into()),
                    ..Default::default()
                },
                Deadline {
                    date: Some("2026-03-15".into()),
                    what: Some("Các xã xây dựng Kế hoạch".into()),
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        let d = PlanDraft::from_document(&doc, Some(2026), &ReportingDefaults::default());
        assert_eq!(kinds(&d), [(ObligationKind::ImplementingPlan, None, "2026-03-15".into())]);
        assert_eq!(d.obligations[0].raw, "Các xã ban hành kế hoạch thực hiện");
    }

    #[test]
    fn repeats_collapse_and_a_dated_period_absorbs_an_undated_one() {
        let doc = Document {
            report_obligations: vec![
                report(Some("quý"), Some("01-15 yearly"), "báo cáo quý"),
                report(Some("hằng quý"), Some("01-15 yearly"), "báo cáo hằng quý"),
                report(Some("quý / năm"), None, "sơ kết quý, tổng kết năm"),
                report(None, Some("2026-05-01"), "báo cáo trước ngày 01/5/2026"),
            ],
            ..Default::default()
        };
        let d = PlanDraft::from_document(&doc, Some(2026), &ReportingDefaults::default());
        assert_eq!(
            kinds(&d),
            [
                (ObligationKind::Report, Some(ReportPeriod::Quarterly), "01-15 yearly".into()),
                (ObligationKind::Report, Some(ReportPeriod::Annual), String::new()),
                (ObligationKind::Report, None, "2026-05-01".into()),
            ]
        );
    }
}
