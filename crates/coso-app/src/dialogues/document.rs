//! The results of a dialogue (DLG-4) as an official notice in the Decree 30 layout: where and
//! when it was held, each question with its answer, each commitment with its owner unit, due
//! date and progress, and the results text. Hidden questions are left out: the notice is
//! public once the results are published, and it is the file the disclosure carries.

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_documents::{Document, Section, Signer};
use coso_domain::authz::Action;
use coso_domain::dialogue::DialogueStatus;
use coso_domain::unit::sort_name;

use super::access::dialogue_of_unit;
use super::view::{DialogueView, public_view};
use crate::plans::summary::committee_of;
use crate::{Actor, App, Error, Result};

fn vn(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

const GENERAL: &str = "I. THÔNG TIN CHUNG";
const QUESTIONS: &str = "II. CÂU HỎI CỦA NHÂN DÂN VÀ VIỆC TRẢ LỜI";
const COMMITMENTS: &str = "III. CÁC CAM KẾT VÀ TIẾN ĐỘ THỰC HIỆN";
const RESULTS: &str = "IV. KẾT QUẢ HỘI NGHỊ";

fn general(v: &DialogueView) -> Vec<String> {
    let d = &v.dialogue;
    let place = match (&d.place, d.online) {
        (Some(p), true) => format!("{p} và trực tuyến"),
        (Some(p), false) => p.clone(),
        (None, _) => "trực tuyến".to_string(),
    };
    let mut lines = vec![format!("Thời gian: ngày {}. Địa điểm: {place}.", vn(d.held_on))];
    if !v.villages.is_empty() {
        let names: Vec<&str> = v.villages.iter().map(|x| x.name.as_str()).collect();
        lines.push(format!("Thôn, tổ dân phố: {}.", names.join(", ")));
    }
    if let Some(on) = d.announced_on {
        lines.push(format!("Hội nghị được thông báo ngày {}.", vn(on)));
    }
    lines
}

fn questions(v: &DialogueView) -> Vec<String> {
    let shown: Vec<String> = v
        .questions
        .iter()
        .filter(|q| q.hidden_reason.is_none())
        .filter_map(|q| q.body.as_ref().map(|b| (q, b)))
        .enumerate()
        .map(|(i, (q, body))| {
            let answer = q.answer.as_deref().unwrap_or("Chưa trả lời.");
            format!("{}. {} hỏi: {body} Trả lời: {answer}", i + 1, q.author_label)
        })
        .collect();
    if shown.is_empty() { vec!["Hội nghị không nhận được câu hỏi nào.".into()] } else { shown }
}

fn commitments(v: &DialogueView) -> Vec<String> {
    if v.commitments.is_empty() {
        return vec!["Hội nghị không ghi nhận cam kết nào.".into()];
    }
    v.commitments
        .iter()
        .enumerate()
        .map(|(i, c)| {
            format!(
                "{}. {}. Đơn vị chủ trì: {}; hạn hoàn thành: {}; tình trạng: {}, {}%.",
                i + 1,
                c.body.trim_end_matches('.'),
                c.owner_name,
                vn(c.due_on),
                c.status.label().to_lowercase(),
                c.percent
            )
        })
        .collect()
}

/// The results notice of the dialogue `v`, dated `date`.
pub fn results_document(v: &DialogueView, date: NaiveDate) -> Document {
    let issuer = committee_of(&v.unit);
    let results: Vec<String> = match &v.dialogue.results {
        Some(r) => r.split("\n\n").map(str::to_string).collect(),
        None => vec!["Kết quả hội nghị chưa được công bố.".into()],
    };
    let section =
        |heading: &str, paragraphs: Vec<String>| Section { heading: heading.to_string(), paragraphs, children: vec![] };
    Document {
        doc_type: Some("TB".into()),
        issuer: Some(issuer.clone()),
        place: Some(sort_name(&v.unit.name).to_string()),
        date: Some(date.format("%Y-%m-%d").to_string()),
        title: Some(format!("Kết quả hội nghị đối thoại: {}", v.title)),
        preamble: vec![format!(
            "Thực hiện Luật Thực hiện dân chủ ở cơ sở, {issuer} thông báo kết quả hội nghị đối thoại với Nhân dân \
             ngày {} như sau:",
            vn(v.dialogue.held_on)
        )],
        body: vec![
            section(GENERAL, general(v)),
            section(QUESTIONS, questions(v)),
            section(COMMITMENTS, commitments(v)),
            section(RESULTS, results),
        ],
        sections: vec![GENERAL.into(), QUESTIONS.into(), COMMITMENTS.into(), RESULTS.into()],
        closing: vec![format!(
            "Các cam kết được theo dõi công khai trên trang cam kết của {} đến khi hoàn thành./.",
            v.unit.name
        )],
        recipients: vec!["Ủy ban Mặt trận Tổ quốc cấp xã;".into(), "Các thôn, tổ dân phố;".into(), "Lưu: VT.".into()],
        signer: Some(Signer {
            role_line: Some("TM. ỦY BAN NHÂN DÂN".into()),
            position: Some("CHỦ TỊCH".into()),
            name: None,
        }),
        ..Default::default()
    }
}

/// The notice as the officials of the dialogue's unit may read it at any time after the
/// announcement, to check it before the results are published.
pub async fn official_results_document(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    code: &str,
    id: i64,
) -> Result<Document> {
    let (unit, _) = dialogue_of_unit(app, code, id).await?;
    actor.authorize(&unit.unit_path(), Action::HoldDialogues)?;
    let v = public_view(app, calendar, code, id).await?;
    let date = v.dialogue.published_on.unwrap_or_else(|| app.today());
    Ok(results_document(&v, date))
}

/// The notice as anyone may read it, once the results are published.
pub async fn public_results_document(app: &App, calendar: &HolidayCalendar, id: i64) -> Result<Document> {
    let (unit, d) = super::access::unit_of(app, id).await?;
    let Some(published_on) = d.published_on.filter(|_| d.status == DialogueStatus::Published) else {
        return Err(Error::NotFound);
    };
    let v = public_view(app, calendar, &unit.code, id).await?;
    Ok(results_document(&v, published_on))
}
