//! The documents of a case in the Decree 30 layout: the answer to a petition, the notice of
//! acceptance and the first-instance decision on a complaint, the acceptance and extension
//! decisions on a denunciation, and the notice of refusal.
//!
//! A denunciation's documents never carry the denouncer's identity, nor the content of the
//! denunciation (which may name its author): they leave the cleared circle, so they name the
//! case by its tracking code and dates only. A notice meant for the denouncer alone is
//! addressed by hand by the cleared official.

use coso_calendar::HolidayCalendar;
use coso_documents::{Document, Section, Signer};
use coso_domain::case::{CaseActionKind, CaseKind, CaseStatus, RefusalGround};
use coso_domain::unit::sort_name;
use coso_store::{CaseActionRow, CaseRow, UnitRow};

use super::access::{case_to_handle, may_read_sender};
use super::deadlines::{CaseDates, DeadlineView, schedule};
use crate::plans::summary::committee_of;
use crate::{Actor, App, Error, Result};

/// A document a case can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseDocument {
    /// *Văn bản trả lời* a petition.
    Answer,
    /// *Thông báo thụ lý* a complaint.
    ComplaintAcceptance,
    /// *Quyết định giải quyết khiếu nại*.
    ComplaintDecision,
    /// *Quyết định thụ lý tố cáo*.
    DenunciationAcceptance,
    /// *Quyết định gia hạn giải quyết tố cáo* (the last extension).
    Extension,
    /// *Thông báo không thụ lý*.
    Refusal,
}

impl CaseDocument {
    pub const ALL: [CaseDocument; 6] = [
        CaseDocument::Answer,
        CaseDocument::ComplaintAcceptance,
        CaseDocument::ComplaintDecision,
        CaseDocument::DenunciationAcceptance,
        CaseDocument::Extension,
        CaseDocument::Refusal,
    ];

    /// The file name's stem in the page's links.
    pub fn slug(self) -> &'static str {
        match self {
            CaseDocument::Answer => "tra-loi",
            CaseDocument::ComplaintAcceptance => "thong-bao-thu-ly",
            CaseDocument::ComplaintDecision => "quyet-dinh-giai-quyet",
            CaseDocument::DenunciationAcceptance => "quyet-dinh-thu-ly",
            CaseDocument::Extension => "quyet-dinh-gia-han",
            CaseDocument::Refusal => "thong-bao-khong-thu-ly",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CaseDocument::Answer => "Văn bản trả lời",
            CaseDocument::ComplaintAcceptance => "Thông báo thụ lý giải quyết khiếu nại",
            CaseDocument::ComplaintDecision => "Quyết định giải quyết khiếu nại",
            CaseDocument::DenunciationAcceptance => "Quyết định thụ lý tố cáo",
            CaseDocument::Extension => "Quyết định gia hạn giải quyết tố cáo",
            CaseDocument::Refusal => "Thông báo không thụ lý",
        }
    }

    pub fn from_slug(slug: &str) -> Option<CaseDocument> {
        CaseDocument::ALL.into_iter().find(|d| d.slug() == slug)
    }

    /// Whether the case, where it stands, gives this document.
    pub fn available(self, case: &CaseRow) -> bool {
        let answered = matches!(case.status, CaseStatus::Answered | CaseStatus::Closed) && case.answered_on.is_some();
        match self {
            CaseDocument::Answer => case.kind == CaseKind::Petition && answered,
            CaseDocument::ComplaintAcceptance => case.kind == CaseKind::Complaint && case.accepted_on.is_some(),
            CaseDocument::ComplaintDecision => case.kind == CaseKind::Complaint && answered,
            CaseDocument::DenunciationAcceptance => case.kind == CaseKind::Denunciation && case.accepted_on.is_some(),
            CaseDocument::Extension => case.kind == CaseKind::Denunciation && case.extensions > 0,
            CaseDocument::Refusal => case.status == CaseStatus::Refused,
        }
    }
}

fn vn(d: chrono::NaiveDate) -> String {
    coso_calendar::format_vn(d)
}

fn section(heading: &str, paragraphs: Vec<String>) -> Section {
    Section { heading: heading.to_string(), paragraphs, children: vec![] }
}

fn last_of(actions: &[CaseActionRow], kind: CaseActionKind) -> Option<&CaseActionRow> {
    actions.iter().rev().find(|a| a.action == kind)
}

fn due_of<'a>(deadlines: &'a [DeadlineView], rule_prefix: &str) -> Option<&'a DeadlineView> {
    deadlines.iter().find(|d| d.rule.starts_with(rule_prefix))
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split('\n').map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect()
}

/// The document `which` of case `id`, for an official who handles its unit's cases.
pub async fn case_document(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    id: i64,
    which: CaseDocument,
) -> Result<Document> {
    let case = case_to_handle(app, actor, id).await?;
    if !which.available(&case) {
        return Err(Error::NotFound);
    }
    let unit = app.store().unit_by_id(coso_domain::UnitId(case.unit_id)).await?.ok_or(Error::NotFound)?;
    let actions = app.store().case_actions(case.case_id()).await?;
    let deadlines = schedule(calendar, &CaseDates::of(&case, &actions))?;
    // Petitions and complaints are addressed to their sender, read by those who may read it;
    // a denunciation's documents name nobody.
    let addressee = if case.kind.identity_is_secret() || !may_read_sender(app, actor, &case).await? {
        None
    } else {
        app.store().case_sender(case.case_id()).await?.and_then(|s| s.name)
    };
    if addressee.is_some() {
        // The document names its sender: a download of personal data, kept in the log.
        let entry = coso_store::AuditEntry {
            action: "case.document_export",
            entity: "citizen_case",
            entity_id: case.id.to_string(),
            unit_id: Some(coso_domain::UnitId(case.unit_id)),
            before: None,
            after: Some(serde_json::json!({ "document": which.slug() })),
        };
        app.store().audit(actor.audit(), &entry).await?;
    }
    let date = case.answered_on.or(case.accepted_on).unwrap_or_else(|| app.today());
    Ok(build(which, &case, &unit, &actions, &deadlines, addressee.as_deref(), date))
}

fn build(
    which: CaseDocument,
    case: &CaseRow,
    unit: &UnitRow,
    actions: &[CaseActionRow],
    deadlines: &[DeadlineView],
    addressee: Option<&str>,
    date: chrono::NaiveDate,
) -> Document {
    let committee = committee_of(unit);
    let received = vn(case.received_on);
    let to_whom = addressee.map_or_else(|| "người gửi đơn".to_string(), |n| format!("ông (bà) {n}"));
    let answer = case.public_answer.as_deref().map(paragraphs).unwrap_or_default();
    let chairman =
        Signer { role_line: Some("TM. ỦY BAN NHÂN DÂN".into()), position: Some("CHỦ TỊCH".into()), name: None };
    let mut doc = Document {
        issuer: Some(committee.clone()),
        place: Some(sort_name(&unit.name).to_string()),
        signer: Some(chairman),
        recipients: vec![
            match addressee {
                Some(n) => format!("Ông (bà) {n} (mã theo dõi {});", case.code),
                None => format!("Người gửi đơn (mã theo dõi {});", case.code),
            },
            "Lưu: VT, hồ sơ.".into(),
        ],
        ..Default::default()
    };
    let accepted = case.accepted_on.map(vn).unwrap_or_default();
    match which {
        CaseDocument::Answer => {
            doc.date = Some(date.format("%Y-%m-%d").to_string());
            doc.title = Some("V/v trả lời phản ánh, kiến nghị".into());
            doc.preamble = vec![
                format!("Kính gửi: {}.", capitalised(&to_whom)),
                format!(
                    "Ngày {received}, {committee} nhận được phản ánh, kiến nghị (mã theo dõi {}) với nội dung: {}",
                    case.code, case.content
                ),
            ];
            doc.body = vec![section("", answer)];
            doc.closing = vec![format!("{committee} trả lời để {to_whom} được biết./.")];
        }
        CaseDocument::ComplaintAcceptance => {
            doc.doc_type = Some("TB".into());
            doc.date = case.accepted_on.map(|d| d.format("%Y-%m-%d").to_string());
            doc.title = Some("Về việc thụ lý giải quyết khiếu nại".into());
            let due = due_of(deadlines, "complaint.first").or_else(|| due_of(deadlines, "complaint.second"));
            let mut body = vec![
                format!(
                    "Ngày {received}, {committee} nhận được đơn khiếu nại (mã theo dõi {}) của {to_whom}.",
                    case.code
                ),
                format!(
                    "Xét thấy đơn khiếu nại đủ điều kiện thụ lý theo quy định tại Điều 27 Luật Khiếu nại, {committee} thông báo đã thụ lý giải quyết khiếu nại kể từ ngày {accepted}."
                ),
            ];
            if let Some(d) = due {
                body.push(format!("Thời hạn giải quyết: đến hết ngày {} ({}).", vn(d.due), d.citation));
            }
            doc.body = vec![section("", body)];
            doc.closing = vec![format!("{committee} thông báo để {to_whom} được biết./.")];
        }
        CaseDocument::ComplaintDecision => {
            doc.doc_type = Some("QĐ".into());
            doc.date = Some(date.format("%Y-%m-%d").to_string());
            let instance = if case.instance >= 2 { "lần hai" } else { "lần đầu" };
            doc.title = Some(format!("Về việc giải quyết khiếu nại của {to_whom} ({instance})"));
            doc.preamble = vec![
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;".into(),
                "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;".into(),
                "Căn cứ Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại;".into(),
                format!("Xét đơn khiếu nại (mã theo dõi {}) nhận ngày {received}, thụ lý ngày {accepted},", case.code),
            ];
            let mut window = vec![];
            if let Some(w) = due_of(deadlines, "complaint.second_window") {
                window.push(format!(
                    "Điều 2. Trong thời hạn luật định, đến hết ngày {} ({}), nếu không đồng ý với quyết định này, người khiếu nại có quyền khiếu nại lần hai hoặc khởi kiện vụ án hành chính tại Tòa án theo quy định của pháp luật.",
                    vn(w.due),
                    w.citation
                ));
            }
            let mut decision = vec![format!("Điều 1. {}", answer.first().cloned().unwrap_or_default())];
            decision.extend(answer.iter().skip(1).cloned());
            decision.extend(window);
            decision.push(
                "Điều 3. Người khiếu nại, các cơ quan, đơn vị và cá nhân có liên quan chịu trách nhiệm thi hành quyết định này kể từ ngày ký./.".into(),
            );
            doc.body =
                vec![section("I. NỘI DUNG KHIẾU NẠI", paragraphs(&case.content)), section("II. QUYẾT ĐỊNH", decision)];
            doc.sections = vec!["I. NỘI DUNG KHIẾU NẠI".into(), "II. QUYẾT ĐỊNH".into()];
        }
        CaseDocument::DenunciationAcceptance => {
            doc.doc_type = Some("QĐ".into());
            doc.date = case.accepted_on.map(|d| d.format("%Y-%m-%d").to_string());
            doc.title = Some("Về việc thụ lý tố cáo".into());
            doc.preamble = vec![
                "Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018;".into(),
                "Căn cứ Nghị định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ quy định chi tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo;".into(),
                format!("Xét tố cáo (mã theo dõi {}) nhận ngày {received},", case.code),
            ];
            let mut decision = vec![format!("Điều 1. Thụ lý tố cáo mã theo dõi {} kể từ ngày {accepted}.", case.code)];
            if let Some(d) = due_of(deadlines, "denunciation.resolve") {
                decision.push(format!(
                    "Điều 2. Thời hạn giải quyết tố cáo: đến hết ngày {} ({}).",
                    vn(d.due),
                    d.citation
                ));
            }
            decision.push(
                "Điều 3. Thông tin về người tố cáo được giữ bí mật theo Điều 47, 56 Luật Tố cáo. Quyết định có hiệu lực kể từ ngày ký./.".into(),
            );
            doc.body = vec![section("QUYẾT ĐỊNH", decision)];
            doc.recipients = vec!["Người bị tố cáo;".into(), "Lưu: VT, hồ sơ.".into()];
        }
        CaseDocument::Extension => {
            let last = last_of(actions, CaseActionKind::Extend);
            doc.doc_type = Some("QĐ".into());
            doc.date = last.map(|a| a.on_date.format("%Y-%m-%d").to_string());
            doc.title = Some("Về việc gia hạn giải quyết tố cáo".into());
            doc.preamble = vec![
                "Căn cứ Điều 30 Luật Tố cáo ngày 12 tháng 6 năm 2018;".into(),
                format!("Xét tố cáo (mã theo dõi {}) thụ lý ngày {accepted},", case.code),
            ];
            let days = last
                .and_then(|a| serde_json::from_str::<serde_json::Value>(&a.detail).ok())
                .and_then(|d| d["days"].as_i64())
                .unwrap_or(30);
            let mut decision = vec![format!(
                "Điều 1. Gia hạn giải quyết tố cáo mã theo dõi {} thêm {days} ngày (lần {}).",
                case.code, case.extensions
            )];
            if let Some(d) = due_of(deadlines, "denunciation.resolve") {
                decision.push(format!("Điều 2. Thời hạn giải quyết sau khi gia hạn: đến hết ngày {}.", vn(d.due)));
            }
            decision.push("Điều 3. Quyết định có hiệu lực kể từ ngày ký./.".into());
            doc.body = vec![section("QUYẾT ĐỊNH", decision)];
            doc.recipients = vec!["Người bị tố cáo;".into(), "Lưu: VT, hồ sơ.".into()];
        }
        CaseDocument::Refusal => {
            let last = last_of(actions, CaseActionKind::Refuse);
            doc.doc_type = Some("TB".into());
            doc.date = last.map(|a| a.on_date.format("%Y-%m-%d").to_string());
            doc.title = Some("Về việc không thụ lý đơn".into());
            let ground = last
                .and_then(|a| serde_json::from_str::<serde_json::Value>(&a.detail).ok())
                .and_then(|d| d["ground"].as_str().and_then(|g| g.parse::<RefusalGround>().ok()))
                .map_or_else(String::new, |g| g.label().to_string());
            let whose =
                if case.kind.identity_is_secret() { "người gửi đơn".to_string() } else { to_whom.clone() };
            doc.body = vec![section(
                "",
                vec![
                    format!("Ngày {received}, {committee} nhận được đơn (mã theo dõi {}) của {whose}.", case.code),
                    format!("{committee} không thụ lý đơn với lý do: {ground}."),
                ],
            )];
            doc.closing = vec![format!("{committee} thông báo để {whose} được biết./.")];
            if case.kind.identity_is_secret() {
                doc.recipients = vec!["Người gửi đơn (mã theo dõi);".into(), "Lưu: VT, hồ sơ.".into()];
            }
        }
    }
    doc
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
