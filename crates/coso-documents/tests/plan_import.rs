//! The seed plans in `fixtures/plans` become the obligations officials expect, both from
//! their expected JSON and from parsing the Markdown.

use std::path::PathBuf;

use coso_documents::{Document, Format};
use coso_domain::plan::{Due, ObligationKind, PlanDraft, ReportPeriod, ReportingDefaults};

/// The shared fixtures, beside the repository.
fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/plans")
}

/// The document of a fixture, from its expected JSON and from its Markdown.
fn documents(stem: &str) -> [Document; 2] {
    let json = std::fs::read_to_string(fixtures_dir().join(format!("{stem}.expected.json"))).expect("expected JSON");
    let md = std::fs::read(fixtures_dir().join(format!("{stem}.md"))).expect("Markdown");
    [serde_json::from_str(&json).expect("a Document"), coso_documents::parse(&md, Format::Markdown).expect("parses")]
}

fn obligations(d: &PlanDraft) -> Vec<(ObligationKind, Option<ReportPeriod>, Due)> {
    d.obligations.iter().map(|o| (o.kind, o.period, o.due)).collect()
}

#[test]
fn binh_phuoc_reports_as_regulated_on_the_default_schedule() {
    for doc in documents("binh-phuoc-115-KH-UBND-2022") {
        let d = PlanDraft::from_document(&doc, Some(2022), &ReportingDefaults::default());
        assert_eq!(
            obligations(&d),
            [
                (ObligationKind::ImplementingPlan, None, Due::Unset),
                (ObligationKind::Report, Some(ReportPeriod::SixMonth), Due::Yearly { month: 6, day: 14 }),
                (ObligationKind::Report, Some(ReportPeriod::Annual), Due::Yearly { month: 12, day: 14 }),
            ]
        );
        assert_eq!(d.number.as_deref(), Some("115/KH-UBND"));
        assert_eq!(d.issued_on.map(|d| d.to_string()).as_deref(), Some("2022-04-26"));
        assert_eq!(d.year, 2022);
        assert_eq!(d.tasks.len(), 3);
        assert_eq!(d.obligations[1].submit_to.as_deref(), Some("UBND tỉnh (qua Sở Nội vụ)"));
        assert_eq!(d.validate(), Ok(()));
        // The year is the document's when not given.
        assert_eq!(PlanDraft::from_document(&doc, None, &ReportingDefaults::default()).year, 2022);
    }
}

#[test]
fn hong_linh_keeps_its_own_dates_and_ad_hoc_reports() {
    for doc in documents("hong-linh-KH-UBND-2022") {
        let d = PlanDraft::from_document(&doc, None, &ReportingDefaults::default());
        assert_eq!(
            obligations(&d),
            [
                (ObligationKind::ImplementingPlan, None, Due::Unset),
                (ObligationKind::Report, Some(ReportPeriod::SixMonth), Due::Yearly { month: 6, day: 14 }),
                (ObligationKind::Report, Some(ReportPeriod::Annual), Due::Yearly { month: 11, day: 30 }),
                (ObligationKind::Report, Some(ReportPeriod::AdHoc), Due::Unset),
            ]
        );
        // "đến hết năm 2023": the plan's year is where its period ends.
        assert_eq!(d.year, 2023);
        assert_eq!(d.number, None);
        assert_eq!(d.validate(), Ok(()));
    }
}

#[test]
fn van_gia_only_asks_for_ad_hoc_reports() {
    for doc in documents("van-gia-101-KH-UBND-2024") {
        let d = PlanDraft::from_document(&doc, None, &ReportingDefaults::default());
        // The office's own periodic aggregation for the leadership is its duty, not the targets'.
        assert_eq!(obligations(&d), [(ObligationKind::Report, Some(ReportPeriod::AdHoc), Due::Unset)]);
        assert_eq!(d.year, 2024);
        assert_eq!(d.tasks[0].lead_text.as_deref(), Some("công chức Văn phòng – Thống kê"));
        assert_eq!(d.validate(), Ok(()));
    }
}
