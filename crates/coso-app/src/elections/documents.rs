//! Mẫu 05 of Decree 59/2023 (the minutes of the meeting proposing the candidates for village
//! head) and the minutes of an annual community conference, as `Document`s in the Decree 30
//! layout, filled from the data.

use coso_documents::{Document, Section, Signer};
use coso_domain::UnitId;
use coso_domain::unit::sort_name;
use coso_store::UnitRow;

use super::view::ElectionView;
use crate::conferences::ConferenceView;
use crate::{App, Error, Result};

fn vn(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The Front Work Committee of a village, which proposes the candidates (VH-4).
fn front_committee(village: &str) -> String {
    format!("Ban công tác Mặt trận {village}")
}

async fn commune_of(app: &App, village: &UnitRow) -> Result<Option<UnitRow>> {
    match village.parent_id {
        Some(p) => Ok(Some(crate::units::by_id(app, UnitId(p)).await?)),
        None => Ok(None),
    }
}

/// Mẫu 05: the minutes proposing the candidates, once the candidate list is recorded.
pub async fn candidates_minutes(app: &App, e: &ElectionView) -> Result<Document> {
    let Some(listed) = e.deadlines.iter().find(|d| d.rule == "election.candidates").and_then(|d| d.met_on) else {
        return Err(Error::Conflict {
            field: "candidates",
            message: "Chưa có danh sách người ứng cử nên chưa lập được biên bản (Mẫu 05).".into(),
        });
    };
    let village = crate::units::by_code(app, &e.unit_code).await?;
    let commune = commune_of(app, &village).await?;
    let names: Vec<String> = e.candidates.iter().enumerate().map(|(i, c)| format!("{}. {}", i + 1, c.name)).collect();
    let issuer = front_committee(&e.unit_name);
    Ok(Document {
        doc_type: Some("BB".into()),
        issuer: Some(issuer.clone()),
        parent_issuer: commune.as_ref().map(|c| format!("Ủy ban Mặt trận Tổ quốc Việt Nam {}", c.name)),
        place: Some(sort_name(&e.unit_name).to_string()),
        date: Some(listed.format("%Y-%m-%d").to_string()),
        title: Some(format!("Hội nghị giới thiệu người ứng cử Trưởng thôn, Tổ trưởng tổ dân phố {}", e.unit_name)),
        preamble: vec![format!(
            "Thực hiện Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ, ngày {}, {issuer} tổ chức hội nghị \
             hiệp thương, thống nhất danh sách người ứng cử Trưởng thôn, Tổ trưởng tổ dân phố để bầu tại cuộc họp \
             cộng đồng dân cư ngày {}.",
            vn(listed),
            vn(e.meeting_on)
        )],
        body: vec![
            Section { heading: "I. DANH SÁCH NGƯỜI ỨNG CỬ".into(), paragraphs: names, children: vec![] },
            Section {
                heading: "II. KẾT LUẬN".into(),
                paragraphs: vec![format!(
                    "Hội nghị thống nhất giới thiệu {} người ứng cử nêu trên và gửi danh sách về Ủy ban nhân dân {} \
                     trước ngày họp bầu ít nhất 15 ngày.",
                    e.candidates.len(),
                    commune.as_ref().map_or("cấp xã", |c| c.name.as_str())
                )],
                children: vec![],
            },
        ],
        sections: vec!["I. DANH SÁCH NGƯỜI ỨNG CỬ".into(), "II. KẾT LUẬN".into()],
        closing: vec!["Biên bản được lập thành 02 bản, gửi Ủy ban nhân dân cấp xã 01 bản, lưu 01 bản./.".into()],
        recipients: vec!["Ủy ban nhân dân cấp xã;".into(), "Lưu.".into()],
        signer: Some(Signer {
            role_line: None, position: Some("TRƯỞNG BAN CÔNG TÁC MẶT TRẬN".into()), name: None
        }),
        ..Default::default()
    })
}

/// The minutes of a conference, once they are recorded.
pub fn conference_minutes(c: &ConferenceView) -> Result<Document> {
    let Some(minutes) = &c.minutes else {
        return Err(Error::Conflict { field: "minutes", message: "Hội nghị chưa có biên bản.".into() });
    };
    let place = c.place.clone().unwrap_or_else(|| c.unit_name.clone());
    let mut record: Vec<String> = minutes.split("\n\n").map(str::to_string).filter(|p| !p.trim().is_empty()).collect();
    if record.is_empty() {
        record.push(minutes.clone());
    }
    Ok(Document {
        doc_type: Some("BB".into()),
        issuer: Some(c.unit_name.clone()),
        place: Some(sort_name(&c.unit_name).to_string()),
        date: Some(c.held_on.format("%Y-%m-%d").to_string()),
        title: Some(format!(
            "Hội nghị định kỳ của cộng đồng dân cư {} năm {}",
            c.unit_name,
            chrono::Datelike::year(&c.held_on)
        )),
        preamble: vec![format!(
            "Thực hiện Điều 33 Luật Thực hiện dân chủ ở cơ sở và Điều 10, Điều 11 Nghị định số 59/2023/NĐ-CP, \
             ngày {}, tại {place}, {} tổ chức hội nghị định kỳ của cộng đồng dân cư.",
            vn(c.held_on),
            c.unit_name
        )],
        body: vec![
            Section {
                heading: "I. DIỄN BIẾN VÀ KẾT QUẢ HỘI NGHỊ".into(), paragraphs: record, children: vec![]
            },
            Section {
                heading: "II. VIỆC CHUẨN BỊ HỘI NGHỊ".into(),
                paragraphs: c
                    .checks
                    .iter()
                    .filter(|k| k.rule != "conference.minutes")
                    .map(|k| k.reason.clone())
                    .collect(),
                children: vec![],
            },
        ],
        sections: vec!["I. DIỄN BIẾN VÀ KẾT QUẢ HỘI NGHỊ".into(), "II. VIỆC CHUẨN BỊ HỘI NGHỊ".into()],
        closing: vec!["Hội nghị kết thúc, biên bản được thông qua trước hội nghị./.".into()],
        signer: Some(Signer { role_line: None, position: Some("CHỦ TRÌ HỘI NGHỊ".into()), name: None }),
        ..Default::default()
    })
}
