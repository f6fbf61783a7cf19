//! The board's reports to the commune Front, each quarter or six months: which are due (the
//! obligation in the board's inbox, due 5 working days after its period ends), what one counts
//! (the findings sent in its period and where they stand), sending it, and the report as a
//! `Document` for DOCX and PDF.

use chrono::NaiveDate;
use coso_documents::{Document, Section, Signer};
use coso_domain::FieldError;
use coso_domain::board::{ReportCounts, fits, period_bounds, report_periods};
use coso_domain::plan::PeriodKey;
use coso_domain::unit::sort_name;
use coso_store::{BoardReportRow, BoardRow};
use serde::Serialize;

use super::access::board_for_work;
use super::findings::{FindingView, state};
use crate::{Actor, App, Error, Result};

/// The calendar rule id of a report's deadline.
pub const REPORT_RULE: &str = "board.report";
/// Working days after its period ends by which a report is due (coso's choice: Decree 59 Art. 18
/// was not read with a number).
pub const REPORT_WORKING_DAYS: u32 = 5;

/// A report the board owes, sent or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportDue {
    pub period: PeriodKey,
    pub label: String,
    pub rule: &'static str,
    pub due: NaiveDate,
    pub sent_on: Option<NaiveDate>,
    pub overdue: bool,
}

/// The reports a board owes up to today, oldest first.
pub(crate) async fn dues(app: &App, board: &BoardRow, sent: &[BoardReportRow]) -> Result<Vec<ReportDue>> {
    let calendar = super::calendar::holidays(app).await?;
    let today = app.today();
    let until = board.dissolved_on.unwrap_or(today).min(today);
    let mut out = Vec::new();
    for period in report_periods(board.reports, board.elected_on, until) {
        let Some((_, end)) = period_bounds(period) else { continue };
        let due = calendar.add_working_days(end, REPORT_WORKING_DAYS).map_err(Error::internal)?;
        let sent_on = sent.iter().find(|r| r.period_key == period.to_string()).map(|r| r.sent_on);
        out.push(ReportDue {
            period,
            label: period.label(),
            rule: REPORT_RULE,
            due,
            sent_on,
            overdue: sent_on.is_none() && today > due,
        });
    }
    Ok(out)
}

/// One report of a board: its period, the findings sent in it and their counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportView {
    pub board: BoardRow,
    pub period: PeriodKey,
    pub label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub counts: ReportCounts,
    pub findings: Vec<FindingView>,
    pub sent: Option<BoardReportRow>,
}

fn period_of(board: &BoardRow, text: &str) -> Result<(PeriodKey, NaiveDate, NaiveDate)> {
    let bad = || {
        Error::Validation(vec![FieldError::new(
            "period",
            format!("«{text}» không phải kỳ báo cáo của ban ({}).", board.reports.label().to_lowercase()),
        )])
    };
    let period = PeriodKey::parse(text.trim()).map_err(|_| bad())?;
    if !fits(board.reports, period) {
        return Err(bad());
    }
    let (from, to) = period_bounds(period).ok_or_else(bad)?;
    Ok((period, from, to))
}

/// The report of the board for `period` (`2026-Q1`, `2026-H1`, `2026`), as it stands today.
pub async fn report_view(app: &App, actor: &Actor, board_id: i64, period: &str) -> Result<ReportView> {
    let access = board_for_work(app, actor, board_id).await?;
    let (period, from, to) = period_of(&access.board, period)?;
    let today = app.today();
    let findings: Vec<FindingView> = app
        .store()
        .board_findings(board_id)
        .await?
        .into_iter()
        .filter(|f| f.sent_on >= from && f.sent_on <= to)
        .map(|f| FindingView::of(f, today))
        .collect();
    let states: Vec<_> = findings.iter().map(|f| state(&f.row)).collect();
    let counts = ReportCounts::of(&states, today);
    let sent = app.store().board_reports(board_id).await?.into_iter().find(|r| r.period_key == period.to_string());
    Ok(ReportView { board: access.board, period, label: period.label(), from, to, counts, findings, sent })
}

fn summary(v: &ReportView) -> String {
    let c = v.counts;
    format!(
        "{}: {} kiến nghị đã gửi; {} đã được trả lời (trong đó {} trả lời quá hạn); {} đã kết thúc; {} quá hạn chưa trả lời.",
        v.label, c.sent, c.answered, c.answered_late, c.closed, c.overdue
    )
}

/// Sends the board's report for `period` to the commune Front; once per period, and only for a
/// period the board owes (not one still to come).
pub async fn send_report(app: &App, actor: &Actor, board_id: i64, period: &str) -> Result<i64> {
    let access = super::work::working(app, actor, board_id).await?;
    let view = report_view(app, actor, board_id, period).await?;
    let owed = dues(app, &access.board, &[]).await?.iter().any(|d| d.period == view.period);
    if !owed {
        return Err(Error::Validation(vec![FieldError::new("period", "Ban chưa đến kỳ báo cáo này.")]));
    }
    let text = summary(&view);
    Ok(app
        .store()
        .send_board_report(
            &access.permit,
            &access.unit,
            board_id,
            &view.period.to_string(),
            &text,
            app.today(),
            actor.audit(),
        )
        .await?)
}

fn vn(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The report as a document in the Decree 30 layout, signed by the board's head.
pub async fn report_document(app: &App, actor: &Actor, board_id: i64, period: &str) -> Result<Document> {
    let v = report_view(app, actor, board_id, period).await?;
    let members = app.store().board_members(board_id).await?;
    let head = members.iter().find(|m| m.role == coso_domain::board::MemberRole::Head).map(|m| m.name.clone());
    let issuer = match &v.board.project_name {
        Some(p) => format!("{} dự án {p}", v.board.kind.label()),
        None => format!("{} {}", v.board.kind.label(), v.board.unit_name),
    };
    let lines: Vec<String> = if v.findings.is_empty() {
        vec!["Trong kỳ, Ban không gửi kiến nghị.".into()]
    } else {
        v.findings
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let r = &f.row;
                let status = match (r.answered_on, f.overdue) {
                    (Some(on), _) if f.answered_late => format!("trả lời ngày {} (quá hạn)", vn(on)),
                    (Some(on), _) => format!("trả lời ngày {}", vn(on)),
                    (None, true) => "quá hạn, chưa trả lời".into(),
                    (None, false) => "đang chờ trả lời".into(),
                };
                format!(
                    "{}. Kiến nghị «{}» gửi {} ngày {}, hạn trả lời {}: {}; {}.",
                    i + 1,
                    r.subject,
                    r.to_unit_name,
                    vn(r.sent_on),
                    vn(r.due_on),
                    status,
                    r.status.label().to_lowercase()
                )
            })
            .collect()
    };
    Ok(Document {
        doc_type: Some("BC".into()),
        issuer: Some(issuer.clone()),
        place: Some(sort_name(&v.board.unit_name).to_string()),
        date: Some(app.today().format("%Y-%m-%d").to_string()),
        title: Some(format!("Kết quả hoạt động giám sát {}", v.label.to_lowercase())),
        preamble: vec![format!(
            "Thực hiện Luật Thực hiện dân chủ ở cơ sở, {issuer} báo cáo Ban Thường trực Ủy ban Mặt trận Tổ quốc \
             kết quả hoạt động từ ngày {} đến ngày {} như sau:",
            vn(v.from),
            vn(v.to)
        )],
        body: vec![
            Section { heading: "I. KẾT QUẢ CHUNG".into(), paragraphs: vec![summary(&v)], children: vec![] },
            Section {
                heading: "II. CÁC KIẾN NGHỊ VÀ VIỆC TRẢ LỜI".into(), paragraphs: lines, children: vec![]
            },
        ],
        sections: vec!["I. KẾT QUẢ CHUNG".into(), "II. CÁC KIẾN NGHỊ VÀ VIỆC TRẢ LỜI".into()],
        closing: vec![format!("Trên đây là báo cáo của {issuer}./.")],
        recipients: vec!["Ban Thường trực Ủy ban Mặt trận Tổ quốc;".into(), "Lưu: Ban.".into()],
        signer: Some(Signer { role_line: Some("TM. BAN".into()), position: Some("TRƯỞNG BAN".into()), name: head }),
        ..Default::default()
    })
}
